// The engine on in-memory templates: every rule kind, every finding code, the contract's example row.
import { checkWorkbook } from '../../src/core/engine';
import type { Finding, FindingCode, Period, Report } from '../../src/core/types';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { buildTemplate } from '../../src/template/model';
import { atPlanEntries } from '../../src/template/samples';

const model = buildTemplate({ year: 2023 });
const check = (entries: Entries = {}, period: Period = 'nam'): Report =>
  checkWorkbook(snapshotOf(model, { ...atPlanEntries(), ...entries }, period));
const result = (r: Report, id: string, measure: 'sp' | 'sx' | null = null) => r.indicators.find((i) => i.id === id && i.measure === measure)!;
const codes = (r: Report, id: string): FindingCode[] => r.findings.filter((f) => f.id === id).map((f) => f.code);
const finding = (r: Report, code: FindingCode): Finding => {
  const f = r.findings.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${JSON.stringify(r.findings.map((x) => x.code))}`);
  return f;
};

describe('a template filled exactly at plan', () => {
  const r = check();
  it('reports no error and no shortfall', () => {
    expect(r.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(r.findings).toEqual([]);
  });
  it('judges every indicator met (none exceeded, none without data)', () => {
    expect(r.indicators.map((i) => `${i.id}${i.measure ?? ''}:${i.status}`).filter((s) => !s.endsWith(':dat'))).toEqual([]);
  });
  it('computes indicator 1 growth against the implied previous value and says so', () => {
    const row = result(r, '1', 'sp');
    expect(row.growth).toBe(107.64);
    expect(row.previousImplied).toBe(true);
    expect(row.previous).toBe(6397385);
    expect(row.percentOfPlan).toBe(100);
  });
});

describe("the contract's example row", () => {
  it('reproduces its figures', () => {
    const r = check({ TH_1_1_SP: 1730000, TN_1_1_SP: 1667140 });
    expect(result(r, '1.1', 'sp')).toEqual({
      id: '1.1', measure: 'sp', plan: 1725490, planGrowth: 103.5, previous: 1667140, actual: 1730000,
      growth: 103.77, percentOfPlan: 100.26, contribution: 0.98, status: 'vuot',
    });
  });
});

describe('rule kinds', () => {
  it('min: below, at and above the plan', () => {
    expect(result(check({ TH_2: 4400 }), '2').status).toBe('chua-dat');
    expect(result(check({ TH_2: 4449 }), '2').status).toBe('dat');
    expect(result(check({ TH_2: 4500 }), '2').status).toBe('vuot');
  });
  it('min compares at the precision the plan is written in (95 has no decimals)', () => {
    expect(result(check({ TH_9: 94.6 }), '9').status).toBe('dat');
    expect(result(check({ TH_9: 94.4 }), '9').status).toBe('chua-dat');
  });
  it('max: a malnutrition rate is better lower', () => {
    expect(result(check({ TH_8_1: 7.5 }), '8.1').status).toBe('vuot');
    expect(result(check({ TH_8_1: 7.86 }), '8.1').status).toBe('dat');
    const r = check({ TH_8_1: 8.2 });
    expect(result(r, '8.1').status).toBe('chua-dat');
    expect(finding(r, 'shortfall').message).toMatch(/càng thấp càng tốt/);
  });
  it('gt: strictly greater than 90', () => {
    expect(result(check({ TH_14: 90 }), '14').status).toBe('chua-dat');
    expect(result(check({ TH_14: 92 }), '14').status).toBe('dat');
  });
  it('reduce: a reduction in the unit\'s points against the previous value', () => {
    expect(result(check({ TN_16: 4.8, TH_16: 3.3 }), '16').status).toBe('dat');
    expect(result(check({ TN_16: 4.8, TH_16: 3.0 }), '16').status).toBe('vuot');
    expect(result(check({ TN_16: 4.8, TH_16: 3.5 }), '16').status).toBe('chua-dat');
    expect(result(check({ TN_16: 4.8, TH_16: 3.5 }), '16').percentOfPlan).toBe(86.67);
    const r = check({ TN_7: undefined, TH_7: 14.2 });
    expect(result(r, '7').status).toBe('khong-du-lieu');
    expect(codes(r, '7')).toEqual(['missing']);
  });
  it('decrease: fewer than the same period last year, and "giảm cả 3 mặt" needs all three', () => {
    const r = check({ TN_QP_2_2: 12, TH_QP_2_2: 12 });
    expect(result(r, 'QP.2.2').status).toBe('chua-dat');
    expect(result(r, 'QP.2.1').status).toBe('dat');
    expect(result(r, 'QP.2').status).toBe('chua-dat');
    expect(r.findings.filter((f) => f.id === 'QP.2')[0]!.message).toMatch(/số người chết/);
    expect(result(check(), 'QP.2').status).toBe('dat');
  });
  it('criteria: x of N, typed as a number or as "8/9"', () => {
    expect(result(check({ TH_22_1: 8 }), '22.1').status).toBe('chua-dat');
    const r = check({ TH_22_1: '9/9' });
    expect(result(r, '22.1').status).toBe('dat');
    expect(codes(r, '22.1')).toEqual([]);
  });
  it('pass: Đạt / Chưa đạt', () => {
    expect(result(check({ TH_6: 'Chưa đạt' }), '6').status).toBe('chua-dat');
    expect(result(check({ TH_6: 'Chưa đạt' }), '6').actual).toBe('Chưa đạt');
    expect(result(check({ TH_XD_1: 'Đạt' }), 'XD.1').status).toBe('dat');
    expect(codes(check({ TH_QP_3: 'có' }), 'QP.3')).toEqual(['out-of-range']);
  });
  it('growth: both the growth index and the value must reach the plan', () => {
    // Value above plan, growth below plan index (previous too high).
    const r = check({ TN_1_2_SX: 4400000, TH_1_2_SX: 4880000 });
    expect(result(r, '1.2', 'sx').growth).toBe(110.91);
    expect(result(r, '1.2', 'sx').status).toBe('chua-dat');
    expect(finding(r, 'shortfall').message).toMatch(/chỉ số tăng trưởng 110,91% thấp hơn kế hoạch 111,71%/);
    // Growth fine, value below plan.
    const r2 = check({ TN_1_3_SP: 2000000, TH_1_3_SP: 2200000 });
    expect(result(r2, '1.3', 'sp').status).toBe('chua-dat');
  });
  it('growth is compared at the plan index\'s written precision (103,5 has one decimal)', () => {
    // 1.725.490 ÷ 1.667.140 × 100 = 103,49999…: rounds to 103,5.
    const r = check({ TN_1_1_SP: 1667140, TH_1_1_SP: 1725490 });
    expect(result(r, '1.1', 'sp').status).toBe('dat');
  });
  it('contributions of the sectors add up to the growth of the total', () => {
    const e = { TN_1_1_SX: 1850000, TH_1_1_SX: 1919054, TN_1_2_SX: 4360000, TH_1_2_SX: 4870247, TN_1_3_SX: 12130000, TH_1_3_SX: 14000466,
      TN_1_2_1_SX: 2895000, TH_1_2_1_SX: 3205242, TN_1_2_2_SX: 1465000, TH_1_2_2_SX: 1665005, TN_1_SX: 18340000, TH_1_SX: 20789767 };
    const r = check(e);
    const total = result(r, '1', 'sx');
    const sum = ['1.1', '1.2', '1.3'].map((id) => result(r, id, 'sx').contribution!).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (total.growth! - 100))).toBeLessThan(0.02);
    expect(result(r, '1.2.1', 'sx').contribution).toBe(7.12);
  });
});

describe('finding codes', () => {
  it('not-a-number', () => {
    const f = finding(check({ TH_3: 'năm mươi' }), 'not-a-number');
    expect([f.id, f.name, f.cell, f.severity]).toEqual(['3', 'TH_3', expect.stringMatching(/^G\d+$/), 'error']);
  });
  it('number-as-text: read and used, with a warning', () => {
    const r = check({ TH_1_1_SP: '1.725.490' });
    expect(finding(r, 'number-as-text').severity).toBe('warning');
    expect(result(r, '1.1', 'sp').actual).toBe(1725490);
    expect(result(check({ TH_4: '927,818' }), '4').actual).toBe(927.818);
    expect(result(check({ TH_15_2: '2.000' }), '15.2').actual).toBe(2000);
    expect(result(check({ TH_15_1: '1 725' }), '15.1').actual).toBe(1725);
  });
  it('formula-error', () => {
    const f = finding(check({ TH_5: { error: '#DIV/0!' } }), 'formula-error');
    expect(f.message).toContain('#DIV/0!');
    expect(f.severity).toBe('error');
  });
  it('out-of-range: % above 100, negative amount, a fraction of a person, criteria above N', () => {
    expect(codes(check({ TH_9: 120 }), '9')).toContain('out-of-range');
    expect(codes(check({ TH_3: -5 }), '3')).toContain('out-of-range');
    expect(codes(check({ TH_15_1: 400.5 }), '15.1')).toContain('out-of-range');
    expect(codes(check({ TH_22_1: 10 }), '22.1')).toContain('out-of-range');
  });
  it('unit-slip: đồng typed for tỷ đồng, triệu for tỷ, a % as a fraction', () => {
    const r = check({ TH_2: 4449000000000 });
    expect(finding(r, 'unit-slip').message).toMatch(/gấp khoảng 1\.000\.000\.000 lần kế hoạch 4\.449 tỷ đồng — có thể đã nhập theo đồng\?/);
    expect(finding(check({ TH_2: 4449000 }), 'unit-slip').message).toMatch(/triệu đồng\?/);
    expect(finding(check({ TH_9: 0.95 }), 'unit-slip').message).toMatch(/95%/);
    expect(finding(check({ TH_1_1_SP: 1730000000000 }), 'unit-slip').message).toMatch(/theo đồng\?/);
  });
  it('sum-mismatch: the sectors do not add up to the total', () => {
    const f = finding(check({ TH_1_SP: 6886145, TH_1_1_SP: 1725490, TH_1_2_SP: 2890342, TH_1_3_SP: 2000000 }), 'sum-mismatch');
    expect([f.id, f.measure, f.name]).toEqual(['1', 'sp', 'TH_1_SP']);
    expect(f.message).toMatch(/cộng lại được 6\.615\.832/);
  });
  it('part-exceeds-whole: "trong đó" larger than its whole', () => {
    const f = finding(check({ TH_4_1: 600, TH_4: 550 }), 'part-exceeds-whole');
    expect([f.id, f.name]).toEqual(['4.1', 'TH_4_1']);
  });
  it('baseline-mismatch: previous value far from the one the plan implies', () => {
    const f = finding(check({ TN_1_1_SP: 1500000 }), 'baseline-mismatch');
    expect([f.name, f.severity]).toEqual(['TN_1_1_SP', 'warning']);
    expect(codes(check({ TN_1_1_SP: 1667140 }), '1.1')).toEqual([]);
  });
  it('growth-outlier: growth index more than 30 points from the plan index', () => {
    expect(finding(check({ TN_1_3_SX: 9000000, TH_1_3_SX: 14000466 }), 'growth-outlier').name).toBe('TH_1_3_SX');
  });
  it('missing: no actual entered', () => {
    const r = check({ TH_10: undefined });
    expect(result(r, '10').status).toBe('khong-du-lieu');
    expect(finding(r, 'missing').name).toBe('TH_10');
  });
  it('shortfall names what was achieved, the plan and the gap', () => {
    const f = finding(check({ TH_4: 883.3 }), 'shortfall');
    expect(f.message).toMatch(/883,3 tỷ đồng/);
    expect(f.message).toMatch(/927,818 tỷ đồng/);
    expect(f.message).toMatch(/thiếu 44,518 tỷ đồng/);
  });
  it('behind-pace: 6-month report, a flow below half of its annual plan', () => {
    const r = check({ TH_2: 2000, TH_4: 500, TH_9: 95 }, '6t');
    const f = finding(r, 'behind-pace');
    expect([f.id, f.severity]).toEqual(['2', 'warning']);
    expect(result(r, '2').status).toBe('chua-dat');
    expect(result(r, '4').status).toBe('vuot');
    expect(result(r, '9').status).toBe('dat');
    expect(codes(r, '2')).toEqual(['behind-pace']);
  });
  it('6-month report: indicator 1 growth against half the implied previous value', () => {
    const r = check({ TH_1_1_SP: 1725490 / 2 }, '6t');
    expect(result(r, '1.1', 'sp').growth).toBe(103.5);
    expect(result(r, '1.1', 'sp').status).toBe('dat');
  });
  it('missing-plan and missing-cell (extensions): a plan cell emptied, a name deleted', () => {
    const r = check({ KH_2: undefined });
    expect(finding(r, 'missing-plan').name).toBe('KH_2');
    expect(result(r, '2').status).toBe('khong-du-lieu');
    const snap = snapshotOf(model, atPlanEntries());
    delete snap.cells['TH_3'];
    const r2 = checkWorkbook(snap);
    expect(finding(r2, 'missing-cell').message).toMatch(/TH_3/);
    expect(result(r2, '3').status).toBe('khong-du-lieu');
  });
  it('reads the plan from the workbook, not from the built-in plan', () => {
    const r = check({ KH_2: 5000, TH_2: 4500 });
    expect(result(r, '2').plan).toBe(5000);
    expect(result(r, '2').status).toBe('chua-dat');
  });
});

describe('the optional weight (quyền số) of a rate row', () => {
  it('is read quietly when it is a number, and is no finding when empty', () => {
    expect(check({ QS_9: 52000 }).findings).toEqual([]);
    expect(check({ QS_9: '52.000' }).findings.map((f) => [f.name, f.code])).toEqual([['QS_9', 'number-as-text']]);
  });
  it('is an error where it stands when it is text or negative', () => {
    const text = check({ QS_9: 'khoảng 5 vạn' });
    expect(text.findings).toEqual([expect.objectContaining({ id: '9', name: 'QS_9', code: 'not-a-number', severity: 'error', cell: expect.stringMatching(/^L\d+$/) })]);
    const negative = check({ QS_16: -1200 });
    expect(negative.findings).toEqual([expect.objectContaining({ name: 'QS_16', code: 'out-of-range', severity: 'error' })]);
    expect(negative.findings[0]!.message).toMatch(/số hộ gia đình \(hộ\)\) không được âm/);
  });
  it('exists only on rows whose rate has a denominator: none on flows, pass or criteria rows', () => {
    const weighted = model.names.filter((n) => n.name.startsWith('QS_')).map((n) => n.name);
    expect(weighted).toContain('QS_9');
    expect(weighted).toContain('QS_QP_1');
    for (const none of ['QS_2', 'QS_6', 'QS_22_1', 'QS_1_SP', 'QS_QP_2_1']) expect(weighted).not.toContain(none);
  });
});
