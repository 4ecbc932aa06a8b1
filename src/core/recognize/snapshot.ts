// A recognised table as the engine's WorkbookSnapshot: each matched row's KH/KHTT/TN/TH cells under the
// contract's names (KH_4_1, TH_1_2_SX …), as if the template's names were on them. This is what `check`
// runs the engine on for a seed-plan table, and what the adapters' names will point at.
import { cellName } from '../names';
import type { CellSnapshot, InputColumn, Period, WorkbookSnapshot } from '../types';
import type { Recognition } from './types';

const INPUTS: readonly InputColumn[] = ['KH', 'KHTT', 'TN', 'TH'];

export function recognitionSnapshot(rec: Recognition, period: Period = 'nam', format?: (address: string) => string | null): WorkbookSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  for (const row of rec.rows) {
    for (const col of INPUTS) {
      const address = row.cells[col];
      if (!address) continue;
      const numberFormat = format?.(address) ?? undefined;
      cells[cellName(col, row.id, row.measure)] = {
        address, sheet: rec.sheet, value: row.values[col] ?? null, ...(numberFormat ? { numberFormat } : {}),
      };
    }
  }
  return { period, cells, ...(rec.columns.year ? { year: rec.columns.year } : {}) };
}
