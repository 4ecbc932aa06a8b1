// `chitieu describe`: each indicator (and measure) → its cells, read from the defined names.
import { parseCellName, rowKey, type NamedColumn } from '../core/names';
import type { Measure, Period } from '../core/types';
import { readSnapshot, type Workbookish } from './snapshot';

export interface Description {
  period: Period;
  year: number | null;
  unit: string | null;
  indicators: { id: string; measure: Measure | null; sheet: string; cells: Partial<Record<NamedColumn, string>> }[];
}

export function describeWorkbook(wb: Workbookish, sheet?: string): Description {
  const { snapshot, cells } = readSnapshot(wb, undefined, sheet);
  const rows = new Map<string, Description['indicators'][number]>();
  for (const [name, nc] of cells) {
    const p = parseCellName(name)!;
    const key = rowKey(p.id, p.measure);
    const row = rows.get(key) ?? { id: p.id, measure: p.measure, sheet: nc.sheet, cells: {} };
    row.cells[p.column] = nc.address;
    rows.set(key, row);
  }
  const order = (r: { cells: Partial<Record<NamedColumn, string>> }) => {
    const a = r.cells.TH ?? r.cells.DG ?? 'A0';
    return Number(/\d+/.exec(a)?.[0] ?? 0);
  };
  return {
    period: snapshot.period,
    year: snapshot.year ?? null,
    unit: snapshot.unit ?? null,
    indicators: [...rows.values()].sort((a, b) => order(a) - order(b)),
  };
}
