// Consolidation (Tổng hợp) of the reporting units' workbooks into one template that `chitieu check` accepts.
//
// Every unit file is checked first; a file that cannot be read, holds no template, has error findings, a
// different year / period / base year than the first usable file, or repeats a unit already included is
// left out and reported. Of the others:
// - flow indicators (nature `flow`: amounts, people, accidents) are summed per cell (KH, TN, TH), when every
//   included unit has a number in that cell; otherwise the cell is left empty and the output names the
//   units missing it. The plan index (KHTT) of indicator-1 rows is the implied index
//   Σ KH ÷ Σ (KH ÷ KHTT × 100) × 100, at 2 decimals. TN of an indicator-1 row is summed only when every unit
//   typed it: otherwise left empty, so the check implies it from the merged plan and index (which is the
//   sum of the units' implied previous values).
// - levels and rates are never summed: the merged cell keeps a value only when all units agree on it, and
//   is left empty otherwise (the template has no weight, such as population, to average them by). The
//   sheet "Theo đơn vị" shows every indicator unit by unit, one column per unit.
// - pass (Đạt / Chưa đạt): "Đạt" when every unit says Đạt, "Chưa đạt" when any unit says Chưa đạt (the
//   district has not achieved what one of its units has not), empty otherwise.
// - criteria (x/N) are levels: kept when all units agree, empty otherwise.
import path from 'path';
import ExcelJS from 'exceljs';
import { HEADINGS, INDICATORS, indicatorKeys, indicatorName, type GrowthPlan, type Indicator, type IndicatorPlan, type PlanFigure } from '../core/catalog';
import { checkWorkbook } from '../core/engine';
import { cellName, rowKey } from '../core/names';
import { decimalsOfValue } from '../core/precision';
import { planDecimals, indexDecimals } from '../template/formats';
import { formatVietnameseNumber, roundTo } from '../core/vnNumber';
import type { Finding, IndicatorResult, InputColumn, Measure, Period, Report, WorkbookSnapshot } from '../core/types';
import { buildTemplate, type TemplateModel } from '../template/model';
import { namedCells } from './definedNames';
import { FileProblem, loadWorkbook } from './io';
import { newTemplateWorkbook } from './renderTemplate';
import { NoTemplateError, readSnapshot } from './snapshot';
import { XLSX_STYLES } from './styles';

export const BY_UNIT_SHEET = 'Theo đơn vị';

export type ExclusionReason = 'unreadable' | 'no-template' | 'errors' | 'mismatch' | 'duplicate';

export interface IncludedUnit {
  file: string;
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
  file: string;
  unit: string | null;
  reason: ExclusionReason;
  message: string;
  errors: UnitError[];
}

export interface MergeOutcome {
  period: Period;
  year: number | null;
  baseYear: number;
  unit: string;
  included: IncludedUnit[];
  excluded: ExcludedUnit[];
  /** Level, criteria and pass cells kept because all units agree (or by the pass rule). */
  levelsKept: string[];
  /** Level cells left empty because the units differ. */
  levelsLeftEmpty: string[];
  /** Flow cells left empty because some unit has no number there. */
  incomplete: { name: string; missingFrom: string[] }[];
  /** pass rows where some unit said Chưa đạt. */
  passNotMet: { id: string; units: string[] }[];
  /** The merged workbook; null when no unit could be included. */
  workbook: ExcelJS.Workbook | null;
  /** The merged template's own check: it must have no error finding. */
  report: Report | null;
}

interface Unit {
  file: string;
  unit: string;
  snapshot: WorkbookSnapshot;
  report: Report;
}

type Value = number | string | null;

export interface MergeOptions {
  /** Name written in the merged file's DON_VI cell. */
  unit?: string;
  indicators?: readonly Indicator[];
}

