// The verdict of one recognised row from its own figures, for every rule of the plan vocabulary: the
// seed's eight through core's judge(), the five added for plans of any unit here. A range target is
// reached at its lower end (upper end for max/lt) and exceeded beyond the other.
import type { PlanRule, PlanTarget } from '../planJson';
import { judge } from '../rules';
import type { RuleKind, Status } from '../types';
import { roundTo } from '../vnNumber';

export interface RowFigures {
  rule: PlanRule;
  target: PlanTarget;
  /** KH as read from the row (or the plan), a number where it is one. */
  plan: number | null;
  planDecimals: number;
  planIndex: number | null;
  planIndexDecimals: number;
  previous: number | null;
  /** TH: a number, true/false for Đạt/Chưa đạt, the count x of "x/N". */
  actual: number | boolean | null;
  /** ĐVT as written: a growth-rate row in % reports the rate itself. */
  unit?: string | null;
}

/** "Tốc độ tăng …" in %: the row's TH is the rate, compared with the target directly (CONTRACT.md). */
function reportsRate(f: RowFigures): boolean {
  return f.rule === 'growth-rate' && (f.unit ?? '').trim() === '%';
}

const SEED_RULES: readonly PlanRule[] = ['min', 'max', 'gt', 'reduce', 'decrease', 'criteria', 'pass', 'growth'];

/** null: the rule is not judged (structure, info). */
export function verdictOf(f: RowFigures): Status | null {
  const { rule, target, actual, previous } = f;
  if (rule === 'structure' || rule === 'info') return null;
  if (target && typeof target === 'object' && (rule === 'min' || rule === 'max' || rule === 'growth-rate' || rule === 'lt')) {
    return rangeVerdict(rule, target, actual, reportsRate(f) ? null : previous, f.planDecimals, reportsRate(f));
  }
  if (SEED_RULES.includes(rule)) {
    // A growth row without a plan index is judged on its value, as a min.
    const kind: RuleKind = rule === 'growth' && (f.planIndex === null || previous === null) ? 'min' : (rule as RuleKind);
    return judge({
      rule: kind, plan: f.plan, planDecimals: f.planDecimals, planIndex: f.planIndex, planIndexDecimals: f.planIndexDecimals,
      previous, actual, growth: typeof actual === 'number' && previous ? (actual / previous) * 100 : null, pace: 1,
    }).status;
  }
  if (typeof actual !== 'number') return 'khong-du-lieu';
  switch (rule) {
    case 'lt':
      if (f.plan === null) return 'khong-du-lieu';
      return roundTo(actual, f.planDecimals) < f.plan ? 'dat' : 'chua-dat';
    case 'increase':
      if (previous === null) return 'khong-du-lieu';
      return actual > previous ? 'dat' : 'chua-dat';
    case 'growth-rate': {
      if (f.plan !== null && reportsRate(f)) {
        const a = roundTo(actual, f.planDecimals);
        return a > f.plan ? 'vuot' : a === f.plan ? 'dat' : 'chua-dat';
      }
      if (f.plan === null || previous === null || previous === 0) return 'khong-du-lieu';
      const rate = roundTo((actual / previous - 1) * 100, f.planDecimals);
      return rate > f.plan ? 'vuot' : rate === f.plan ? 'dat' : 'chua-dat';
    }
    default:
      return null;
  }
}

function rangeVerdict(rule: PlanRule, t: { tu: number; den: number }, actual: number | boolean | null, previous: number | null, d: number, rateItself: boolean): Status {
  if (typeof actual !== 'number') return 'khong-du-lieu';
  let a = roundTo(actual, d);
  if (rule === 'growth-rate' && !rateItself) {
    if (previous === null || previous === 0) return 'khong-du-lieu';
    a = roundTo((actual / previous - 1) * 100, d);
  }
  if (rule === 'max' || rule === 'lt') return a > t.den || (rule === 'lt' && a === t.den) ? 'chua-dat' : a < t.tu ? 'vuot' : 'dat';
  return a < t.tu ? 'chua-dat' : a > t.den ? 'vuot' : 'dat';
}
