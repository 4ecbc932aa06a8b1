// Plans of other units through the command line: template → fill → check → summary → merge, with each
// verdict worked out by hand from the plan's words (test/fixtures/plans/*.json).
import path from 'path';
import type { Report } from '../../src/core/types';
import type { Entries } from '../../src/template/inMemory';
import { namedCells } from '../../src/xlsx/definedNames';
import { PLAN_SHEET } from '../../src/template/layout';
import { COMMUNE, COMMUNE_STATUS, statuses } from '../support/communePlan';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';

const dir = tmpDir();
const PLANS = path.join(__dirname, '../fixtures/plans');

async function filled(plan: string, entries: Entries, name: string, edit?: (wb: Awaited<ReturnType<typeof readXlsx>>) => void): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  const t = await run('template', '--plan', path.join(PLANS, `${plan}.json`), '--out', blank);
  expect(t.err).toBe('');
  expect(t.code).toBe(0);
  const wb = await readXlsx(blank);
  fillByName(wb, entries);
  edit?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function check(file: string): Promise<{ code: number; report: Report & { planNotes?: string[] } }> {
  const r = await run('check', file, '--json');
  expect(r.err).toBe('');
  return { code: r.code, report: JSON.parse(r.out) as Report & { planNotes?: string[] } };
}


describe('a commune\'s own plan (xa-nho-2026)', () => {
  let file: string;
  beforeAll(async () => { file = await filled('xa-nho-2026', COMMUNE, 'xa-an-phu.xlsx'); });

  it('template: names for its ids, the requirement in words, the plan stored in a hidden sheet', async () => {
    const wb = await readXlsx(path.join(dir, 'blank-xa-an-phu.xlsx'));
    const names = namedCells(wb);
    const at = (n: string) => wb.getWorksheet(names.get(n)!.sheet)!.getCell(names.get(n)!.address).value;
    expect(at('YC_4')).toBe('dưới 1,2');
    expect(at('YC_5')).toBe('giảm 12 hộ');
    expect(at('YC_8')).toBe('khoảng 150');
    expect(at('YC_9')).toBe('19/19');
    expect(at('YC_12')).toBe('theo dõi 9.350');
    expect(at('KH_16')).toBe(7.5);
    expect(wb.getWorksheet(PLAN_SHEET)!.state).toBe('hidden');
    expect(names.get('CHITIEU_KE_HOACH')).toMatchObject({ sheet: PLAN_SHEET, address: 'A1' });
  });

  it('check: every verdict as worked out by hand; info rows shown, not judged', async () => {
    const { code, report } = await check(file);
    expect(statuses(report)).toEqual(COMMUNE_STATUS);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(report.indicators.find((i) => i.id === '12')).toMatchObject({ judged: false, actual: 9400 });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '4', code: 'shortfall', severity: 'shortfall' }));
  });

  it('summary counts the plan\'s own 18 targets (two info rows aside)', async () => {
    const r = await run('summary', file, '--json');
    const s = JSON.parse(r.out) as { counted: number; achieved: number; paragraph: string };
    expect(s.counted).toBe(18);
    expect(s.achieved).toBe(13);
    expect(s.paragraph).toMatch(/^Ước thực hiện năm 2026 có 13\/18 chỉ tiêu đạt và vượt kế hoạch \(vượt 4, đạt 9\); 5 chỉ tiêu chưa đạt/);
  });

  it('a requirement edited in Excel (YC) and a row added with an id, a name and a requirement are judged', async () => {
    const edited = await filled('xa-nho-2026', { ...COMMUNE, YC_16: 'không quá 8', KH_16: 8 }, 'xa-sua.xlsx', (wb) => {
      const ws = wb.getWorksheet('Chỉ tiêu KT-XH')!;
      const row = ws.rowCount + 1;
      ws.getCell(`A${row}`).value = '21';
      ws.getCell(`B${row}`).value = 'Tỷ lệ hộ dùng nhà tiêu hợp vệ sinh';
      ws.getCell(`C${row}`).value = '%';
      ws.getCell(`D${row}`).value = 90;
      ws.getCell(`G${row}`).value = 92;
      ws.getCell(`M${row}`).value = '≥ 90';
    });
    const { report } = await check(edited);
    // KH_16 keeps its format 0,0 (7,5 was written to one decimal): the ceiling reads 8,0 and 7,6 is below it.
    expect(statuses(report)).toMatchObject({ 16: 'vuot', 21: 'vuot' });
    expect(report.planNotes).toEqual(expect.arrayContaining([expect.stringMatching(/^Chỉ tiêu 16: yêu cầu theo biểu là "không quá 8"/), expect.stringMatching(/thêm chỉ tiêu mới 21/)]));
    const copy = path.join(dir, 'xa-sua-danh-dau.xlsx');
    await run('check', edited, '--out', copy);
    const names = namedCells(await readXlsx(copy));
    expect(names.has('TH_21')).toBe(true);
    expect(names.has('YC_21')).toBe(true);
    // The copy's stored plan has the row too: its next check still judges it, with nothing left to take in.
    const again = await check(copy);
    expect(statuses(again.report)).toMatchObject({ 16: 'vuot', 21: 'vuot' });
    expect(again.report.planNotes ?? []).not.toContainEqual(expect.stringMatching(/thêm chỉ tiêu mới/));
    // The user's other cells are as they were: the copy judges as the edited file did.
    expect(statuses(again.report)).toEqual(statuses(report));
  });

  it('merge: flows summed, rates kept where the units agree, info carried', async () => {
    const other = await filled('xa-nho-2026', { ...COMMUNE, TH_1: 12000, TH_12: 9000, DON_VI: 'UBND xã Bình Phú' }, 'xa-binh-phu.xlsx');
    const out = path.join(dir, 'tong-hop.xlsx');
    const m = await run('merge', file, other, '--out', out, '--json');
    expect(m.code).toBe(0);
    const wb = await readXlsx(out);
    const names = namedCells(wb);
    const at = (n: string) => wb.getWorksheet(names.get(n)!.sheet)!.getCell(names.get(n)!.address).value;
    expect(at('TH_1')).toBe(25000);
    expect(at('KH_1')).toBe(25000);
    expect(at('TH_6')).toBe(95);
    expect(at('TH_12')).toBe(18400);
    const { report } = await check(out);
    expect(statuses(report)).toMatchObject({ 1: 'dat', 6: 'dat', 9: 'chua-dat' });
  });
});

