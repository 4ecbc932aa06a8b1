// The parts of recognition one by one: Vietnamese folding and abbreviations, header words, the rule
// guesser, stated results at their rounding, and what happens on a sheet with no table.
import { similarity, tokenSet, stripMarks, foldUnit } from '../../../src/core/recognize/normalize';
import { classifyHeader } from '../../../src/core/recognize/headerWords';
import { checkStated, guessRule, recognizeTable, statedVerdict } from '../../../src/core/recognize';
import type { SheetGrid } from '../../../src/core/recognize';
import type { RawValue } from '../../../src/core/types';

const sim = (a: string, b: string) => similarity(tokenSet(a), tokenSet(b));

describe('Vietnamese folding', () => {
  test.each([
    ['Tỷ lệ hộ gia đình văn hoá', 'Tỉ lệ hộ gia đình văn hóa'],
    ['Tỷ lệ trạm y tế có bác sỹ', 'Tỉ lệ trạm y tế có bác sĩ'],
    ['Hoà giải thành', 'Hòa giải thành'],
    ['Cán bộ kỹ thuật', 'cán bộ kĩ thuật'],
    ['Tỷ lệ dân số tham gia bảo hiểm y tế', 'Tỷ lệ dân số tham gia BHYT'],
    ['Giá trị sản xuất nông, lâm, thủy sản', 'GTSX NLTS'],
    ['Thương mại - dịch vụ', 'TM-DV'],
    ['Xã đạt chuẩn nông thôn mới', 'Xã đạt chuẩn NTM'],
    ['Tỷ lệ người lao động tham gia bảo hiểm xã hội', 'Tỷ lệ người LĐ tham gia BHXH'],
  ])('"%s" and "%s" are the same name', (a, b) => {
    expect(sim(a, b)).toBe(1);
  });

  test('word order does not matter, other indicators stay apart', () => {
    expect(sim('Doanh thu dịch vụ tiêu dùng và tổng mức bán lẻ hàng hóa', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng')).toBe(1);
    expect(sim('Tỷ lệ che phủ rừng', 'Tỷ lệ hộ nghèo')).toBeLessThan(0.5);
    expect(sim('Tỷ lệ dân cư đô thị sử dụng nước sạch', 'Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh')).toBeLessThan(0.75);
  });

  test('list marks and "Trong đó:" come off', () => {
    expect(stripMarks('- Trong đó: + Công nghiệp')).toBe('Công nghiệp');
    expect(stripMarks('* Thu tiền sử dụng đất')).toBe('Thu tiền sử dụng đất');
    expect(stripMarks('a) Thu ngân sách')).toBe('Thu ngân sách');
    expect(stripMarks('II. VĂN HÓA - XÃ HỘI')).toBe('VĂN HÓA - XÃ HỘI');
  });

  test('units', () => {
    expect(foldUnit('Tr. đồng')).toBe(foldUnit('Triệu đồng'));
    expect(foldUnit('tỉ đ')).toBe(foldUnit('Tỷ đồng'));
  });
});

describe('header words', () => {
  test.each([
    ['TT', 'TT'], ['STT', 'TT'], ['Chỉ tiêu', 'TEN'], ['Nội dung', 'TEN'], ['ĐVT', 'DVT'], ['Đơn vị tính', 'DVT'],
    ['KH năm 2026', 'KH'], ['Kế hoạch HĐND giao', 'KH'], ['Thực hiện', 'TH'], ['Ước TH 2026', 'TH'], ['ước thực hiện', 'TH'],
    ['Cùng kỳ', 'TN'], ['Năm trước', 'TN'], ['So sánh (%) TH/KH', 'PT'], ['% KH', 'PT'], ['So sánh (%) cùng kỳ', 'CS'],
    ['Chỉ số tăng trưởng (%)', 'CS'], ['Tốc độ tăng (%)', 'CS'], ['Đánh giá', 'DG'], ['Ghi chú', 'GC'],
    ['KH năm 2023 (theo giá so sánh 2010)', 'KH'],
  ])('"%s" is %s', (text, column) => {
    expect(classifyHeader(text)?.column).toBe(column);
  });

  test('"Thực hiện năm 2025 | Kế hoạch 2026 | Ước TH 2026 | So sánh (%) TH/KH | cùng kỳ" maps by the years', () => {
    const grid: SheetGrid = {
      name: 'Biểu 1',
      cells: [
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện năm 2025', 'Kế hoạch 2026', 'Ước TH 2026', 'So sánh (%)', null],
        [null, null, null, null, null, null, 'TH/KH', 'cùng kỳ'],
        ['1', 'Tổng thu ngân sách', 'Tỷ đồng', 880, 927.818, 950, 102.39, 107.95],
        ['2', 'Tỷ lệ hộ nghèo', '%', 4.1, 'Giảm 1,5', 2.5, null, null],
      ],
      merges: [1, 2, 3, 4, 5, 6].map((c) => ({ top: 1, left: c, bottom: 2, right: c })).concat([{ top: 1, left: 7, bottom: 1, right: 8 }]),
    };
    const res = recognizeTable(grid);
    if (!res.ok) throw new Error(res.reason);
    expect(res.table.columns.letters).toEqual({ TT: 'A', TEN: 'B', DVT: 'C', TN: 'D', KH: 'E', TH: 'F', PT: 'G', CS: 'H' });
    expect(res.table.columns.year).toBe(2026);
    expect(res.table.rows.map((r) => [r.row, r.id, r.rule])).toEqual([[3, '1', 'min'], [4, '2', 'reduce']]);
    // 950 ÷ 927,818 = 102,39 %; 950 ÷ 880 = 107,95 %: both stated right.
    expect(checkStated(res.table)).toEqual([]);
  });
});

describe('rule guesser', () => {
  test.each<[string, string, string, string, unknown]>([
    ['Tổng thu ngân sách', 'Tỷ đồng', '927,818', 'min', 927.818],
    ['Hộ gia đình văn hóa', '%', '> 90', 'gt', 90],
    ['Hộ gia đình văn hóa', '%', 'Trên 90', 'gt', 90],
    ['Tỷ lệ hộ nghèo đa chiều', '%', 'Dưới 3,2', 'lt', 3.2],
    ['Chi thường xuyên', 'Tỷ đồng', 'Không quá 148,2', 'max', 148.2],
    ['Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi', '%', '10,63', 'max', 10.63],
    ['Giảm tỷ lệ hộ nghèo', '%', '1,5', 'reduce', 1.5],
    ['Tỷ suất sinh giảm', '‰', '0,05', 'reduce', 0.05],
    ['Tỷ lệ hộ nghèo giảm còn', '%', '2,5', 'max', 2.5],
    ['Tai nạn giao thông: số vụ', 'Vụ', 'Giảm', 'decrease', null],
    ['Số hộ khá', 'Hộ', 'Tăng', 'increase', null],
    ['Huyện nông thôn mới', 'Tiêu chí', '9/9', 'criteria', '9/9'],
    ['Xã đạt chuẩn NTM kiểu mẫu', 'Tiêu chí', '19', 'criteria', '19/19'],
    ['Duy trì phổ cập giáo dục', '', 'Đạt', 'pass', 'Đạt'],
    ['Tốc độ tăng trưởng kinh tế', '%', '8 - 8,5', 'growth-rate', { tu: 8, den: 8.5 }],
    ['Tốc độ tăng giá trị sản xuất', '%', '9,5', 'growth-rate', 9.5],
    ['Tỷ lệ sử dụng nước sạch', '%', '33,00', 'min', '33,00'],
  ])('%s (%s) "%s" → %s', (name, unit, plan, rule, target) => {
    expect(guessRule(name, unit, plan)).toEqual({ rule, target });
  });

  test('a plan cell that says nothing readable gives no rule', () => {
    expect(guessRule('Thu ngân sách', 'Tỷ đồng', 'theo KH tỉnh')).toBeNull();
    expect(guessRule('Thu ngân sách', 'Tỷ đồng', '')).toBeNull();
  });
});

describe('stated results', () => {
  const table = (rows: RawValue[][], head = ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Cùng kỳ', 'Thực hiện', 'So sánh TH/KH (%)', 'Tăng trưởng so cùng kỳ (%)', 'Đánh giá']) => {
    const res = recognizeTable({ name: 'S', cells: [head, ...rows], merges: [] });
    if (!res.ok) throw new Error(res.reason);
    return checkStated(res.table);
  };

  test('a % written with d decimals agrees within half a unit of its last digit', () => {
    // 98 ÷ 99,5 = 98,4925…%: "98,49", "98,5" and "98" all agree; "98,6" and "97" do not.
    const rows = (pt: RawValue): RawValue[][] => [['1', 'Sản lượng lương thực', 'Tấn', 99.5, 90, 98, pt, null, null]];
    expect(table(rows(98.49))).toEqual([]);
    expect(table(rows('98,5'))).toEqual([]);
    expect(table(rows(98))).toEqual([]);
    expect(table(rows(98.6)).map((f) => f.code)).toEqual(['stated-mismatch']);
    const [f] = table(rows(97));
    expect(f!.message).toBe('Sản lượng lương thực: bảng ghi 97% kế hoạch nhưng thực hiện 98 so với kế hoạch 99,5 là 98,5%.');
    expect(f!.cell).toBe('G2');
  });

  test('"Đạt" on a ceiling that was missed, and "Vượt" where the plan was only met, are mismatches', () => {
    const f = table([
      ['1', 'Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi', '%', 10.63, 11.2, 10.9, null, null, 'Đạt'],
      ['2', 'Tỷ lệ che phủ rừng', '%', 56.34, 56, 56.34, null, null, 'Vượt'],
      ['3', 'Tỷ lệ che phủ rừng xã', '%', 56.34, 56, 56.34, null, null, 'Hoàn thành'],
      ['4', 'Tai nạn giao thông: số vụ', 'Vụ', 'Giảm', 20, 19, null, null, 'Vượt'],
    ]);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['I2', 'error'], ['I3', 'error']]);
    expect(f[0]!.message).toContain('"Chưa đạt"');
    expect(f[0]!.message).toContain('10,9');
  });

  test('growth stated as an index or a rate, by its header', () => {
    // 110 ÷ 100 = 110 %, a rise of 10 %.
    const row = (cs: number): RawValue[][] => [['1', 'Thu ngân sách', 'Tỷ đồng', 105, 100, 110, null, cs, null]];
    expect(table(row(110))).toEqual([]);
    expect(table(row(10))).toEqual([]); // header does not say: either form
    const rate = ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Cùng kỳ', 'Thực hiện', 'So sánh TH/KH (%)', 'Tốc độ tăng (%)', 'Đánh giá'];
    expect(table(row(10), rate)).toEqual([]);
    expect(table(row(110), rate).map((x) => x.cell)).toEqual(['H2']);
  });

  test('verdict words', () => {
    expect(['Vượt KH', 'Hoàn thành vượt', 'Đạt', 'Hoàn thành', 'Chưa đạt', 'Không đạt', 'Không hoàn thành', 'xem ghi chú'].map(statedVerdict))
      .toEqual(['vuot', 'vuot', 'dat', 'dat', 'chua-dat', 'chua-dat', 'chua-dat', null]);
  });
});

