// What the pane lists after a check (pure): one definition of the counts shared with the paragraph, the
// findings in the order a person fixes them and in sheet order, the rows without data folded apart, and the
// bars of the chart.
import { SEED_PLAN } from '../../src/core/catalog';
import { checkWorkbook } from '../../src/core/engine';
import { summarize } from '../../src/core/summary';
import { tally } from '../../src/core/tally';
import type { Finding, IndicatorResult, Report } from '../../src/core/types';
import { cellLabel, resultsOf } from '../../src/taskpane/results';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { buildTemplate } from '../../src/template/model';
import { atPlanEntries } from '../../src/template/samples';

const model = buildTemplate({ year: 2023 });
const addressOf = (name: string) => model.names.find((n) => n.name === name)!.address;

/** A partly filled report: eleven figures at plan, then a unit slip, a rate over 100 %, a text, a shortfall. */
function partlyFilled(): Report {
  const plan = atPlanEntries();
  const typed = ['TH_2', 'TH_3', 'TH_4', 'TH_5', 'TH_7', 'TH_9', 'TH_10', 'TH_11', 'TH_12', 'TH_13', 'TH_14'];
  const entries: Entries = Object.fromEntries(typed.map((k) => [k, plan[k]]));
  Object.assign(entries, { TH_2: 4_449_000_000_000, TH_11: 140, TH_4: '927,818', TH_5: 300 });
  return checkWorkbook(snapshotOf(model, entries));
}

describe('counts: one definition for the status line, the lists and the paragraph', () => {
  const report = partlyFilled();
  const t = tally(report, { headings: SEED_PLAN.headings });
  const summary = summarize(report, { year: 2023 });
  const results = resultsOf(report, SEED_PLAN);

  test('a partly filled report counts 2 errors, 1 not met, 1 to review, 37 without data, 9 of 47 achieved', () => {
    expect(t).toEqual({ judged: 47, counts: { vuot: 2, dat: 7, 'chua-dat': 1, 'khong-du-lieu': 37 }, achieved: 9, errors: 2, review: 1 });
  });

  test('the paragraph counts the same rows (the QP.2 aggregate in neither)', () => {
    expect(summary.counted).toBe(t.judged);
    expect(summary.counts).toEqual(t.counts);
    expect(summary.noData.length).toBe(t.counts['khong-du-lieu']);
    expect(summary.paragraph).toContain(`${t.achieved}/${t.judged} chỉ tiêu`);
    expect(report.indicators.some((r) => r.id === 'QP.2')).toBe(true);
  });

  test('the lists hold what the counts say', () => {
    const kinds = (k: string) => results.items.filter((i) => i.kind === k).length;
    expect([kinds('error'), kinds('shortfall'), kinds('review'), results.noData.length]).toEqual([t.errors, t.counts['chua-dat'], t.review, t.counts['khong-du-lieu']]);
  });

  test('errors, then rows not met, then values to review; no "missing" among them', () => {
    expect(results.items.map((i) => [i.kind, i.cell])).toEqual([
      ['error', addressOf('TH_2')], ['error', addressOf('TH_11')], ['shortfall', addressOf('TH_5')], ['review', addressOf('TH_4')],
    ]);
    expect(results.items.flatMap((i) => i.codes)).not.toContain('missing');
  });

  test('a row without data selects its actual (TH) cell', () => {
    const row = results.noData.find((r) => r.id === '6')!;
    expect(row).toMatchObject({ target: 'TH_6', cell: addressOf('TH_6') });
  });

  test('the chart leaves out rows with an error and marks the row not met', () => {
    expect(results.bars.map((b) => b.id)).not.toEqual(expect.arrayContaining(['2']));
    expect(results.bars.map((b) => b.id)).not.toContain('11');
    expect(results.bars.find((b) => b.id === '5')).toMatchObject({ short: true, percent: 65.19 });
    expect(results.bars.filter((b) => b.short)).toHaveLength(1);
  });
});

const row = (id: string, status: IndicatorResult['status']): IndicatorResult => ({
  id, measure: null, plan: null, planGrowth: null, previous: null, actual: null, growth: null, percentOfPlan: null, contribution: null, status,
});
const finding = (id: string, cell: string | null, over: Partial<Finding> = {}): Finding => ({
  id, measure: null, cell, name: cell ? `TH_${id.replace(/\./g, '_')}` : null, code: 'out-of-range', severity: 'error', message: `m${id}`, ...over,
});

describe('sheet order', () => {
  test('within a group, findings follow the rows of their cells, whatever order the engine found them in', () => {
    const report: Report = {
      period: 'nam', indicators: [row('2', 'dat'), row('3', 'dat'), row('4', 'dat')],
      findings: [finding('4', 'G23'), finding('2', 'G21'), finding('3', 'E22'), finding('3', 'G22', { code: 'sum-mismatch' })],
    };
    expect(resultsOf(report, SEED_PLAN).items.map((i) => i.cell)).toEqual(['G21', 'E22', 'G22', 'G23']);
  });

  test('a row not met is one item even with two findings; an aggregate (QP.2) row is not an item of its own', () => {
    const report: Report = {
      period: '6t', indicators: [row('5', 'chua-dat'), row('QP.2.1', 'chua-dat'), row('QP.2.2', 'dat'), row('QP.2', 'chua-dat')],
      findings: [
        finding('5', 'G26', { code: 'behind-pace', severity: 'warning', message: 'chậm tiến độ' }),
        finding('5', 'G26', { code: 'shortfall', severity: 'shortfall', message: 'chỉ số thấp' }),
        finding('QP.2.1', 'G50', { code: 'shortfall', severity: 'shortfall', message: 'không giảm' }),
        finding('QP.2', null, { code: 'shortfall', severity: 'shortfall', message: 'chưa đạt vì không giảm' }),
      ],
    };
    const r = resultsOf(report, SEED_PLAN);
    expect(r.items.map((i) => [i.kind, i.id, i.messages])).toEqual([
      ['shortfall', '5', ['chậm tiến độ', 'chỉ số thấp']],
      ['shortfall', 'QP.2.1', ['không giảm']],
    ]);
    expect(tally(report, { headings: SEED_PLAN.headings }).counts['chua-dat']).toBe(2);
    // behind-pace belongs to its row's shortfall, not to "cần xem lại".
    expect(tally(report, { headings: SEED_PLAN.headings }).review).toBe(0);
  });
});

test('cells read as Excel shows them: bare on the sheet checked, with the sheet (quoted when needed) elsewhere', () => {
  expect(cellLabel('G21', 'Xã A', 'Xã A')).toBe('G21');
  expect(cellLabel('G21', undefined, 'Xã A')).toBe('G21');
  expect(cellLabel('G21', 'Tổng_hợp', 'Xã A')).toBe('Tổng_hợp!G21');
  expect(cellLabel('G21', "UBND xã Bà Rịa's", 'Xã A')).toBe("'UBND xã Bà Rịa''s'!G21");
});

test("a report that does not say its rows names them by id, never by the built-in example's names", () => {
  const report = partlyFilled();
  const titles = resultsOf(report).items.map((i) => i.title);
  expect(titles).toContain('2');
  expect(titles.some((t) => /Tổng mức bán lẻ/.test(t))).toBe(false);
  expect(resultsOf(report, SEED_PLAN).items.map((i) => i.title)).toContain('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng');
});
