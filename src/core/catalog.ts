// The built-in example plan (the seed): the 2023 district plan of test/fixtures/seed/ke-hoach-thi-dua-2023.txt
// (section II), kept as data in src/core/plans/seed-2023.json and loaded into the plan model. It is the
// plan a workbook without a stored plan is checked against; nothing else in the code knows its ids.
import seedJson from './plans/seed-2023.json';
import { planFromObject } from './planRead';
import { MEASURE_NAMES, MEASURES, planIndex, type Heading, type Indicator, type Plan } from './plan';
import type { Measure } from './types';

export type { GrowthPlan, Heading, Indicator, IndicatorPlan, Plan, PlanFigure } from './plan';
export { MEASURE_NAMES, MEASURES };

/** The seed plan, as loaded from its JSON. */
export const SEED_PLAN: Plan = planFromObject(seedJson);

export const INDICATORS: readonly Indicator[] = SEED_PLAN.indicators;
export const HEADINGS: readonly Heading[] = SEED_PLAN.headings;

export function indicatorById(id: string, indicators: readonly Indicator[] = INDICATORS): Indicator | undefined {
  return planIndex(indicators).byId.get(id);
}

const MEASURE_WORDS: Record<Measure, string> = { sp: MEASURE_NAMES.sp.toLowerCase(), sx: MEASURE_NAMES.sx.toLowerCase() };

/** The name as sentences use it: without "Trong đó:", with its measure — "Nông, lâm, thủy sản (giá trị sản xuất)". */
export function indicatorName(ind: Indicator, measure: Measure | null = null): string {
  // Only a name that starts with T can start with "Trong đó:" (most do not: no regular expression for them).
  const first = ind.name.charCodeAt(0);
  const name = first === 84 || first === 116 ? ind.name.replace(/^Trong đó:\s*/i, '') : ind.name;
  return measure ? `${name} (${MEASURE_WORDS[measure]})` : name;
}

/** The rows that carry values: one per indicator, two (sp, sx) for rows with two measures. */
export interface IndicatorKey {
  id: string;
  measure: Measure | null;
}

export function indicatorKeys(indicators: readonly Indicator[] = INDICATORS): IndicatorKey[] {
  return indicators.flatMap((ind): IndicatorKey[] =>
    ind.plan.kind === 'growth' ? MEASURES.map((m) => ({ id: ind.id, measure: m })) : [{ id: ind.id, measure: null }],
  );
}

/** The parent whose total a component adds up to (1.1 → 1, 1.2.1 → 1.2). */
export function componentParent(id: string, indicators: readonly Indicator[] = INDICATORS): Indicator | undefined {
  return planIndex(indicators).parentOf.get(id);
}
