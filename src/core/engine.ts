// The engine: a plain snapshot of the template's cells in, the indicators' results and every finding out.
// Order of work: read each row's cells, derive previous/growth/% of plan, judge by the rule, then the
// checks that span rows (sums of components, parts of a whole, "giảm cả 3 mặt").
import { HEADINGS, INDICATORS, indicatorName, MEASURE_NAMES, type Heading, type Indicator } from './catalog';
import { FIGURELESS_RULES, UNJUDGED_RULES } from './plan';
import { SHARE_TOLERANCE, type StructureGroup } from './planRead';
import { rowKey } from './names';
import { planShape, type RowShape } from './engineShape';
import { readWeight } from './weights';
import { readCell, type Expect, type ReadValue } from './reading';
import { allOf, judge } from './rules';
import { indexRangeIssue, rangeIssue, unitSlipIssue, type Reference } from './valueChecks';
import { roundTo } from './vnNumber';
import { paceOf, previousWords, withEstimate } from './period';
import { periodGoal, periodShortWords, type PeriodGoal } from './periodPlan';
import { fmt, withUnit } from './format';
import { shortfallMessage, behindPaceMessage } from './messages';
import type {
  CellSnapshot, Finding, FindingCode, IndicatorResult, InputColumn, Measure, Report, Severity, WorkbookSnapshot,
} from './types';

export const SEVERITY: Record<FindingCode, Severity> = {
  'not-a-number': 'error',
  'number-as-text': 'warning',
  'formula-error': 'error',
  'out-of-range': 'error',
  'unit-slip': 'error',
  'sum-mismatch': 'error',
  'part-exceeds-whole': 'error',
  'baseline-mismatch': 'warning',
  'growth-outlier': 'warning',
  missing: 'warning',
  shortfall: 'shortfall',
  'behind-pace': 'warning',
  'missing-plan': 'warning',
  'missing-cell': 'warning',
  'stated-mismatch': 'error',
};

/** Growth index this far (in points) from the plan index is suspicious. */
export const GROWTH_OUTLIER_POINTS = 30;
/** Previous value this far (relative) from the one the plan implies is suspicious. */
export const BASELINE_TOLERANCE = 0.01;

export interface CheckOptions {
  indicators?: readonly Indicator[];
  headings?: readonly Heading[];
}

interface Row {
  ind: Indicator;
  measure: Measure | null;
  shape: RowShape;
  cells: Partial<Record<InputColumn, CellSnapshot>>;
  plan: ReadValue;
  planIndex: ReadValue;
  previous: ReadValue;
  actual: ReadValue;
  pace: number;
  /** The plan's own figure for the report period (keHoachKy): judged against it instead of plan × pace. */
  goal: PeriodGoal | null;
  /** Previous value used for growth: the typed one, or plan ÷ plan index × 100 (× pace). */
  base: number | null;
  baseImplied: boolean;
  growth: number | null;
  result: IndicatorResult;
}

const num = (r: ReadValue): number | null => (typeof r.value === 'number' ? r.value : null);

