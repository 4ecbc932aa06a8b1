// Quyền số (weight) of a rate or level row: what the rate is a share of — population for the share of
// people with health insurance, households for the poverty rate. Optional; the consolidation averages
// units' rates by it (Σ rate × weight ÷ Σ weight, which is the district's own rate when the weight is
// the rate's denominator), and leaves a rate empty when some unit has no weight.
import type { Indicator } from './catalog';
import { fmt } from './format';
import { WEIGHT_COLUMN, cellName } from './names';
import { readCell, type Issue } from './reading';
import type { CellSnapshot, WorkbookSnapshot } from './types';

export interface WeightReading {
  /** A usable weight (> 0), or null (empty, zero, or unusable: see issues). */
  value: number | null;
  cell: CellSnapshot | undefined;
  issues: Issue[];
}

/** @param name the cell's name, when the caller has it already (the engine keeps it per plan). */
export function readWeight(snapshot: WorkbookSnapshot, ind: Indicator, name: string = cellName(WEIGHT_COLUMN, ind.id)): WeightReading {
  const cell = snapshot.cells[name];
  if (!ind.weight || !cell) return { value: null, cell, issues: [] };
  const r = readCell(cell, 'number');
  const issues = [...r.issues];
  const v = typeof r.value === 'number' ? r.value : null;
  if (v !== null && v < 0) {
    issues.push({ code: 'out-of-range', message: `Quyền số (${ind.weight.toLowerCase()}) không được âm: đang là ${fmt(v)}.` });
    return { value: null, cell, issues };
  }
  return { value: v !== null && v > 0 ? v : null, cell, issues };
}

/** Σ value × weight ÷ Σ weight; null unless every unit has both. */
export function weightedMean(values: readonly (number | null)[], weights: readonly (number | null)[]): number | null {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const w = weights[i];
    if (v === null || v === undefined || w === null || w === undefined) return null;
    sum += v * w;
    total += w;
  }
  return total > 0 ? sum / total : null;
}
