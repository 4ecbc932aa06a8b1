// The report summary (Đánh giá): from a checked Report, the counts by status, the indicators not achieved
// with their gap, the growth of indicator 1 with each sector's contribution, and a ready Vietnamese
// paragraph in the style of a district report. Pure: the Report and the catalog in, plain data out.
//
// What is counted ("judged") is defined once, in tally.ts (the task pane counts with it too): every result
// row except the aggregate rows of headings with `allOf` (QP.2 "giảm cả 3 mặt"); the two measures of an
// indicator-1 row count as two. Rows with no data are counted (the total says how many indicators the plan
// has), and listed apart.
import { HEADINGS, INDICATORS, indicatorName, MEASURE_NAMES, type Heading, type Indicator } from './catalog';
import { fmt, withUnit } from './format';
import { roundTo } from './vnNumber';
import { doneWords, paceOf, periodWords } from './period';
import { periodGoal, periodShortWords } from './periodPlan';
import { decimalsOfValue } from './precision';
import type { IndicatorResult, Measure, Period, Report, RuleKind, Status } from './types';
import { judgedRows, tally } from './tally';

export interface SummaryOptions {
  indicators?: readonly Indicator[];
  headings?: readonly Heading[];
  year?: number;
  unit?: string;
  baseYear?: number;
}

export interface Shortfall {
  id: string;
  measure: Measure | null;
  name: string;
  unit: string;
  rule: RuleKind;
  plan: number | string | null;
  /** What the actual is judged against: the plan, or half of it for a flow in a 6-month report. */
  target: number | null;
  previous: number | null;
  actual: number | string | null;
  percentOfPlan: number | null;
  /**
   * The gap in the indicator's unit, positive: what is missing to the target (min, growth, gt, criteria),
   * the excess over the ceiling (max), the reduction still missing in points (reduce), the increase over
   * the previous period (decrease); null for pass.
   */
  gap: number | null;
  /** The gap as a % of the target (of the planned reduction for reduce); null where it means nothing. */
  gapPercent: number | null;
  /** Growth rows: points of growth index below the plan index (null when the index was met). */
  growthGap: number | null;
  /** The clause the paragraph uses: "Tổng thu ngân sách đạt 95,2% kế hoạch, thiếu 44,518 tỷ đồng". */
  text: string;
}

export interface SectorGrowth {
  id: string;
  name: string;
  growth: number | null;
  /** Percentage points the sector adds to its parent's growth (CONTRACT.md `contribution`). */
  contribution: number | null;
  parts?: SectorGrowth[];
}

export interface GrowthSummary {
  measure: Measure;
  name: string;
  actual: number | null;
  previous: number | null;
  previousImplied: boolean;
  /** Growth index, % of the previous period (108,59). */
  growth: number | null;
  /** growth − 100: the % increase (8,59); negative for a fall. */
  change: number | null;
  planGrowth: number | null;
  status: Status;
  sectors: SectorGrowth[];
  text: string;
}

export interface Summary {
  period: Period;
  /** As the report's: true for an estimate (ước thực hiện), false stated official; absent when unstated. */
  uoc?: boolean;
  year: number | null;
  unit: string | null;
  baseYear: number;
  /** Rows counted (see the head of this file). */
  counted: number;
  counts: Record<Status, number>;
  /** vuot + dat. */
  achieved: number;
  notAchieved: Shortfall[];
  noData: { id: string; measure: Measure | null; name: string }[];
  growth: GrowthSummary[];
  /** Findings of the Report: a summary of a table with errors is not to be trusted. */
  errors: number;
  warnings: number;
  paragraph: string;
}

/** "Tổng thu ngân sách", "Nông, lâm, thủy sản (giá trị sản xuất)". */
export const indicatorLabel = (ind: Indicator, measure: Measure | null): string => indicatorName(ind, measure);

/** Unit of a difference: points for a rate. */
function pointsUnit(unitLabel: string): string {
  const u = unitLabel.toLowerCase();
  if (u === '%') return 'điểm phần trăm';
  if (u === '‰') return 'điểm phần nghìn';
  return unitLabel;
}

const pct = (x: number) => `${fmt(x, 2)}%`;

