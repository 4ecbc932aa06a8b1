// Vietnamese sentences for shortfalls: what was achieved, what the plan asked, and the gap.
import { indicatorName, type Indicator } from './catalog';
import type { Measure, Period } from './types';
import { paceOf, periodWords } from './period';
import { periodGoalWords, type PeriodGoal } from './periodPlan';
import { fmt, withUnit } from './format';
import { roundTo } from './vnNumber';

export interface ShortfallFacts {
  ind: Indicator;
  measure: Measure | null;
  plan: number | null;
  planIndex: number | null;
  previous: number | null;
  actual: number | boolean | null;
  growth: number | null;
  pace: number;
  planDecimals: number;
  planIndexDecimals: number;
  /** The plan's own figure for the period (keHoachKy): the target instead of plan × pace. */
  goal?: PeriodGoal | null;
}

export function shortfallMessage(facts: ShortfallFacts): string {
  const goal = facts.goal ?? null;
  // A period with its own figure: that figure is the plan, not paced, compared at its own precision.
  const f = goal ? { ...facts, plan: goal.value, pace: 1, planDecimals: goal.decimals } : facts;
  const { ind, plan, actual } = f;
  const u = ind.unitLabel;
  /** "kế hoạch giảm 1,5%" — or "kế hoạch 9 tháng giảm 1,2% (theo kế hoạch kỳ)". */
  const kh = (verb: string, figure: string) => (goal
    ? periodGoalWords(goal, u, verb, ind.rule === 'growth-rate' ? `${goal.text}%` : undefined)
    : `kế hoạch ${verb ? `${verb} ` : ''}${figure}`);
  const name = indicatorName(ind, f.measure);
  if (typeof actual === 'boolean' || actual === null) return `${name}: đánh giá "Chưa đạt".`;
  switch (ind.rule) {
    case 'min': {
      const target = (plan ?? 0) * f.pace;
      const pct = target ? ` (${fmt((actual / target) * 100, 2)}%)` : '';
      return `${name}: thực hiện ${withUnit(actual, u)}, chưa đạt ${kh('', withUnit(target, u))}${pct}, còn thiếu ${withUnit(target - actual, u)}.`;
    }
    case 'max':
      return `${name}: ${withUnit(actual, u)} cao hơn mức trần ${kh('', withUnit(plan ?? 0, u))} (chỉ tiêu này càng thấp càng tốt).`;
    case 'gt':
      return `${name}: ${withUnit(actual, u)}, ${kh('phải trên', withUnit(plan ?? 0, u))}.`;
    case 'reduce': {
      const prev = f.previous ?? 0;
      return `${name}: giảm ${withUnit(roundTo(prev - actual, f.planDecimals + 1), u)} (từ ${withUnit(prev, u)} xuống ${withUnit(actual, u)}), ${kh('giảm', withUnit(plan ?? 0, u))}.`;
    }
    case 'decrease':
      return `${name}: ${fmt(actual)}, không giảm so với cùng kỳ (${fmt(f.previous ?? 0)}).`;
    case 'lt':
      return `${name}: ${withUnit(actual, u)}, ${kh('phải dưới', withUnit(plan ?? 0, u))}.`;
    case 'increase':
      return `${name}: ${fmt(actual)}, không tăng so với cùng kỳ (${fmt(f.previous ?? 0)}).`;
    case 'growth-rate': {
      const rate = ind.unit === 'percent' ? actual : f.previous ? (actual / f.previous - 1) * 100 : null;
      return `${name}: ${rate === null ? 'chưa tính được tốc độ tăng' : `tăng ${fmt(rate, 2)}%`}, ${kh('tăng', `${fmt(plan ?? 0, f.planDecimals)}%`)}.`;
    }
    case 'criteria':
      return `${name}: đạt ${fmt(actual)}/${fmt(plan ?? 0)} tiêu chí, kế hoạch ${fmt(plan ?? 0)}/${fmt(plan ?? 0)}.`;
    case 'growth': {
      const parts: string[] = [];
      if (f.growth !== null && f.planIndex !== null && roundTo(f.growth, f.planIndexDecimals) < f.planIndex) {
        parts.push(`chỉ số tăng trưởng ${fmt(f.growth, 2)}% thấp hơn kế hoạch ${fmt(f.planIndex, f.planIndexDecimals)}%`);
      }
      const target = (plan ?? 0) * f.pace;
      if (roundTo(actual / f.pace, f.planDecimals) < (plan ?? 0)) {
        parts.push(`giá trị ${withUnit(actual, u)} thấp hơn ${kh('', withUnit(target, u))} (thiếu ${withUnit(target - actual, u)})`);
      }
      return `${name}: ${parts.join('; ') || 'chưa đạt kế hoạch'}.`;
    }
    default:
      return `${name}: chưa đạt kế hoạch.`;
  }
}

export function behindPaceMessage(ind: Indicator, actual: number, annualPlan: number, period: Period = '6t', goal: PeriodGoal | null = null): string {
  if (goal) {
    const pct = goal.value ? (actual / goal.value) * 100 : 0;
    return `Báo cáo ${periodWords(period)}: ${indicatorName(ind)} mới đạt ${withUnit(actual, ind.unitLabel)}, bằng ${fmt(pct, 2)}% ${periodGoalWords(goal, ind.unitLabel)} — chậm so với tiến độ.`;
  }
  const pct = annualPlan ? (actual / annualPlan) * 100 : 0;
  if (period !== '6t') {
    const due = paceOf(period, 'flow') * 100;
    return `Báo cáo ${periodWords(period)}: ${indicatorName(ind)} mới đạt ${withUnit(actual, ind.unitLabel)}, bằng ${fmt(pct, 2)}% kế hoạch năm ${withUnit(annualPlan, ind.unitLabel)} — dưới ${fmt(due, 2)}% theo số tháng đã qua, chậm so với tiến độ.`;
  }
  return `Báo cáo 6 tháng: ${indicatorName(ind)} mới đạt ${withUnit(actual, ind.unitLabel)}, bằng ${fmt(pct, 2)}% kế hoạch năm ${withUnit(annualPlan, ind.unitLabel)} — dưới một nửa, chậm so với tiến độ.`;
}
