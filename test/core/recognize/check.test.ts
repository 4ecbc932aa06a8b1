// check on a recognised table: the engine judges every rule of the plan model (issue 11), so recognised
// rows of lt / increase / growth-rate / structure / info / range targets go through the engine as template
// rows do, and their verdicts are still the ones the fixtures were built for.
import { buildTables } from '../../fixtures/tables/layouts';
import { checkRecognized, engineCanJudge, gridFormats, recognizedPlanRows, recognizedRows, recognizeTable } from '../../../src/core/recognize';
import { summarize } from '../../../src/core/summary';
import { tally } from '../../../src/core/tally';
import type { Recognition } from '../../../src/core/recognize';
import { rowKey } from '../../../src/core/names';

const tables = buildTables();
const recognized = tables.map((t) => {
  const r = recognizeTable(t.grid, { plan: t.plan });
  if (!r.ok) throw new Error(`${t.name}: ${r.reason}`);
  return { t, rec: r.table };
});

test('rows of the five newer rules and range targets are judged by the engine', () => {
  const rules = new Map<string, { engine: number; own: number }>();
  for (const { rec } of recognized) {
    for (const row of rec.rows) {
      const key = row.target !== null && typeof row.target === 'object' ? `${row.rule} (range)` : row.rule;
      const c = rules.get(key) ?? { engine: 0, own: 0 };
      if (engineCanJudge(row)) c.engine++; else c.own++;
      rules.set(key, c);
    }
  }
  // Every rule the fixture set has, the five newer ones among them, reaches the engine.
  expect([...rules.keys()]).toEqual(expect.arrayContaining(['lt', 'growth-rate', 'growth-rate (range)']));
  for (const [rule, c] of rules) expect([rule, c.engine > 0]).toEqual([rule, true]);
  expect([...rules.keys()].some((k) => k.endsWith('(range)'))).toBe(true);
  for (const [k, c] of rules) if (k.endsWith('(range)')) expect([k, c.own]).toEqual([k, 0]);
  // The fallback is the exception: most rows of the fixture set go through the engine.
  const all = [...rules.values()].reduce((a, c) => ({ engine: a.engine + c.engine, own: a.own + c.own }), { engine: 0, own: 0 });
  expect(all.engine).toBeGreaterThan(all.own * 5);
});

test('increase, info and structure rows (none in the fixtures) are judged as the template judges them', () => {
  const { rec } = recognized.find(({ t }) => t.name === 'tinh-khong-ke-hoach')!;
  const base = rec.rows.find((r) => r.rule === 'min' && typeof r.values.TN === 'string')!;
  const as = (rule: 'increase' | 'info' | 'structure', id: string, th: string, tn: string) =>
    ({ ...base, id, rule, target: rule === 'increase' ? null : base.target, values: { ...base.values, TH: th, TN: tn } });
  const rows = [as('increase', 'T1', '12', '10'), as('increase', 'T2', '9', '10'), as('info', 'T3', '9', '10'), as('structure', 'T4', '40', '38')];
  for (const r of rows) expect(engineCanJudge(r)).toBe(true);
  const report = checkRecognized({ ...rec, rows, unmatched: [], headings: [] });
  const status = (id: string) => report.indicators.find((r) => r.id === id);
  expect(status('T1')?.status).toBe('dat');
  expect(status('T2')?.status).toBe('chua-dat');
  expect(report.findings.some((f) => f.id === 'T2' && f.code === 'shortfall')).toBe(true);
  // Shown, not judged — as the template shows an info or structure row.
  expect([status('T3')?.status, status('T3')?.judged]).toEqual(['khong-du-lieu', false]);
  expect([status('T4')?.status, status('T4')?.judged]).toEqual(['khong-du-lieu', false]);
});

describe.each(recognized.map(({ t, rec }) => [t.name, t, rec] as const))('%s', (_n, t, rec: Recognition) => {
  test('the report gives each row the verdict its figures were built for', () => {
    const report = checkRecognized(rec, { format: gridFormats(t.grid, rec) });
    for (const e of t.expected.rows) {
      const got = report.indicators.find((r) => rowKey(r.id, r.measure) === rowKey(e.id, e.measure));
      const want = e.status ?? 'khong-du-lieu';
      expect({ row: e.row, id: e.id, status: got?.status }).toEqual({ row: e.row, id: e.id, status: want });
    }
  });

  test('no finding about a cell the table does not have, and stated mismatches as built', () => {
    const report = checkRecognized(rec, { format: gridFormats(t.grid, rec) });
    expect(report.findings.filter((f) => f.code === 'missing-cell')).toEqual([]);
    const stated = report.findings.filter((f) => f.code === 'stated-mismatch').map((f) => Number(f.cell!.replace(/^[A-Z]+/, '')));
    expect(stated).toEqual(t.expected.mismatches.map((m) => m.row));
  });
});

test("a recognised table's rows, as the pane names and counts them: the status line and the paragraph count the same rows", () => {
  // The fixtures, and one of them with a row whose plan is words the engine cannot judge ("Hoàn thành").
  const { t: t0, rec: rec0 } = recognized[0]!;
  const i = rec0.rows.findIndex((r) => r.rule === 'min' && !r.measure);
  const wordy: Recognition = { ...rec0, rows: rec0.rows.map((r, k) => (k === i ? { ...r, target: null, values: { ...r.values, KH: 'Hoàn thành' } } : r)) };
  expect(engineCanJudge(wordy.rows[i]!)).toBe(false);
  const cases = [...recognized, { t: { ...t0, name: `${t0.name} + một dòng kế hoạch bằng chữ` }, rec: wordy }];
  for (const { t, rec } of cases) {
    const report = checkRecognized(rec, { format: gridFormats(t.grid, rec) });
    const rows = recognizedPlanRows(rec);
    const status = tally(report, { headings: rows.headings });
    const paragraph = summarize(report, { indicators: rows.indicators, headings: rows.headings });
    expect([t.name, paragraph.counted, paragraph.counts]).toEqual([t.name, status.judged, status.counts]);
    // Every row has its table name, none falls back to an id.
    const named = new Set([...rows.indicators.map((x) => x.id), ...rows.headings.map((h) => h.id)]);
    expect([t.name, report.indicators.filter((r) => !named.has(r.id)).map((r) => r.id)]).toEqual([t.name, []]);
  }
  // The engine's rows alone would leave the wordy row out of the paragraph's count.
  const report = checkRecognized(wordy, { format: gridFormats(t0.grid, wordy) });
  const engineOnly = summarize(report, recognizedRows(wordy));
  expect(engineOnly.counted).toBe(tally(report, { headings: recognizedRows(wordy).headings }).judged - 1);
});