/** A gap in the indicator's unit: "44,518 tỷ đồng", "0,2 điểm phần trăm" (a rate's gap is in points). */
function gapWords(gap: number, unitLabel: string): string {
  const u = unitLabel.toLowerCase();
  return u === '%' || u === '‰' ? `${fmt(gap)} ${pointsUnit(unitLabel)}` : withUnit(gap, unitLabel);
}

export function summarize(report: Report, options: SummaryOptions = {}): Summary {
  const indicators = options.indicators ?? INDICATORS;
  const headings = options.headings ?? HEADINGS;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // The plan's own targets (tally: info figures and structure shares are shown, never judged nor counted).
  const rows = judgedRows(report, { indicators, headings });
  const { counts } = tally(report, { indicators, headings });
  const notAchieved = rows.filter((r) => r.status === 'chua-dat').map((r) => shortfallOf(r, byId.get(r.id)!, report.period, options.year));
  const noData = rows.filter((r) => r.status === 'khong-du-lieu').map((r) => ({ id: r.id, measure: r.measure, name: indicatorLabel(byId.get(r.id)!, r.measure) }));
  const growth = growthOf(report, indicators, options);
  const summary: Summary = {
    period: report.period,
    ...(report.uoc !== undefined ? { uoc: report.uoc } : {}),
    year: options.year ?? null,
    unit: options.unit ?? null,
    baseYear: options.baseYear ?? 2010,
    counted: rows.length,
    counts,
    achieved: counts.vuot + counts.dat,
    notAchieved,
    noData,
    growth,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    paragraph: '',
  };
  summary.paragraph = paragraphOf(summary);
  return summary;
}

