// The plan model: one plan of any unit (the seed's district, a commune, a province) as the engine, the
// template, the summary and the consolidation use it. Built from the plan JSON of the contract
// (src/core/planJson.ts) by src/core/planRead.ts; the seed plan is one such file (src/core/plans/).
import type { Measure, Nature, Period, RuleKind } from './types';
import type { UnitKind } from './units';

/** A plan figure as written in the plan (text keeps the written precision) and as a number. */
export interface PlanFigure {
  value: number;
  text: string;
}

export interface GrowthPlan {
  value: PlanFigure;
  /** Plan growth index at constant prices, % of last year. */
  index: PlanFigure;
}

/**
 * The target of a row. `growth`: the seed's two measures (sp, sx), each a value and an index; `indexed`:
 * one value and its index; `number`; `range` ("6,5 – 7": the lower end must be reached, the upper for
 * max/lt); `criteria` x/N; `pass` Đạt; `decrease` Giảm; `none` no figure (info, increase, structure …).
 */
export type IndicatorPlan =
  | { kind: 'growth'; sp: GrowthPlan; sx: GrowthPlan }
  | { kind: 'indexed'; value: PlanFigure; index: PlanFigure }
  | { kind: 'number'; value: PlanFigure }
  | { kind: 'range'; from: PlanFigure; to: PlanFigure }
  | { kind: 'criteria'; required: number; of: number; text: string }
  | { kind: 'pass'; text: 'Đạt' }
  | { kind: 'decrease'; text: 'Giảm' }
  | { kind: 'none' };

export interface Indicator {
  id: string;
  /** TT as printed in the template's first column. */
  tt: string;
  name: string;
  unit: UnitKind;
  /** Unit label as the plan writes it (ĐVT column). */
  unitLabel: string;
  rule: RuleKind;
  nature: Nature;
  plan: IndicatorPlan;
  /** "khoảng X": the target is approximate. */
  approximate?: boolean;
  /** Heading row this indicator sits under, if any. */
  heading?: string;
  /** Components that add up to this total (1 = 1.1 + 1.2 + 1.3); structure shares of a group. */
  components?: string[];
  /** "trong đó": this row is a part of that whole and never exceeds it. */
  partOf?: string;
  /**
   * Rates and levels: what the rate is a share of (its denominator), entered in the template's optional
   * "Quyền số" column (QS_<id>) so that consolidation can average units by it instead of leaving it empty.
   */
  weight?: string;
  /** ghiChu of the plan entry. */
  note?: string;
  /**
   * keHoachKy: the plan's own figure for a report period ("6t", "9t", "q3"), by period code. A period
   * given here is judged against it instead of the year's plan × months ÷ 12 (src/core/periodPlan.ts).
   */
  periodPlans?: Readonly<Partial<Record<Period, PeriodTarget>>>;
}

/** A period's own target: one figure, or a range whose end to reach is as for the year's target. */
export type PeriodTarget = { kind: 'number'; value: PlanFigure } | { kind: 'range'; from: PlanFigure; to: PlanFigure };

export interface Heading {
  id: string;
  tt: string;
  name: string;
  /** For "giảm cả 3 mặt": the heading is achieved only when all its indicators are. */
  allOf?: boolean;
  /** A heading under another heading (III → III.4 …). */
  heading?: string;
}

export interface Plan {
  year?: number;
  unit?: string;
  /** Base year of constant prices (giá so sánh): 2010 or 2020. */
  baseYear: number;
  period?: Period;
  note?: string;
  /** Indicators and headings in the plan's order. */
  indicators: Indicator[];
  headings: Heading[];
  /** The plan's order of every row (headings and indicators), by id. */
  order: string[];
}

export const MEASURES: readonly Measure[] = ['sp', 'sx'];
export const MEASURE_NAMES: Record<Measure, string> = { sp: 'Giá trị sản phẩm', sx: 'Giá trị sản xuất' };

/** Rules with no target figure. */
export const FIGURELESS_RULES: ReadonlySet<RuleKind> = new Set(['decrease', 'increase', 'info', 'pass']);
/** Rules the plan states but never judges: shown, counted apart. */
export const UNJUDGED_RULES: ReadonlySet<RuleKind> = new Set(['info', 'structure']);

/** Excel names are case-insensitive: ids are compared by this key. */
export const idKey = (id: string): string => id.toUpperCase();

/** O(1) lookups of a plan's rows, built once per plan. */
export interface PlanIndex {
  byId: Map<string, Indicator>;
  /** Total whose components include the id. */
  parentOf: Map<string, Indicator>;
  headingById: Map<string, Heading>;
}

const indexCache = new WeakMap<readonly Indicator[], PlanIndex>();

export function planIndex(indicators: readonly Indicator[], headings: readonly Heading[] = []): PlanIndex {
  const cached = indexCache.get(indicators);
  if (cached && cached.headingById.size === headings.length) return cached;
  const byId = new Map<string, Indicator>();
  const parentOf = new Map<string, Indicator>();
  for (const ind of indicators) {
    byId.set(ind.id, ind);
    for (const c of ind.components ?? []) if (!parentOf.has(c)) parentOf.set(c, ind);
  }
  const idx: PlanIndex = { byId, parentOf, headingById: new Map(headings.map((h) => [h.id, h])) };
  indexCache.set(indicators, idx);
  return idx;
}

const MEASURE_WORDS: Record<Measure, string> = { sp: MEASURE_NAMES.sp.toLowerCase(), sx: MEASURE_NAMES.sx.toLowerCase() };

/** The name as sentences use it: without "Trong đó:", with its measure — "Nông, lâm, thủy sản (giá trị sản xuất)". */
export function indicatorName(ind: Indicator, measure: Measure | null = null): string {
  // Only a name that starts with T can start with "Trong đó:" (most do not: no regular expression for them).
  const first = ind.name.charCodeAt(0);
  const name = first === 84 || first === 116 ? ind.name.replace(/^Trong đó:\s*/i, '') : ind.name;
  return measure ? `${name} (${MEASURE_WORDS[measure]})` : name;
}
