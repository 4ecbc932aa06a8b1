// A plan's own figure for a report period (keHoachKy, CONTRACT.md "Periods"): where the plan gives one
// ("kế hoạch 9 tháng 3.300 tỷ đồng"), the period is judged against it; where it does not, a flow is paced
// by the months covered (period.ts paceOf) and a level is judged against the year's plan.
import type { Indicator, PeriodTarget, PlanFigure } from './plan';
import type { Period } from './types';
import { decimalsOfValue } from './precision';
import { periodText } from './period';
import { formatVietnameseNumber, readCellText, roundTo } from './vnNumber';

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

/**
 * The consolidated plan's period figures: a flow's are the sum of the units' (where every unit gives one for
 * that period, in the same form), a level's are kept where every unit gives the same; otherwise the merged
 * row has none for that period and is paced by the months, as a plan without figures is. `units` holds
 * each unit's indicators (its stored plan); `indicators` the plan the merged template is built from.
 */
export function mergedPeriodPlans(indicators: readonly Indicator[], units: readonly (readonly Indicator[])[]): Indicator[] {
  const byUnit = units.map((u) => new Map(u.map((i) => [i.id, i])));
  return indicators.map((ind) => {
    if (!ind.periodPlans) return ind;
    const out: Partial<Record<Period, PeriodTarget>> = {};
    for (const key of Object.keys(ind.periodPlans) as Period[]) {
      const all = byUnit.map((m) => m.get(ind.id)?.periodPlans?.[key]);
      if (all.length === 0 || all.some((t) => !t || t.kind !== all[0]!.kind)) continue;
      const targets = all as PeriodTarget[];
      if (ind.nature === 'flow') {
        const sum = (pick: (t: PeriodTarget) => PlanFigure): PlanFigure => {
          const figures = targets.map(pick);
          const d = Math.max(...figures.map(decimalsOf));
          const value = roundTo(figures.reduce((a, f) => a + f.value, 0), d);
          return { value, text: formatVietnameseNumber(value, d) };
        };
        out[key] = targets[0]!.kind === 'number'
          ? { kind: 'number', value: sum((t) => (t as { value: PlanFigure }).value) }
          : { kind: 'range', from: sum((t) => (t as { from: PlanFigure }).from), to: sum((t) => (t as { to: PlanFigure }).to) };
      } else {
        const same = (t: PeriodTarget) => JSON.stringify(t, (k, v: unknown) => (k === 'text' ? undefined : v));
        if (targets.every((t) => same(t) === same(targets[0]!))) out[key] = targets[0]!;
      }
    }
    const next: Indicator = { ...ind };
    if (Object.keys(out).length) next.periodPlans = out;
    else delete next.periodPlans;
    return next;
  });
}