export async function mergeUnitFiles(files: readonly string[], options: MergeOptions = {}): Promise<MergeOutcome> {
  const indicators = options.indicators ?? INDICATORS;
  const excluded: ExcludedUnit[] = [];
  const units: Unit[] = [];
  for (const file of files) {
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = readSnapshot(await loadWorkbook(file)).snapshot;
    } catch (err) {
      if (err instanceof FileProblem) { excluded.push({ file, unit: null, reason: 'unreadable', message: err.message, errors: [] }); continue; }
      if (err instanceof NoTemplateError) { excluded.push({ file, unit: null, reason: 'no-template', message: `tệp "${file}" ${err.message}`, errors: [] }); continue; }
      throw err;
    }
    const unit = snapshot.unit ?? path.basename(file).replace(/\.xlsx$/i, '');
    const report = checkWorkbook(snapshot, { indicators });
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (errors.length) {
      excluded.push({ file, unit, reason: 'errors', message: `có ${errors.length} lỗi — sửa rồi tổng hợp lại (xem "chitieu check ${file}")`, errors: errors.map(unitError) });
      continue;
    }
    const first = units[0];
    if (first) {
      const diff = mismatch(first, snapshot);
      if (diff) { excluded.push({ file, unit, reason: 'mismatch', message: `${diff} khác tệp "${first.file}" (${first.unit}) — không cộng được`, errors: [] }); continue; }
      const same = snapshot.unit ? units.find((u) => u.snapshot.unit && norm(u.snapshot.unit) === norm(snapshot.unit!)) : undefined;
      if (same) { excluded.push({ file, unit, reason: 'duplicate', message: `trùng đơn vị "${unit}" với tệp "${same.file}" — không cộng hai lần`, errors: [] }); continue; }
    }
    units.push({ file, unit: uniqueName(unit, units), snapshot, report });
  }

  const head = units[0];
  const outcome: MergeOutcome = {
    period: head?.snapshot.period ?? 'nam',
    year: units.find((u) => u.snapshot.year !== undefined)?.snapshot.year ?? null,
    baseYear: head?.snapshot.baseYear ?? 2010,
    unit: options.unit ?? `Tổng hợp ${units.length} đơn vị`,
    included: units.map((u) => ({ file: u.file, unit: u.unit, warnings: u.report.findings.filter((f) => f.severity === 'warning').length })),
    excluded, levelsKept: [], levelsLeftEmpty: [], incomplete: [], passNotMet: [], workbook: null, report: null,
  };
  if (!head) return outcome;

  const merged = mergeValues(units, indicators, outcome);
  const model = buildTemplate({
    year: outcome.year ?? new Date().getFullYear(), period: outcome.period, unit: outcome.unit, baseYear: outcome.baseYear,
    indicators, plan: merged.plan,
  });
  const wb = newTemplateWorkbook(model);
  const cells = namedCells(wb);
  const set = (name: string, value: Value) => {
    const nc = cells.get(name);
    if (nc) wb.getWorksheet(nc.sheet)!.getCell(nc.address).value = value;
  };
  for (const [name, value] of merged.cells) set(name, value);
  for (const [name, note] of merged.notes) set(name, note);
  if (outcome.year === null) set('NAM_BAO_CAO', null);
  addByUnitSheet(wb, model, units, merged.cells, outcome, indicators);
  outcome.workbook = wb;
  outcome.report = checkWorkbook(readSnapshot(wb).snapshot, { indicators });
  return outcome;
}

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
  if (f.period !== s.period) return `kỳ báo cáo (${s.period === '6t' ? '6 tháng' : 'năm'})`;
  if (f.year !== undefined && s.year !== undefined && f.year !== s.year) return `năm báo cáo (${s.year})`;
  if ((f.baseYear ?? 2010) !== (s.baseYear ?? 2010)) return `năm gốc giá so sánh (${s.baseYear ?? 2010})`;
  return null;
}

interface Merged {
  plan: Record<string, IndicatorPlan>;
  /** Values to write, by defined name (null clears a prefilled cell). */
  cells: Map<string, Value>;
  notes: Map<string, string>;
}