export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Report {
  const indicators = options.indicators ?? INDICATORS;
  const headings = options.headings ?? HEADINGS;
  const findings: Finding[] = [];
  const rows = new Map<string, Row>();

  const add = (row: Row | null, column: InputColumn | null, code: FindingCode, message: string, over?: { id: string; measure: Measure | null }) => {
    const cell = row && column ? row.cells[column] : undefined;
    const id = over?.id ?? row?.ind.id ?? '';
    const measure = over ? over.measure : row?.measure ?? null;
    // Keys in the order of CONTRACT.md's example, then the extension.
    const finding: Finding = {
      id, measure,
      cell: cell?.address ?? null,
      name: row && column ? row.shape.names[column] : null,
      code, severity: SEVERITY[code], message,
    };
    if (cell) finding.sheet = cell.sheet;
    findings.push(finding);
  };

  const shape = planShape(indicators, headings);
  // 1. Read every row and derive the previous value and the growth index.
  for (const rs of shape.rows) rows.set(rs.key, readRow(rs, snapshot, add));

  // 1b. The optional weights (quyền số) of rate rows: unusable ones are reported where they stand.
  for (const { ind, name } of shape.weighted) {
    const w = readWeight(snapshot, ind, name);
    for (const issue of w.issues) {
      findings.push({
        id: ind.id, measure: null, cell: w.cell?.address ?? null, name,
        code: issue.code, severity: SEVERITY[issue.code], message: issue.message, ...(w.cell ? { sheet: w.cell.sheet } : {}),
      });
    }
  }

  // 2. Contributions, rule, and the row's own findings.
  for (const row of rows.values()) {
    const { ind, result } = row;
    const parentRow = row.shape.parentKey !== null ? rows.get(row.shape.parentKey) : undefined;
    const actual = num(row.actual);
    if (parentRow && parentRow.base && row.base !== null && actual !== null && ind.rule === 'growth') {
      result.contribution = roundTo(((actual - row.base) / parentRow.base) * 100, 2);
    }
    const goal = row.goal;
    const outcome = judge({
      rule: ind.rule,
      plan: goal ? goal.value : num(row.plan),
      planDecimals: goal ? goal.decimals : row.plan.decimals ?? 0,
      planIndex: num(row.planIndex),
      planIndexDecimals: row.planIndex.decimals ?? 0,
      previous: row.base,
      actual: row.actual.value,
      growth: row.growth,
      pace: goal ? 1 : row.pace,
      otherEnd: goal ? goal.other : otherEnd(ind),
      ratesItself: ind.unit === 'percent',
    });
    if (UNJUDGED_RULES.has(ind.rule)) result.judged = false;
    result.status = outcome.status;
    if (outcome.status === 'chua-dat') {
      const paced = row.pace < 1 && outcome.valueShort && (ind.rule === 'min' || ind.rule === 'growth');
      if (paced) add(row, 'TH', 'behind-pace', behindPaceMessage(row.ind, actual ?? 0, num(row.plan) ?? 0, snapshot.period, goal));
      const growthAlsoShort = ind.rule === 'growth' && row.growth !== null && num(row.planIndex) !== null &&
        roundTo(row.growth, row.planIndex.decimals ?? 0) < num(row.planIndex)!;
      if (!paced || growthAlsoShort) add(row, 'TH', 'shortfall', shortfallMessage({ ind, measure: row.measure, plan: num(row.plan), planIndex: num(row.planIndex), previous: row.base, actual: row.actual.value, growth: row.growth, pace: row.pace, planDecimals: row.plan.decimals ?? 0, planIndexDecimals: row.planIndex.decimals ?? 0, goal }));
    }
  }

  // 3. Checks across rows.
  for (const row of rows.values()) {
    if (row.ind.rule !== 'structure') checkComponents(row, rows, add);
    checkPart(row, rows, add);
  }
  for (const group of shape.structure) checkShares(group, rows, add);
  const headingResults: IndicatorResult[] = [];
  for (const { heading: h, memberKeys } of shape.allOf) {
    const members = memberKeys.map((k) => rows.get(k)!);
    const status = allOf(members.map((m) => m.result.status));
    headingResults.push({
      id: h.id, measure: null, plan: 'Giảm cả 3 mặt', planGrowth: null, previous: null, actual: null,
      growth: null, percentOfPlan: null, contribution: null, status,
    });
    if (status === 'chua-dat') {
      const failed = members.filter((m) => m.result.status === 'chua-dat').map((m) => m.ind.name.replace(/^.*: /, ''));
      add(null, null, 'shortfall', `${h.name}: chưa đạt vì không giảm ${failed.join(', ')}.`, { id: h.id, measure: null });
    }
  }

  // The heading result stands after its last member, where a reader of the table expects it.
  const indicatorsOut = shape.slots.map((s) => ('row' in s ? rows.get(s.row)!.result : headingResults[s.heading]!));
  return withEstimate({ period: snapshot.period, indicators: indicatorsOut, findings }, snapshot.estimate);
}

type Add = (row: Row | null, column: InputColumn | null, code: FindingCode, message: string, over?: { id: string; measure: Measure | null }) => void;

function expectOf(ind: Indicator, column: InputColumn): Expect {
  if (ind.rule === 'pass') return 'pass';
  if (ind.rule === 'criteria') return 'criteria';
  if ((ind.rule === 'gt' || ind.rule === 'lt') && column === 'KH') return 'plan-gt';
  return 'number';
}

