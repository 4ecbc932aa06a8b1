// Golden inputs of the engine: every plan of test/fixtures/plans/ and the seed, each filled by seeded random
// entries in several styles (near the plan, at the rounding edge of the plan, numbers typed as text, messy
// cells) and read in several periods. scripts/engine-golden.js writes their reports to
// test/fixtures/engine/golden.json; test/core/engineGolden.test.ts runs the engine again on the same inputs
// and wants the same bytes — so a change made for speed cannot change a finding, a number or a message.
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { checkWorkbook, type CheckOptions } from '../../src/core/engine';
import { parseCellName, cellName } from '../../src/core/names';
import { planFromJson } from '../../src/core/planRead';
import type { CellSnapshot, Period, RawValue, Report, WorkbookSnapshot } from '../../src/core/types';
import { formatVietnameseNumber } from '../../src/core/vnNumber';
import { snapshotOf } from '../../src/template/inMemory';
import { buildTemplate, type TemplateModel } from '../../src/template/model';
import { realisticEntries } from '../../src/template/samples';

export const GOLDEN_FILE = path.join(__dirname, '..', 'fixtures', 'engine', 'golden.json');
const PLANS_DIR = path.join(__dirname, '..', 'fixtures', 'plans');

export const STYLES = ['near', 'edge', 'text', 'messy'] as const;
export type Style = (typeof STYLES)[number];
const PERIODS: readonly Period[] = ['nam', '6t', '9t', 'q3', '3t'];
const SEEDS_PER_STYLE = 4;

export interface GoldenCase {
  key: string;
  snapshot: WorkbookSnapshot;
  options: CheckOptions;
}

interface PlanSource {
  name: string;
  model: TemplateModel;
  options: CheckOptions;
}

