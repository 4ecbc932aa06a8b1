// `check` on a recognised table: the template's engine on the recognised cells (recognitionSnapshot) for
// every row it can judge — all thirteen rules of the plan model, range targets included — and the row's
// own verdict (verdictOf) only where the engine cannot read the row as a template row: a plan figure the
// KH cell does not hold as a number, a growth row with no plan index cell. Then the table's stated results
// (stated-mismatch). The engine is given only the recognised rows: a table of the user's is not the whole
// template, so a column it does not have (no KHTT, no TN) or a row it does not list is no finding.
import { INDICATORS, indicatorById, HEADINGS, type Heading, type Indicator, type IndicatorPlan } from '../catalog';
import { checkWorkbook } from '../engine';
import { fmt } from '../format';
import { cellName, rowKey } from '../names';
import { readCell } from '../reading';
import type { Finding, IndicatorResult, Period, Report, RuleKind, WorkbookSnapshot } from '../types';
import { decimalsOfValue } from '../precision';
import type { UnitKind } from '../units';
import { readCellText, roundTo } from '../vnNumber';
import { foldUnit } from './normalize';
import { figureOf } from './planTargets';
import { recognitionSnapshot } from './snapshot';
import { checkStated, figuresOf, type StatedContext } from './stated';
import type { Recognition, RecognizedRow, TableColumn } from './types';
import { verdictOf } from './verdict';

/** Rules judged without a plan figure in KH (or not judged at all: shown as the template shows them). */
const NO_FIGURE_RULES: readonly string[] = ['decrease', 'increase', 'criteria', 'pass', 'structure', 'info'];

export interface RecognizedCheckOptions {
  period?: Period;
  /** The number format of a row's cell in a column (gives written precision and % formats). */
  format?: StatedContext['format'];
}

/** The report of a recognised table, as `check` gives it for a template. */
/** The rows the engine judges a recognised table by: its rows as indicators, and the headings they sit under. */
export function recognizedRows(rec: Recognition): { indicators: Indicator[]; headings: Heading[] } {
  const indicators = engineIndicators(rec.rows.filter(engineCanJudge));
  const headingIds = new Set(indicators.map((i) => i.heading).filter((h): h is string => !!h));
  return { indicators, headings: HEADINGS.filter((h) => headingIds.has(h.id)) };
}

/**
 * Every row of a recognised table as the pane, the paragraph and the "Tóm tắt" sheet name and count them:
 * the rows the engine judges, then the rows judged by their own figures — so the counts agree everywhere.
 */
export function recognizedPlanRows(rec: Recognition): { indicators: Indicator[]; headings: Heading[] } {
  const judged = recognizedRows(rec);
  const ids = new Set(rec.rows.map((r) => r.id));
  const have = new Set(judged.indicators.map((i) => i.id));
  const own: Indicator[] = [];
  for (const row of rec.rows) {
    if (engineCanJudge(row) || have.has(row.id)) continue;
    have.add(row.id);
    own.push(rowIndicator(row, ids));
  }
  return { indicators: [...judged.indicators, ...own], headings: judged.headings };
}

