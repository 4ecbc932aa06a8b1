// `chitieu summary FILE [--json]`: the report's assessment (Đánh giá) — a ready Vietnamese paragraph, the
// indicators not achieved with their gaps, the growth of indicator 1 by sector. Exit status as `check`:
// 0 no error finding, 1 some (the summary is printed but flagged as not to be trusted), 2 FILE unusable.
import { checkWorkbook } from '../core/engine';
import { fmt } from '../core/format';
import { periodWords } from '../core/period';
import { periodArg } from './periodArg';
import { summarize, type SectorGrowth, type Summary } from '../core/summary';
import { loadPackage } from '../xlsx/io';
import { readSnapshot } from '../xlsx/snapshot';
import { readWorkbookPlan } from '../xlsx/workbookPlan';
import { parseArgs, str, UsageError } from './args';
import type { Io } from './main';

export async function summaryCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['period', 'sheet'], ['json']);
  if (args.positional.length === 0) throw new UsageError('thiếu TỆP.xlsx cần đánh giá');
  if (args.positional.length > 1) throw new UsageError(`chỉ nhận một tệp, không hiểu "${args.positional[1]}"`);
  const file = args.positional[0]!;
  const period = periodArg(str(args, 'period'));
  const wb = await loadPackage(file);
  const { snapshot, cells } = readSnapshot(wb, period, str(args, 'sheet'));
  const { plan } = readWorkbookPlan(wb, snapshot, cells);
  const report = checkWorkbook(snapshot, { indicators: plan.indicators, headings: plan.headings });
  const summary = summarize(report, {
    indicators: plan.indicators, headings: plan.headings,
    ...(snapshot.year !== undefined ? { year: snapshot.year } : {}),
    ...(snapshot.unit !== undefined ? { unit: snapshot.unit } : {}),
    ...(snapshot.baseYear !== undefined ? { baseYear: snapshot.baseYear } : {}),
  });
  if (args.flags.has('json')) io.out(JSON.stringify({ file, ...summary }, null, 2) + '\n');
  else io.out(renderSummary(summary, file));
  return summary.errors > 0 ? 1 : 0;
}

export function renderSummary(s: Summary, file: string): string {
  const lines: string[] = [];
  const basis = s.uoc === undefined ? '' : s.uoc ? 'ước thực hiện ' : 'chính thức ';
  const title = [s.unit, (basis + (s.period === '6t' ? `6 tháng${s.year ? ' năm ' + s.year : ''}` : s.period !== 'nam' ? periodWords(s.period, s.year) : s.year ? `năm ${s.year}` : '')).trim()].filter(Boolean).join(' — ');
  lines.push(`Đánh giá: ${file}${title ? ' — ' + title : ''} (giá so sánh ${s.baseYear})`);
  if (s.errors > 0) lines.push(`LƯU Ý: biểu còn ${s.errors} lỗi; đánh giá dưới đây chưa đáng tin — xem "chitieu check ${file}".`);
  lines.push('', s.paragraph, '');
  lines.push(`Tổng ${s.counted} chỉ tiêu được đánh giá (hai thước đo của chỉ tiêu 1 tính riêng; dòng gộp "giảm cả 3 mặt" không tính thêm): ` +
    `vượt ${s.counts.vuot}, đạt ${s.counts.dat}, chưa đạt ${s.counts['chua-dat']}, chưa có số liệu ${s.counts['khong-du-lieu']}.`);
  if (s.notAchieved.length) {
    lines.push('', `CHỈ TIÊU CHƯA ĐẠT (${s.notAchieved.length})`);
    const w = Math.max(...s.notAchieved.map((x) => key(x.id, x.measure).length));
    for (const x of s.notAchieved) lines.push(`  ${key(x.id, x.measure).padEnd(w)}  ${x.text}`);
  }
  if (s.noData.length) {
    lines.push('', `CHỈ TIÊU CHƯA CÓ SỐ LIỆU (${s.noData.length})`);
    const w = Math.max(...s.noData.map((x) => key(x.id, x.measure).length));
    for (const x of s.noData) lines.push(`  ${key(x.id, x.measure).padEnd(w)}  ${x.name}`);
  }
  if (s.growth.length) {
    lines.push('', 'TĂNG TRƯỞNG CHỈ TIÊU 1 (chỉ số %, đóng góp: điểm phần trăm vào tăng trưởng của dòng trên)');
    for (const g of s.growth) {
      const idx = g.growth === null ? 'chưa tính được' : `${fmt(g.growth, 2)}%`;
      const plan = g.planGrowth === null ? '' : ` (kế hoạch ${fmt(g.planGrowth, 2)}%)`;
      lines.push(`  ${g.name}: ${idx}${plan}${g.previousImplied ? ' — số năm trước suy từ kế hoạch' : ''}`);
      const walk = (list: SectorGrowth[], depth: number) => {
        for (const sct of list) {
          const gi = sct.growth === null ? '—' : `${fmt(sct.growth, 2)}%`;
          const c = sct.contribution === null ? '' : `  đóng góp ${fmt(sct.contribution, 2)}`;
          lines.push(`  ${'  '.repeat(depth)}${sct.id.padEnd(6)} ${sct.name.padEnd(30 - 2 * depth)} ${gi.padStart(9)}${c}`);
          if (sct.parts) walk(sct.parts, depth + 1);
        }
      };
      walk(g.sectors, 1);
    }
  }
  return lines.join('\n') + '\n';
}

const key = (id: string, measure: string | null) => (measure ? `${id}/${measure}` : id);
