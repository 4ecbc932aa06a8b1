// The rule kinds of CONTRACT.md: from the numbers of one indicator row to its status.
// Every comparison is made at the precision the plan is written in. The template's live formulas
// (src/template/formulas.ts) compute the same thing in Excel; a LibreOffice test holds them equal.
import type { RuleKind, Status } from './types';
import { roundTo } from './vnNumber';

export interface RuleInput {
  rule: RuleKind;
  /** Plan value (KH): the target, the ceiling, the reduction in points, N of the criteria. */
  plan: number | null;
  planDecimals: number;
  /** Plan growth index (KHTT), growth rows only. */
  planIndex: number | null;
  planIndexDecimals: number;
  previous: number | null;
  actual: number | boolean | null;
  /** Growth index actual ÷ previous × 100 (previous may be implied), growth rows only. */
  growth: number | null;
  /** 0,5 for a flow in a 6-month report (judged against half the annual plan), else 1. */
  pace: number;
  /**
   * A range target ("6,5 – 7"): the other end than the plan value (KH holds the end that must be reached:
   * the lower one, the upper one for max/lt). Beyond it is `vuot`; null for a single figure.
   */
  otherEnd?: number | null;
  /** growth-rate rows whose unit is %: the actual is the rate itself, compared with the target directly. */
  ratesItself?: boolean;
}

export interface RuleOutcome {
  status: Status;
  /** Growth rows and min flows: the value itself fell short of the (paced) plan. */
  valueShort: boolean;
}

const NO_DATA: RuleOutcome = { status: 'khong-du-lieu', valueShort: false };

function ordered(better: boolean, equal: boolean): RuleOutcome {
  return { status: better ? 'vuot' : equal ? 'dat' : 'chua-dat', valueShort: !better && !equal };
}

export function judge(input: RuleInput): RuleOutcome {
  const { rule, plan, planDecimals: d, actual, previous, pace } = input;
  if (rule === 'pass') {
    return typeof actual === 'boolean' ? { status: actual ? 'dat' : 'chua-dat', valueShort: false } : NO_DATA;
  }
  if (typeof actual !== 'number') return NO_DATA;
  const other = input.otherEnd ?? null;
  switch (rule) {
    case 'min': {
      if (plan === null) return NO_DATA;
      const a = roundTo(actual / pace, d);
      return other === null ? ordered(a > plan, a === plan) : ordered(a > other, a >= plan);
    }
    case 'max': {
      if (plan === null) return NO_DATA;
      const a = roundTo(actual, d);
      return other === null ? ordered(a < plan, a === plan) : ordered(a < other, a <= plan);
    }
    case 'lt': {
      if (plan === null) return NO_DATA;
      const a = roundTo(actual, d);
      if (other !== null) return ordered(a < other, a < plan);
      const ok = a < plan;
      return { status: ok ? 'dat' : 'chua-dat', valueShort: !ok };
    }
    case 'increase': {
      if (previous === null) return NO_DATA;
      return { status: actual > previous ? 'dat' : 'chua-dat', valueShort: !(actual > previous) };
    }
    case 'growth-rate': {
      if (plan === null) return NO_DATA;
      let rate: number;
      if (input.ratesItself) rate = roundTo(actual, d);
      else if (previous === null || previous === 0) return NO_DATA;
      else rate = roundTo((actual / previous - 1) * 100, d);
      return other === null ? ordered(rate > plan, rate === plan) : ordered(rate > other, rate >= plan);
    }
    case 'structure':
    case 'info':
      return NO_DATA;
    case 'gt': {
      if (plan === null) return NO_DATA;
      if (other !== null) return ordered(roundTo(actual, d) > other, roundTo(actual, d) > plan);
      const ok = roundTo(actual, d) > plan;
      return { status: ok ? 'dat' : 'chua-dat', valueShort: !ok };
    }
    case 'reduce': {
      if (plan === null || previous === null) return NO_DATA;
      const reduction = roundTo(previous - actual, d);
      return other === null ? ordered(reduction > plan, reduction === plan) : ordered(reduction > other, reduction >= plan);
    }
    case 'decrease': {
      if (previous === null) return NO_DATA;
      return { status: actual < previous ? 'dat' : 'chua-dat', valueShort: !(actual < previous) };
    }
    case 'criteria': {
      if (plan === null) return NO_DATA;
      return { status: actual >= plan ? 'dat' : 'chua-dat', valueShort: actual < plan };
    }
    case 'growth': {
      if (plan === null || input.planIndex === null || input.growth === null) return NO_DATA;
      const a = roundTo(actual / pace, d);
      const g = roundTo(input.growth, input.planIndexDecimals);
      const valueOk = a >= plan;
      const growthOk = g >= input.planIndex;
      if (!valueOk || !growthOk) return { status: 'chua-dat', valueShort: !valueOk };
      return { status: a > plan || g > input.planIndex ? 'vuot' : 'dat', valueShort: false };
    }
    default:
      return NO_DATA;
  }
}

/** "Giảm cả 3 mặt": a heading achieved only when all its indicators are. */
export function allOf(statuses: readonly Status[]): Status {
  if (statuses.some((s) => s === 'chua-dat')) return 'chua-dat';
  if (statuses.some((s) => s === 'khong-du-lieu')) return 'khong-du-lieu';
  return 'dat';
}

export const STATUS_TEXT: Record<Status, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  'chua-dat': 'Chưa đạt',
  'khong-du-lieu': 'Chưa có số liệu',
};

/** The status cell of a row the plan states but does not judge (structure shares, info figures). */
export const UNJUDGED_TEXT = 'Không đánh giá';