function shortfallOf(r: IndicatorResult, ind: Indicator, period: Period, year: number | undefined): Shortfall {
  const name = indicatorLabel(ind, r.measure);
  const u = ind.unitLabel;
  // The plan's own figure for the period (keHoachKy) is the plan of the period: not paced, at its own precision.
  const goal = periodGoal(ind, period);
  const pace = goal ? 1 : paceOf(period, ind.nature);
  const plan = goal ? goal.value : typeof r.plan === 'number' ? r.plan : null;
  const actual = typeof r.actual === 'number' ? r.actual : null;
  const target = plan === null ? null : plan * pace;
  /** "kế hoạch" — or "kế hoạch 9 tháng" when the period has its own figure. */
  const kh = goal ? `kế hoạch ${periodShortWords(period)}` : 'kế hoạch';
  const own = goal ? ' (theo kế hoạch kỳ)' : '';
  const base: Shortfall = {
    id: r.id, measure: r.measure, name, unit: u, rule: ind.rule, plan: r.plan, target, previous: r.previous, actual: r.actual,
    percentOfPlan: r.percentOfPlan, gap: null, gapPercent: null, growthGap: null, text: `${name} chưa đạt kế hoạch`,
  };
  const ofPlan = r.percentOfPlan !== null ? `đạt ${pct(r.percentOfPlan)} ${kh}${pace < 1 ? ' năm' : ''}${own}` : '';
  const before = period !== 'nam' ? 'cùng kỳ' : year ? `năm ${year - 1}` : 'năm trước';
  const r2 = (x: number) => roundTo(x, 6);
  if (ind.rule === 'pass') return { ...base, text: `${name}: chưa đạt` };
  if (actual === null) return base;
  switch (ind.rule) {
    case 'min': {
      if (target === null) return base;
      const gap = r2(target - actual);
      const paceWords = pace < 1 ? ' so với tiến độ (một nửa kế hoạch năm)' : '';
      return { ...base, gap, gapPercent: target ? roundTo((gap / target) * 100, 2) : null, text: `${name} ${ofPlan}, thiếu ${gapWords(gap, u)}${paceWords}` };
    }
    case 'growth': {
      const clauses: string[] = [];
      let growthGap: number | null = null;
      // The engine compares at the plan's written precision; the Report keeps the numbers only, so the
      // precision is the one the numbers show. When the value is not short, the index is what fell short.
      const valueShort = plan !== null && roundTo(actual / pace, goal ? goal.decimals : decimalsOfValue(plan)) < plan;
      const indexShort = r.growth !== null && r.planGrowth !== null &&
        (!valueShort || roundTo(r.growth, decimalsOfValue(r.planGrowth)) < r.planGrowth);
      if (indexShort && r.growth !== null && r.planGrowth !== null) {
        growthGap = roundTo(r.planGrowth - r.growth, 2);
        clauses.push(`${changeWords(r.growth)} so với ${before} (kế hoạch ${changeWords(r.planGrowth)}, thấp hơn ${fmt(growthGap, 2)} điểm phần trăm)`);
      }
      let gap: number | null = null;
      let gapPercent: number | null = null;
      if (target !== null && valueShort) {
        gap = r2(target - actual);
        gapPercent = target ? roundTo((gap / target) * 100, 2) : null;
        clauses.push(`${ofPlan}, thiếu ${gapWords(gap, u)}`);
      }
      return { ...base, gap, gapPercent, growthGap, text: `${name} ${clauses.join(', ') || 'chưa đạt kế hoạch'}` };
    }
    case 'max': {
      if (plan === null) return base;
      const gap = r2(actual - plan);
      return { ...base, gap, gapPercent: plan ? roundTo((gap / plan) * 100, 2) : null, text: `${name} ${withUnit(actual, u)}, cao hơn mức trần ${kh} ${withUnit(plan, u)}${own} là ${fmt(gap)} ${pointsUnit(u)}` };
    }
    case 'lt': {
      if (plan === null) return base;
      const gap = r2(actual - plan);
      return { ...base, gap, text: `${name} ${withUnit(actual, u)}, ${kh} dưới ${withUnit(plan, u)}${own}` };
    }
    case 'increase': {
      if (r.previous === null) return base;
      const gap = r2(r.previous - actual);
      return { ...base, gap, text: `${name} ${withUnit(actual, u)}, không tăng so với ${before} (${withUnit(r.previous, u)})` };
    }
    case 'growth-rate': {
      if (plan === null) return base;
      const rate = u.trim() === '%' ? actual : r.growth !== null ? roundTo(r.growth - 100, 2) : null;
      if (rate === null) return base;
      const gap = r2(plan - rate);
      return { ...base, gap, text: `${name} tăng ${pct(rate)} so với ${before}, ${kh} tăng ${pct(plan)}${own}, thấp hơn ${fmt(gap, 2)} điểm phần trăm` };
    }
    case 'gt': {
      if (plan === null) return base;
      const gap = r2(Math.max(0, plan - actual));
      const words = gap === 0 ? `mới bằng ${withUnit(plan, u)}` : `thấp hơn ${withUnit(plan, u)} là ${fmt(gap)} ${pointsUnit(u)}`;
      return { ...base, gap, text: `${name} ${withUnit(actual, u)}, ${words} (${kh} trên ${withUnit(plan, u)}${own})` };
    }
    case 'reduce': {
      if (plan === null || r.previous === null) return base;
      const reduced = r2(r.previous - actual);
      const gap = r2(plan - reduced);
      const done = reduced > 0 ? `giảm ${fmt(reduced)} ${pointsUnit(u)}` : reduced === 0 ? 'không giảm' : `tăng ${fmt(-reduced)} ${pointsUnit(u)}`;
      return { ...base, gap, gapPercent: plan ? roundTo((gap / plan) * 100, 2) : null, text: `${name}: ${done} (từ ${withUnit(r.previous, u)} xuống ${withUnit(actual, u)}), ${kh} giảm ${fmt(plan)} ${pointsUnit(u)}${own}, còn thiếu ${fmt(gap)} ${pointsUnit(u)}` };
    }
    case 'decrease': {
      if (r.previous === null) return base;
      const gap = r2(actual - r.previous);
      const words = gap === 0 ? `bằng ${before}` : `tăng ${withUnit(gap, u)} so với ${before} (${withUnit(r.previous, u)})`;
      return { ...base, gap, gapPercent: r.previous ? roundTo((gap / r.previous) * 100, 2) : null, text: `${name} ${withUnit(actual, u)}, không giảm: ${words}` };
    }
    case 'criteria': {
      if (plan === null) return base;
      const gap = r2(plan - actual);
      return { ...base, gap, text: `${name} đạt ${fmt(actual)}/${fmt(plan)} tiêu chí, còn thiếu ${fmt(gap)} tiêu chí` };
    }
  }
  return base;
}