export function checkRecognized(rec: Recognition, options: RecognizedCheckOptions = {}): Report {
  const period = options.period ?? 'nam';
  const engineRows = rec.rows.filter(engineCanJudge);
  const ownRows = rec.rows.filter((r) => !engineCanJudge(r));
  const { indicators, headings } = recognizedRows(rec);
  const byAddress = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    const col = m ? (Object.entries(rec.columns.letters).find(([, l]) => l === m[1])?.[0] as TableColumn | undefined) : undefined;
    return m && col ? options.format?.(Number(m[2]), col) ?? null : null;
  };
  const sub: Recognition = { ...rec, rows: engineRows };
  const snapshot = withStatedTargets(recognitionSnapshot(sub, period, byAddress), engineRows);
  const keys = new Set(engineRows.map((r) => rowKey(r.id, r.measure)));
  const present = new Set(Object.keys(rec.columns.letters));
  const headingIds = new Set(headings.map((h) => h.id));
  const engine = checkWorkbook(snapshot, { indicators, headings });

  // Keep what the table has: its rows, and findings about cells it has.
  const kept = (f: Finding) => {
    if (f.code === 'missing-cell') return false;
    const col = f.name ? /^([A-Z]+)_/.exec(f.name)?.[1] : undefined;
    if (!f.cell && col && !present.has(col)) return false;
    return keys.has(rowKey(f.id, f.measure)) || headingIds.has(f.id);
  };
  const results = new Map<string, IndicatorResult>();
  for (const r of engine.indicators) if (keys.has(rowKey(r.id, r.measure)) || headingIds.has(r.id)) results.set(rowKey(r.id, r.measure), r);
  const findings: Finding[] = engine.findings.filter(kept);
  for (const row of ownRows) {
    const own = ownResult(row, rec.sheet, options.format);
    results.set(rowKey(row.id, row.measure), own.result);
    findings.push(...own.findings);
  }
  findings.push(...checkStated(rec, options.format));
  // In the table's order (heading results after their last member, as the engine places them).
  const ordered: IndicatorResult[] = [];
  for (const row of rec.rows) {
    const r = results.get(rowKey(row.id, row.measure));
    if (r && !ordered.includes(r)) ordered.push(r);
    for (const h of engine.indicators.filter((x) => headingIds.has(x.id) && !ordered.includes(x))) {
      const members = indicators.filter((i) => i.heading === h.id).map((i) => i.id);
      if (members.length && rec.rows.filter((x) => members.includes(x.id)).every((x) => ordered.some((o) => o.id === x.id))) ordered.push(h);
    }
  }
  return { period, indicators: ordered, findings };
}

/**
 * Can the template's engine judge this row as it stands? Every rule can; what it needs is what a template
 * row gives it: a KH figure it reads as a number — or a target the row's KH states in words ("Dưới 3,20",
 * "6,5 – 7"), whose figure is put in KH as the template does — and, for a growth row of one measure, its
 * plan index in a KHTT cell.
 */
export function engineCanJudge(row: RecognizedRow): boolean {
  if (row.rule === 'growth' && !row.measure && !isNumber(row.values.KHTT)) return false;
  if (NO_FIGURE_RULES.includes(row.rule)) return true;
  const kh = row.values.KH;
  if (typeof kh === 'number') return !isRange(row) || !!row.cells.KH;
  if (typeof kh !== 'string') return false;
  const read = readCellText(kh);
  if (read.kind === 'number' && !isRange(row)) return true;
  if ((row.rule === 'gt' || row.rule === 'lt') && read.kind === 'comparison') return true;
  return statedTarget(row) !== null;
}

const isRange = (row: RecognizedRow): row is RecognizedRow & { target: { tu: number; den: number } } =>
  row.target !== null && typeof row.target === 'object';

function isNumber(v: RecognizedRow['values']['KH']): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && readCellText(v).kind === 'number';
}

/**
 * The figure a template would hold in KH for a row whose KH cell states its target in words: the end of a
 * range to reach (the lower one, the upper one for ceilings max/lt), or the figure of "Dưới 3,20" — with
 * the decimals it is written with. Null when the KH cell states no figure at all.
 */
function statedTarget(row: RecognizedRow): { value: number; decimals: number } | null {
  const kh = row.values.KH;
  if (typeof kh === 'string' && !/\d/.test(kh)) return null;
  if (isRange(row)) {
    const t = row.target;
    return { value: row.rule === 'max' || row.rule === 'lt' ? t.den : t.tu, decimals: Math.max(decimalsOfValue(t.tu), decimalsOfValue(t.den)) };
  }
  if (typeof kh !== 'string') return null;
  if (typeof row.target === 'number') return { value: row.target, decimals: decimalsOfValue(row.target) };
  if (typeof row.target === 'string') {
    const r = readCellText(row.target);
    if (r.kind === 'number' || r.kind === 'comparison') return { value: r.value, decimals: r.decimals };
  }
  return null;
}

/**
 * The engine's copy of a KH cell that states its target in words holds the figure, as the template's KH
 * does (the other end of a range is in the plan) — only the copy the engine reads: the sheet is never written.
 */
function withStatedTargets(snapshot: WorkbookSnapshot, rows: readonly RecognizedRow[]): WorkbookSnapshot {
  for (const row of rows) {
    const kh = row.values.KH;
    if (!isRange(row) && (typeof kh !== 'string' || ['number', 'comparison'].includes(readCellText(kh).kind))) continue;
    const name = cellName('KH', row.id, row.measure);
    const cell = snapshot.cells[name];
    const t = statedTarget(row);
    if (!cell || !t) continue;
    snapshot.cells[name] = { ...cell, value: t.value, numberFormat: t.decimals > 0 ? `0.${'0'.repeat(t.decimals)}` : '0' };
  }
  return snapshot;
}

