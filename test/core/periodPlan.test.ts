// A plan's own figure for a report period (keHoachKy): read, written back, refused when wrong with one line
// naming the field, and judged against by the engine and the summary instead of the year × months ÷ 12.
// Plan: test/fixtures/plans/ke-hoach-ky-2026.json. Expectations worked out by hand in each case.
import { readFileSync } from 'fs';
import path from 'path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/engine';
import { planFromJson } from '../../src/core/planRead';
import { planJsonText } from '../../src/core/planWrite';
import { readPlanFile } from '../../src/core/planFile';
import { PlanError } from '../../src/core/planError';
import { mergedPeriodPlans } from '../../src/core/periodPlan';
import { summarize } from '../../src/core/summary';
import { buildTemplate } from '../../src/template/model';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import type { Period, Report } from '../../src/core/types';
import type { Plan } from '../../src/core/plan';

const ROOT = path.join(__dirname, '../..');
const TEXT = readFileSync(path.join(ROOT, 'test/fixtures/plans/ke-hoach-ky-2026.json'), 'utf8');
const PLAN = planFromJson(TEXT);

const check = (plan: Plan, entries: Entries, period: Period): Report => {
  const model = buildTemplate({ year: 2026, period, indicators: plan.indicators, headings: plan.headings, order: plan.order });
  return checkWorkbook(snapshotOf(model, entries, period), { indicators: plan.indicators, headings: plan.headings });
};
const result = (r: Report, id: string) => r.indicators.find((i) => i.id === id)!;
const findingsOf = (r: Report, id: string) => r.findings.filter((f) => f.id === id);

/** The same plan without any period figure: what the months alone would say. */
const PACED = planFromJson(JSON.stringify(JSON.parse(TEXT, (k, v: unknown) => (k === 'keHoachKy' ? undefined : v))));

const errorOf = (entry: Record<string, unknown>): string => {
  try {
    planFromJson(JSON.stringify({ chiTieu: { '4': { tenChiTieu: 'Tổng thu ngân sách', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 900, ...entry } } }));
  } catch (err) {
    if (err instanceof PlanError) return err.message;
    throw err;
  }
  return '';
};