describe('ranges and strict ceilings (tran-va-khoang-2026)', () => {
  // 1 growth-rate 6,5–7,0 (the row is the rate) ← 7,2 vượt (beyond the upper end); 2 lt 3 ← 2,4 → 2 đạt
  // (2,9 would read 3 at the written precision, as "> 90" reads 90,4 as 90: not below);
  // 3 max 0,8–1,0 ← 0,9 đạt (within); 4 min 25–27 ← 26 đạt; 5 lt 3–3,5 ← 2,8 vượt (below the lower end);
  // 6 growth-rate 10 of tỷ đồng ← 1.000 → 1.094 = 9,4% → 9 at the written precision, chưa; 7 khoảng 95 ← 94
  // chưa; 8 gt 90–92 ← 93 vượt.
  it('check and summary', async () => {
    const file = await filled('tran-va-khoang-2026', { TH_1: 7.2, TH_2: 2.4, TH_3: 0.9, TH_4: 26, TH_5: 2.8, TN_6: 1000, TH_6: 1094, TH_7: 94, TH_8: 93 }, 'phuong.xlsx');
    const { report } = await check(file);
    expect(statuses(report)).toEqual({ 1: 'vuot', 2: 'dat', 3: 'dat', 4: 'dat', 5: 'vuot', 6: 'chua-dat', 7: 'chua-dat', 8: 'vuot' });
    const wb = await readXlsx(path.join(dir, 'blank-phuong.xlsx'));
    const names = namedCells(wb);
    const at = (n: string) => wb.getWorksheet(names.get(n)!.sheet)!.getCell(names.get(n)!.address).value;
    expect([at('YC_1'), at('YC_3'), at('KH_3'), at('YC_5'), at('KH_5'), at('YC_6')]).toEqual(['tăng 6,5 – 7,0%', 'không quá 0,8 – 1,0', 1, 'dưới 3 – 3,5', 3.5, 'tăng ≥ 10%']);
    const s = JSON.parse((await run('summary', file, '--json')).out) as { paragraph: string };
    expect(s.paragraph).toMatch(/có 6\/8 chỉ tiêu đạt và vượt/);
    expect(s.paragraph).toMatch(/Tổng vốn đầu tư toàn xã hội tăng 9,4% so với năm 2025, kế hoạch tăng 10%/);
  });
});

describe('a province (tinh-2026): ids I, 2.a, III.5.b, structure shares, headings', () => {
  // 1 growth-rate 8 ← 8,1 → 8 đạt; 5 growth-rate 12 of triệu USD ← 500 → 566 = 13,2% vượt; 9 reduce 1,5 điểm ←
  // 5,2 → 3,6 = 1,6 vượt; 12 min 12 ← 11,5 → 12 at the written precision đạt; 17 min 74,5 năm ← 74,6 vượt;
  // III.5 giảm cả 3 mặt: số người chết 20 → 22 không giảm → chưa; structure 28 + 35 + 36 = 99 ≠ 100.
  it('check', async () => {
    const file = await filled('tinh-2026', {
      TH_1: 8.1, TN_5: 500, TH_5: 566, TN_9: 5.2, TH_9: 3.6, TH_12: 11.5, TH_17: 74.6, TH_3: 96000, TH_3_A: 28, TH_3_B: 35, TH_3_C: 36,
      TN_III_5_A: 100, TH_III_5_A: 90, TN_III_5_B: 20, TH_III_5_B: 22, TN_III_5_C: 80, TH_III_5_C: 70,
    }, 'tinh.xlsx');
    const { code, report } = await check(file);
    expect(statuses(report)).toMatchObject({ 1: 'dat', 5: 'vuot', 9: 'vuot', 12: 'dat', 17: 'vuot', 'III.5.b': 'chua-dat', 'III.5': 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '3.a', name: 'TH_3_A', code: 'sum-mismatch', severity: 'error' }));
    expect(code).toBe(1);
    const s = JSON.parse((await run('summary', file, '--json')).out) as { counted: number };
    expect(s.counted).toBe(29); // 34 indicators, less 2 info and 3 structure rows
  });
});