/** The engine's indicators for these rows: the catalog's where the row is the seed's, else made from the row. */
/** A row as an indicator of its own: its name, unit, rule and figures as the table writes them. */
function rowIndicator(row: RecognizedRow, ids: ReadonlySet<string>): Indicator {
  const unit = unitKind(row.unit, row.rule);
  const ind: Indicator = {
    id: row.id, tt: row.tt ?? row.id, name: cleanName(row.name), unit, unitLabel: row.unit ?? '',
    rule: row.rule as RuleKind, nature: natureOf(unit), plan: planOf(row),
  };
  if (row.partOf && ids.has(row.partOf)) ind.partOf = row.partOf;
  return ind;
}

function engineIndicators(rows: readonly RecognizedRow[]): Indicator[] {
  const ids = new Set(rows.map((r) => r.id));
  const out: Indicator[] = [];
  for (const row of rows) {
    if (out.some((i) => i.id === row.id)) continue;
    const seed = indicatorById(row.id);
    if (seed && seed.rule === row.rule && (!row.unit || foldUnit(row.unit) === foldUnit(seed.unitLabel) || seed.rule === 'pass')) {
      // A total whose components are not all in the table is not summed (the table lists what it lists).
      const components = seed.components?.every((c) => ids.has(c)) ? seed.components : undefined;
      const partOf = seed.partOf && ids.has(seed.partOf) ? seed.partOf : undefined;
      const copy: Indicator = { ...seed };
      if (components) copy.components = components; else delete copy.components;
      if (partOf) copy.partOf = partOf; else delete copy.partOf;
      out.push(copy);
      continue;
    }
    out.push(rowIndicator(row, ids));
  }
  // Seed order keeps the engine's cross-row checks as the template runs them.
  return out.sort((a, b) => orderOf(a.id) - orderOf(b.id));
}

const orderOf = (id: string) => {
  const i = INDICATORS.findIndex((x) => x.id === id);
  return i < 0 ? INDICATORS.length : i;
};

export function cleanName(name: string): string {
  return name.replace(/^[-+*•\s]*(trong\s+đó\s*:?\s*)?/i, '').trim();
}

/** The range and magnitude checks' unit kind for a unit as a table writes it. */
export function unitKind(unit: string | null, rule: string): UnitKind {
  if (rule === 'pass') return 'pass';
  if (rule === 'criteria') return 'criteria';
  const raw = unit ?? '';
  const u = foldUnit(raw);
  if (/%/.test(raw) || /phan tram/.test(u)) return 'percent';
  if (/‰/.test(raw) || /phan nghin/.test(u)) return 'permille';
  if (/trieu dong\s*\/?\s*ha\b/.test(u)) return 'trieu-dong-ha';
  if (/ty (dong|d)\b/.test(u) || u === 'ty') return 'ty-dong';
  if (/trieu (dong|d)\b/.test(u) || u === 'trd') return 'trieu-dong';
  if (/usd/.test(u)) return 'trieu-usd';
  if (/^(nguoi|lao dong|hoc sinh|benh nhan|hoc vien)/.test(u)) return 'people';
  if (/giuong/.test(u)) return 'beds';
  if (/tieu chi/.test(u)) return 'criteria';
  if (/^(vu|xa|ho|doanh nghiep|dn|truong|cai|chiec|con|lop|thon|ap|to dan pho|khu pho|du an|hop tac xa|htx|cong trinh)\b/.test(u)) return 'count';
  // Other amounts (ha, tấn, km, m², điểm …): non-negative, fractional, may slip by a thousand.
  return 'points';
}

function natureOf(unit: UnitKind): Indicator['nature'] {
  return ['percent', 'permille', 'beds', 'criteria', 'pass', 'trieu-dong-ha'].includes(unit) ? 'level' : 'flow';
}