describe('keHoachKy in the plan JSON', () => {
  it('reads each period\'s figure (number, Vietnamese text, range) by period code, in the plan\'s order', () => {
    const byId = new Map(PLAN.indicators.map((i) => [i.id, i]));
    expect(Object.keys(byId.get('1')!.periodPlans!)).toEqual(['6t', '9t', 'q3']);
    expect(byId.get('1')!.periodPlans!['9t']).toEqual({ kind: 'number', value: { value: 3300, text: '3.300' } });
    expect(byId.get('3')!.periodPlans!['9t']).toEqual({ kind: 'number', value: { value: 94, text: '94,0' } });
    expect(byId.get('5')!.periodPlans!['9t']).toMatchObject({ kind: 'range', from: { value: 280 }, to: { value: 320 } });
    expect(byId.get('2')!.periodPlans).toBeUndefined();
    expect(PACED.indicators.every((i) => i.periodPlans === undefined)).toBe(true);
  });

  it('writes them back as read, and a plan without them has no keHoachKy at all', () => {
    const text = planJsonText(PLAN);
    expect(text).toContain('"keHoachKy":{"6t":2100,"9t":3300,"q3":1200}');
    expect(text).toContain('"keHoachKy":{"6t":93,"9t":"94,0"}');
    // Written as numbers where the number keeps the written precision, as keHoach is.
    expect(text).toContain('"keHoachKy":{"9t":{"tu":3.6,"den":3.8}}');
    expect(planFromJson(text)).toEqual(PLAN);
    expect(planJsonText(planFromJson(text))).toBe(text);
    expect(planJsonText(PACED)).not.toContain('keHoachKy');
  });

  it('refuses a wrong period key, a value that is not a figure, a negative or impossible figure — in one line naming the field', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ keHoachKy: { '7q': 500 } }, /^chiTieu\['4'\]\.keHoachKy\.7q: "7q" không phải mã kỳ/],
      [{ keHoachKy: { '12t': 500 } }, /^chiTieu\['4'\]\.keHoachKy\.12t: /],
      [{ keHoachKy: { nam: 900 } }, /^chiTieu\['4'\]\.keHoachKy\.nam: kế hoạch năm ghi ở "keHoach"/],
      [{ keHoachKy: { '9t': 'nhiều' } }, /^chiTieu\['4'\]\.keHoachKy\.9t phải là số/],
      [{ keHoachKy: { '9t': true } }, /^chiTieu\['4'\]\.keHoachKy\.9t phải là số/],
      [{ keHoachKy: { '6t': -5 } }, /^chiTieu\['4'\]\.keHoachKy\.6t không được âm/],
      [{ keHoachKy: { '9t': { tu: 700, den: 600 } } }, /^chiTieu\['4'\]\.keHoachKy\.9t: "tu" \(700\) phải nhỏ hơn "den"/],
      [{ keHoachKy: { '9t': { tu: 600 } } }, /^thiếu chiTieu\['4'\]\.keHoachKy\.9t\.den/],
      [{ keHoachKy: [600] }, /^chiTieu\['4'\]\.keHoachKy phải là một đối tượng theo kỳ/],
      [{ quyTac: 'pass', donViTinh: '', keHoach: 'Đạt', keHoachKy: { '9t': 1 } }, /^chiTieu\['4'\]\.keHoachKy: quy tắc "pass" không có số kế hoạch/],
    ];
    for (const [entry, message] of cases) {
      const m = errorOf(entry);
      expect(m).toMatch(message);
      expect(m.split('\n')).toHaveLength(1);
    }
    expect(errorOf({ keHoachKy: { '9t': '675,5', q4: 300 } })).toBe('');
  });

  it('junk in keHoachKy on any row ends in a one-line PlanError or a plan that writes back as read (fuzzed)', () => {
    const base = JSON.parse(TEXT) as { chiTieu: Record<string, Record<string, unknown>> };
    const key = fc.oneof(fc.constantFrom('6t', '9t', '10t', 'q1', 'q4', 'nam', '12t', '0t', '7q', 'Q3', '9 tháng', ''), fc.string({ maxLength: 4 }));
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom('3.300', '94,0', '-5', '1e400', 'NaN', '> 90', '', { tu: 2, den: 1 }, { tu: '3,6', den: '3,8' }, { tu: 1 }, null));
    fc.assert(fc.property(fc.constantFrom(...Object.keys(base.chiTieu)), fc.oneof(fc.dictionary(key, value, { maxKeys: 4 }), value), (id, ky) => {
      const p = structuredClone(base);
      p.chiTieu[id]!.keHoachKy = ky;
      try {
        const plan = planFromJson(JSON.stringify(p));
        expect(planFromJson(planJsonText(plan))).toEqual(plan);
      } catch (err) {
        if (!(err instanceof PlanError)) throw err;
        expect(err.message.split('\n')).toHaveLength(1);
      }
    }), { numRuns: 400 });
  });

  it('is published in the JSON Schema: period codes as keys, figures or ranges as values', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as object);
    expect(validate(JSON.parse(TEXT))).toBe(true);
    const entry = (keHoachKy: unknown) => ({ chiTieu: { '1': { tenChiTieu: 'Thu', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 10, keHoachKy } } });
    expect(validate(entry({ '7q': 5 }))).toBe(false);
    expect(validate(entry({ nam: 5 }))).toBe(false);
    expect(validate(entry({ '9t': true }))).toBe(false);
    expect(validate({ chiTieu: { I: { tenChiTieu: 'KINH TẾ', tieuDe: true, keHoachKy: { '9t': 1 } } } })).toBe(false);
  });

  it('the seed\'s older form may carry it too, read onto the seed\'s indicator', () => {
    const seed = JSON.parse(readFileSync(path.join(ROOT, 'docs/plan-example.json'), 'utf8')) as { chiTieu: Record<string, Record<string, unknown>> };
    seed.chiTieu['2']!.keHoachKy = { '9t': 3000 };
    const plan = readPlanFile(JSON.stringify(seed));
    expect(plan.indicators.find((i) => i.id === '2')!.periodPlans).toEqual({ '9t': { kind: 'number', value: { value: 3000, text: '3.000' } } });
    expect(plan.indicators.filter((i) => i.periodPlans)).toHaveLength(1);
  });
});

