// readPlanText phrasing by phrasing: what a user pasting a resolution would check in the proposed plan.
import { entriesInOrder, planJsonText, readPlanText, ruleInWords } from '../../../src/core/planText';
import type { PlanEntryJson } from '../../../src/core/planJson';

const one = (line: string): PlanEntryJson => {
  const plan = readPlanText(line);
  const entries = Object.values(plan.chiTieu).filter((e) => !e.tieuDe);
  expect({ line, khongDoc: plan.khongDoc, n: entries.length }).toEqual({ line, khongDoc: [], n: 1 });
  return entries[0]!;
};

describe('rules from the words', () => {
  it.each([
    ['Tỷ lệ che phủ rừng đạt 48%', 'min'],
    ['Tỷ lệ tham gia BHYT 95% trở lên', 'min'],
    ['Tỷ lệ lao động qua đào tạo từ 70% trở lên', 'min'],
    ['Sản lượng ngô: 1.250 tấn', 'min'],
    ['Hộ gia đình văn hóa trên 90%', 'gt'],
    ['Thu ngân sách hơn 900 tỷ đồng', 'gt'],
    ['Đào tạo nghề >1.800 lao động', 'gt'],
    ['Tỷ lệ thất nghiệp dưới 3%', 'lt'],
    ['Tỷ lệ hộ nghèo giảm còn dưới 1,3%', 'lt'],
    ['Tỷ lệ hộ nghèo giảm còn 1,3%', 'max'],
    ['Tỷ lệ lạm phát không quá 4%', 'max'],
    ['Không còn hộ đói', 'max'],
    ['Tỷ lệ hộ nghèo giảm 1,5%', 'reduce'],
    ['Mức giảm tỷ lệ hộ nghèo 1 điểm %', 'reduce'],
    ['Giảm 12 hộ nghèo', 'reduce'],
    ['Tổng mức bán lẻ tăng 12%', 'growth-rate'],
    ['GRDP tăng 6,5 – 7,0%', 'growth-rate'],
    ['Xuất khẩu tăng 10%/năm', 'growth-rate'],
    ['Giá trị sản xuất (giá so sánh 2010) 4.870 tỷ đồng, tăng 11,7% so với năm 2024', 'growth'],
    ['Xã nông thôn mới 19/19 tiêu chí', 'criteria'],
    ['Có 5/7 thôn đạt chuẩn', 'criteria'],
    ['Duy trì phổ cập giáo dục tiểu học mức độ 3', 'pass'],
    ['Giữ vững xã đạt chuẩn quốc gia về y tế', 'pass'],
    ['Nông nghiệp chiếm 41,2%', 'structure'],
    ['Cơ cấu kinh tế: dịch vụ 33%', 'structure'],
    ['Dân số trung bình 9.350 người', 'info'],
    ['Tai nạn giao thông giảm cả 3 mặt', 'decrease'],
    ['Số hộ khá tăng', 'increase'],
  ])('%s → %s', (line, rule) => {
    expect(one(line).quyTac).toBe(rule);
  });

  it.each([
    'Tỷ lệ hộ nghèo 2%', // a ceiling or a reduction?
    'Tỷ lệ tăng dân số tự nhiên 0,9%',
    'Số vụ tai nạn giảm 10%', // relative, not points
    'Số hộ khá tăng 50 hộ',
    'Tổng chi bằng 95% dự toán',
    'Giá trị sản xuất tăng gấp 2 lần',
    'Tỷ lệ hộ nghèo 2%, tăng 0,5% so với năm 2024',
  ])('unknown phrasing "%s" is listed as unread, not guessed', (line) => {
    const plan = readPlanText(`Chỉ tiêu năm 2026:\n${line}`);
    expect(plan.chiTieu).toEqual({});
    expect(plan.khongDoc).toEqual([{ dong: 2, van: line }]);
  });
});

