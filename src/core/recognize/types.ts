// Table recognition: a sheet of the user's own (their layout, their header words) in, the contract's
// columns and indicator rows out. Plain data only; the adapters read the used range into a SheetGrid and
// attach names to the addresses a Recognition gives.
import type { RawValue } from '../types';
import type { PlanEntryJson, PlanRule, PlanTarget } from '../planJson';

/** A merged area, in the sheet's own 1-based row and column numbers. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as a plain grid: `cells[0][0]` is the cell at `origin` (A1 when absent). */
export interface SheetGrid {
  name: string;
  cells: RawValue[][];
  merges: MergeArea[];
  /** 1-based sheet row and column of `cells[0][0]`; { row: 1, col: 1 } when absent. */
  origin?: { row: number; col: number };
  /** Optional en-US number formats, same shape as `cells` (gives the written precision of a stated %). */
  formats?: (string | null | undefined)[][];
}

/**
 * The columns a table may have: TT (số thứ tự), TEN (chỉ tiêu), DVT (đơn vị tính), KH (kế hoạch), KHTT
 * (plan growth index), TN (cùng kỳ / năm trước), TH (thực hiện / ước thực hiện), PT (% so kế hoạch, stated),
 * CS (so cùng kỳ / tăng trưởng, stated), DG (đánh giá, stated), GC (ghi chú).
 */
export type TableColumn = 'TT' | 'TEN' | 'DVT' | 'KH' | 'KHTT' | 'TN' | 'TH' | 'PT' | 'CS' | 'DG' | 'GC';

export const TABLE_COLUMNS: readonly TableColumn[] = ['TT', 'TEN', 'DVT', 'KH', 'KHTT', 'TN', 'TH', 'PT', 'CS', 'DG', 'GC'];

/** How a stated growth column is written: an index (105,3 = TH ÷ TN × 100) or a rate (5,3 = index − 100). */
export type GrowthForm = 'index' | 'rate';

export interface ColumnMapping {
  /** Column letters as Excel shows them: { KH: "D", TH: "F" }. */
  letters: Partial<Record<TableColumn, string>>;
  /** The header text each mapped column was recognised from (all header rows joined). */
  headers: Partial<Record<TableColumn, string>>;
  /** CS column: index or rate, from its header words (null when they do not say). */
  growthForm: GrowthForm | null;
  /** Year the header gives the plan/actual columns ("KH 2026"), if any. */
  year: number | null;
}

export interface RecognizedHeading {
  row: number;
  tt: string | null;
  text: string;
  /** The plan's heading id when a plan was given and one matched; else an id made from TT. */
  id: string | null;
}

export interface RecognizedRow {
  /** Sheet row number. */
  row: number;
  id: string;
  /** The row's name as the table writes it. */
  name: string;
  rule: PlanRule;
  /** Growth rows of a two-measure plan entry (the seed's indicator 1): which measure this row is. */
  measure: 'sp' | 'sx' | null;
  tt: string | null;
  unit: string | null;
  /** The plan target: the plan's (with a plan) or read from the row's KH cell (without). */
  target: PlanTarget;
  /** Growth rows: the plan's growth index (chiSo), when the plan gives one. */
  planIndex: number | string | null;
  /** A1 address of the row's cell in each mapped column. */
  cells: Partial<Record<TableColumn, string>>;
  values: Partial<Record<TableColumn, RawValue>>;
  /** Heading row (sheet row) this indicator sits under. */
  headingRow: number | null;
  /** "trong đó": the id of the whole this row is a part of. */
  partOf: string | null;
  /** 0–1: how sure the match is (1 for rows read without a plan that carry a plan figure). */
  confidence: number;
}

export interface UnmatchedRow {
  row: number;
  text: string;
  /** Vietnamese: why the row was not taken. */
  reason: string;
  /** Best candidate's similarity 0–1 (0 when there was none). */
  confidence: number;
  /** The closest plan entry, when there was one. */
  closest: { id: string; name: string } | null;
}

/** A plan entry that no row of the table matched. */
export interface MissingEntry {
  id: string;
  name: string;
  reason: string;
}

export interface Recognition {
  sheet: string;
  columns: ColumnMapping;
  /** Sheet rows of the header (one or two, three with a group row). */
  headerRows: number[];
  /** The column-number row ("(1) (2) … (7)=(6):(5)", "A B 1 2 3"), skipped; null when absent. */
  numberRow: number | null;
  /** First and last sheet row of the table's body. */
  firstRow: number;
  lastRow: number;
  rows: RecognizedRow[];
  headings: RecognizedHeading[];
  unmatched: UnmatchedRow[];
  /** With a plan: its entries no row matched. */
  missing: MissingEntry[];
  /** Header rows of further tables found below this one (not read). */
  moreTables: number[];
  /** Without a plan: the plan the table's own rows state, keyed by the ids given to them. */
  plan: Record<string, PlanEntryJson>;
}

export type RecognizeResult = { ok: true; table: Recognition } | { ok: false; reason: string };

/** `chitieu adopt --json`, exactly as CONTRACT.md writes it. */
export interface AdoptJson {
  sheet: string;
  columns: Partial<Record<TableColumn, string>>;
  rows: { row: number; id: string; name: string; rule: PlanRule }[];
  unmatched: { row: number; text: string }[];
}