describe('the engine judges a period by the plan\'s own figure for it', () => {
  it('9 tháng: the 9t figures, not 75 % of the year\'s', () => {
    // 1: 3.100 < 3.300 (own) though > 3.000 (75 % of 4.000); 2 (no figure): 950 > 900 = 75 % of 1.200;
    // 3: 94,2 > 94,0 (own; the year's 95 would miss); 4: 3,7 ≤ 3,8, not < 3,6 (own range; the year's 3,5 would miss);
    // 5: 290 ≥ 280, not > 320 (own; 75 % of 400 = 300 would miss); 6: 580 > 560 and 580 ÷ 533 = 108,82 ≥ 105,0
    // (533 is what the plan implies: 560 ÷ 105 × 100 = 533,3, so no baseline warning).
    const entries: Entries = { TH_1: 3100, TH_2: 950, TH_3: 94.2, TH_4: 3.7, TH_5: 290, TN_6: 533, TH_6: 580 };
    const r = check(PLAN, entries, '9t');
    expect(Object.fromEntries(r.indicators.map((i) => [i.id, i.status]))).toEqual({ 1: 'chua-dat', 2: 'vuot', 3: 'vuot', 4: 'dat', 5: 'dat', 6: 'vuot' });
    expect(result(r, '1')).toMatchObject({ plan: 4000, periodPlan: 3300, percentOfPlan: 93.94 });
    expect(result(r, '2')).toMatchObject({ plan: 1200, percentOfPlan: 79.17 });
    expect(result(r, '2').periodPlan).toBeUndefined();
    expect(result(r, '3')).toMatchObject({ periodPlan: 94, percentOfPlan: 100.21 });
    expect(result(r, '5')).toMatchObject({ periodPlan: 280, percentOfPlan: 103.57 });
    const behind = findingsOf(r, '1');
    expect(behind.map((f) => f.code)).toEqual(['behind-pace']);
    expect(behind[0]!.message).toBe('Báo cáo 9 tháng năm: Thu ngân sách trên địa bàn mới đạt 3.100 tỷ đồng, bằng 93,94% kế hoạch 9 tháng 3.300 tỷ đồng (theo kế hoạch kỳ) — chậm so với tiến độ.');
    expect(findingsOf(r, '3').concat(findingsOf(r, '4'), findingsOf(r, '5'), findingsOf(r, '6'))).toEqual([]);

    // The same figures against the months alone: the opposite verdicts where the plan's own figure decides.
    const paced = check(PACED, entries, '9t');
    expect(Object.fromEntries(paced.indicators.map((i) => [i.id, i.status]))).toEqual({ 1: 'vuot', 2: 'vuot', 3: 'chua-dat', 4: 'chua-dat', 5: 'chua-dat', 6: 'chua-dat' });
  });

  it('6 tháng: the 6t figure; a level\'s own figure for 6t too', () => {
    // 1: 2.050 < 2.100 (own; half of 4.000 = 2.000 would be vượt); 3: 93 = 93 đạt; 4, 5, 6 have no 6t figure.
    const r = check(PLAN, { TH_1: 2050, TH_3: 93, TH_4: 3.4, TH_5: 210 }, '6t');
    expect(result(r, '1')).toMatchObject({ status: 'chua-dat', periodPlan: 2100, percentOfPlan: 97.62 });
    expect(result(r, '3')).toMatchObject({ status: 'dat', periodPlan: 93 });
    // 4 (a level, no 6t figure): the year's ceiling 3,5; 5 (a flow): half of 400 = 200 < 210.
    expect(result(r, '4')).toMatchObject({ status: 'vuot' });
    expect(result(r, '5')).toMatchObject({ status: 'vuot', percentOfPlan: 52.5 });
    expect(result(r, '5').periodPlan).toBeUndefined();
    const s = summarize(r, { indicators: PLAN.indicators, headings: PLAN.headings, year: 2026 });
    expect(s.notAchieved.map((x) => x.id)).toEqual(['1']);
    expect(s.notAchieved[0]).toMatchObject({ target: 2100, gap: 50, gapPercent: 2.38 });
    expect(s.notAchieved[0]!.text).toBe('Thu ngân sách trên địa bàn đạt 97,62% kế hoạch 6 tháng (theo kế hoạch kỳ), thiếu 50 tỷ đồng');
    expect(s.paragraph).toContain('Thu ngân sách trên địa bàn đạt 97,62% kế hoạch 6 tháng (theo kế hoạch kỳ), thiếu 50 tỷ đồng');
  });

  it('3 tháng: no figure for the period, so the months pace it (25 % of the year)', () => {
    // 1: 1.050 > 1.000 = 25 % of 4.000; 3: a level, 94,2 < 95 (the year's).
    const r = check(PLAN, { TH_1: 1050, TH_3: 94.2 }, '3t');
    expect(result(r, '1')).toMatchObject({ status: 'vuot', percentOfPlan: 26.25 });
    expect(result(r, '1').periodPlan).toBeUndefined();
    expect(result(r, '3')).toMatchObject({ status: 'chua-dat' });
    expect(check(PACED, { TH_1: 1050, TH_3: 94.2 }, '3t')).toEqual(r);
  });

  it('quý III alone: its own figure; a shortfall message says which plan', () => {
    // 1: 1.150 < 1.200 (own q3; a quarter of 4.000 = 1.000 would be vượt).
    const r = check(PLAN, { TH_1: 1150 }, 'q3');
    expect(result(r, '1')).toMatchObject({ status: 'chua-dat', periodPlan: 1200, percentOfPlan: 95.83 });
    expect(findingsOf(r, '1').find((f) => f.code === 'behind-pace')!.message).toContain('bằng 95,83% kế hoạch quý III 1.200 tỷ đồng (theo kế hoạch kỳ)');
  });

  it('a level short of its own 9t figure is a shortfall that names that figure', () => {
    // 3: 93,5 < 94,0; 4: 3,9 > 3,8, the ceiling of the 9t range.
    const r = check(PLAN, { TH_3: 93.5, TH_4: 3.9 }, '9t');
    const msg = (id: string) => findingsOf(r, id).find((f) => f.code === 'shortfall')!.message;
    expect(msg('3')).toBe('Tỷ lệ dân số tham gia BHYT: thực hiện 93,5%, chưa đạt kế hoạch 9 tháng 94,0% (theo kế hoạch kỳ) (99,47%), còn thiếu 0,5%.');
    expect(msg('4')).toBe('Tỷ lệ hộ nghèo: 3,9% cao hơn mức trần kế hoạch 9 tháng 3,6 – 3,8% (theo kế hoạch kỳ) (chỉ tiêu này càng thấp càng tốt).');
    const s = summarize(r, { indicators: PLAN.indicators, headings: PLAN.headings, year: 2026 });
    expect(s.notAchieved.find((x) => x.id === '4')!.text).toBe('Tỷ lệ hộ nghèo 3,9%, cao hơn mức trần kế hoạch 9 tháng 3,8% (theo kế hoạch kỳ) là 0,1 điểm phần trăm');
  });

  it('the year is judged against keHoach whatever the period figures say', () => {
    // 3: 94,2 rounds to 94 at the plan's precision, below 95 (the 9t figure 94,0 plays no part).
    const r = check(PLAN, { TH_1: 3900, TH_3: 94.2 }, 'nam');
    expect(result(r, '1')).toMatchObject({ status: 'chua-dat', percentOfPlan: 97.5 });
    expect(result(r, '3')).toMatchObject({ status: 'chua-dat' });
    expect(r.indicators.some((i) => i.periodPlan !== undefined)).toBe(false);
  });
});

