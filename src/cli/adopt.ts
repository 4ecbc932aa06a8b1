// The user's own table on the command line (CONTRACT.md, "`check` on the user's own table"):
// `chitieu adopt FILE [--sheet S] [--plan PLAN.json] --out COPY [--json]` attaches the contract's names to
// the recognised cells (sheet-scoped, by patching workbook.xml only), and `chitieu check` on a workbook
// without the template's names — or on a sheet `adopt` named — recognises the table and checks it.
import { errorLine } from './errorLine';
import path from 'path';
import { withEstimate } from '../core/period';
import { periodArg } from './periodArg';
import { planToJson } from '../core/planWrite';
import type { PlanJson } from '../core/planJson';
import { checkRecognized, cleanName, recognizedRows, gridFormats, toAdoptJson, type Recognition, type TableColumn } from '../core/recognize';
import type { IndicatorResult, Period } from '../core/types';
import { adoptedCopy, adoptedFrom, AdoptConflict } from '../xlsx/adopt';
import { flaggedCopy } from '../xlsx/flags';
import { loadPackage, saveNewFile } from '../xlsx/io';
import { namedCellsOf, type XlsxPackage } from '../xlsx/package';
import { excelName, findTable, recognizedNames, type Found } from '../xlsx/recognizedSource';
import { cellName, parseCellName } from '../core/names';
import { templatesOf } from '../xlsx/snapshot';
import { parseArgs, str, UsageError } from './args';
import { planNames, renderReport } from './table';
import type { Io } from './main';
import { readPlan } from './planArg';

/** The plan given with `--plan`, as plan JSON (recognition matches against it), read and validated as `template --plan` reads it. */
export async function loadPlanJson(file: string): Promise<PlanJson> {
  return planToJson(await readPlan(file));
}

const COLUMN_WORDS: Record<TableColumn, string> = {
  TT: 'TT', TEN: 'Chỉ tiêu', DVT: 'ĐVT', KH: 'Kế hoạch', KHTT: 'Chỉ số kế hoạch', TN: 'Cùng kỳ/năm trước', TH: 'Thực hiện',
  PT: '% so kế hoạch (bảng ghi)', CS: 'So cùng kỳ (bảng ghi)', DG: 'Đánh giá (bảng ghi)', GC: 'Ghi chú',
};

function noTable(io: Io, reason: string): number {
  io.err(errorLine(reason));
  return 2;
}

/** findTable, with a used range too large to read as one clear line. */
function find(pkg: XlsxPackage, options: Parameters<typeof findTable>[1]): Found {
  try {
    return findTable(pkg, options);
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, reason: err.message };
    throw err;
  }
}

export async function adoptCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'sheet', 'plan'], ['json']);
  const file = one(args.positional);
  const out = str(args, 'out');
  if (!out) throw new UsageError('thiếu --out BẢN-SAO.xlsx (adopt ghi một bản sao có tên ô, không sửa tệp gốc)');
  if (path.resolve(out) === path.resolve(file)) throw new UsageError('--out phải là một tệp khác tệp gốc (không bao giờ sửa tệp gốc)');
  const planPath = str(args, 'plan');
  const plan = planPath === undefined ? null : await loadPlanJson(planPath);
  const pkg = await loadPackage(file);
  const sheet = str(args, 'sheet');
  const found = find(pkg, { plan, ...(sheet !== undefined ? { sheet } : {}) });
  if (!found.ok) return noTable(io, found.reason);
  const rec = found.table;
  if (!rec.rows.length) return noTable(io, `trang "${rec.sheet}" có bảng (tiêu đề dòng ${rec.headerRows.join(', ')}) nhưng không dòng nào khớp với kế hoạch${planPath ? ` "${planPath}"` : ''}`);
  let copy;
  try {
    copy = adoptedCopy(pkg, rec);
  } catch (err) {
    if (err instanceof AdoptConflict) return noTable(io, err.message);
    throw err;
  }
  await saveNewFile(copy.bytes, out);
  if (args.flags.has('json')) io.out(JSON.stringify(toAdoptJson(rec), null, 2) + '\n');
  else io.out(adoptSummary(rec, file, out, copy.names.length));
  return 0;
}

