// A plan's own figure for a report period (keHoachKy, CONTRACT.md "Periods"): where the plan gives one
// ("kế hoạch 9 tháng 3.300 tỷ đồng"), the period is judged against it; where it does not, a flow is paced
// by the months covered (period.ts paceOf) and a level is judged against the year's plan.
import type { Indicator, PeriodTarget, PlanFigure } from './plan';
import type { Period } from './types';
import { decimalsOfValue } from './precision';
import { periodText } from './period';
import { readCellText } from './vnNumber';

/** Keys keHoachKy takes: `<n>t` for n = 1–11 (cumulative) and `q1`–`q4`; the year's figure is keHoach. */
export const PERIOD_PLAN_KEY = /^(?:(?:[1-9]|1[01])t|q[1-4])$/;

/** What a period's row is judged against when the plan gives the period its own figure. */
export interface PeriodGoal {
  period: Period;
  /** The end that must be reached (the upper end of a range for max/lt, else the lower). */
  value: number;
  /** Decimals the figure is written with: the row is compared at that precision. */
  decimals: number;
  /** A range's other end, beyond which the row is `vuot`; null for one figure. */
  other: number | null;
  /** The figure as written: "3.300", "6,5 – 7". */
  text: string;
}

const decimalsOf = (f: PlanFigure): number => {
  const r = readCellText(f.text.replace(/^[<>]\s*/, ''));
  return r.kind === 'number' ? r.decimals : decimalsOfValue(f.value);
};

/** The plan's own goal for the period, or null (the year: keHoach; a period the plan does not name). */
export function periodGoal(ind: Indicator, period: Period): PeriodGoal | null {
  if (period === 'nam') return null;
  const t: PeriodTarget | undefined = ind.periodPlans?.[period];
  if (!t) return null;
  if (t.kind === 'number') return { period, value: t.value.value, decimals: decimalsOf(t.value), other: null, text: t.value.text };
  const down = ind.rule === 'max' || ind.rule === 'lt';
  const need = down ? t.to : t.from;
  return { period, value: need.value, decimals: decimalsOf(need), other: (down ? t.from : t.to).value, text: `${t.from.text} – ${t.to.text}` };
}

/** "9 tháng", "quý III": the period as a plan's figure names it. */
export function periodShortWords(p: Period): string {
  return periodText(p).replace(/^Quý/, 'quý');
}

/** The figure with its unit, as the plan writes it: "3.300 tỷ đồng", "94,0%", "6,5 – 7%". */
export function goalFigure(goal: PeriodGoal, unitLabel: string): string {
  const u = unitLabel.toLowerCase();
  return !u || u === 'đạt/chưa đạt' ? goal.text : u === '%' || u === '‰' ? `${goal.text}${u}` : `${goal.text} ${u}`;
}

/**
 * "kế hoạch 9 tháng 3.300 tỷ đồng (theo kế hoạch kỳ)": what a message says the row was judged against;
 * `verb` goes before the figure ("phải trên", "giảm"), `figure` replaces it (a growth rate's "8%").
 */
export function periodGoalWords(goal: PeriodGoal, unitLabel: string, verb = '', figure?: string): string {
  return `kế hoạch ${periodShortWords(goal.period)}${verb ? ` ${verb}` : ''} ${figure ?? goalFigure(goal, unitLabel)} (theo kế hoạch kỳ)`;
}
