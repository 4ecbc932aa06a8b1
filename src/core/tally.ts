// One definition of the counts a person sees — the pane's status line, its lists and chart, the report
// paragraph and the "Tóm tắt" sheet all count with these functions, so they never disagree.
//
// - Judged rows: every result row of the Report except the aggregate rows of headings with `allOf` (QP.2
//   "giảm cả 3 mặt"), whose members are judged themselves; indicator 1's two measures are two rows.
// - "chưa đạt": judged rows with status chua-dat (one per row, whatever number of findings explain it).
// - "chưa có số liệu": judged rows with status khong-du-lieu.
// - "lỗi": findings of severity error (each is a cell to fix).
// - "cần xem lại": warnings that ask for an action — not an empty cell still to be typed (missing,
//   missing-plan: those rows are "chưa có số liệu") and not behind-pace (its row is "chưa đạt").
import type { Heading, Indicator } from './plan';
import type { Finding, IndicatorResult, Report, Status } from './types';

export const UNENTERED_CODES: ReadonlySet<string> = new Set(['missing', 'missing-plan']);

export interface TallyOptions {
  indicators?: readonly Indicator[];
  headings?: readonly Heading[];
}

export interface Tally {
  judged: number;
  counts: Record<Status, number>;
  /** vuot + dat. */
  achieved: number;
  errors: number;
  review: number;
}

const STATUSES: readonly Status[] = ['vuot', 'dat', 'chua-dat', 'khong-du-lieu'];

/** Ids of aggregate rows (headings with `allOf`) of the plan's headings: shown, never counted. */
export function aggregateIds(headings: readonly Heading[] = []): Set<string> {
  return new Set(headings.filter((h) => h.allOf).map((h) => h.id));
}

/** The rows that are counted, in the Report's (the sheet's) order. */
export function judgedRows(report: Report, options: TallyOptions = {}): IndicatorResult[] {
  const aggregates = aggregateIds(options.headings);
  // Without a plan's list every row the Report judged counts: a table of the user's own (ids "I.3") or a
  // plan beyond the seed catalog is not emptied by the seed's ids.
  const known = options.indicators ? new Set(options.indicators.map((i) => i.id)) : null;
  return report.indicators.filter((r) => !aggregates.has(r.id) && (!known || known.has(r.id)) && r.judged !== false);
}

/** A warning that asks the user to look at a value (not a cell still empty, not a row already "chưa đạt"). */
export function needsReview(f: Finding): boolean {
  return f.severity === 'warning' && !UNENTERED_CODES.has(f.code) && f.code !== 'behind-pace';
}

export function tally(report: Report, options: TallyOptions = {}): Tally {
  const rows = judgedRows(report, options);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<Status, number>;
  return {
    judged: rows.length,
    counts,
    achieved: counts.vuot + counts.dat,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    review: report.findings.filter(needsReview).length,
  };
}
