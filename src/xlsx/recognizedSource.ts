// A sheet of the user's own, read through the package layer for table recognition: the used range as a
// plain grid (values, merges, number formats), the first sheet that holds a table, and the contract's
// names of the cells a recognition found (what `adopt` writes and what `check --out` flags).
import { cellName, type NamedColumn } from '../core/names';
import { recognizeTable, type MergeArea, type Recognition, type SheetGrid, type TableColumn } from '../core/recognize';
import type { PlanJson } from '../core/planJson';
import type { RawValue } from '../core/types';
import type { NamedCell } from './definedNames';
import { parseRef, type XlsxPackage } from './package';

/** The most cells of a used range recognition reads (a 500-row report is about 6 000). */
export const MAX_TABLE_CELLS = 2_000_000;

/** Sheet-scoped name `adopt` gives the table's first header cell: this sheet's names are a recognised table. */
export const ADOPTED_MARK = 'CHITIEU_BANG_RIENG';

/** The columns whose cells get the contract's names (KH/KHTT/TN/TH, and the output columns flags use). */
const NAMED: readonly (TableColumn & NamedColumn)[] = ['KH', 'KHTT', 'TN', 'TH', 'CS', 'PT', 'DG', 'GC'];

/** The sheet's used range as core reads it: from its first to its last non-empty cell (or merge). */
export function packageGrid(pkg: XlsxPackage, sheet: string): SheetGrid {
  const read = pkg.readGrid(sheet);
  const merges: MergeArea[] = [];
  for (const m of read.merges) {
    const [a, b] = m.replace(/\$/g, '').split(':');
    const p = parseRef(a!);
    const q = b ? parseRef(b) : p;
    if (p && q) merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
  }
  // Bounds over what shows: empty cells that only carry a style (a sheet formatted to row 65 536) do not count.
  const filled = read.cells.filter((c) => c.value !== null && c.value !== '');
  if (!filled.length) return { name: read.sheet, cells: [], merges };
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const c of filled) {
    top = Math.min(top, c.row); left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row); right = Math.max(right, c.col);
  }
  for (const m of merges) {
    if (m.top > bottom || m.left > right) continue;
    bottom = Math.max(bottom, Math.min(m.bottom, bottom + 5)); right = Math.max(right, Math.min(m.right, right + 5));
  }
  if ((bottom - top + 1) * (right - left + 1) > MAX_TABLE_CELLS) {
    throw new RangeError(`trang "${read.sheet}" có vùng dữ liệu quá lớn để nhận dạng (${bottom - top + 1} dòng × ${right - left + 1} cột)`);
  }
  const cells: RawValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<RawValue>(right - left + 1).fill(null));
  const formats: (string | null)[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string | null>(right - left + 1).fill(null));
  for (const c of read.cells) {
    if (c.row < top || c.row > bottom || c.col < left || c.col > right) continue;
    cells[c.row - top]![c.col - left] = c.value;
    if (c.numFmt) formats[c.row - top]![c.col - left] = c.numFmt;
  }
  return { name: read.sheet, cells, merges, origin: { row: top, col: left }, formats };
}

export type Found = { ok: true; grid: SheetGrid; table: Recognition } | { ok: false; reason: string };

/**
 * The table on `sheet`, or on the first sheet (in workbook order, visible ones first) that has one.
 * `fromRow`: look for the header from this row on (an adopted sheet's mark).
 */
export function findTable(pkg: XlsxPackage, options: { sheet?: string; plan?: PlanJson | null; fromRow?: number } = {}): Found {
  const plan = options.plan ?? null;
  const attempt = (name: string): Found => {
    const grid = packageGrid(pkg, name);
    const res = recognizeTable(grid, { plan, ...(options.fromRow ? { fromRow: options.fromRow } : {}) });
    return res.ok ? { ok: true, grid, table: res.table } : { ok: false, reason: res.reason };
  };
  if (options.sheet !== undefined) {
    const info = pkg.sheet(options.sheet);
    if (!info) return { ok: false, reason: `không có trang "${options.sheet}" trong sổ tính (các trang: ${pkg.sheets.map((s) => `"${s.name}"`).join(', ')})` };
    if (!info.part) return { ok: false, reason: `trang "${info.name}" không phải trang tính có ô (trang biểu đồ?)` };
    return attempt(info.name);
  }
  const order = [...pkg.sheets.filter((s) => s.part && s.state === 'visible'), ...pkg.sheets.filter((s) => s.part && s.state !== 'visible')];
  const reasons: string[] = [];
  for (const s of order) {
    const found = attempt(s.name);
    if (found.ok) return found;
    reasons.push(found.reason);
  }
  if (order.length === 1) return { ok: false, reason: reasons[0]! };
  return { ok: false, reason: `không tìm thấy bảng chỉ tiêu trên trang nào trong ${order.length} trang của sổ tính: cần một dòng tiêu đề nêu cột Chỉ tiêu/Nội dung và Kế hoạch hoặc Thực hiện` };
}

/** A contract name as Excel accepts it: letters, digits, `_` and `.` only ("TH_2_a", "KH_III_4"). */
export function excelName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9_.]/g, '_');
}

/**
 * The recognised cells under the contract's names, keyed as findings name them (upper case): every
 * matched row's KH/KHTT/TN/TH and, where the table has them, its CS/PT/DG/GC cells.
 */
export function recognizedNames(rec: Recognition): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  for (const row of rec.rows) {
    for (const col of NAMED) {
      const address = row.cells[col];
      if (!address) continue;
      const key = cellName(col, row.id, row.measure).toUpperCase();
      if (!out.has(key)) out.set(key, { name: excelName(cellName(col, row.id, row.measure)), sheet: rec.sheet, address });
    }
  }
  return out;
}
