// Where things stand on the template sheet. Adapters never hard-code a column: they read this, and the
// checks find cells by defined name, so a user's inserted rows and columns do not break them.
import type { NamedColumn } from '../core/names';

export interface ColumnSpec {
  letter: string;
  /** Header text (row HEADER_ROW) and the column number shown under it, as in district report tables. */
  header: string;
  width: number;
  named?: NamedColumn;
}

export const COLUMNS = {
  tt: { letter: 'A', header: 'TT', width: 6 },
  name: { letter: 'B', header: 'Chỉ tiêu', width: 50 },
  unit: { letter: 'C', header: 'Đơn vị tính', width: 13 },
  plan: { letter: 'D', header: 'Kế hoạch năm', width: 15, named: 'KH' },
  planIndex: { letter: 'E', header: 'Chỉ số KH (%)', width: 10, named: 'KHTT' },
  previous: { letter: 'F', header: 'Cùng kỳ / năm trước', width: 15, named: 'TN' },
  actual: { letter: 'G', header: 'Thực hiện (ước TH)', width: 15, named: 'TH' },
  growth: { letter: 'H', header: 'Chỉ số tăng trưởng (%) (7)/(6)', width: 13, named: 'CS' },
  percent: { letter: 'I', header: '% so kế hoạch (7)/(4)', width: 11, named: 'PT' },
  status: { letter: 'J', header: 'Đánh giá', width: 14, named: 'DG' },
  note: { letter: 'K', header: 'Ghi chú', width: 32, named: 'GC' },
  // After the note, so every column of the contract keeps its place: only needed to consolidate units.
  weight: { letter: 'L', header: 'Quyền số (để tổng hợp tỷ lệ)', width: 16, named: 'QS' },
  // The plan's requirement in words ("≥ 95", "dưới 1,2", "6,5 – 7"): the user may edit the rule here.
  requirement: { letter: 'M', header: 'Yêu cầu (kế hoạch)', width: 16, named: 'YC' },
} as const satisfies Record<string, ColumnSpec>;

export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_ORDER: readonly ColumnKey[] = ['tt', 'name', 'unit', 'plan', 'planIndex', 'previous', 'actual', 'growth', 'percent', 'status', 'note', 'weight', 'requirement'];
export const LAST_COLUMN = 'M';

/** The hidden sheet that carries the workbook's plan JSON, and the name of its first cell. */
export const PLAN_SHEET = 'chitieu_kehoach';
export const PLAN_NAME = 'CHITIEU_KE_HOACH';

export const TITLE_ROWS = {
  unit: 1,
  title: 2,
  period: 3,
  note: 4,
} as const;
export const HEADER_ROW = 5;
export const NUMBER_ROW = 6;
export const FIRST_DATA_ROW = 7;

export const DEFAULT_SHEET_NAME = 'Chỉ tiêu KT-XH';

/** Texts of the period cell, as the user picks them from its list. */
export const PERIOD_TEXT = { nam: 'Năm', '6t': '6 tháng' } as const;

/**
 * Excel: the share of the year's plan a flow is judged against, from the period cell's text ("Năm" 1,
 * "9 tháng" 0,75, "Quý III" 0,25; the same after "Ước thực hiện " or "Chính thức ") — what paceOf
 * (src/core/period.ts) computes. A quarter wherever "quý" stands; else the number just before " tháng"
 * (one or two digits, after whatever words); else the year.
 */
export function paceFormula(periodName: string): string {
  return `IF(ISNUMBER(SEARCH("Quý",${periodName})),0.25,IFERROR(VALUE(TRIM(RIGHT(LEFT(${periodName},FIND(" tháng",${periodName})-1),2)))/12,1))`;
}

/**
 * A sheet name for a unit's sheet ("UBND xã B"): without the characters Excel refuses in sheet names
 * (\ / ? * [ ] :), no apostrophe at either end, at most 31 characters; undefined when nothing is left.
 */
export function sheetNameFor(unit: string): string | undefined {
  const name = unit.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return name || undefined;
}
