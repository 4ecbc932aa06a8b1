// Workbook-scoped defined names of the template's cells (CONTRACT.md): `<COL>_<id>` with the id's dots
// as `_` and `_SP`/`_SX` for indicator 1 rows. Output columns carry names too (an extension), so the
// adapters find the status and note cells after the user inserts rows or columns.
import type { InputColumn, Measure } from './types';

/** Output columns: CS chỉ số tăng trưởng (growth index), PT % so kế hoạch, DG đánh giá (status), GC ghi chú (note). */
export type OutputColumn = 'CS' | 'PT' | 'DG' | 'GC';
/** QS quyền số (weight): an optional input of rate rows, what the rate is a share of (population, households…). */
export type WeightColumn = 'QS';
export type NamedColumn = InputColumn | OutputColumn | WeightColumn;

export const INPUT_COLUMNS: readonly InputColumn[] = ['KH', 'KHTT', 'TN', 'TH'];
export const OUTPUT_COLUMNS: readonly OutputColumn[] = ['CS', 'PT', 'DG', 'GC'];
export const WEIGHT_COLUMN: WeightColumn = 'QS';
const ALL_COLUMNS: readonly string[] = [...INPUT_COLUMNS, ...OUTPUT_COLUMNS, WEIGHT_COLUMN];

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

export function cellName(column: NamedColumn, id: string, measure: Measure | null = null): string {
  const suffix = measure ? `_${measure.toUpperCase()}` : '';
  return `${column}_${id.replace(/\./g, '_')}${suffix}`;
}

export interface ParsedName {
  column: NamedColumn;
  id: string;
  measure: Measure | null;
}

export function parseCellName(name: string): ParsedName | null {
  const m = /^([A-Z]+)_([A-Z]{2}_)?([0-9]+(?:_[0-9]+)*)(_SP|_SX)?$/i.exec(name.trim());
  if (!m) return null;
  const column = m[1]!.toUpperCase();
  if (!ALL_COLUMNS.includes(column)) return null;
  const prefix = m[2] ? m[2].slice(0, -1).toUpperCase() + '.' : '';
  const id = prefix + m[3]!.replace(/_/g, '.');
  const measure = m[4] ? (m[4].slice(1).toLowerCase() as Measure) : null;
  return { column: column as NamedColumn, id, measure };
}

/** Key of an indicator row in maps: "1.2.1/sp", "7". */
export function rowKey(id: string, measure: Measure | null): string {
  return measure ? `${id}/${measure}` : id;
}
