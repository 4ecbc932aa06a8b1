// What the task pane can ask of a workbook. The Excel implementation lives in src/excel/actions.ts; the
// browser test drives the same pane against an in-memory workbook behind this interface.
import type { Period, Report } from '../core/types';
import type { Summary } from '../core/summary';
import type { InsertOutcome } from '../excel/insertTemplate';

export interface InsertRequest {
  year: number;
  period: Period;
  unit: string;
  sheetName?: string;
}

export interface WorkbookActions {
  insertTemplate(request: InsertRequest): Promise<InsertOutcome>;
  check(period?: Period): Promise<Report>;
  clear(): Promise<number>;
  select(name: string): Promise<void>;
  /** Writes (or refreshes) the "Tóm tắt" sheet; resolves its name. */
  writeSummary(summary: Summary, report: Report): Promise<string>;
  /**
   * Re-check by itself when the user edits the template (where Excel supports onChanged). Resolves true
   * when live checking is on.
   */
  watch(onReport: (report: Report) => void, onError: (err: unknown) => void): Promise<boolean>;
  /** Features of this Excel that are off, in words (empty when everything is available). */
  missingFeatures(): string[];
}
