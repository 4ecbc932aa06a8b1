// `chitieu merge UNIT1.xlsx UNIT2.xlsx … --out TONG-HOP.xlsx [--unit "TÊN"] [--json]`: consolidates the
// reporting units' workbooks (see src/xlsx/merge.ts for the rules). Exit status: 0 every unit merged,
// 1 some unit left out (the others are merged and written), 2 nothing written (bad arguments, --out
// exists, or no unit could be merged).
import { promises as fs } from 'fs';
import path from 'path';
import { FileProblem, saveNewWorkbook } from '../xlsx/io';
import { mergeUnitFiles, BY_UNIT_SHEET, type MergeOutcome } from '../xlsx/merge';
import { parseArgs, str, UsageError } from './args';
import type { Io } from './main';
import { periodText } from '../core/period';
import { estimateMixText } from '../core/consolidate';

export async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'unit'], ['json']);
  const out = str(args, 'out');
  if (!out) throw new UsageError('thiếu --out TỆP-TỔNG-HỢP.xlsx');
  const files = args.positional;
  if (files.length === 0) throw new UsageError('thiếu các tệp của đơn vị cần tổng hợp');
  const seen = new Set<string>();
  for (const f of files) {
    const abs = path.resolve(f);
    if (abs === path.resolve(out)) throw new UsageError(`--out không được trùng tệp đơn vị "${f}"`);
    if (seen.has(abs)) throw new UsageError(`tệp "${f}" được nêu hai lần`);
    seen.add(abs);
  }
  if (await exists(out)) throw new FileProblem(`tệp "${out}" đã có; không ghi đè — hãy chọn tên khác hoặc xoá tệp cũ`);
  const unit = str(args, 'unit');
  const outcome = await mergeUnitFiles(files, unit ? { unit } : {});
  const written = outcome.workbook !== null;
  if (outcome.workbook) await saveNewWorkbook(outcome.workbook, out);
  if (args.flags.has('json')) io.out(JSON.stringify(mergeJson(outcome, out, written), null, 2) + '\n');
  else io.out(renderMerge(outcome, out));
  if (!written) {
    io.err(`chitieu: không có tệp đơn vị nào dùng được để tổng hợp; không ghi "${out}"\n`);
    return 2;
  }
  return outcome.excluded.length ? 1 : 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The --json object (documented in README). */
export function mergeJson(o: MergeOutcome, out: string, written: boolean) {
  const errors = o.report ? o.report.findings.filter((f) => f.severity === 'error').length : 0;
  return {
    out, written,
    period: o.period,
    // Extensions, only when the units say: ước (true) / chính thức (false), and which units differ in it.
    ...(o.estimate !== undefined ? { uoc: o.estimate } : {}),
    ...(o.estimateMixed ? { estimateMixed: o.estimateMixed } : {}),
    year: o.year, baseYear: o.baseYear, unit: o.unit,
    included: o.included,
    excluded: o.excluded,
    levelsKept: o.levelsKept,
    levelsLeftEmpty: o.levelsLeftEmpty,
    incomplete: o.incomplete,
    passNotMet: o.passNotMet,
    averaged: o.averaged,
    weightsMissing: o.weightsMissing,
    mergedErrors: errors,
  };
}

const where = (u: { file: string; sheet?: string }) => (u.sheet === undefined ? u.file : `${u.file}, trang "${u.sheet}"`);

export function renderMerge(o: MergeOutcome, out: string): string {
  const lines: string[] = [];
  const total = o.included.length + o.excluded.length;
  if (o.workbook) {
    const when = [o.year ? `năm ${o.year}` : null, o.period !== 'nam' || o.estimate !== undefined ? `báo cáo ${periodText(o.period, o.estimate).toLowerCase()}` : null, `giá so sánh ${o.baseYear}`].filter(Boolean).join(', ');
    lines.push(`Đã tổng hợp ${o.included.length}/${total} đơn vị vào ${out} (${when}):`);
    for (const u of o.included) lines.push(`  + ${u.unit} (${where(u)})${u.warnings ? ` — ${u.warnings} cảnh báo` : ''}`);
    const mixed = estimateMixText(o);
    if (mixed) lines.push(`  Chú ý: ${mixed}`);
  } else {
    lines.push(`Không tổng hợp được: không có đơn vị nào dùng được (0/${total}).`);
  }
  if (o.excluded.length) {
    lines.push('', `KHÔNG ĐƯA VÀO (${o.excluded.length})`);
    for (const e of o.excluded) {
      lines.push(`  - ${where(e)}${e.unit ? ` (${e.unit})` : ''}: ${e.message}`);
      for (const f of e.errors) {
        const cell = [f.cell, f.name].filter(Boolean).join(' ');
        lines.push(`      ${where(e)}${cell ? ' [' + cell + ']' : ''} ${f.code}: ${f.message}`);
      }
    }
  }
  if (o.workbook) {
    lines.push('',
      'Cách tổng hợp:',
      '  - Chỉ tiêu cộng dồn (tiền, người, vụ): cộng từng ô kế hoạch, năm trước, thực hiện; chỉ số KH của chỉ tiêu 1 tính lại = ΣKH ÷ Σ(KH ÷ chỉ số KH × 100) × 100.',
      `  - Chỉ tiêu tỷ lệ, mức, tiêu chí: không cộng; giữ khi mọi đơn vị như nhau (${o.levelsKept.length} ô), để trống khi khác nhau (${o.levelsLeftEmpty.length} ô${o.levelsLeftEmpty.length ? ': ' + o.levelsLeftEmpty.join(', ') : ''}). Số của từng đơn vị ở trang "${BY_UNIT_SHEET}".`,
      '  - Đạt/Chưa đạt: "Đạt" khi mọi đơn vị đạt, "Chưa đạt" khi có đơn vị chưa đạt.');
    for (const p of o.passNotMet) lines.push(`    ${p.id}: chưa đạt ở ${p.units.join(', ')}`);
    lines.push(o.averaged.length
      ? `  - Bình quân theo quyền số (cột "Quyền số" của mọi đơn vị) ${o.averaged.length} ô: ${o.averaged.map((a) => `${a.name} (theo ${a.weight.toLowerCase()})`).join(', ')}.`
      : '  - Không ô tỷ lệ nào được tính bình quân: không có chỉ tiêu nào mà mọi đơn vị đều nhập quyền số (cột "Quyền số": dân số, số hộ…).');
    for (const w of o.weightsMissing) lines.push(`    ${w.id}: không tính bình quân vì thiếu quyền số (${w.weight.toLowerCase()}) ở ${w.missingFrom.join(', ')}`);
    if (o.incomplete.length) {
      lines.push(`  - Để trống vì có đơn vị chưa có số (${o.incomplete.length} ô):`);
      for (const i of o.incomplete) lines.push(`    ${i.name}: thiếu ở ${i.missingFrom.join(', ')}`);
    }
    const errors = o.report ? o.report.findings.filter((f) => f.severity === 'error').length : 0;
    lines.push('', errors ? `Chú ý: biểu tổng hợp còn ${errors} lỗi — chạy "chitieu check ${out}".` : `Biểu tổng hợp không có lỗi; kiểm tra/đánh giá tiếp: chitieu check ${out} · chitieu summary ${out}`);
  }
  return lines.join('\n') + '\n';
}
