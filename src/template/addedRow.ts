// The live formulas of an indicator row the user added in Excel (an id in TT, a name, a requirement): the
// template's own formulas for its rule (rowFormulas), so the row judges itself in the sheet like the rows
// the template drew. They refer to the row's cells by A1 address, not by name: the adapters queue the
// formulas and the row's names in one batch, and a batch Excel stops half-way must not leave a formula
// pointing at a name that was never made (Excel would show #NAME?).
import type { Indicator } from '../core/catalog';
import type { OutputColumn } from '../core/names';
import { planDecimals, writtenDecimals } from '../core/precision';
import type { CellSnapshot } from '../core/types';
import { rowFormulas, type FormulaInput } from './formulas';
import { COLUMNS } from './layout';

/** The formula columns of a row: CS chỉ số tăng trưởng, PT % so kế hoạch, DG đánh giá. */
export type FormulaColumn = Exclude<OutputColumn, 'GC'>;
export const FORMULA_COLUMNS: readonly FormulaColumn[] = ['CS', 'PT', 'DG'];

/** Where the row's columns are on the sheet (the user may have inserted columns): letters by column. */
export type RowLetters = Partial<Record<FormulaInput | FormulaColumn, string>>;

const DEFAULT_LETTERS: Record<FormulaInput | FormulaColumn, string> = {
  KH: COLUMNS.plan.letter, KHTT: COLUMNS.planIndex.letter, TN: COLUMNS.previous.letter, TH: COLUMNS.actual.letter,
  CS: COLUMNS.growth.letter, PT: COLUMNS.percent.letter, DG: COLUMNS.status.letter,
};

export interface LiveCell {
  column: FormulaColumn;
  /** A1 address of the cell on the template's sheet. */
  address: string;
  /** en-US formula without the leading "=" (as an .xlsx `<f>` holds it; Office.js wants "=" before it). */
  formula: string;
}

/**
 * The formula cells of an added row, in the order CS, PT, DG; a column the rule computes nothing in (no
 * growth for a level, no % for "tăng") is left out. `planCell`: the row's KH cell as read — its figure's
 * written precision is what the engine compares at, so the formulas round to the same decimals.
 */
export function addedRowFormulas(ind: Indicator, row: number, letters: RowLetters, planCell: CellSnapshot | undefined): LiveCell[] {
  const at = (c: FormulaInput | FormulaColumn) => `${letters[c] ?? DEFAULT_LETTERS[c]}${row}`;
  const kh = planCell?.value;
  const d = typeof kh === 'number' ? writtenDecimals(kh, planCell?.numberFormat) : planDecimals(ind, null);
  // An added row's requirement never has a plan index (a "tăng trưởng" rule is refused for it): 0 decimals.
  const f = rowFormulas(ind, null, d, 0, at);
  const out: LiveCell[] = [];
  if (f.growth !== null) out.push({ column: 'CS', address: at('CS'), formula: f.growth });
  if (f.percent !== null) out.push({ column: 'PT', address: at('PT'), formula: f.percent });
  out.push({ column: 'DG', address: at('DG'), formula: f.status });
  return out;
}

const WHAT: Record<FormulaColumn, string> = { CS: 'chỉ số tăng trưởng', PT: '% so kế hoạch', DG: 'đánh giá' };

/** The note for a formula cell of an added row that holds what the user typed: kept, no formula there. */
export function keptCellNote(cell: LiveCell, id: string): string {
  return `Ô ${cell.address} (${WHAT[cell.column]} của chỉ tiêu mới ${id}) đã có nội dung: giữ nguyên, không ghi công thức vào ô này.`;
}
