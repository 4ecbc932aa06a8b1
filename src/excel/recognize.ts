// "Nhận dạng bảng có sẵn": the active sheet's table of the user's own (or the selection, when it is more
// than one cell) read in one round trip — values, number formats and, where Excel has ExcelApi 1.13, merged
// areas — and recognised by core; then, once the user confirms, the contract's names attached to its cells
// in two round trips. Nothing here writes a cell value.
import type { AdoptOutcome, RecognitionView } from '../core/actions';
import { ADOPTED_MARK, adoptedNames, corrected, recognizeTable, toAdoptedTable, type AdoptCorrections, type MergeArea, type Recognition, type SheetGrid } from '../core/recognize';
import type { PlanJson } from '../core/planJson';
import type { RawValue } from '../core/types';
import type { Features } from './features';
import { newSheetKey } from './marker';
import { rawOf, splitAddress } from './snapshot';

import { adoptedSettingKey } from './adoptedKeys';

export { ADOPTED_SETTING, adoptedKey, adoptedSettingKey } from './adoptedKeys';

interface Rect { row: number; col: number; rows: number; cols: number }

/** "A1:C3" (no sheet) → 1-based rectangle. */
function rectOf(a1: string): Rect | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
  if (!m) return null;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c0, r0] = [col(m[1]!), Number(m[2])];
  const [c1, r1] = m[3] ? [col(m[3]), Number(m[4])] : [c0, r0];
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/** The sheet (or selection) as core's SheetGrid, and the recognition. One round trip. */
export async function readOwnTable(context: Excel.RequestContext, features: Features, plan: PlanJson | null = null): Promise<{ grid: SheetGrid | null; view: RecognitionView }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
  const used = sheet.getUsedRange(true).load('address,values,valueTypes,numberFormat');
  const selection = context.workbook.getSelectedRange().load('address,rowCount,columnCount');
  const merged = features.merges ? readMerges(used) : null;
  await context.sync();

  const [, usedA1] = splitAddress(used.address);
  const area = rectOf(usedA1)!;
  const [, selA1] = splitAddress(selection.address);
  const sel = selection.rowCount * selection.columnCount > 1 ? rectOf(selA1) : null;
  // The selection, clipped to what the sheet holds (a whole column selected is its used part).
  const top = sel ? Math.max(sel.row, area.row) : area.row;
  const left = sel ? Math.max(sel.col, area.col) : area.col;
  const bottom = sel ? Math.min(sel.row + sel.rows, area.row + area.rows) - 1 : area.row + area.rows - 1;
  const right = sel ? Math.min(sel.col + sel.cols, area.col + area.cols) - 1 : area.col + area.cols - 1;
  if (bottom < top || right < left) return { grid: null, view: { ok: false, reason: 'Vùng đang chọn không có dữ liệu. Hãy chọn bảng chỉ tiêu (hoặc chỉ chọn một ô để đọc cả sheet).' } };
  const cells: RawValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const i = r - area.row;
    const row: RawValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const j = c - area.col;
      row.push(rawOf(used.values[i]![j], String(used.valueTypes[i]![j])));
      const f = used.numberFormat[i]![j];
      fmts.push(typeof f === 'string' && f !== 'General' ? f : null);
    }
    cells.push(row);
    formats.push(fmts);
  }
  const merges = (features.merges && merged && !merged.isNullObject ? mergeAreas(merged.address) : [])
    .filter((m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right);
  const grid: SheetGrid = { name: sheet.name, cells, merges, origin: { row: top, col: left }, formats };
  const res = recognizeTable(grid, { plan });
  const view: RecognitionView = res.ok
    ? { ok: true, table: res.table, fromSelection: sel !== null, mergesUnread: !features.merges }
    : { ok: false, reason: res.reason };
  return { grid, view };
}

/** Only called where `features.merges` is on (ExcelApi 1.13). */
function readMerges(used: Excel.Range): Excel.RangeAreas {
  return used.getMergedAreasOrNullObject().load('address');
}

/** "'Biểu 01'!A5:A6,'Biểu 01'!D4:E4" → merged areas. */
export function mergeAreas(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  // Sheet names may hold commas: split on the commas that start a new "sheet!ref".
  for (const part of address.split(/,(?=(?:'[^']*(?:''[^']*)*'|[^,'!]+)!)/)) {
    const [, a1] = splitAddress(part);
    const r = rectOf(a1);
    if (r) out.push({ top: r.row, left: r.col, bottom: r.row + r.rows - 1, right: r.col + r.cols - 1 });
  }
  return out;
}

/**
 * Attaches the names: one round trip to see the sheet's own names (a name already there is never
 * replaced), one to add every name, the mark and the table's rows (in the workbook's settings).
 */
export async function adoptTable(context: Excel.RequestContext, table: Recognition, corrections?: AdoptCorrections): Promise<AdoptOutcome> {
  const rec = corrected(table, corrections);
  const sheet = context.workbook.worksheets.getItem(rec.sheet);
  const own = sheet.names.load('items/name,items/scope');
  await context.sync();
  const names = adoptedNames(rec);
  const existing = new Set(own.items.filter((n) => n.scope === 'Worksheet').map((n) => n.name.toUpperCase()));
  const clash = names.find((n) => existing.has(n.name.toUpperCase()));
  if (clash) return { kind: 'conflict', sheet: rec.sheet, name: clash.name };
  const key = newSheetKey();
  for (const n of names) {
    sheet.names.add(n.name, sheet.getRange(n.address), n.name === ADOPTED_MARK ? `chitieu:bang:${key}` : undefined);
  }
  context.workbook.settings.add(adoptedSettingKey(key), JSON.stringify(toAdoptedTable(rec)));
  await context.sync();
  return { kind: 'adopted', sheet: rec.sheet, names: names.length };
}
