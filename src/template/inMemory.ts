// The template's cells as a plain snapshot, without any spreadsheet: what an adapter would read from a
// freshly inserted template, with the user's entries laid over it. Tests, the benchmark and the
// browser harness use it; the adapters read real workbooks instead.
import type { CellSnapshot, Period, RawValue, WorkbookSnapshot } from '../core/types';
import { parseCellName } from '../core/names';
import { COLUMN_ORDER, COLUMNS } from './layout';
import type { TemplateModel } from './model';

/** Entries by defined name (`TH_2`), as a user would type them. `undefined` clears a prefilled cell. */
export type Entries = Record<string, RawValue | undefined>;

export function snapshotOf(model: TemplateModel, entries: Entries = {}, period: Period = 'nam'): WorkbookSnapshot {
  const cells: WorkbookSnapshot['cells'] = {};
  for (const row of model.rows) {
    for (const k of COLUMN_ORDER) {
      const c = row.cells[k];
      if (!c?.name || !parseCellName(c.name)) continue;
      const snap: CellSnapshot = { address: `${COLUMNS[k].letter}${row.row}`, sheet: model.sheetName, value: c.value ?? null };
      if (c.numFmt) snap.numberFormat = c.numFmt;
      cells[c.name] = snap;
    }
  }
  for (const [name, value] of Object.entries(entries)) {
    const cell = cells[name];
    if (!cell) throw new Error(`no template cell named ${name}`);
    cell.value = value ?? null;
  }
  return { period, cells };
}