describe('the template shows the period figures', () => {
  it('in the prompt of the TH cell, where the user types the period\'s figure; rows without them as before', () => {
    const model = buildTemplate({ year: 2026, period: '9t', indicators: PLAN.indicators, headings: PLAN.headings, order: PLAN.order });
    const th = (id: string) => model.rows.find((r) => r.key?.id === id)!.cells.actual!.validation!.prompt!;
    expect(th('1')).toBe('Số thực hiện. Đơn vị tính: tỷ đồng. Kế hoạch: 4.000. Kế hoạch kỳ: 6 tháng 2.100; 9 tháng 3.300; quý III 1.200.');
    expect(th('4')).toContain('Kế hoạch kỳ: 9 tháng 3,6 – 3,8.');
    expect(th('2')).not.toContain('Kế hoạch kỳ');
    expect(th('2')).toBe(buildTemplate({ year: 2026, indicators: PACED.indicators, headings: PACED.headings }).rows.find((r) => r.key?.id === '2')!.cells.actual!.validation!.prompt);
  });
});

describe('mergedPeriodPlans (consolidation)', () => {
  const unit = (changes: Record<string, unknown>) => {
    const obj = JSON.parse(TEXT) as { chiTieu: Record<string, Record<string, unknown>> };
    for (const [id, keHoachKy] of Object.entries(changes)) {
      if (keHoachKy === undefined) delete obj.chiTieu[id]!.keHoachKy;
      else obj.chiTieu[id]!.keHoachKy = keHoachKy;
    }
    return planFromJson(JSON.stringify(obj)).indicators;
  };
  it('sums a flow\'s figures, keeps a level\'s where all agree, drops a period a unit lacks or disagrees on', () => {
    const other = unit({ '1': { '6t': 1900, '9t': 3000 }, '3': { '6t': 92, '9t': '94,0' } });
    const m = new Map(mergedPeriodPlans(PLAN.indicators, [PLAN.indicators, other]).map((i) => [i.id, i]));
    // 1: 6t 2.100 + 1.900, 9t 3.300 + 3.000; q3 only in the first unit: none.
    expect(m.get('1')!.periodPlans).toEqual({ '6t': { kind: 'number', value: { value: 4000, text: '4.000' } }, '9t': { kind: 'number', value: { value: 6300, text: '6.300' } } });
    // 3: 6t 93 vs 92 disagree (dropped), 9t 94,0 in both (kept).
    expect(m.get('3')!.periodPlans).toEqual({ '9t': { kind: 'number', value: { value: 94, text: '94,0' } } });
    // 5: a flow's ranges sum end by end.
    expect(m.get('5')!.periodPlans!['9t']).toMatchObject({ kind: 'range', from: { value: 560 }, to: { value: 640 } });
    expect(m.get('2')).toBe(PLAN.indicators.find((i) => i.id === '2'));
    const without = mergedPeriodPlans(PLAN.indicators, [PLAN.indicators, unit({ '1': undefined })]);
    expect(without.find((i) => i.id === '1')!.periodPlans).toBeUndefined();
  });
});