/** The other end of a range target (the one beyond which the row is `vuot`), or null. */
function otherEnd(ind: Indicator): number | null {
  const p = ind.plan;
  if (p.kind !== 'range') return null;
  return ind.rule === 'max' || ind.rule === 'lt' ? p.from.value : p.to.value;
}

/** Rules whose row has a target figure in KH. */
const needsPlanFigure = (ind: Indicator) => !FIGURELESS_RULES.has(ind.rule) && !UNJUDGED_RULES.has(ind.rule);
/** Rules that compare with the previous value. */
const needsPrevious = (ind: Indicator) =>
  ind.rule === 'reduce' || ind.rule === 'decrease' || ind.rule === 'increase' || (ind.rule === 'growth-rate' && ind.unit !== 'percent');

function readRow(shape: RowShape, snap: WorkbookSnapshot, add: Add): Row {
  const { ind, measure, columns } = shape;
  const cells: Row['cells'] = {};
  for (const c of columns) {
    const found = snap.cells[shape.names[c]];
    if (found) cells[c] = found;
  }
  const pace = paceOf(snap.period, ind.nature);
  const goal = periodGoal(ind, snap.period);
  const row: Row = {
    ind, measure, shape, cells, pace, goal,
    plan: readCell(undefined, 'number'),
    planIndex: readCell(undefined, 'number'),
    previous: readCell(undefined, 'number'),
    actual: readCell(undefined, 'number'),
    base: null, baseImplied: false, growth: null,
    result: {
      id: ind.id, measure, plan: null, planGrowth: null, previous: null, actual: null,
      growth: null, percentOfPlan: null, contribution: null, status: 'khong-du-lieu',
    },
  };
  for (const c of columns) {
    if (!cells[c]) add(row, null, 'missing-cell', `Không tìm thấy ô ${shape.names[c]} của chỉ tiêu ${label(ind, measure)}: tên ô đã bị xoá hoặc biểu mẫu đã bị sửa. Hãy chèn lại biểu mẫu hoặc đặt lại tên ô.`);
  }
  const report = (column: InputColumn, r: ReadValue) => {
    for (const i of r.issues) add(row, column, i.code, i.message);
  };

  // Plan (KH). "Giảm"/"Tăng" rows have no number to read.
  if (ind.rule !== 'decrease' && ind.rule !== 'increase') {
    row.plan = readCell(cells.KH, expectOf(ind, 'KH'));
    report('KH', row.plan);
  }
  if (ind.rule === 'growth') {
    row.planIndex = readCell(cells.KHTT, 'number');
    report('KHTT', row.planIndex);
    const pi = num(row.planIndex);
    if (pi !== null) {
      const issue = indexRangeIssue(pi);
      if (issue) { add(row, 'KHTT', issue.code, issue.message); row.planIndex = { ...row.planIndex, value: null }; }
    }
  }
  const plan = num(row.plan);
  // What the period is judged against: the plan's own figure for it, or the year's plan paced by months.
  const pacedPlan = goal ? goal.value : plan !== null ? plan * pace : null;
  const planIsMagnitude = shape.planIsMagnitude;

  row.previous = readCell(cells.TN, expectOf(ind, 'TN'), planIsMagnitude ? pacedPlan : null);
  report('TN', row.previous);
  const previous = num(row.previous);

  const refs: Reference[] = [];
  const planWhat = goal ? `kế hoạch ${periodShortWords(goal.period)}` : pace === 0.5 ? 'nửa kế hoạch năm' : pace < 1 ? `${fmt(pace * 100, 2)}% kế hoạch năm` : 'kế hoạch';
  if (planIsMagnitude && pacedPlan !== null && pacedPlan > 0) refs.push({ value: pacedPlan, what: planWhat });
  if (previous !== null && previous > 0) refs.push({ value: previous, what: previousWords(snap.period) });

  row.actual = readCell(cells.TH, expectOf(ind, 'TH'), refs[0]?.value ?? null);
  report('TH', row.actual);

  // Values against their unit, and their magnitude against the plan and the previous value.
  const criteriaOf = ind.rule === 'criteria' ? plan ?? undefined : undefined;
  const checkRange = (column: 'KH' | 'TN' | 'TH', v: number | null) => {
    if (v === null) return;
    const range = rangeIssue(v, ind.unit, ind.unitLabel, column === 'KH' ? undefined : criteriaOf);
    if (range) add(row, column, range.code, range.message);
  };
  checkRange('KH', plan);
  checkRange('TN', previous);
  checkRange('TH', num(row.actual));
  if (previous !== null && planIsMagnitude && pacedPlan) {
    const slip = unitSlipIssue(previous, ind.unit, ind.unitLabel, refs.slice(0, 1));
    if (slip) add(row, 'TN', slip.code, slip.message);
  }
  const actual = num(row.actual);
  if (actual !== null) {
    const slip = unitSlipIssue(actual, ind.unit, ind.unitLabel, refs);
    if (slip) add(row, 'TH', slip.code, slip.message);
  }

  // What is missing to judge the row.
  if (needsPlanFigure(ind) && row.plan.empty) add(row, 'KH', 'missing-plan', `Chưa có kế hoạch của chỉ tiêu ${label(ind, measure)}: không đánh giá được.`);
  if (ind.rule === 'growth' && row.planIndex.empty) add(row, 'KHTT', 'missing-plan', `Chưa có chỉ số kế hoạch (%) của chỉ tiêu ${label(ind, measure)}.`);
  if (row.actual.empty) add(row, 'TH', 'missing', `Chưa nhập số thực hiện của chỉ tiêu ${label(ind, measure)}.`);
  if (needsPrevious(ind) && row.previous.empty && !row.actual.empty) {
    const what = ind.rule === 'increase' ? 'chỉ tiêu tăng' : ind.rule === 'growth-rate' ? 'chỉ tiêu tốc độ tăng' : 'chỉ tiêu giảm';
    add(row, 'TN', 'missing', `Chưa nhập số ${previousWords(snap.period)}: ${what} cần số đó để đánh giá.`);
  }

  // Derived figures.
  const planIndex = num(row.planIndex);
  if (ind.rule === 'growth') {
    // The previous value the plan implies: the period's target ÷ plan index × 100.
    const impliedOf = (pi: number) => (goal ? (goal.value / pi) * 100 : (plan! / pi) * 100 * pace);
    const hasTarget = goal !== null || plan !== null;
    if (previous !== null) row.base = previous;
    else if (hasTarget && planIndex) { row.base = impliedOf(planIndex); row.baseImplied = true; }
    if (previous !== null && hasTarget && planIndex) {
      const implied = impliedOf(planIndex);
      const how = goal ? `${fmt(goal.value)} (${planWhat}) ÷ ${fmt(planIndex)} × 100` : `${fmt(plan!)} ÷ ${fmt(planIndex)} × 100${pace === 0.5 ? ' × ½' : pace < 1 ? ` × ${fmt(pace, 4)}` : ''}`;
      if (Math.abs(previous - implied) / implied > BASELINE_TOLERANCE) {
        add(row, 'TN', 'baseline-mismatch', `Số năm trước ${withUnit(previous, ind.unitLabel)} lệch ${fmt((Math.abs(previous - implied) / implied) * 100, 1)}% so với số kế hoạch ngầm định ${withUnit(implied, ind.unitLabel, 0)} (= ${how}) — có thể lấy nhầm năm gốc hoặc giá hiện hành thay cho giá so sánh.`);
      }
    }
  } else if (previous !== null && ind.rule !== 'pass') {
    row.base = previous;
  }
  if (actual !== null && row.base && (ind.rule === 'growth' || (ind.rule === 'growth-rate' && ind.unit !== 'percent') || (ind.nature === 'flow' && ind.rule !== 'pass'))) {
    row.growth = (actual / row.base) * 100;
  }
  if (ind.rule === 'growth' && row.growth !== null && planIndex !== null && Math.abs(row.growth - planIndex) > GROWTH_OUTLIER_POINTS) {
    add(row, 'TH', 'growth-outlier', `Chỉ số tăng trưởng ${fmt(row.growth, 2)}% cách xa chỉ số kế hoạch ${fmt(planIndex, 2)}% (hơn ${GROWTH_OUTLIER_POINTS} điểm) — kiểm tra lại số thực hiện và số năm trước.`);
  }

  const r = row.result;
  r.plan = ind.rule === 'pass' || ind.rule === 'decrease' ? planText(cells.KH, ind) : plan;
  r.planGrowth = planIndex;
  r.previous = row.base === null ? null : row.baseImplied ? roundTo(row.base, row.plan.decimals ?? 0) : row.base;
  if (row.baseImplied) r.previousImplied = true;
  r.actual = typeof row.actual.value === 'boolean' ? (row.actual.value ? 'Đạt' : 'Chưa đạt') : actual;
  r.growth = row.growth === null ? null : roundTo(row.growth, 2);
  if (goal) r.periodPlan = goal.value;
  // % of plan: of the period's own figure where the plan gives one, else of the year's plan.
  const ofPlan = goal ? goal.value : plan;
  if (actual !== null && ofPlan) {
    if (ind.rule === 'reduce') r.percentOfPlan = previous !== null ? roundTo(((previous - actual) / ofPlan) * 100, 2) : null;
    else if (ind.rule !== 'decrease' && ind.rule !== 'increase' && ind.rule !== 'growth-rate' && ind.rule !== 'structure' && ind.rule !== 'info') r.percentOfPlan = roundTo((actual / ofPlan) * 100, 2);
  }
  return row;
}

