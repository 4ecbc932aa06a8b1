// Which sheet a check read, and its title block (unit, year, period): what the results, the paragraph and
// the "Tóm tắt" sheet are about. Taken from the sheet, never from the task pane's insert fields, so a field
// changed after a check cannot relabel its results.
import type { Period, Report, WorkbookSnapshot } from './types';

export interface CheckedSheet {
  /** The worksheet whose template was checked. */
  sheet: string;
  /** From the title block (NAM_BAO_CAO, KY_BAO_CAO, DON_VI, NAM_GOC_GIA); null when the cell is empty. */
  year: number | null;
  period: Period;
  unit: string | null;
  baseYear: number | null;
}

/**
 * A Report that knows its sheet: what the Excel adapter's check returns. Still a Report to everyone else.
 * `notesSkipped`: note (Ghi chú) cells holding the user's formula, which the check did not write into.
 */
export type CheckedReport = Report & { checked: CheckedSheet; notesSkipped?: string[] };

export function checkedSheetOf(sheet: string, snapshot: WorkbookSnapshot): CheckedSheet {
  return { sheet, year: snapshot.year ?? null, period: snapshot.period, unit: snapshot.unit ?? null, baseYear: snapshot.baseYear ?? null };
}

export function withChecked(report: Report, checked: CheckedSheet): CheckedReport {
  return { ...report, checked };
}

/** The sheet a report belongs to, when the adapter said (consolidation and live re-checks too). */
export function checkedOf(report: Report): CheckedSheet | null {
  const c = (report as Partial<CheckedReport>).checked;
  return c && typeof c.sheet === 'string' ? c : null;
}