/** 108,59 → "tăng 8,59%"; 97,1 → "giảm 2,9%". */
function changeWords(index: number): string {
  const c = roundTo(index - 100, 2);
  return c >= 0 ? `tăng ${pct(c)}` : `giảm ${pct(-c)}`;
}

function growthOf(report: Report, indicators: readonly Indicator[], options: SummaryOptions): GrowthSummary[] {
  const total = indicators.find((i) => i.plan.kind === 'growth' && !indicators.some((p) => p.components?.includes(i.id)));
  if (!total) return [];
  const find = (id: string, m: Measure) => report.indicators.find((r) => r.id === id && r.measure === m);
  const sectorOf = (id: string, m: Measure): SectorGrowth => {
    const ind = indicators.find((i) => i.id === id)!;
    const r = find(id, m);
    const s: SectorGrowth = { id, name: indicatorName(ind), growth: r?.growth ?? null, contribution: r?.contribution ?? null };
    if (ind.components) s.parts = ind.components.map((c) => sectorOf(c, m));
    return s;
  };
  const baseYear = options.baseYear ?? 2010;
  const before = report.period !== 'nam' ? 'cùng kỳ' : options.year ? `năm ${options.year - 1}` : 'năm trước';
  const out: GrowthSummary[] = [];
  for (const m of ['sx', 'sp'] as const) {
    const r = find(total.id, m);
    if (!r) continue;
    const name = total.name.startsWith('Tổng giá trị ')
      ? `Tổng ${MEASURE_NAMES[m].toLowerCase()} ${total.name.slice('Tổng giá trị '.length)}`
      : indicatorLabel(total, m);
    const sectors = (total.components ?? []).map((c) => sectorOf(c, m));
    const actual = typeof r.actual === 'number' ? r.actual : null;
    const g: GrowthSummary = {
      measure: m, name, actual, previous: r.previous, previousImplied: r.previousImplied === true, growth: r.growth,
      change: r.growth === null ? null : roundTo(r.growth - 100, 2), planGrowth: r.planGrowth, status: r.status, sectors, text: '',
    };
    if (r.growth === null || actual === null) {
      g.text = `${name} (giá so sánh ${baseYear}) chưa có đủ số liệu để tính tăng trưởng.`;
    } else {
      const plan = r.planGrowth !== null ? ` (kế hoạch ${changeWords(r.planGrowth)})` : '';
      const implied = g.previousImplied ? ', số năm trước suy từ kế hoạch' : '';
      const parts = sectors.filter((s) => s.growth !== null).map((s) => {
        const contrib = s.contribution === null ? ''
          : s.contribution < 0 ? `, làm giảm ${fmt(-s.contribution, 2)} điểm phần trăm` : `, đóng góp ${fmt(s.contribution, 2)} điểm phần trăm`;
        return `${s.name.toLowerCase()} ${changeWords(s.growth!)}${contrib}`;
      });
      g.text = `${name} (giá so sánh ${baseYear}) ${report.uoc === false ? 'đạt' : 'ước đạt'} ${withUnit(actual, total.unitLabel)}, ${changeWords(r.growth)} so với ${before}${plan}${implied}` +
        (parts.length ? `, trong đó: ${parts.join('; ')}.` : '.');
    }
    out.push(g);
  }
  return out;
}

function paragraphOf(s: Summary): string {
  const when = periodWords(s.period, s.year);
  const met = s.counts.vuot || s.counts.dat ? ` (vượt ${s.counts.vuot}, đạt ${s.counts.dat})` : '';
  // "Ước thực hiện 9 tháng năm 2026 có …" for an estimate and, as reports write it, when the workbook does
  // not say; "Thực hiện năm 2025 có …" for figures stated official.
  let text = `${doneWords(s.uoc)} ${when} có ${s.achieved}/${s.counted} chỉ tiêu đạt và vượt kế hoạch${met}`;
  if (s.notAchieved.length) text += `; ${s.notAchieved.length} chỉ tiêu chưa đạt: ${s.notAchieved.map((x) => x.text).join('; ')}`;
  else text += '; không có chỉ tiêu nào chưa đạt';
  if (s.noData.length) text += `; ${s.noData.length} chỉ tiêu chưa có số liệu để đánh giá: ${s.noData.map((x) => x.name).join('; ')}`;
  text += '.';
  for (const g of s.growth) text += ' ' + g.text;
  return text;
}
