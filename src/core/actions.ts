// What the task pane and the ribbon can ask of a workbook, and what each request answers. Shared by the UI
// (src/taskpane, src/commands) and the Office.js adapter (src/excel) that implements it; the browser test
// drives the same pane against an in-memory workbook behind this interface.
import type { ExcludedUnit, IncludedUnit, MergeNotes } from './consolidate';
import type { PlanJson } from './planJson';
import type { Summary } from './summary';
import type { Period, Report } from './types';
import type { AdoptCorrections, Recognition } from './recognize';

export interface InsertRequest {
  year: number;
  period: Period;
  /** true: an estimate ("Ước thực hiện 9 tháng" in the period cell); false: stated official. */
  estimate?: boolean;
  unit: string;
  sheetName?: string;
  /**
   * Insert as one more unit's sheet in a workbook that has the template already: the sheet's names are
   * scoped to it (as Excel does when a template sheet is copied), for "Tổng hợp từ các sheet".
   */
  unitSheet?: boolean;
  /**
   * The plan to build the template from (the contract's plan JSON, serialisable; `thuTu` keeps its order);
   * absent: the built-in example (the seed plan). Stored in the workbook's hidden plan sheet.
   */
  plan?: PlanJson;
}

export type InsertOutcome =
  /** `skipped`: optional parts this Excel refused (Vietnamese labels); the template works without them. */
  | { kind: 'inserted'; sheetName: string; skipped: string[] }
  | { kind: 'sheet-exists'; sheetName: string; suggestion: string }
  | { kind: 'template-exists'; name: string };

export interface ConsolidateRequest {
  /** Name written in the consolidated sheet's DON_VI cell; "Tổng hợp N đơn vị" when empty. */
  unit?: string;
}

export interface ConsolidateOutcome extends MergeNotes {
  /** Unit template sheets found (consolidated sheets made earlier are not units). */
  unitSheets: string[];
  /** Consolidated sheets made earlier: kept, never used as units. */
  skipped: string[];
  /** Units included (`source` is the sheet name). */
  included: IncludedUnit[];
  /** Units left out, with why and, for errors, the sheet and cell of each. */
  excluded: ExcludedUnit[];
  /** The sheets written; null when nothing was written (fewer than two unit sheets, or none usable). */
  written: { sheet: string; byUnitSheet: string } | null;
  /** The consolidated template's own check; null when nothing was written. */
  report: Report | null;
  /** Optional parts of the written sheets this Excel refused (Vietnamese labels). */
  partsSkipped?: string[];
}

/** "Nhận dạng bảng có sẵn": what was recognised on the active sheet (or the selection), for the user to confirm. */
export type RecognitionView =
  | { ok: true; table: Recognition; /** Read from the selection rather than the whole sheet. */ fromSelection: boolean; /** Merged cells could not be read (Excel before ExcelApi 1.13). */ mergesUnread: boolean }
  | { ok: false; reason: string };

export type AdoptOutcome =
  | { kind: 'adopted'; sheet: string; names: number }
  /** The sheet has names of these already (adopted before): the user's names are never replaced. */
  | { kind: 'conflict'; sheet: string; name: string };

/** A check's report, and the note cells (A1, e.g. "L12") left unwritten because the user put a formula there. */
export type { CheckedReport } from './checked';
import type { CheckedReport } from './checked';

export interface WorkbookActions {
  insertTemplate(request: InsertRequest): Promise<InsertOutcome>;
  check(period?: Period): Promise<CheckedReport>;
  clear(): Promise<number>;
  /** Selects a template cell by defined name; `sheet` says which template sheet when the workbook has several. */
  select(name: string, sheet?: string): Promise<void>;
  /** "Tổng hợp từ các sheet": consolidates the workbook's unit template sheets into a new template sheet. */
  consolidate(request: ConsolidateRequest): Promise<ConsolidateOutcome>;
  /** Writes (or refreshes) the "Tóm tắt" sheet; resolves its name. */
  writeSummary(summary: Summary, report: Report): Promise<string>;
  /**
   * Re-check by itself when the user edits a template sheet (where Excel supports onChanged). Called again
   * after each check, it adds sheets made since. Resolves true when live checking is on.
   */
  watch(onReport: (report: Report) => void, onError: (err: unknown) => void): Promise<boolean>;
  /** Deletes the template names that point at #REF!; resolves how many were deleted. */
  cleanDeadNames(): Promise<number>;
  /** Features of this Excel that are off, in words (empty when everything is available). */
  missingFeatures(): string[];
  /** The plan the workbook carries (its hidden plan sheet), or null when it has none. */
  storedPlan?(): Promise<PlanJson | null>;
  /** Recognises the table of the user's own on the active sheet (or the selection); writes nothing. */
  recognize?(): Promise<RecognitionView>;
  /** Attaches the contract's names to the confirmed table (sheet-scoped), never writing a value. */
  adoptTable?(table: Recognition, corrections?: AdoptCorrections): Promise<AdoptOutcome>;
}
