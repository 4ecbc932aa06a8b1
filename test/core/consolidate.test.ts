// Consolidation rules (src/core/consolidate.ts) as properties over random sets of units: flows add up,
// a rate averaged by its weight stays between the units' rates, nothing else is summed, and the
// consolidated template passes the engine with no error.
import fc from 'fast-check';
import { INDICATORS, indicatorKeys } from '../../src/core/catalog';
import { consolidate, type UnitInput } from '../../src/core/consolidate';
import { checkWorkbook } from '../../src/core/engine';
import { cellName } from '../../src/core/names';
import type { WorkbookSnapshot } from '../../src/core/types';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { buildTemplate } from '../../src/template/model';
import { realisticEntries } from '../../src/template/samples';

const model = buildTemplate({ year: 2023 });
const weighted = INDICATORS.filter((i) => i.weight);

const unitArb = fc.record({
  seed: fc.integer({ min: 1, max: 100_000 }),
  weights: fc.array(fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined }), { minLength: weighted.length, maxLength: weighted.length }),
});

function input(i: number, u: { seed: number; weights: (number | undefined)[] }): { entries: Entries; input: UnitInput } {
  const entries: Entries = realisticEntries(u.seed);
  weighted.forEach((ind, k) => { if (u.weights[k] !== undefined) entries[cellName('QS', ind.id)] = u.weights[k]; });
  const snapshot = { ...snapshotOf(model, entries), year: 2023, unit: `Đơn vị ${i + 1}` };
  return { entries, input: { source: `s${i}`, snapshot, fallbackName: `s${i}` } };
}

const num = (e: Entries, name: string) => e[name] as number;

describe('consolidate (properties)', () => {
  it('sums flows, averages weighted rates within the units\' range, and yields a template with no error', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 5 }), (units) => {
        const made = units.map((u, i) => input(i, u));
        const c = consolidate(made.map((m) => m.input), { describe: (s) => s });
        expect(c.excluded).toEqual([]);
        for (const { id, measure } of indicatorKeys()) {
          const ind = INDICATORS.find((x) => x.id === id)!;
          const th = cellName('TH', id, measure);
          const values = made.map((m) => m.entries[th]);
          if (ind.nature === 'flow' && values.every((v) => typeof v === 'number')) {
            expect(c.cells.get(th)).toBeCloseTo(values.reduce((a: number, v) => a + (v as number), 0), 6);
          }
        }
        weighted.forEach((ind, k) => {
          const th = cellName('TH', ind.id);
          const all = units.every((u) => u.weights[k] !== undefined);
          const averaged = c.averaged.some((a) => a.name === th);
          expect(averaged).toBe(all);
          if (averaged) {
            const vs = made.map((m) => num(m.entries, th));
            const v = c.cells.get(th) as number;
            expect(v).toBeGreaterThanOrEqual(Math.min(...vs) - 0.005);
            expect(v).toBeLessThanOrEqual(Math.max(...vs) + 0.005);
            expect(c.cells.get(cellName('QS', ind.id))).toBe(units.reduce((a, u) => a + u.weights[k]!, 0));
          } else if (units.some((u) => u.weights[k] !== undefined)) {
            expect(c.weightsMissing.map((w) => w.id)).toContain(ind.id);
          }
        });
        const merged = buildTemplate({ year: 2023, plan: c.plan });
        const entries: Entries = Object.fromEntries([...c.cells].filter(([name]) => merged.names.some((n) => n.name === name)));
        const report = checkWorkbook(snapshotOf(merged, entries));
        expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('leaves out a unit with an error and another period, naming them, and consolidates the rest', () => {
    const a = input(0, { seed: 1, weights: [] });
    const b = input(1, { seed: 2, weights: [] });
    const broken = input(2, { seed: 3, weights: [] });
    const slipped = (broken.input as { snapshot: WorkbookSnapshot }).snapshot.cells.TH_2!;
    slipped.value = 4_449_000_000_000; // đồng typed for tỷ đồng
    const six = input(3, { seed: 4, weights: [] });
    (six.input as { snapshot: WorkbookSnapshot }).snapshot.period = '6t';
    const c = consolidate([a.input, broken.input, b.input, six.input], { describe: (s) => `sheet "${s}"` });
    expect(c.included.map((u) => u.unit)).toEqual(['Đơn vị 1', 'Đơn vị 2']);
    expect(c.excluded.map((e) => [e.source, e.reason])).toEqual([['s2', 'errors'], ['s3', 'mismatch']]);
    expect(c.excluded[0]!.errors).toEqual([expect.objectContaining({ name: 'TH_2', code: 'unit-slip' })]);
    expect(c.excluded[1]!.message).toMatch(/kỳ báo cáo \(6 tháng\) khác sheet "s0"/);
    expect(c.cells.get('TH_2')).toBeCloseTo(num(a.entries, 'TH_2') + num(b.entries, 'TH_2'), 6);
  });
});