function mergeValues(units: readonly Unit[], indicators: readonly Indicator[], outcome: MergeOutcome): Merged {
  const plan: Record<string, IndicatorPlan> = {};
  const cells = new Map<string, Value>();
  const notes = new Map<string, string>();
  const results = units.map((u) => new Map(u.report.indicators.map((r) => [rowKey(r.id, r.measure), r])));
  const n = units.length;
  const growthPlans: Record<string, Partial<Record<Measure, GrowthPlan>>> = {};

  for (const { id, measure } of indicatorKeys(indicators)) {
    const ind = indicators.find((i) => i.id === id)!;
    const rs = results.map((m) => m.get(rowKey(id, measure)));
    const name = (c: InputColumn) => cellName(c, id, measure);
    const pick = (f: (r: IndicatorResult) => Value) => rs.map((r) => (r ? f(r) : null));
    const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
    const plans = pick((r) => r.plan);
    const previous = pick((r) => (r.previousImplied ? null : r.previous));
    const actual = pick((r) => r.actual);
    const missingFrom = (vals: Value[]) => units.filter((_, i) => vals[i] === null).map((u) => u.unit);
    const noteParts: string[] = [];

    if (ind.rule === 'pass') {
      const notMet = units.filter((_, i) => actual[i] === 'Chưa đạt').map((u) => u.unit);
      const value = notMet.length ? 'Chưa đạt' : actual.every((a) => a === 'Đạt') ? 'Đạt' : null;
      cells.set(name('TH'), value);
      if (notMet.length) { outcome.passNotMet.push({ id, units: notMet }); noteParts.push(`Chưa đạt ở: ${notMet.join(', ')}.`); }
      if (value !== null) outcome.levelsKept.push(name('TH'));
      else outcome.incomplete.push({ name: name('TH'), missingFrom: missingFrom(actual) });
    } else if (ind.nature === 'flow') {
      const sum = (vals: Value[], column: InputColumn): number | null => {
        const nums = vals.map(num);
        if (nums.some((v) => v === null)) {
          if (nums.some((v) => v !== null) || column === 'TH') outcome.incomplete.push({ name: name(column), missingFrom: missingFrom(vals) });
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
      } else if (ind.rule !== 'decrease') {
        const kh = sum(plans, 'KH');
        plan[id] = numberPlan(ind, kh);
        cells.set(name('KH'), kh);
      }
      noteParts.push(`Cộng ${n} đơn vị.`);
    } else {
      // Levels, rates, criteria: never summed; kept when every unit has the same value.
      const agree = (vals: Value[], column: InputColumn): Value => {
        const first = vals[0] ?? null;
        const same = first !== null && vals.every((v) => v !== null && (typeof v === 'number' && typeof first === 'number' ? roundTo(v, 10) === roundTo(first, 10) : v === first));
        if (same) { outcome.levelsKept.push(name(column)); return first; }
        if (vals.some((v) => v !== null)) outcome.levelsLeftEmpty.push(name(column));
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
  return { plan, cells, notes };
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

/** The sheet "Theo đơn vị": every indicator's actual (TH), unit by unit, beside the merged value. */
function addByUnitSheet(wb: ExcelJS.Workbook, model: TemplateModel, units: readonly Unit[], merged: Map<string, Value>, outcome: MergeOutcome, indicators: readonly Indicator[]): void {
  const ws = wb.addWorksheet(BY_UNIT_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }] });
  const st = XLSX_STYLES;
  const fixed = ['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Loại', 'Tổng hợp'];
  ws.columns = [{ width: 8 }, { width: 48 }, { width: 13 }, { width: 12 }, { width: 16 }, ...units.map(() => ({ width: 16 }))];
  ws.getCell('A1').value = `SỐ THỰC HIỆN THEO ĐƠN VỊ — ${outcome.unit.toUpperCase()}${outcome.year ? ` — NĂM ${outcome.year}` : ''}${outcome.period === '6t' ? ' (6 THÁNG)' : ''}`;
  ws.getCell('A1').font = st.title.font;
  ws.getCell('A2').value = `Tổng hợp từ ${units.length} đơn vị: ${units.map((u) => `${u.unit} (${path.basename(u.file)})`).join('; ')}.`;
  ws.getCell('A3').value = outcome.excluded.length
    ? `Không đưa vào: ${outcome.excluded.map((e) => `${path.basename(e.file)}${e.unit ? ` (${e.unit})` : ''} — ${e.message}`).join('; ')}.`
    : 'Mọi tệp đơn vị đều được đưa vào.';
  ws.getCell('A4').value = 'Cột "Tổng hợp": cộng các đơn vị với chỉ tiêu cộng dồn (tiền, người, vụ); chỉ tiêu tỷ lệ, mức không cộng — chỉ giữ khi mọi đơn vị như nhau.';
  for (const r of [2, 3, 4]) ws.getCell(`A${r}`).font = st.note.font;
  const header = ws.getRow(5);
  [...fixed, ...units.map((u) => u.unit)].forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = st.header.font;
    if (st.header.fill) c.fill = st.header.fill;
    if (st.header.alignment) c.alignment = st.header.alignment;
    if (st.header.border) c.border = st.header.border;
  });
  header.height = 36;
  const formats = new Map<string, string>();
  for (const row of model.rows) {
    if (row.key && row.cells.actual?.numFmt) formats.set(rowKey(row.key.id, row.key.measure), row.cells.actual.numFmt);
  }
  const results = units.map((u) => new Map(u.report.indicators.map((r) => [rowKey(r.id, r.measure), r])));
  let r = 6;
  for (const { id, measure } of indicatorKeys(indicators)) {
    const ind = indicators.find((i) => i.id === id)!;
    const row = ws.getRow(r++);
    const heading = ind.heading ? HEADINGS.find((h) => h.id === ind.heading) : undefined;
    row.getCell(1).value = measure ? `${id}/${measure.toUpperCase()}` : id;
    row.getCell(2).value = `${heading && !heading.allOf ? heading.name + ': ' : ''}${indicatorName(ind, measure)}`;
    row.getCell(3).value = ind.unitLabel;
    row.getCell(4).value = ind.rule === 'pass' ? 'Đạt/Chưa đạt' : ind.nature === 'flow' ? 'Cộng dồn' : 'Tỷ lệ, mức';
    const fmt = formats.get(rowKey(id, measure));
    const put = (col: number, v: Value | undefined) => {
      const c = row.getCell(col);
      c.value = v ?? null;
      if (fmt && typeof v === 'number') c.numFmt = fmt;
      c.border = st.text.border ?? {};
    };
    put(5, merged.get(cellName('TH', id, measure)));
    results.forEach((m, i) => {
      const res = m.get(rowKey(id, measure));
      put(6 + i, res ? res.actual : null);
    });
    for (let col = 1; col <= 4; col++) row.getCell(col).border = st.text.border ?? {};
  }
}