/** The readable summary of `adopt`: columns, rows matched, rows left out and why. */
export function adoptSummary(rec: Recognition, file: string, out: string, names: number): string {
  const lines: string[] = [];
  const head = rec.headerRows.length > 1 ? `dòng ${rec.headerRows[0]}–${rec.headerRows[rec.headerRows.length - 1]}` : `dòng ${rec.headerRows[0]}`;
  lines.push(`Bảng của người dùng trong ${file}, trang "${rec.sheet}": tiêu đề ở ${head}, số liệu từ dòng ${rec.firstRow} đến dòng ${rec.lastRow}.`);
  lines.push('', `Cột nhận được (${Object.keys(rec.columns.letters).length}):`);
  const byPlace = (Object.entries(rec.columns.letters) as [TableColumn, string][]).sort(([, a], [, b]) => a.length - b.length || a.localeCompare(b));
  for (const [col, letter] of byPlace) {
    const header = (rec.columns.headers[col] ?? '').replace(/\s+/g, ' ').trim();
    lines.push(`  ${letter.padEnd(3)} ${COLUMN_WORDS[col]}${header ? ` — "${header}"` : ''}`);
  }
  lines.push('', `Dòng chỉ tiêu khớp (${rec.rows.length}):`);
  for (const r of rec.rows) {
    lines.push(`  dòng ${String(r.row).padEnd(4)} ${(r.id + (r.measure ? '/' + r.measure : '')).padEnd(9)} ${cleanName(r.name).slice(0, 60)} (quy tắc ${r.rule})`);
  }
  if (rec.unmatched.length) {
    lines.push('', `Dòng không khớp (${rec.unmatched.length}):`);
    for (const u of rec.unmatched) lines.push(`  dòng ${u.row} "${u.text}": ${u.reason}`);
  }
  if (rec.missing.length) {
    lines.push('', `Chỉ tiêu của kế hoạch không có dòng nào trong bảng (${rec.missing.length}):`);
    for (const m of rec.missing) lines.push(`  ${m.id} ${m.name}`);
  }
  if (rec.moreTables.length) lines.push('', `Bên dưới còn bảng khác (tiêu đề ở dòng ${rec.moreTables.join(', ')}): chưa đọc.`);
  lines.push('', `Đã ghi bản sao ${out}: ${names} tên ô gắn vào các ô trên trang "${rec.sheet}" (phạm vi trang); mọi giá trị, định dạng và ô gộp giữ nguyên.`);
  return lines.join('\n') + '\n';
}

/**
 * `check`: a workbook with the template's names goes to `templateCheck` unchanged; a workbook without
 * them (or a sheet `adopt` named) is recognised and checked here.
 */