describe('a plan at 2020 prices (gia-2020-2026)', () => {
  // Growth rows: 1 = 15.880 / 14.600 = 108,77 → 108,8 ≥ 108,2 and 15.880 ≥ 15.800 vượt; 1.1 4.210 / 4.060 =
  // 103,7 vượt; 1.2 6.150 / 5.520 = 111,4 vượt; 1.3 5.520 / 5.020 = 110,0 vượt; contribution of 1.1:
  // (4.210 − 4.060) ÷ 14.600 × 100 = 1,03. 2 min 850,5 ← 850,4 chưa; 3 max 2,1 ← 2,1 đạt; 4 khoảng 5 km ← 6 vượt.
  it('check and summary say 2020', async () => {
    const file = await filled('gia-2020-2026', {
      TN_1: 14600, TH_1: 15880, TN_1_1: 4060, TH_1_1: 4210, TN_1_2: 5520, TH_1_2: 6150, TN_1_3: 5020, TH_1_3: 5520,
      TH_2: 850.4, TH_3: 2.1, TH_4: 6, TH_5: 99.8,
    }, 'gia-2020.xlsx');
    const r = await run('check', file, '--json');
    const report = JSON.parse(r.out) as Report & { baseYear: number };
    expect(report.baseYear).toBe(2020);
    expect(statuses(report)).toEqual({ 1: 'vuot', 1.1: 'vuot', 1.2: 'vuot', 1.3: 'vuot', 2: 'chua-dat', 3: 'dat', 4: 'vuot', 5: 'dat' });
    expect(report.indicators.find((i) => i.id === '1.1')).toMatchObject({ growth: 103.69, contribution: 1.03, planGrowth: 103.5 });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const s = await run('summary', file);
    expect(s.out).toMatch(/giá so sánh 2020/);
  });
});

describe('a quarterly report (quy-2026, quý III alone: flows against a quarter of the year)', () => {
  // 1 min 240 tỷ ← 62 = 248 a year vượt; 2 min 1.800 ← 420 = 1.680 behind pace; 3 min 94% ← 94,2 → 94 đạt;
  // 4 min 1.200 người ← 300 = 1.200 đạt; 5 decrease ← 12 → 9 đạt; 6 min 85% ← 80 chưa.
  it('check, behind-pace and the summary sentence', async () => {
    const file = await filled('quy-2026', { TH_1: 62, TH_2: 420, TH_3: 94.2, TH_4: 300, TN_5: 12, TH_5: 9, TH_6: 80 }, 'quy.xlsx');
    const { report } = await check(file);
    expect(report.period).toBe('q3');
    expect(statuses(report)).toEqual({ 1: 'vuot', 2: 'chua-dat', 3: 'dat', 4: 'dat', 5: 'dat', 6: 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '2', code: 'behind-pace' }));
    expect(report.findings.some((f) => f.id === '2' && f.code === 'shortfall')).toBe(false);
    const s = JSON.parse((await run('summary', file, '--json')).out) as { paragraph: string };
    expect(s.paragraph).toMatch(/^Ước thực hiện quý III năm 2026 có 4\/6 chỉ tiêu/);
  });

  it('--period 9t reads the same file as 9 months: flows against 75 % of the year', async () => {
    const file = await filled('quy-2026', { TH_1: 180, TH_2: 1300 }, 'chin-thang.xlsx');
    const r = await run('check', file, '--json', '--period', '9t');
    const report = JSON.parse(r.out) as Report;
    // 180 / 0,75 = 240 đạt; 1.300 / 0,75 = 1.733,3 < 1.800 behind pace.
    expect(statuses(report)).toMatchObject({ 1: 'dat', 2: 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '2', code: 'behind-pace' }));
  });
});

describe('the readable report names rows by the workbook\'s plan', () => {
  it("a commune's plan: its own names in the table, none of the built-in example's", async () => {
    const file = await filled('xa-nho-2026', { TH_1: 13000, TH_4: 1.2 }, 'names.xlsx');
    const r = await run('check', file);
    expect(r.err).toBe('');
    const rowOf = (id: string) => r.out.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(rowOf('1')).toContain('Tổng thu ngân sách trên địa bàn');
    expect(rowOf('4')).toContain('Tỷ lệ hộ nghèo');
    // Id 2 of the seed is "Tổng mức bán lẻ …": the commune's 2 is its growth of production value.
    expect(rowOf('2')).toContain('Tốc độ tăng giá trị sản xuất');
    expect(r.out).not.toMatch(/Tổng mức bán lẻ/);
  }, 30_000);
});
