// The report summary (Đánh giá): counts, the indicators not achieved with their gaps, the growth of
// indicator 1 with each sector's contribution, and the paragraph.
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/engine';
import { summarize } from '../../src/core/summary';
import { indicatorKeys } from '../../src/core/catalog';
import { buildTemplate } from '../../src/template/model';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { atPlanEntries, realisticEntries } from '../../src/template/samples';

const model = buildTemplate({ year: 2023 });

/** Indicator 1 (giá trị sản xuất) above plan, with last year's figures typed: contributions are exact. */
const GROWTH_SX: Entries = {
  TN_1_1_SX: 1800000, TH_1_1_SX: 1920000,
  TN_1_2_1_SX: 2800000, TH_1_2_1_SX: 3210000,
  TN_1_2_2_SX: 1400000, TH_1_2_2_SX: 1670000,
  TN_1_2_SX: 4200000, TH_1_2_SX: 4880000,
  TN_1_3_SX: 12000000, TH_1_3_SX: 14100000,
  TN_1_SX: 18000000, TH_1_SX: 20900000,
};

const SHORT: Entries = {
  TH_1_1_SP: 1700000, TH_1_SP: 6860655, // 25.490 triệu below plan; the total follows its parts
  TH_4: 883.3, // min: 95,2 % of 927,818, 44,518 tỷ đồng short
  TH_6: 'Chưa đạt', // pass
  TN_7: 14.3, TH_7: 14.27, // reduce: 0,03 ‰ of the 0,05 planned
  TH_8_1: 8.3, // max: 0,44 points over the ceiling
  TH_14: 90, // gt: equal is not above
  TH_22_1: 7, // criteria 7/9
  TN_QP_2_1: 20, TH_QP_2_1: 21, // decrease: one more accident
};

function summaryOf(entries: Entries, period: 'nam' | '6t' = 'nam') {
  const report = checkWorkbook(snapshotOf(model, entries, period));
  return { report, summary: summarize(report, { year: 2023, unit: 'UBND xã Bình Nghi', baseYear: 2010 }) };
}