/** Shares of a structure group must add up to 100 (CONTRACT.md): a sum-mismatch otherwise, on each column. */
function checkShares(group: StructureGroup, rows: Map<string, Row>, add: Add): void {
  const members = group.members.map((m) => rows.get(rowKey(m.id, null)));
  if (members.some((m) => !m)) return;
  for (const [column, pick, what] of SUM_COLUMNS) {
    if (column === 'KH') continue;
    const values = members.map((m) => num(pick(m!)));
    if (values.some((v) => v === null)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > SHARE_TOLERANCE) {
      add(members[0]!, column, 'sum-mismatch', `Tỷ trọng ${what} của các thành phần cơ cấu ${group.members.map((m) => m.id).join(' + ')} cộng lại được ${fmt(sum, 2)}%, phải bằng 100%.`);
    }
  }
}

function planText(cell: CellSnapshot | undefined, ind: Indicator): string | null {
  if (cell && typeof cell.value === 'string' && cell.value.trim()) return cell.value.trim();
  return ind.plan.kind === 'pass' || ind.plan.kind === 'decrease' ? ind.plan.text : null;
}

export function label(ind: Indicator, measure: Measure | null): string {
  const m = measure ? ` (${MEASURE_NAMES[measure].toLowerCase()})` : '';
  return `${ind.id} "${indicatorName(ind)}"${m}`;
}

