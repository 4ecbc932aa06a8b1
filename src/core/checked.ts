// Which sheet a check read, and its title block (unit, year, period): what the results, the paragraph and
// the "Tóm tắt" sheet are about. Taken from the sheet, never from the task pane's insert fields, so a field
// changed after a check cannot relabel its results.
import { UNJUDGED_RULES, type Heading, type Indicator, type Plan } from './plan';
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

/** The plan a check judged against, for the pane: "Kế hoạch của UBND xã An Phú năm 2026, 18 chỉ tiêu". */
export interface CheckedPlan {
  /** Whether the workbook stores its plan (false: the built-in example, as for older templates). */
  stored: boolean;
  unit: string | null;
  year: number | null;
  baseYear: number;
  /** Indicators of the plan, and of them the targets that are judged (info and structure rows aside). */
  indicators: number;
  targets: number;
  /** What the sheet changed in the stored plan (edited requirements, added or removed rows), in Vietnamese. */
  notes: string[];
}

export function checkedPlanOf(plan: Plan, stored: boolean, notes: readonly string[]): CheckedPlan {
  return {
    stored, unit: plan.unit ?? null, year: plan.year ?? null, baseYear: plan.baseYear,
    indicators: plan.indicators.length, targets: plan.indicators.filter((i) => !UNJUDGED_RULES.has(i.rule)).length, notes: [...notes],
  };
}

/**
 * A Report that knows its sheet: what the Excel adapter's check returns. Still a Report to everyone else.
 * `notesSkipped`: note (Ghi chú) cells holding the user's formula, which the check did not write into.
 */
export type CheckedReport = Report & { checked: CheckedSheet; notesSkipped?: string[]; plan?: CheckedPlan; rows?: JudgedRows };

/**
 * The rows a report was judged by — the plan's indicators and headings (the workbook's own plan, the
 * built-in example, or an adopted table's rows): what the pane's lists, the paragraph and the "Tóm tắt"
 * sheet name rows and count aggregates with. Never the seed's list for a report of another plan.
 */
export interface JudgedRows {
  indicators: readonly Indicator[];
  headings: readonly Heading[];
}

/** The rows the adapter said a report was judged by, or null (a Report from elsewhere: rows are named by id). */
export function rowsOf(report: Report): JudgedRows | null {
  const r = (report as Partial<CheckedReport>).rows;
  return r && Array.isArray(r.indicators) && Array.isArray(r.headings) ? r : null;
}

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