describe('numbers and units as people write them', () => {
  it.each([
    ['Thu ngân sách 7.415,36 triệu đồng', 7415.36, 'triệu đồng'],
    ['Đón 1,875 triệu lượt khách', 1.875, 'triệu lượt khách'],
    ['Vốn đầu tư 615.420.118.402 đồng', 615420118402, 'đồng'],
    ['Đào tạo nghề 4000 người', 4000, 'người'],
    ['Việc làm mới 2.700 lao động', 2700, 'lao động'],
    ['Phát triển 04 hợp tác xã', 4, 'hợp tác xã'],
    ['Tỷ lệ hộ cận nghèo giảm 05%', 5, '%'],
    ['Tỷ lệ giải ngân đạt 72,5%KH', 72.5, '% KH'],
    ['Đàn gia cầm 2.500.000con', 2500000, 'con'],
    ['Trồng rừng 120ha', 120, 'ha'],
    ['Làm đường 3,2km', 3.2, 'km'],
    ['Thu ngân sách 460,159 tỉ đồng', 460.159, 'tỷ đồng'],
    ['Thu ngân sách 460,159 tỷ đồng', 460.159, 'tỷ đồng'],
    ['Thu nhập bình quân 65 triệu đồng/người/năm', 65, 'triệu đồng/người/năm'],
    ['Tỷ suất sinh giảm 0,05‰', 0.05, '‰'],
  ])('%s → %d %s', (line, value, unit) => {
    const e = one(line);
    expect(typeof e.keHoach === 'string' ? Number(e.keHoach.replace(/\./g, '').replace(',', '.')) : e.keHoach).toBe(value);
    expect(e.donViTinh).toBe(unit);
  });

  it('keeps the precision as written ("33,00") and reads ranges, "khoảng", "gần" and remarks', () => {
    expect(one('Tỷ lệ sử dụng nước sạch đạt 33,00%').keHoach).toBe('33,00');
    expect(one('Giải quyết việc làm 07 - 09 lao động').keHoach).toEqual({ tu: 7, den: 9 });
    expect(one('Số trường đạt chuẩn 25–27 trường').keHoach).toEqual({ tu: 25, den: 27 });
    expect(one('Tạo việc làm cho khoảng 2.000 lao động')).toMatchObject({ keHoach: 2000, khoang: true, quyTac: 'min' });
    expect(one('Khoảng 1.500 lượt người được khám bệnh')).toMatchObject({ keHoach: 1500, khoang: true, tenChiTieu: 'Lượt người được khám bệnh' });
    expect(one('Sản lượng cà phê gần 3.000 tấn')).toMatchObject({ keHoach: 3000, khoang: true });
    expect(one('Diện tích lúa 420 ha (tăng 12%)')).toMatchObject({ keHoach: 420, donViTinh: 'ha', quyTac: 'min', ghiChu: 'tăng 12%' });
    expect(one('Tỷ lệ thôn có nhà văn hóa 40% (6 thôn)')).toMatchObject({ keHoach: 40, donViTinh: '%', ghiChu: '6 thôn' });
    // Numbers in a name are not the figure.
    expect(one('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 10%')).toMatchObject({ keHoach: 10, quyTac: 'lt', tenChiTieu: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng' });
    expect(one('Số giường bệnh trên 1 vạn dân đạt 18,64 giường')).toMatchObject({ keHoach: 18.64, quyTac: 'min', tinhChat: 'thoi-diem' });
    expect(one('Tỷ lệ lao động từ 15 tuổi trở lên có việc làm đạt 96%')).toMatchObject({ keHoach: 96, quyTac: 'min' });
  });

  it('a growth row carries the plan index 100 + X, and the plan its base year', () => {
    const plan = readPlanText('Tổng giá trị sản xuất (giá so sánh 2010) đạt 20.789.767 triệu đồng, tăng 13,32% so với năm 2023');
    expect(plan.namGocGia).toBe(2010);
    expect(plan.chiTieu['1']).toMatchObject({ quyTac: 'growth', keHoach: 20789767, chiSo: 113.32, donViTinh: 'triệu đồng', tinhChat: 'cong-don' });
    expect(readPlanText('GTSX (giá so sánh 2020) 500 tỷ đồng, tăng 7,50%').chiTieu['1']!.chiSo).toBe('107,50');
    expect(readPlanText('Tỷ lệ che phủ rừng 48%').namGocGia).toBeUndefined();
  });

  it('keeps "trong đó" in brackets as a remark and numbers of "trên 1 ha" in the name', () => {
    const plan = readPlanText('Đàn bò 3.200 con (trong đó bò lai 60%)');
    expect(Object.keys(plan.chiTieu)).toEqual(['1']);
    expect(plan.chiTieu['1']).toMatchObject({ keHoach: 3200, donViTinh: 'con', ghiChu: 'trong đó bò lai 60%' });
    expect(one('Giá trị sản xuất trên 1 ha đất trồng trọt đạt 150 triệu đồng')).toMatchObject({ keHoach: 150, donViTinh: 'triệu đồng', quyTac: 'min', tinhChat: 'thoi-diem' });
  });

  it('flows and levels from the unit', () => {
    expect(one('Giải quyết việc làm 1.200 người/năm')).toMatchObject({ donViTinh: 'người/năm', tinhChat: 'cong-don' });
    expect(one('Thu ngân sách 900 tỷ đồng').tinhChat).toBe('cong-don');
    expect(one('Đào tạo nghề 400 người').tinhChat).toBe('cong-don');
    expect(one('Tỷ lệ che phủ rừng 48%').tinhChat).toBe('thoi-diem');
    expect(one('Thu nhập bình quân đầu người 65 triệu đồng').tinhChat).toBe('thoi-diem');
    expect(one('Năng suất lúa 62 tạ/ha').tinhChat).toBe('thoi-diem');
  });
});

describe('lines, headings, parts and ids', () => {
  it('splits several targets on a line and "trong đó" parts, with ids from the numbering', () => {
    const plan = readPlanText([
      'I. Về kinh tế (11 chỉ tiêu)',
      '1. Sản lượng ngô: 1.250 tấn; sản lượng sắn: 30 tấn',
      '2. Diện tích gieo trồng 600 ha, trong đó: + Lúa 420 ha + Rau màu: 180 ha',
      '3. Tổng thu ngân sách 927,818 tỷ đồng',
      'Trong đó:',
      '+ Thu tiền sử dụng đất 420 tỷ đồng',
      'II. Về xã hội',
      '1. Tỷ lệ tham gia BHYT 95%',
      '2.a) Tỷ lệ trạm y tế có bác sỹ 100%',
      'III.4. Tỷ lệ che phủ rừng 48%',
    ].join('\n'));
    const rows = entriesInOrder(plan).map(([id, e]) => [id, e.tenChiTieu, e.dong, e.thuoc ?? null, e.tieuDe ?? false]);
    expect(rows).toEqual([
      ['I', 'Về kinh tế', 1, null, true],
      ['1.1', 'Sản lượng ngô', 2, null, false],
      ['1.2', 'Sản lượng sắn', 2, null, false],
      ['2', 'Diện tích gieo trồng', 3, null, false],
      ['2.1', 'Lúa', 3, '2', false],
      ['2.2', 'Rau màu', 3, '2', false],
      ['3', 'Tổng thu ngân sách', 4, null, false],
      ['3.1', 'Thu tiền sử dụng đất', 6, '3', false],
      ['II', 'Về xã hội', 7, null, true],
      ['II.1', 'Tỷ lệ tham gia BHYT', 8, null, false],
      ['II.2.a', 'Tỷ lệ trạm y tế có bác sỹ', 9, null, false],
      ['III.4', 'Tỷ lệ che phủ rừng', 10, null, false],
    ]);
    expect(plan.chiTieu['1.1']!.nhom).toBe('I');
  });

  it('reads a paragraph numbered inline (1) (2) … and the plan\'s year from its title', () => {
    const plan = readPlanText('Các chỉ tiêu chủ yếu năm 2026: (1) Tốc độ tăng trưởng kinh tế (GRDP) đạt 8% trở lên; (2) GRDP bình quân đầu người đạt 95 triệu đồng; (3) Tỷ lệ che phủ rừng đạt 46,5%.');
    expect(plan.nam).toBe(2026);
    expect(entriesInOrder(plan).map(([id, e]) => [id, e.tenChiTieu, e.quyTac, e.keHoach, e.dong])).toEqual([
      ['1', 'Tốc độ tăng trưởng kinh tế (GRDP)', 'growth-rate', 8, 1],
      ['2', 'GRDP bình quân đầu người', 'min', 95, 1],
      ['3', 'Tỷ lệ che phủ rừng', 'min', 46.5, 1],
    ]);
  });

  it('gives ids in order when the text has no numbering, parts as 1.1 …', () => {
    const plan = readPlanText('- Tổng thu ngân sách 900 tỷ đồng, trong đó thu nội địa 500 tỷ đồng\n- Tỷ lệ che phủ rừng 48%\n- Dân số trung bình 9.350 người');
    expect(entriesInOrder(plan).map(([id, e]) => [id, e.quyTac, e.thuoc ?? null])).toEqual([
      ['1', 'min', null], ['1.1', 'min', '1'], ['2', 'min', null], ['3', 'info', null],
    ]);
  });

  it('a numbered line without a figure heads the bullets under it', () => {
    const plan = readPlanText('8. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng:\n- Thể nhẹ cân giảm còn 7,86%\n- Thể thấp còi giảm còn 10,63%\n9. Tỷ lệ tham gia BHYT 95%');
    expect(entriesInOrder(plan).map(([id, e]) => [id, e.tieuDe ?? false, e.nhom ?? null])).toEqual([
      ['8', true, null], ['8.1', false, '8'], ['8.2', false, '8'], ['9', false, null],
    ]);
  });

  it('reads table rows pasted from Word (TT, name, unit, figure) and Word artefacts', () => {
    const text = '\uFEFFTT\tChỉ tiêu\tĐVT\tKế hoạch\r\n9\tTỷ lệ dân số tham gia BHYT\t%\t95\r\n14\tHộ gia đình đạt chuẩn văn hóa\t%\t> 90\r\n\r\n22.1\tHuyện nông thôn mới\tTiêu chí\t9/9\r\n–\u00A0Tỷ lệ che\u00A0phủ rừng đạt\u00A048%  \r\n';
    const plan = readPlanText(text);
    expect(plan.khongDoc).toEqual([]);
    expect(entriesInOrder(plan).filter(([, e]) => !e.tieuDe).map(([id, e]) => [id, e.tenChiTieu, e.donViTinh, e.quyTac, e.keHoach, e.dong])).toEqual([
      ['9', 'Tỷ lệ dân số tham gia BHYT', '%', 'min', 95, 2],
      ['14', 'Hộ gia đình đạt chuẩn văn hóa', '%', 'gt', 90, 3],
      ['22.1', 'Huyện nông thôn mới', 'tiêu chí', 'criteria', '9/9', 5],
      ['23', 'Tỷ lệ che phủ rừng', '%', 'min', 48, 6],
    ]);
  });

  it('skips prose without a figure and lists unread lines with their line number', () => {
    const plan = readPlanText('Phấn đấu thực hiện các chỉ tiêu sau\n1. Tỷ lệ hộ nghèo 2%\n2. Tỷ lệ che phủ rừng 48%');
    expect(Object.keys(plan.chiTieu)).toEqual(['2']);
    expect(plan.khongDoc).toEqual([{ dong: 2, van: '1. Tỷ lệ hộ nghèo 2%' }]);
  });
});

describe('showing the plan', () => {
  it('says each rule in words', () => {
    const w = (line: string) => ruleInWords(one(line));
    expect(w('Tỷ lệ lạm phát không quá 9,5%')).toBe('không quá 9,5%');
    expect(w('Tỷ lệ che phủ rừng đạt 48%')).toBe('từ 48% trở lên');
    expect(w('Hộ văn hóa trên 90%')).toBe('trên 90%');
    expect(w('Tỷ lệ hộ nghèo giảm 1,5%')).toBe('giảm 1,5% (điểm %)');
    expect(w('GRDP tăng 6,5 – 7%')).toBe('tăng 6,5 – 7% so với năm trước');
    expect(w('Xã nông thôn mới 19/19 tiêu chí')).toBe('đạt 19/19 tiêu chí');
    expect(w('Tạo việc làm cho khoảng 2.000 lao động')).toBe('từ khoảng 2.000 lao động trở lên');
  });

  it('writes the plan JSON in the order of the text, which parses back to the same plan', () => {
    const plan = readPlanText('1. Tổng thu 900 tỷ đồng, trong đó thu nội địa 500 tỷ đồng\n2. Tỷ lệ che phủ rừng 48%\n10. Dân số trung bình 9.350 người');
    const text = planJsonText(plan);
    expect(JSON.parse(text)).toEqual(plan);
    expect([...text.matchAll(/^ {4}"([^"]+)":/gm)].map((m) => m[1])).toEqual(['1', '1.1', '2', '10']);
    expect(text).toContain('"khongDoc": []');
  });
});
