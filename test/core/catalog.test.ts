// Every plan figure of the catalog against the district plan itself (section II of the seed).
import { readFileSync } from 'fs';
import path from 'path';
import { HEADINGS, INDICATORS, indicatorById, indicatorKeys } from '../../src/core/catalog';
import { readCellText } from '../../src/core/vnNumber';

const SEED = path.resolve(__dirname, '../fixtures/seed/ke-hoach-thi-dua-2023.txt');
const text = readFileSync(SEED, 'utf8');
const lines = text.split('\n').map((l) => l.replace(/<\/?[bi]>/g, '').trimEnd());

/** The seed line of each indicator of section II.1, found by a phrase of its name. */
const PHRASE: Record<string, string> = {
  '1.1': 'Nông, lâm, thủy sản', '1.2': 'Công nghiệp - xây dựng', '1.2.1': '+ Công nghiệp', '1.2.2': '+ Xây dựng',
  '1.3': 'Thương mại - dịch vụ', '2': 'Tổng mức bán lẻ', '3': 'Kim ngạch xuất khẩu', '4': 'Tổng thu ngân sách',
  '4.1': 'Thu phát sinh trên địa bàn', '4.1.1': 'Thu tiền sử dụng đất', '5': 'Tổng chi đầu tư phát triển',
  '6': 'Duy trì phổ cập giáo dục', '7': 'Tỷ suất sinh giảm', '8.1': 'Suy dinh dưỡng về cân nặng',
  '8.2': 'Suy dinh dưỡng thể thấp còi', '9': 'tham gia BHYT', '10': 'tham gia BHXH', '11': 'trạm y tế có bác sỹ',
  '12': 'chuẩn QG về y tế', '13': 'Số giường bệnh', '14': 'Hộ gia đình đạt chuẩn văn hóa', '15.1': 'Đào tạo nghề',
  '15.2': 'Tạo việc làm mới', '16': 'Giảm tỷ lệ hộ nghèo', '17': 'che phủ rừng', '18': 'nước hợp vệ sinh',
  '18.1': 'Tỷ lệ sử dụng nước sạch', '19': 'đô thị sử dụng nước sạch', '20': 'chất thải rắn', '21': 'trên một đơn vị diện tích',
  '22.1': 'Huyện nông thôn mới', '22.2': 'Xã nông thôn mới', '23': 'đô thị loại IV đạt thêm', '24': 'dịch vụ công trực tuyến',
};

function fields(phrase: string): string[] {
  const hits = lines.filter((l) => l.includes(phrase) && l.includes('\t'));
  expect(hits).toHaveLength(1);
  return hits[0]!.split('\t').map((f) => f.trim()).filter(Boolean);
}

describe('the plan catalog', () => {
  it('has every indicator of section II.1 of the seed, with its figure as written', () => {
    for (const [id, phrase] of Object.entries(PHRASE)) {
      const ind = indicatorById(id);
      expect(ind).toBeDefined();
      const f = fields(phrase);
      if (ind!.plan.kind === 'growth') {
        const [sp, spi, sx, sxi] = f.slice(-4);
        expect([ind!.plan.sp.value.text, ind!.plan.sp.index.text, ind!.plan.sx.value.text, ind!.plan.sx.index.text]).toEqual([sp, spi, sx, sxi]);
        for (const [t, v] of [[sp, ind!.plan.sp.value.value], [spi, ind!.plan.sp.index.value], [sx, ind!.plan.sx.value.value], [sxi, ind!.plan.sx.index.value]] as const) {
          const r = readCellText(t!);
          expect(r.kind === 'number' && r.value).toBe(v);
        }
        continue;
      }
      const written = f[f.length - 1]!;
      const p = ind!.plan;
      if (p.kind === 'number') {
        expect(p.value.text).toBe(written);
        const r = readCellText(written);
        const value = r.kind === 'number' ? r.value : r.kind === 'comparison' ? r.value : NaN;
        expect(value).toBe(p.value.value);
      } else if (p.kind === 'criteria') {
        expect(`${p.required}/${p.of}`).toBe(written);
      } else if (p.kind === 'pass') {
        expect(written).toBe('Đạt');
      }
    }
  });

  it('has indicator 1 (both measures, with plan indices) from the bold row under its heading', () => {
    const i = lines.findIndex((l) => l.includes('Tổng giá trị các ngành sản xuất chính'));
    const values = lines[i + 1]!.split('\t').map((f) => f.trim()).filter(Boolean);
    const plan = indicatorById('1')!.plan;
    expect(plan.kind).toBe('growth');
    if (plan.kind !== 'growth') return;
    expect(values).toEqual([plan.sp.value.text, plan.sp.index.text, plan.sx.value.text, plan.sx.index.text]);
    expect([plan.sp.value.value, plan.sp.index.value, plan.sx.value.value, plan.sx.index.value]).toEqual([6886145, 107.64, 20789767, 113.32]);
  });

  it('adds up as the plan does: 1 = 1.1 + 1.2 + 1.3 and 1.2 = 1.2.1 + 1.2.2, for both measures', () => {
    for (const m of ['sp', 'sx'] as const) {
      const v = (id: string) => { const p = indicatorById(id)!.plan; return p.kind === 'growth' ? p[m].value.value : NaN; };
      expect(v('1.1') + v('1.2') + v('1.3')).toBe(v('1'));
      expect(v('1.2.1') + v('1.2.2')).toBe(v('1.2'));
    }
  });

  it('has the defence, security and government targets of section II.2', () => {
    expect(text).toMatch(/Giao quân đạt 100% chỉ tiêu/);
    expect(text).toMatch(/giảm cả 3 mặt/);
    expect(text).toMatch(/không để xảy ra điểm nóng/);
    expect(text).toMatch(/hoàn thành mục tiêu tinh giản biên chế/);
    expect(indicatorById('QP.1')!.plan).toEqual({ kind: 'number', value: { value: 100, text: '100' } });
    expect(['QP.2.1', 'QP.2.2', 'QP.2.3'].map((id) => indicatorById(id)!.rule)).toEqual(['decrease', 'decrease', 'decrease']);
    expect(indicatorById('QP.3')!.rule).toBe('pass');
    expect(indicatorById('XD.1')!.rule).toBe('pass');
    expect(HEADINGS.find((h) => h.id === 'QP.2')?.allOf).toBe(true);
  });

  it('matches the contract table: rule kinds, flow or level, parts of wholes', () => {
    const rules = Object.fromEntries(INDICATORS.map((i) => [i.id, `${i.rule}/${i.nature}`]));
    expect(rules).toMatchObject({
      '1': 'growth/flow', '2': 'min/flow', '6': 'pass/level', '7': 'reduce/level', '8.1': 'max/level', '8.2': 'max/level',
      '14': 'gt/level', '15.1': 'min/flow', '16': 'reduce/level', '22.1': 'criteria/level', '23': 'min/flow', 'QP.2.1': 'decrease/flow',
    });
    expect(INDICATORS.filter((i) => i.partOf).map((i) => `${i.id}<${i.partOf}`)).toEqual(['4.1<4', '4.1.1<4.1', '18.1<18']);
    // 41 ids in the contract, indicator 1's six rows twice: 47 rows that carry values.
    expect(INDICATORS).toHaveLength(41);
    expect(indicatorKeys()).toHaveLength(47);
  });
});
