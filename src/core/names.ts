// Workbook-scoped defined names of the template's cells (CONTRACT.md): `<COL>_<id>` with the id's dots
// as `_` and `_SP`/`_SX` for indicator 1 rows. Output columns carry names too (an extension), so the
// adapters find the status and note cells after the user inserts rows or columns.
import type { InputColumn, Measure } from './types';

/** Output columns: CS chỉ số tăng trưởng (growth index), PT % so kế hoạch, DG đánh giá (status), GC ghi chú (note). */
export type OutputColumn = 'CS' | 'PT' | 'DG' | 'GC';
/** QS quyền số (weight): an optional input of rate rows, what the rate is a share of (population, households…). */
export type WeightColumn = 'QS';
export type RequirementColumn = 'YC';
export type NamedColumn = InputColumn | OutputColumn | WeightColumn | RequirementColumn;

export const INPUT_COLUMNS: readonly InputColumn[] = ['KH', 'KHTT', 'TN', 'TH'];
export const OUTPUT_COLUMNS: readonly OutputColumn[] = ['CS', 'PT', 'DG', 'GC'];
export const WEIGHT_COLUMN: WeightColumn = 'QS';
/** YC yêu cầu (requirement): the plan's target in words ("≥ 95", "dưới 1,2", "6,5 – 7"), which the user may edit. */
export const REQUIREMENT_COLUMN: RequirementColumn = 'YC';
const ALL_COLUMNS: readonly string[] = [...INPUT_COLUMNS, ...OUTPUT_COLUMNS, WEIGHT_COLUMN, REQUIREMENT_COLUMN];

/** Title-block names (extension): the reporting unit, year, period and base year of constant prices. */
export const TITLE_NAMES = {
  unit: 'DON_VI',
  year: 'NAM_BAO_CAO',
  period: 'KY_BAO_CAO',
  baseYear: 'NAM_GOC_GIA',
} as const;

/**
 * Sheet-scoped name (extension) on a sheet made by "Tổng hợp từ các sheet": that sheet is a template but
 * never a unit of a later consolidation.
 */
export const CONSOLIDATED_MARK = 'CHITIEU_TONG_HOP';

/**
 * `KH_2_A`, `TH_III_4`, `TH_1_2_1_SX`: the id's dots as `_`, in upper case — Excel's names ignore case, so
 * one spelling is kept (the seed's ids are upper case already and keep their names).
 */
export function cellName(column: NamedColumn, id: string, measure: Measure | null = null): string {
  const suffix = measure ? `_${measure.toUpperCase()}` : '';
  return `${column}_${id.replace(/\./g, '_').toUpperCase()}${suffix}`;
}

export interface ParsedName {
  column: NamedColumn;
  id: string;
  measure: Measure | null;
}

const CELL_NAME = /^([A-Z]+)_([\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*?)(_SP|_SX)?$/iu;

/**
 * A template cell's name back to its column, id and measure: any id (`KH_2_A` → 2.A, `TH_III_4` → III.4).
 * The id comes back in upper case; match it to a plan's id with idKey (src/core/plan.ts). An id never ends
 * in a segment sp/sx (the plan reader refuses it), so `_SP`/`_SX` is always the measure.
 */
export function parseCellName(name: string): ParsedName | null {
  const m = CELL_NAME.exec(name.trim());
  if (!m) return null;
  const column = m[1]!.toUpperCase();
  if (!ALL_COLUMNS.includes(column)) return null;
  const id = m[2]!.toUpperCase().replace(/_/g, '.');
  const measure = m[3] ? (m[3].slice(1).toLowerCase() as Measure) : null;
  return { column: column as NamedColumn, id, measure };
}

/** Key of an indicator row in maps: "1.2.1/sp", "7". */
export function rowKey(id: string, measure: Measure | null): string {
  return measure ? `${id}/${measure}` : id;
}