function planOf(row: RecognizedRow): IndicatorPlan {
  if (row.rule === 'pass') return { kind: 'pass', text: 'Đạt' };
  if (row.rule === 'decrease') return { kind: 'decrease', text: 'Giảm' };
  if (isRange(row)) {
    const fig = (v: number) => ({ value: v, text: fmt(v) });
    return { kind: 'range', from: fig(row.target.tu), to: fig(row.target.den) };
  }
  if (row.rule === 'increase') return { kind: 'none' };
  if (row.rule === 'growth') {
    const value = figureOf(row.target) ?? 0;
    const index = typeof row.planIndex === 'number' ? row.planIndex : figureOf(row.planIndex ?? null) ?? 0;
    return { kind: 'indexed', value: { value, text: fmt(value) }, index: { value: index, text: fmt(index) } };
  }
  if (row.rule === 'criteria') {
    const m = /(\d+)\s*\/\s*(\d+)/.exec(String(row.target ?? row.values.KH ?? ''));
    const required = m ? Number(m[1]) : 0;
    const of = m ? Number(m[2]) : 0;
    return { kind: 'criteria', required, of, text: `${required}/${of}` };
  }
  const value = figureOf(row.target);
  if (value === null && (row.rule === 'info' || row.rule === 'structure')) return { kind: 'none' };
  return { kind: 'number', value: { value: value ?? 0, text: fmt(value ?? 0) } };
}

/** A row the engine does not judge: its verdict from its own figures, and the findings a user needs. */
function ownResult(row: RecognizedRow, sheet: string, format?: StatedContext['format']): { result: IndicatorResult; findings: Finding[] } {
  const f = figuresOf(row, (c) => format?.(row.row, c) ?? null);
  const status = verdictOf(f) ?? 'khong-du-lieu';
  const findings: Finding[] = [];
  const name = cleanName(row.name);
  const push = (col: 'TH' | 'TN' | 'KH', code: Finding['code'], severity: Finding['severity'], message: string) => findings.push({
    id: row.id, measure: row.measure, cell: row.cells[col] ?? null, name: cellName(col, row.id, row.measure),
    code, severity, message, sheet,
  });
  for (const col of ['TN', 'TH'] as const) {
    if (!row.cells[col]) continue;
    const read = readCell({ address: row.cells[col]!, sheet, value: row.values[col] ?? null }, 'number');
    for (const issue of read.issues) push(col, issue.code, issue.code === 'number-as-text' ? 'warning' : 'error', issue.message);
  }
  const judged = row.rule !== 'structure' && row.rule !== 'info';
  if (judged && f.actual === null && row.cells.TH) push('TH', 'missing', 'warning', `Chưa nhập số thực hiện của chỉ tiêu ${name}.`);
  if (status === 'chua-dat') {
    const planText = row.values.KH !== undefined && row.values.KH !== null ? String(row.values.KH) : targetText(row);
    push('TH', 'shortfall', 'shortfall', `${name}: chưa đạt — thực hiện ${typeof f.actual === 'number' ? fmt(f.actual) : '(trống)'}${row.unit ? ' ' + row.unit : ''}, kế hoạch ${planText}${f.previous !== null ? `, cùng kỳ ${fmt(f.previous)}` : ''}.`);
  }
  const actual = typeof f.actual === 'number' ? f.actual : typeof f.actual === 'boolean' ? (f.actual ? 'Đạt' : 'Chưa đạt') : null;
  const result: IndicatorResult = {
    id: row.id, measure: row.measure,
    plan: f.plan ?? (row.target === null || row.target === undefined ? null : targetText(row)),
    planGrowth: f.planIndex,
    previous: f.previous,
    actual,
    // As the engine: a growth index for flows (and growth rates), never for a rate or a level.
    growth: typeof f.actual === 'number' && f.previous && (natureOf(unitKind(row.unit, row.rule)) === 'flow' || row.rule === 'growth-rate') ? roundTo((f.actual / f.previous) * 100, 2) : null,
    percentOfPlan: typeof f.actual === 'number' && f.plan && ['min', 'max', 'gt', 'lt'].includes(row.rule) ? roundTo((f.actual / f.plan) * 100, 2) : null,
    contribution: null,
    status,
  };
  return { result, findings };
}

function targetText(row: RecognizedRow): string {
  const t = row.target;
  if (t === null || t === undefined) return '';
  if (typeof t === 'object') return `${fmt(t.tu)} – ${fmt(t.den)}`;
  return typeof t === 'number' ? fmt(t) : t;
}
