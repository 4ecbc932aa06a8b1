// Consolidation (Tổng hợp) of reporting units' templates into one: pure, shared by the files of
// `chitieu merge` (src/xlsx/merge.ts) and the sheets of one workbook in the add-in (src/excel/consolidate.ts).
//
// Every unit is checked first; a unit that cannot be read, holds no template, has error findings, a
// different year / period / base year than the first usable unit, or repeats a unit already included is
// left out and reported. Of the others:
// - flow indicators (nature `flow`: amounts, people, accidents) are summed per cell (KH, TN, TH), when every
//   included unit has a number in that cell; otherwise the cell is left empty and the outcome names the
//   units missing it. The plan index (KHTT) of indicator-1 rows is the implied index
//   Σ KH ÷ Σ (KH ÷ KHTT × 100) × 100, at 2 decimals. TN of an indicator-1 row is summed only when every unit
//   typed it: otherwise left empty, so the check implies it from the merged plan and index (which is the
//   sum of the units' implied previous values).
// - levels and rates are never summed. Where every unit gave the row's weight (quyền số: population,
//   households… in the template's optional column QS), KH, TN and TH are averaged by it and the merged
//   weight is the sum; otherwise the merged cell keeps a value only when all units agree on it, and is left
//   empty when they differ. The unit-by-unit table shows every indicator, one column per unit.
// - pass (Đạt / Chưa đạt): "Đạt" when every unit says Đạt, "Chưa đạt" when any unit says Chưa đạt (the
//   district has not achieved what one of its units has not), empty otherwise.
// - criteria (x/N) are levels: kept when all units agree, empty otherwise.
import { HEADINGS, INDICATORS, indicatorKeys, indicatorName, type GrowthPlan, type Heading, type Indicator, type IndicatorPlan, type PlanFigure } from './catalog';
import { planIndex } from './plan';
import { periodText } from './period';
import { structureGroups } from './planRead';
import { checkWorkbook } from './engine';
import { cellName, rowKey, WEIGHT_COLUMN } from './names';
import { readWeight, weightedMean } from './weights';
import { decimalsOfValue, indexDecimals, planDecimals } from './precision';
import { formatVietnameseNumber, roundTo } from './vnNumber';
import type { Finding, IndicatorResult, InputColumn, Measure, Period, Report, WorkbookSnapshot } from './types';

export type ExclusionReason = 'unreadable' | 'no-template' | 'errors' | 'mismatch' | 'duplicate';

/** A unit as its adapter found it: a template's snapshot, or why there is none. */
export type UnitInput =
  | { source: string; snapshot: WorkbookSnapshot; fallbackName: string }
  | { source: string; problem: { reason: 'unreadable' | 'no-template'; message: string } };

export interface IncludedUnit {
  source: string;
  unit: string;
  warnings: number;
}

export interface UnitError {
  id: string;
  measure: Measure | null;
  sheet: string | null;
  cell: string | null;
  name: string | null;
  code: string;
  message: string;
}

export interface ExcludedUnit {
  source: string;
  unit: string | null;
  reason: ExclusionReason;
  message: string;
  errors: UnitError[];
}

export type Value = number | string | null;

/** One line of the unit-by-unit table: an indicator's actual (TH), merged and per unit. */
export interface ByUnitRow {
  id: string;
  measure: Measure | null;
  code: string;
  name: string;
  unitLabel: string;
  kind: string;
  merged: Value;
  values: Value[];
}

/** How the cells were merged, for the user to read: what was kept, left empty, averaged, not met. */
export interface MergeNotes {
  /** Level, criteria and pass cells kept because all units agree (or by the pass rule). */
  levelsKept: string[];
  /** Level cells left empty because the units differ. */
  levelsLeftEmpty: string[];
  /** Flow cells left empty because some unit has no number there. */
  incomplete: { name: string; missingFrom: string[] }[];
  /** pass rows where some unit said Chưa đạt. */
  passNotMet: { id: string; units: string[] }[];
  /** Rate cells averaged by the weight (quyền số) every unit gave, and what the weight is. */
  averaged: { name: string; weight: string }[];
  /** Rate rows some units gave a weight for and others did not: not averaged, and who lacks it. */
  weightsMissing: { id: string; weight: string; missingFrom: string[] }[];
}

