// Shared vocabulary of the engine. Plain data only: adapters (Excel, ExcelJS) read a workbook into a
// WorkbookSnapshot, core judges it into a Report, adapters write the Report back as flags.
import type { PlanRule } from './planJson';

/** Indicator 1 has two measures: sp = giá trị sản phẩm (value added), sx = giá trị sản xuất (gross output). */
export type Measure = 'sp' | 'sx';

/**
 * Reporting period: `nam` = cả năm (year end), `<n>t` = the first n months (6t = 6 tháng, 9t = 9 tháng,
 * cumulative), `q1`–`q4` = one quarter alone (src/core/period.ts).
 */
export type Period = 'nam' | `${number}t` | 'q1' | 'q2' | 'q3' | 'q4';

/** The plan's rules (quyTac, CONTRACT.md): the seed's eight and lt, increase, growth-rate, structure, info. */
export type RuleKind = PlanRule;

/** flow = added over time and across units (money, people, accidents); level = a rate or a state. */
export type Nature = 'flow' | 'level';

export type Status = 'vuot' | 'dat' | 'chua-dat' | 'khong-du-lieu';

export type Severity = 'error' | 'warning' | 'shortfall';

export type FindingCode =
  | 'not-a-number'
  | 'number-as-text'
  | 'formula-error'
  | 'out-of-range'
  | 'unit-slip'
  | 'sum-mismatch'
  | 'part-exceeds-whole'
  | 'baseline-mismatch'
  | 'growth-outlier'
  | 'missing'
  | 'shortfall'
  | 'behind-pace'
  // Extensions of the contract (documented in README): the plan cell is empty or unreadable (missing-plan);
  // a template cell's defined name is gone (missing-cell).
  | 'missing-plan'
  | 'missing-cell'
  // A table of the user's own states a % of plan, a growth or a verdict its own figures disagree with.
  | 'stated-mismatch';

/** The template's input columns, as in the defined names `<COL>_<id>`. */
export type InputColumn = 'KH' | 'KHTT' | 'TN' | 'TH';

/** What a cell holds, as an adapter reads it: nothing, a number, a text, a boolean, or an error value. */
export type RawValue = null | number | string | boolean | { error: string };

export interface CellSnapshot {
  /** A1 address on its sheet, e.g. "G12". */
  address: string;
  sheet: string;
  value: RawValue;
  /** en-US number format code of the cell ("#,##0.00"); gives the precision a plan is written in. */
  numberFormat?: string;
}

/** Everything core needs of a workbook: the template's cells by defined name, and the title block. */
export interface WorkbookSnapshot {
  period: Period;
  /** true: the figures are an estimate (ước thực hiện); false: stated official (chính thức); absent: unstated. */
  estimate?: boolean;
  year?: number;
  unit?: string;
  /** Base year of constant prices (giá so sánh), 2010 for the seed plan. */
  baseYear?: number;
  cells: Record<string, CellSnapshot | undefined>;
}

export interface Finding {
  id: string;
  measure: Measure | null;
  cell: string | null;
  name: string | null;
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Extension: the sheet the cell is on. */
  sheet?: string;
}

export interface IndicatorResult {
  id: string;
  measure: Measure | null;
  plan: number | string | null;
  planGrowth: number | null;
  previous: number | null;
  actual: number | string | null;
  growth: number | null;
  percentOfPlan: number | null;
  contribution: number | null;
  status: Status;
  /** Extension: true when `previous` was not entered and was implied from plan ÷ plan index × 100. */
  previousImplied?: boolean;
  /** Extension: false for rows the plan states but does not judge (structure shares, info figures). */
  judged?: false;
  /**
   * Extension: the plan's own figure for the report period (keHoachKy; the end to reach of a range): status
   * and percentOfPlan are judged against it instead of `plan` × months ÷ 12.
   */
  periodPlan?: number;
}

export interface Report {
  period: Period;
  /** Extension: true for an estimate (ước thực hiện), false when stated official (chính thức); absent when unstated. */
  uoc?: boolean;
  indicators: IndicatorResult[];
  findings: Finding[];
}