const SUM_COLUMNS: readonly ['KH' | 'TN' | 'TH', (r: Row) => ReadValue, string][] = [
  ['KH', (r) => r.plan, 'kế hoạch'],
  ['TN', (r) => r.previous, 'năm trước'],
  ['TH', (r) => r.actual, 'thực hiện'],
];

function checkComponents(row: Row, rows: Map<string, Row>, add: Add): void {
  const parts = row.shape.componentKeys?.map((k) => rows.get(k));
  if (!parts || parts.some((p) => !p)) return;
  for (const [column, pick, what] of SUM_COLUMNS) {
    const total = num(pick(row));
    const values = parts.map((p) => num(pick(p!)));
    if (total === null || values.some((v) => v === null)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    const decimals = pick(row).decimals ?? 0;
    const tolerance = Math.max(parts.length * 0.5 * 10 ** -decimals, Math.abs(total) * 1e-4);
    if (Math.abs(sum - total) > tolerance) {
      const ids = row.ind.components!.join(' + ');
      add(row, column, 'sum-mismatch', `Số ${what} của ${label(row.ind, row.measure)} là ${withUnit(total, row.ind.unitLabel)} nhưng các thành phần ${ids} cộng lại được ${withUnit(sum, row.ind.unitLabel)} (chênh ${fmt(Math.abs(sum - total))}).`);
    }
  }
}

function checkPart(row: Row, rows: Map<string, Row>, add: Add): void {
  if (row.shape.partOfKey === null) return;
  const whole = rows.get(row.shape.partOfKey);
  if (!whole) return;
  for (const [column, pick, what] of SUM_COLUMNS) {
    const part = num(pick(row));
    const all = num(pick(whole));
    if (part === null || all === null) continue;
    if (part > all + Math.abs(all) * 1e-9) {
      add(row, column, 'part-exceeds-whole', `Số ${what} "trong đó" ${withUnit(part, row.ind.unitLabel)} lớn hơn tổng ${withUnit(all, row.ind.unitLabel)} của ${label(whole.ind, whole.measure)}.`);
    }
  }
}