export interface Consolidation extends MergeNotes {
  period: Period;
  /**
   * true: the total is an estimate (ước thực hiện) — every unit's is, or some are (a sum with one estimate in
   * it is an estimate); false: every unit's is stated official; absent: no unit says, or official and
   * unstated mixed.
   */
  estimate?: boolean;
  /** Units whose figures differ in kind (ước vs chính thức vs unstated), by kind; null when all agree. */
  estimateMixed: EstimateMix | null;
  year: number | null;
  baseYear: number;
  unit: string;
  included: IncludedUnit[];
  excluded: ExcludedUnit[];
  /** The merged template's plan (for buildTemplate), values by defined name (null clears a prefilled cell), notes. */
  plan: Record<string, IndicatorPlan>;
  cells: Map<string, Value>;
  notes: Map<string, string>;
  byUnit: ByUnitRow[];
}

/** The merge notes of a consolidation, to pass on to an adapter's outcome. */
export function mergeNotesOf(c: Consolidation): MergeNotes {
  return {
    levelsKept: c.levelsKept, levelsLeftEmpty: c.levelsLeftEmpty, incomplete: c.incomplete,
    passNotMet: c.passNotMet, averaged: c.averaged, weightsMissing: c.weightsMissing,
  };
}

/** Merge notes of a consolidation that merged nothing. */
export const emptyMergeNotes = (): MergeNotes => ({ levelsKept: [], levelsLeftEmpty: [], incomplete: [], passNotMet: [], averaged: [], weightsMissing: [] });

/** The included units by the kind of their figures, when they are not all of one kind. */
export interface EstimateMix {
  estimate: string[];
  official: string[];
  unstated: string[];
}

export interface ConsolidateOptions {
  /** Name of the consolidated report's unit (DON_VI); "Tổng hợp N đơn vị" by default. */
  unit?: string;
  indicators?: readonly Indicator[];
  headings?: readonly Heading[];
  /** How a source is named in a sentence: `tệp "a.xlsx"`, `sheet "Xã A"`. */
  describe: (source: string) => string;
  /** Where to see a left-out unit's errors ("xem chitieu check a.xlsx"); empty by default. */
  errorsHint?: (source: string) => string;
}

export const BY_UNIT_SHEET = 'Theo đơn vị';

interface Unit {
  source: string;
  unit: string;
  snapshot: WorkbookSnapshot;
  report: Report;
}

export function consolidate(inputs: readonly UnitInput[], options: ConsolidateOptions): Consolidation {
  const indicators = options.indicators ?? INDICATORS;
  const excluded: ExcludedUnit[] = [];
  const units: Unit[] = [];
  for (const input of inputs) {
    const { source } = input;
    if ('problem' in input) {
      excluded.push({ source, unit: null, reason: input.problem.reason, message: input.problem.message, errors: [] });
      continue;
    }
    const snapshot = input.snapshot;
    const unit = snapshot.unit ?? input.fallbackName;
    const report = checkWorkbook(snapshot, { indicators, ...(options.headings ? { headings: options.headings } : {}) });
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (errors.length) {
      const hint = options.errorsHint?.(source);
      excluded.push({ source, unit, reason: 'errors', message: `có ${errors.length} lỗi — sửa rồi tổng hợp lại${hint ? ` (${hint})` : ''}`, errors: errors.map(unitError) });
      continue;
    }
    const first = units[0];
    if (first) {
      const diff = mismatch(first, snapshot);
      if (diff) { excluded.push({ source, unit, reason: 'mismatch', message: `${diff} khác ${options.describe(first.source)} (${first.unit}) — không cộng được`, errors: [] }); continue; }
      const same = snapshot.unit ? units.find((u) => u.snapshot.unit && norm(u.snapshot.unit) === norm(snapshot.unit!)) : undefined;
      if (same) { excluded.push({ source, unit, reason: 'duplicate', message: `trùng đơn vị "${unit}" với ${options.describe(same.source)} — không cộng hai lần`, errors: [] }); continue; }
    }
    units.push({ source, unit: uniqueName(unit, units), snapshot, report });
  }

  const head = units[0];
  const c: Consolidation = {
    period: head?.snapshot.period ?? 'nam',
    year: units.find((u) => u.snapshot.year !== undefined)?.snapshot.year ?? null,
    baseYear: head?.snapshot.baseYear ?? 2010,
    unit: options.unit ?? `Tổng hợp ${units.length} đơn vị`,
    included: units.map((u) => ({ source: u.source, unit: u.unit, warnings: u.report.findings.filter((f) => f.severity === 'warning').length })),
    excluded, ...emptyMergeNotes(),
    ...estimateOf(units),
    plan: {}, cells: new Map(), notes: new Map(), byUnit: [],
  };
  if (head) {
    mergeValues(units, indicators, c);
    c.byUnit = byUnitRows(units, indicators, options.headings ?? HEADINGS, c.cells);
  }
  return c;
}