export async function checkCommandWithTables(argv: readonly string[], io: Io, templateCheck: (argv: readonly string[], io: Io) => Promise<number>): Promise<number> {
  const args = parseArgs(argv, ['out', 'period', 'sheet', 'plan'], ['json']);
  const file = one(args.positional);
  const pkg = await loadPackage(file);
  const sheet = str(args, 'sheet');
  const templates = templatesOf(pkg);
  const hasWorkbookTemplate = templates.some((t) => t.scope === 'workbook');
  const chosen = sheet !== undefined ? templates.find((t) => t.sheet === pkg.sheet(sheet)?.name)
    : hasWorkbookTemplate ? templates.find((t) => t.scope === 'workbook') : templates.length === 1 ? templates[0] : undefined;
  const adopted = chosen && chosen.scope === 'sheet' ? adoptedFrom(pkg, chosen.sheet) : null;
  // A workbook that still has the template's names (some deleted, or on a sheet renamed by another tool)
  // is a damaged template: the template path says what is wrong with it.
  const templateNames = [...namedCellsOf(pkg).workbook.keys()].some((k) => parseCellName(k) !== null);
  const own = adopted !== null || (sheet !== undefined ? !chosen && !!pkg.sheet(sheet) : templates.length === 0 && !templateNames);
  if (!own) return templateCheck(argv, io);

  const out = str(args, 'out');
  if (out && path.resolve(out) === path.resolve(file)) throw new UsageError('--out phải là một tệp khác tệp đang kiểm tra (không bao giờ sửa tệp gốc)');
  const reading = periodArg(str(args, 'period'));
  const period: Period = reading?.period ?? 'nam';
  const planPath = str(args, 'plan');
  const plan = planPath === undefined ? null : await loadPlanJson(planPath);
  const target = adopted !== null ? chosen!.sheet : sheet;
  const found = find(pkg, { plan, ...(target !== undefined ? { sheet: target } : {}), ...(adopted ? { fromRow: adopted } : {}) });
  if (!found.ok) return noTable(io, `không có biểu chỉ tiêu (không có ô mang tên TH_…) và không nhận dạng được bảng của người dùng — ${found.reason.charAt(0).toLowerCase()}${found.reason.slice(1)}`);
  const rec = found.table;
  if (!rec.rows.length) return noTable(io, `trang "${rec.sheet}" có bảng (tiêu đề dòng ${rec.headerRows.join(', ')}) nhưng không dòng nào khớp với kế hoạch${planPath ? ` "${planPath}"` : ''}`);
  if (!rec.columns.letters.TH) {
    return noTable(io, `không có biểu chỉ tiêu (không có ô mang tên TH_…); bảng ở trang "${rec.sheet}" (tiêu đề dòng ${rec.headerRows[0]}) không có cột Thực hiện / Ước thực hiện nên không có gì để kiểm tra`);
  }
  if (adopted !== null) followNames(pkg, rec);

  const json = args.flags.has('json');
  const say = json ? io.err : io.out;
  say(`Nhận dạng bảng của người dùng ở sheet "${rec.sheet}": ${rec.rows.length} chỉ tiêu, ${Object.keys(rec.columns.letters).length} cột` +
    `${rec.unmatched.length ? `, ${rec.unmatched.length} dòng không khớp (xem: chitieu adopt)` : ''}${adopted !== null ? ' — theo tên ô đã gắn bằng chitieu adopt' : ''}.\n`);
  const report = withEstimate(checkRecognized(rec, { period, format: gridFormats(found.grid, rec) }), reading?.estimate);
  if (out) await saveNewFile(flaggedCopy(pkg, recognizedNames(rec), report), out);
  if (json) io.out(JSON.stringify(report, null, 2) + '\n');
  else {
    const names = new Map(rec.rows.map((r) => [`${r.id}/${r.measure ?? ''}`, cleanName(r.name)]));
    const headings = planNames(recognizedRows(rec));
    io.out(renderReport(report, file, (r: IndicatorResult) => names.get(`${r.id}/${r.measure ?? ''}`) ?? headings(r)));
    if (out) io.out(`\nĐã ghi bản sao có đánh dấu: ${out}\n`);
  }
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * On a sheet `adopt` named, the names win over where recognition found the cells: a user who moved a
 * column or typed the figures elsewhere keeps the cells the names point at.
 */
function followNames(pkg: XlsxPackage, rec: Recognition): void {
  const names = namedCellsOf(pkg).bySheet.get(rec.sheet);
  if (!names) return;
  const moved = new Map<string, { row: Recognition['rows'][number]; col: TableColumn }[]>();
  for (const row of rec.rows) {
    for (const col of ['KH', 'KHTT', 'TN', 'TH', 'CS', 'PT', 'DG', 'GC'] as const) {
      const named = names.get(excelName(cellName(col, row.id, row.measure)).toUpperCase());
      if (!named || named.sheet !== rec.sheet || named.address === row.cells[col]) continue;
      if (!moved.has(named.address)) moved.set(named.address, []);
      moved.get(named.address)!.push({ row, col });
    }
  }
  if (!moved.size) return;
  const read = pkg.readCells(rec.sheet, moved.keys());
  for (const [address, uses] of moved) {
    for (const { row, col } of uses) {
      row.cells[col] = address;
      row.values[col] = read.get(address)?.value ?? null;
    }
  }
}

function one(positional: string[]): string {
  if (positional.length === 0) throw new UsageError('thiếu TỆP.xlsx');
  if (positional.length > 1) throw new UsageError(`chỉ nhận một tệp, không hiểu "${positional[1]}"`);
  return positional[0]!;
}