function planSources(): PlanSource[] {
  const out: PlanSource[] = [{ name: 'seed', model: buildTemplate({ year: 2023 }), options: {} }];
  for (const file of readdirSync(PLANS_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const plan = planFromJson(readFileSync(path.join(PLANS_DIR, file), 'utf8'));
    const model = buildTemplate({ year: plan.year ?? 2026, indicators: plan.indicators, headings: plan.headings, order: plan.order });
    out.push({ name: file.replace(/\.json$/, ''), model, options: { indicators: plan.indicators, headings: plan.headings } });
  }
  return out;
}

function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Decimals of a plan cell as written: its format, else the digits of its value. */
function decimalsOf(cell: CellSnapshot | undefined): number {
  const m = /\.(0+)/.exec(cell?.numberFormat ?? '');
  if (m) return m[1]!.length;
  const v = cell?.value;
  if (typeof v !== 'number') return 0;
  const s = String(v);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

function asText(rand: () => number, v: number, d: number): string {
  switch (Math.floor(rand() * 6)) {
    case 0: return formatVietnameseNumber(v, d); // 1.725.490,5
    case 1: return v.toLocaleString('en-US', { maximumFractionDigits: d }); // 1,725,490.5
    case 2: return `${formatVietnameseNumber(v, d)} %`;
    case 3: return ` ${String(v).replace('.', ',')} `;
    case 4: return formatVietnameseNumber(Math.round(v), 0).replace(/\./g, ' '); // 1 725 490
    default: return String(Math.round(v) % 1000 === 0 ? Math.round(v) / 1000 : v).replace('.', ','); // ambiguous "2.000"-like
  }
}

const MESSY: readonly RawValue[] = [
  null, { error: '#DIV/0!' }, { error: '#N/A' }, true, false, 'Đạt', 'Chưa đạt', 'chưa ĐẠT', 'Giảm', '> 90', '≥ 95,5',
  '9/19', '19/19', 'abc', '', '  ', -5, 0, 2.5, 0.95, 1e20, '2.000', '927,818', '(1.234)', '1,5E+03', Infinity,
];

/** Entries laid over the template's cells (KH and KHTT prefilled from the plan), in one style. */
function fill(snapshot: WorkbookSnapshot, style: Style, rand: () => number): void {
  const cells = snapshot.cells;
  const rowKeys = new Map<string, { id: string; measure: 'sp' | 'sx' | null }>();
  for (const name of Object.keys(cells)) {
    const p = parseCellName(name);
    if (p && (p.column === 'TH' || p.column === 'TN')) rowKeys.set(`${p.id}/${p.measure ?? ''}`, { id: p.id, measure: p.measure });
  }
  for (const { id, measure } of rowKeys.values()) {
    const at = (c: 'KH' | 'KHTT' | 'TN' | 'TH' | 'QS') => cells[cellName(c, id, measure)];
    const kh = at('KH');
    const khtt = at('KHTT');
    const plan = typeof kh?.value === 'number' ? kh.value : 40 + Math.floor(rand() * 60);
    const index = typeof khtt?.value === 'number' ? khtt.value : 100;
    const d = decimalsOf(kh);
    const prevImplied = (plan / index) * 100;
    const th = at('TH');
    const tn = at('TN');
    const qs = at('QS');
    if (style === 'near') {
      if (th) th.value = rand() < 0.08 ? null : round(plan * (0.85 + rand() * 0.3), Math.floor(rand() * 4));
      if (tn) tn.value = rand() < 0.15 ? null : round(prevImplied * (0.97 + rand() * 0.06), Math.floor(rand() * 3));
      if (qs) qs.value = rand() < 0.3 ? null : Math.round(1000 + rand() * 50000);
    } else if (style === 'edge') {
      // Around the plan's last written digit: ties, just under, just over — where rounding decides.
      const step = 10 ** -(d + 1);
      const k = pick(rand, [-6, -5, -4, -1, 0, 1, 4, 5, 6]);
      if (th) th.value = round(plan + k * step, d + 2);
      if (tn) tn.value = rand() < 0.5 ? round(prevImplied, d + 3) : round(prevImplied * (1 + pick(rand, [-0.011, -0.009, 0, 0.009, 0.011])), 2);
      if (khtt && rand() < 0.3) khtt.value = round(index + pick(rand, [-0.005, 0.005, 0.0049]), 4);
      if (qs) qs.value = pick(rand, [0, -1, 1, 12.5, null]);
    } else if (style === 'text') {
      if (th) th.value = rand() < 0.7 ? asText(rand, plan * (0.9 + rand() * 0.2), Math.floor(rand() * 3)) : round(plan * (0.9 + rand() * 0.2), 2);
      if (tn) tn.value = rand() < 0.6 ? asText(rand, prevImplied * (0.95 + rand() * 0.1), Math.floor(rand() * 3)) : null;
      if (kh && rand() < 0.2) kh.value = asText(rand, plan, d);
      if (qs) qs.value = asText(rand, 1000 + rand() * 9000, 0);
    } else {
      const any = (v: number) => {
        const r = rand();
        if (r < 0.35) return pick(rand, MESSY);
        if (r < 0.5) return v * pick(rand, [1000, 1e6, 0.001, 1e-6, 0.01, 100]); // a slip of units
        if (r < 0.6) return -v;
        return round(v * (0.5 + rand()), Math.floor(rand() * 5));
      };
      if (th) th.value = any(plan);
      if (tn) tn.value = any(prevImplied);
      if (kh && rand() < 0.25) kh.value = rand() < 0.5 ? null : any(plan);
      if (khtt && rand() < 0.25) khtt.value = pick(rand, [null, 2000, -5, 0, '107,5', index * 1.5]);
      if (qs) qs.value = any(5000);
      for (const c of [th, tn, kh]) if (c && rand() < 0.15) c.numberFormat = pick(rand, ['General', '0', '0.0', '#,##0.000', '0.00%', undefined]);
      // A deleted name: the cell is gone from the snapshot (missing-cell).
      if (rand() < 0.08) delete cells[cellName(pick(rand, ['KH', 'TN', 'TH'] as const), id, measure)];
    }
  }
}

/** Every golden case, in a fixed order; the same on every run. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const src of planSources()) {
    for (const style of STYLES) {
      for (let seed = 1; seed <= SEEDS_PER_STYLE; seed++) {
        const rand = rng(seed * 97 + STYLES.indexOf(style) * 13 + src.name.length);
        const period = PERIODS[(seed + STYLES.indexOf(style)) % PERIODS.length]!;
        const snapshot = snapshotOf(src.model, {}, period);
        fill(snapshot, style, rand);
        cases.push({ key: `${src.name}/${style}/${seed}/${period}`, snapshot, options: src.options });
      }
    }
  }
  // The benchmark's own entries (src/template/samples.ts), in the year and at six months.
  const seedModel = buildTemplate({ year: 2023 });
  for (let seed = 1; seed <= 4; seed++) {
    for (const period of ['nam', '6t'] as const) {
      cases.push({ key: `seed/realistic/${seed}/${period}`, snapshot: snapshotOf(seedModel, realisticEntries(seed), period), options: {} });
    }
  }
  return cases;
}

export interface GoldenReport {
  key: string;
  report: Report;
}

export function goldenReports(): GoldenReport[] {
  return goldenCases().map((c) => ({ key: c.key, report: checkWorkbook(c.snapshot, c.options) }));
}

/** One case a line, so a diff of the file shows which case changed. */
export function goldenText(reports: readonly GoldenReport[]): string {
  return `[\n${reports.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