/**
 * Ước or chính thức of the total: kept when every unit agrees; when they differ, an estimate if any unit's is
 * (the sum holds an estimate), unstated otherwise — and the units by kind, for the outcome to say so.
 */
function estimateOf(units: readonly Unit[]): Pick<Consolidation, 'estimate' | 'estimateMixed'> {
  const kinds = new Set(units.map((u) => u.snapshot.estimate));
  const only = kinds.size === 1 ? units[0]?.snapshot.estimate : kinds.has(true) ? true : undefined;
  const estimate = only === undefined ? {} : { estimate: only };
  if (kinds.size <= 1) return { ...estimate, estimateMixed: null };
  const of = (e: boolean | undefined) => units.filter((u) => u.snapshot.estimate === e).map((u) => u.unit);
  return { ...estimate, estimateMixed: { estimate: of(true), official: of(false), unstated: of(undefined) } };
}

/** The sentence that says units mixed estimates with official figures, or null when they did not. */
export function estimateMixText(c: Pick<Consolidation, 'estimate' | 'estimateMixed'>): string | null {
  const m = c.estimateMixed;
  if (!m) return null;
  const parts = [
    m.estimate.length ? `số ước thực hiện: ${m.estimate.join(', ')}` : null,
    m.official.length ? `số chính thức: ${m.official.join(', ')}` : null,
    m.unstated.length ? `không ghi ước hay chính thức: ${m.unstated.join(', ')}` : null,
  ].filter(Boolean);
  const total = c.estimate ? 'số tổng hợp là số ước thực hiện' : 'số tổng hợp không ghi ước hay chính thức';
  return `Các đơn vị báo cáo khác loại số liệu (${parts.join('; ')}) — ${total}.`;
}

/** The title lines of the unit-by-unit sheet; `label` names a unit's source (a file's base name, a sheet). */
export function byUnitHeading(c: Consolidation, label: (source: string) => string): string[] {
  return [
    `SỐ THỰC HIỆN THEO ĐƠN VỊ — ${c.unit.toUpperCase()}${c.year ? ` — NĂM ${c.year}` : ''}${c.period !== 'nam' || c.estimate !== undefined ? ` (${periodText(c.period, c.estimate).toUpperCase()})` : ''}`,
    `Tổng hợp từ ${c.included.length} đơn vị: ${c.included.map((u) => `${u.unit} (${label(u.source)})`).join('; ')}.${c.estimateMixed ? ' ' + estimateMixText(c) : ''}`,
    c.excluded.length
      ? `Không đưa vào: ${c.excluded.map((e) => `${label(e.source)}${e.unit ? ` (${e.unit})` : ''} — ${e.message}`).join('; ')}.`
      : 'Mọi đơn vị đều được đưa vào.',
    'Cột "Tổng hợp": cộng các đơn vị với chỉ tiêu cộng dồn (tiền, người, vụ); chỉ tiêu tỷ lệ, mức không cộng — tính bình quân theo quyền số khi mọi đơn vị có quyền số, nếu không chỉ giữ khi mọi đơn vị như nhau.',
  ];
}