describe('summarize', () => {
  const { report, summary } = summaryOf({ ...atPlanEntries(), ...GROWTH_SX, ...SHORT });
  const item = (id: string, measure: 'sp' | 'sx' | null = null) => summary.notAchieved.find((x) => x.id === id && x.measure === measure)!;

  it('has no error findings to begin with (the sample is a valid table)', () => {
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(summary.errors).toBe(0);
  });

  it('counts every row but the QP.2 aggregate, and names exactly the indicators not achieved', () => {
    expect(summary.counted).toBe(indicatorKeys().length);
    expect(summary.counts).toEqual({ vuot: expect.any(Number), dat: expect.any(Number), 'chua-dat': 9, 'khong-du-lieu': 0 });
    expect(summary.achieved + summary.counts['chua-dat'] + summary.counts['khong-du-lieu']).toBe(summary.counted);
    expect(summary.notAchieved.map((x) => (x.measure ? `${x.id}/${x.measure}` : x.id))).toEqual(
      ['1/sp', '1.1/sp', '4', '6', '7', '8.1', '14', '22.1', 'QP.2.1'],
    );
    // QP.2 (giảm cả 3 mặt) is not achieved in the report, but its member is what the summary counts.
    expect(report.indicators.find((r) => r.id === 'QP.2')!.status).toBe('chua-dat');
  });

  it('gives each gap in the indicator\'s unit and in %', () => {
    expect(item('4')).toMatchObject({ rule: 'min', gap: 44.518, percentOfPlan: 95.2, gapPercent: 4.8, unit: 'Tỷ đồng' });
    expect(item('4').text).toBe('Tổng thu ngân sách đạt 95,2% kế hoạch, thiếu 44,518 tỷ đồng');
    expect(item('8.1')).toMatchObject({ rule: 'max', gap: 0.44, gapPercent: 5.6 });
    expect(item('8.1').text).toMatch(/8,3%, cao hơn mức trần kế hoạch 7,86% là 0,44 điểm phần trăm/);
    expect(item('7')).toMatchObject({ rule: 'reduce', gap: 0.02, gapPercent: 40 });
    expect(item('7').text).toMatch(/giảm 0,03 điểm phần nghìn .*kế hoạch giảm 0,05 điểm phần nghìn, còn thiếu 0,02 điểm phần nghìn/);
    expect(item('22.1')).toMatchObject({ gap: 2 });
    expect(item('22.1').text).toMatch(/đạt 7\/9 tiêu chí, còn thiếu 2 tiêu chí/);
    expect(item('14')).toMatchObject({ gap: 0 });
    expect(item('14').text).toMatch(/mới bằng 90%.*trên 90%/);
    expect(item('QP.2.1')).toMatchObject({ gap: 1 });
    expect(item('QP.2.1').text).toMatch(/không giảm: tăng 1 vụ so với năm 2022 \(20 vụ\)/);
    expect(item('6')).toMatchObject({ gap: null });
    expect(item('6').text).toMatch(/: chưa đạt$/);
    expect(item('1.1', 'sp')).toMatchObject({ rule: 'growth', gap: 25490, percentOfPlan: 98.52 });
    expect(item('1.1', 'sp').growthGap).toBeCloseTo(103.5 - 101.97, 2);
    expect(item('1.1', 'sp').text).toMatch(/tăng 1,97% so với năm 2022 \(kế hoạch tăng 3,5%, thấp hơn 1,53 điểm phần trăm\), đạt 98,52% kế hoạch, thiếu 25\.490 triệu đồng/);
  });

  it('gives the growth of indicator 1 and each sector\'s contribution in points', () => {
    const sx = summary.growth.find((g) => g.measure === 'sx')!;
    expect(sx).toMatchObject({ growth: 116.11, change: 16.11, planGrowth: 113.32, previousImplied: false, status: 'vuot' });
    expect(sx.sectors.map((s) => [s.id, s.contribution])).toEqual([['1.1', 0.67], ['1.2', 3.78], ['1.3', 11.67]]);
    expect(sx.sectors[1]!.parts!.map((s) => [s.id, s.contribution])).toEqual([['1.2.1', 9.76], ['1.2.2', 6.43]]);
    const sum = sx.sectors.reduce((a, s) => a + s.contribution!, 0);
    expect(sum).toBeCloseTo(sx.change!, 1);
    const sp = summary.growth.find((g) => g.measure === 'sp')!;
    expect(sp.previousImplied).toBe(true);
  });

  it('writes the paragraph of a district report', () => {
    const p = summary.paragraph;
    expect(p.startsWith(`Ước thực hiện năm 2023 có ${summary.achieved}/${summary.counted} chỉ tiêu đạt và vượt kế hoạch`)).toBe(true);
    expect(p).toMatch(/; 9 chỉ tiêu chưa đạt: .*Tổng thu ngân sách đạt 95,2% kế hoạch, thiếu 44,518 tỷ đồng;/);
    expect(p).toMatch(/Tổng giá trị sản xuất các ngành sản xuất chính \(giá so sánh 2010\) ước đạt 20\.900\.000 triệu đồng, tăng 16,11% so với năm 2022 \(kế hoạch tăng 13,32%\), trong đó: nông, lâm, thủy sản tăng 6,67%, đóng góp 0,67 điểm phần trăm; công nghiệp - xây dựng tăng 16,19%, đóng góp 3,78 điểm phần trăm; thương mại - dịch vụ tăng 17,5%, đóng góp 11,67 điểm phần trăm\./);
  });

  it('in a 6-month report measures a flow\'s gap against half the annual plan', () => {
    const { summary: s6 } = summaryOf({ ...atPlanEntries(), TH_2: 2000 }, '6t');
    const x = s6.notAchieved.find((i) => i.id === '2')!;
    expect(x).toMatchObject({ target: 2224.5, gap: 224.5 });
    expect(x.text).toMatch(/đạt 44,95% kế hoạch năm, thiếu 224,5 tỷ đồng so với tiến độ/);
    expect(s6.paragraph).toMatch(/^Ước thực hiện 6 tháng đầu năm 2023/);
  });

  it('lists what has no data apart, and counts always add up', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10000 }), fc.subarray(['TH_2', 'TH_9', 'TH_6', 'TH_1_1_SP', 'TH_QP_2_2']), (seed, cleared) => {
      const entries: Entries = realisticEntries(seed);
      for (const c of cleared) entries[c] = undefined;
      const { report: r, summary: s } = summaryOf(entries);
      const total = s.counts.vuot + s.counts.dat + s.counts['chua-dat'] + s.counts['khong-du-lieu'];
      expect(total).toBe(s.counted);
      expect(s.notAchieved.length).toBe(s.counts['chua-dat']);
      expect(s.noData.length).toBe(s.counts['khong-du-lieu']);
      const short = r.indicators.filter((i) => i.status === 'chua-dat' && i.id !== 'QP.2').length;
      expect(s.notAchieved).toHaveLength(short);
      for (const c of cleared) expect(s.noData.map((n) => `TH_${n.id.replace(/\./g, '_')}${n.measure ? '_' + n.measure.toUpperCase() : ''}`)).toContain(c);
    }), { numRuns: 40 });
  });
});