test('a body row whose words sound like a header is still a row', () => {
  const res = recognizeTable({
    name: 'S', merges: [],
    cells: [
      ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Ghi chú'],
      ['1', 'Thu ngân sách', 'Tỷ đồng', 100, 110, null],
      ['2', 'Kế hoạch hóa gia đình: cặp vợ chồng áp dụng biện pháp tránh thai', '%', 80, 85, 'Ước tính'],
      ['3', 'Tỷ lệ che phủ rừng', '%', 47.1, 47.3, null],
    ],
  });
  if (!res.ok) throw new Error(res.reason);
  expect(res.table.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  expect(res.table.moreTables).toEqual([]);
});

describe('no table', () => {
  test('a sheet of text has no table, and says so in Vietnamese', () => {
    const res = recognizeTable({ name: 'Thuyết minh', cells: [['Báo cáo tình hình kinh tế - xã hội'], ['Trong năm, xã đã thực hiện …']], merges: [] });
    expect(res).toEqual({ ok: false, reason: expect.stringContaining('Không tìm thấy bảng chỉ tiêu trên sheet "Thuyết minh"') });
  });

  test('a header with no figures under it is no table', () => {
    const res = recognizeTable({ name: 'Trống', cells: [['TT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện'], ['1', 'Thu ngân sách', null, null]], merges: [] });
    expect(res.ok).toBe(false);
  });

  test('a table without a plan: a row with no plan figure is left out with the reason', () => {
    const res = recognizeTable({ name: 'S', cells: [['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện'], ['1', 'Thu ngân sách', 'Tỷ đồng', 100, 110], ['2', 'Số doanh nghiệp mới', 'DN', null, 12]], merges: [] });
    if (!res.ok) throw new Error(res.reason);
    expect(res.table.rows.map((r) => r.row)).toEqual([2]);
    expect(res.table.unmatched).toEqual([expect.objectContaining({ row: 3, text: 'Số doanh nghiệp mới', reason: expect.stringContaining('không có số kế hoạch') })]);
  });
});
