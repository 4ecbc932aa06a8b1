// What the task pane can ask of a workbook. The Excel implementation lives in src/excel/actions.ts; the
// browser test drives the same pane against an in-memory workbook behind this interface.
import type { Period, Report } from '../core/types';
import type { Summary } from '../core/summary';
import type { ConsolidateOutcome, ConsolidateRequest } from '../excel/consolidate';
import type { InsertOutcome } from '../excel/insertTemplate';

export interface InsertRequest {
  year: number;
  period: Period;
  unit: string;
  sheetName?: string;
  /**
   * Insert as one more unit's sheet in a workbook that has the template already: the sheet's names are
   * scoped to it (as Excel does when a template sheet is copied), for "Tổng hợp từ các sheet".
   */
  unitSheet?: boolean;
}

export interface WorkbookActions {
  insertTemplate(request: InsertRequest): Promise<InsertOutcome>;
  check(period?: Period): Promise<Report>;
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
  /** Features of this Excel that are off, in words (empty when everything is available). */
  missingFeatures(): string[];
}