export const BY_UNIT_FIXED_HEADERS = ['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Loại', 'Tổng hợp'] as const;

function unitError(f: Finding): UnitError {
  return { id: f.id, measure: f.measure, sheet: f.sheet ?? null, cell: f.cell, name: f.name, code: f.code, message: f.message };
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

function uniqueName(name: string, units: readonly Unit[]): string {
  let n = name;
  for (let i = 2; units.some((u) => u.unit === n); i++) n = `${name} (${i})`;
  return n;
}

function mismatch(first: Unit, s: WorkbookSnapshot): string | null {
  const f = first.snapshot;
  if (f.period !== s.period) return `kỳ báo cáo (${periodText(s.period).toLowerCase()})`;
  if (f.year !== undefined && s.year !== undefined && f.year !== s.year) return `năm báo cáo (${s.year})`;
  if ((f.baseYear ?? 2010) !== (s.baseYear ?? 2010)) return `năm gốc giá so sánh (${s.baseYear ?? 2010})`;
  return null;
}

function mergeValues(units: readonly Unit[], indicators: readonly Indicator[], c: Consolidation): void {
  const { plan, cells, notes } = c;
  const results = units.map((u) => new Map(u.report.indicators.map((r) => [rowKey(r.id, r.measure), r])));
  const n = units.length;
  const growthPlans: Record<string, Partial<Record<Measure, GrowthPlan>>> = {};

  const byId = planIndex(indicators).byId;
  const groupOf = new Map<string, Indicator>();
  for (const g of structureGroups(indicators)) {
    const total = byId.get(g.of);
    if (total) for (const m of g.members) groupOf.set(m.id, total);
  }
  const thOf = results.map((m) => (id: string) => {
    const v = m.get(rowKey(id, null))?.actual;
    return typeof v === 'number' ? v : null;
  });
  for (const { id, measure } of indicatorKeys(indicators)) {
    const ind = byId.get(id)!;
    const rs = results.map((m) => m.get(rowKey(id, measure)));
    const name = (col: InputColumn) => cellName(col, id, measure);
    const pick = (f: (r: IndicatorResult) => Value) => rs.map((r) => (r ? f(r) : null));
    const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
    const plans = pick((r) => r.plan);
    const previous = pick((r) => (r.previousImplied ? null : r.previous));
    const actual = pick((r) => r.actual);
    const missingFrom = (vals: Value[]) => units.filter((_, i) => vals[i] === null).map((u) => u.unit);
    // A structure share is re-derived from the units' shares weighted by their group total (its TH), when
    // every unit has it: Σ share × total ÷ Σ total is the share of the merged total.
    const total = groupOf.get(id);
    const totals = total ? thOf.map((f) => f(total.id)) : [];
    const byTotal = total !== undefined && totals.every((t) => t !== null && t > 0);
    const weights = byTotal ? totals : ind.weight ? units.map((u) => readWeight(u.snapshot, ind).value) : [];
    const weightName = byTotal ? `${total!.name} (${total!.unitLabel})` : ind.weight;
    const noteParts: string[] = [];

    if (ind.rule === 'pass') {
      const notMet = units.filter((_, i) => actual[i] === 'Chưa đạt').map((u) => u.unit);
      const value = notMet.length ? 'Chưa đạt' : actual.every((a) => a === 'Đạt') ? 'Đạt' : null;
      cells.set(name('TH'), value);
      if (notMet.length) { c.passNotMet.push({ id, units: notMet }); noteParts.push(`Chưa đạt ở: ${notMet.join(', ')}.`); }
      if (value !== null) c.levelsKept.push(name('TH'));
      else c.incomplete.push({ name: name('TH'), missingFrom: missingFrom(actual) });
    } else if (ind.nature === 'flow') {
      const sum = (vals: Value[], column: InputColumn): number | null => {
        const nums = vals.map(num);
        if (nums.some((v) => v === null)) {
          if (nums.some((v) => v !== null) || column === 'TH') c.incomplete.push({ name: name(column), missingFrom: missingFrom(vals) });
          return null;
        }
        const d = Math.min(6, Math.max(0, ...(nums as number[]).map(decimalsOfValue)));
        return roundTo((nums as number[]).reduce((a, b) => a + b, 0), d);
      };
      const th = sum(actual, 'TH');
      const tn = sum(previous, 'TN');
      cells.set(name('TH'), th);
      cells.set(name('TN'), tn);
      if (ind.rule === 'growth' && measure) {
        const kh = sum(plans, 'KH');
        const idx = pick((r) => r.planGrowth).map(num);
        const khNums = plans.map(num);
        let khtt: number | null = null;
        if (kh !== null && idx.every((x): x is number => x !== null && x > 0)) {
          const base = khNums.reduce((a: number, p, i) => a + (p! / idx[i]!) * 100, 0);
          if (base > 0) khtt = roundTo((kh / base) * 100, 2);
        }
        if (khtt !== null) noteParts.push(`Chỉ số KH tổng hợp = ΣKH ÷ Σ(KH ÷ chỉ số KH × 100) × 100 của ${n} đơn vị.`);
        if (tn === null && kh !== null && khtt !== null) noteParts.push('Số năm trước để trống vì có đơn vị chưa nhập: tính từ kế hoạch và chỉ số KH tổng hợp.');
        growthPlans[id] = { ...growthPlans[id], [measure]: growthPlan(ind, measure, kh, khtt) };
        cells.set(name('KH'), kh);
        cells.set(name('KHTT'), khtt);
      } else if (ind.rule === 'growth-rate') {
        // A rate target is the same for every unit, or none: never summed.
        const first = plans[0] ?? null;
        const kh = plans.every((p) => p === first) ? first : null;
        cells.set(name('KH'), kh);
      } else if (ind.rule !== 'decrease' && ind.rule !== 'increase') {
        const kh = sum(plans, 'KH');
        plan[id] = numberPlan(ind, kh);
        cells.set(name('KH'), kh);
      }
      noteParts.push(`Cộng ${n} đơn vị.`);
    } else if (weightName && weights.length && weights.every((w) => w !== null)) {
      // Rates with a weight in every unit: averaged by it (Σ rate × weight ÷ Σ weight), never summed.
      const mean = (vals: Value[], column: InputColumn): number | null => {
        const nums = vals.map(num);
        const m = weightedMean(nums, weights);
        if (m === null) {
          if (nums.some((v) => v !== null)) c.levelsLeftEmpty.push(name(column));
          return null;
        }
        c.averaged.push({ name: name(column), weight: weightName });
        const d = Math.min(4, Math.max(2, ...nums.map((v) => decimalsOfValue(v!))));
        return roundTo(m, d);
      };
      const kh = mean(plans, 'KH');
      const tn = ind.rule === 'reduce' || previous.some((v) => v !== null) ? mean(previous, 'TN') : null;
      const th = mean(actual, 'TH');
      if (ind.plan.kind === 'number') plan[id] = numberPlan(ind, kh);
      cells.set(name('KH'), kh);
      cells.set(name('TN'), tn);
      cells.set(name('TH'), th);
      const sumOfWeights = (weights as number[]).reduce((a, b) => a + b, 0);
      if (ind.weight && !byTotal) cells.set(cellName(WEIGHT_COLUMN, id), roundTo(sumOfWeights, Math.min(6, Math.max(0, ...(weights as number[]).map(decimalsOfValue)))));
      noteParts.push(byTotal
        ? `Cơ cấu: tính lại từ tỷ trọng của ${n} đơn vị theo ${weightName!.toLowerCase()} của từng đơn vị.`
        : `Tỷ lệ/mức: bình quân theo quyền số (${weightName!.toLowerCase()}) của ${n} đơn vị; quyền số tổng hợp là tổng của các đơn vị.`);
    } else {
      // Levels, rates, criteria without a weight in every unit: never summed; kept when every unit has the same value.
      if (ind.weight) {
        const missing = missingFrom(weights);
        if (missing.length < n) c.weightsMissing.push({ id, weight: ind.weight, missingFrom: missing });
      }
      const agree = (vals: Value[], column: InputColumn): Value => {
        const first = vals[0] ?? null;
        const same = first !== null && vals.every((v) => v !== null && (typeof v === 'number' && typeof first === 'number' ? roundTo(v, 10) === roundTo(first, 10) : v === first));
        if (same) { c.levelsKept.push(name(column)); return first; }
        if (vals.some((v) => v !== null)) c.levelsLeftEmpty.push(name(column));
        return null;
      };
      const kh = agree(plans, 'KH');
      const tn = ind.rule === 'reduce' || ind.rule === 'decrease' || previous.some((v) => v !== null) ? agree(previous, 'TN') : null;
      const th = agree(actual, 'TH');
      if (ind.plan.kind === 'criteria') {
        plan[id] = typeof kh === 'number' ? { kind: 'criteria', required: kh, of: Math.max(kh, ind.plan.of), text: `${kh}/${Math.max(kh, ind.plan.of)}` } : ind.plan;
      } else if (ind.plan.kind === 'number') {
        plan[id] = numberPlan(ind, num(kh));
      }
      cells.set(name('KH'), kh);
      cells.set(name('TN'), tn);
      cells.set(name('TH'), th);
      if (kh === null || th === null || (tn === null && previous.some((v) => v !== null))) {
        noteParts.push(`Tỷ lệ/mức: không cộng; các đơn vị khác nhau nên để trống — xem trang "${BY_UNIT_SHEET}".`);
      }
    }
    if (noteParts.length) notes.set(cellName('GC', id, measure), noteParts.join(' '));
  }
  for (const [id, g] of Object.entries(growthPlans)) {
    if (g.sp && g.sx) plan[id] = { kind: 'growth', sp: g.sp, sx: g.sx };
  }
}

/** A figure at the catalog's written precision, or finer when the value needs it. */
function figure(value: number, minDecimals: number): PlanFigure {
  const d = Math.max(minDecimals, Math.min(6, decimalsOfValue(value)));
  return { value, text: formatVietnameseNumber(value, d) };
}

function numberPlan(ind: Indicator, value: number | null): IndicatorPlan {
  if (value === null || ind.plan.kind !== 'number') return ind.plan;
  const f = figure(value, planDecimals(ind, null));
  return { kind: 'number', value: ind.rule === 'gt' ? { value, text: `> ${f.text}` } : f };
}

function growthPlan(ind: Indicator, m: Measure, kh: number | null, khtt: number | null): GrowthPlan {
  const seed = ind.plan.kind === 'growth' ? ind.plan[m] : { value: { value: 0, text: '0' }, index: { value: 100, text: '100' } };
  return {
    value: kh === null ? seed.value : figure(kh, planDecimals(ind, m)),
    index: khtt === null ? seed.index : { value: khtt, text: formatVietnameseNumber(khtt, Math.max(2, indexDecimals(ind, m))) },
  };
}

function byUnitRows(units: readonly Unit[], indicators: readonly Indicator[], headings: readonly Heading[], merged: Map<string, Value>): ByUnitRow[] {
  const results = units.map((u) => new Map(u.report.indicators.map((r) => [rowKey(r.id, r.measure), r])));
  const byId = planIndex(indicators).byId;
  const headingById = new Map(headings.map((h) => [h.id, h]));
  return indicatorKeys(indicators).map(({ id, measure }) => {
    const ind = byId.get(id)!;
    const heading = ind.heading ? headingById.get(ind.heading) : undefined;
    return {
      id, measure,
      code: measure ? `${id}/${measure.toUpperCase()}` : id,
      name: `${heading && !heading.allOf ? heading.name + ': ' : ''}${indicatorName(ind, measure)}`,
      unitLabel: ind.unitLabel,
      kind: ind.rule === 'pass' ? 'Đạt/Chưa đạt' : ind.nature === 'flow' ? 'Cộng dồn' : 'Tỷ lệ, mức',
      merged: merged.get(cellName('TH', id, measure)) ?? null,
      values: results.map((m) => m.get(rowKey(id, measure))?.actual ?? null),
    };
  });
}
