// The workbook carries the plan's period figures (keHoachKy) in its hidden plan sheet: `template --plan`
// stores them, `check` reads them back and judges by them, and a flagged copy keeps them.
// Plan: test/fixtures/plans/ke-hoach-ky-2026.json (1: 4.000 tỷ đồng a year, 6t 2.100, 9t 3.300, q3 1.200).
import path from 'path';
import { planFromJson } from '../../src/core/planRead';
import { storedPlanJson } from '../../src/xlsx/workbookPlan';
import type { Report } from '../../src/core/types';
import type { Entries } from '../../src/template/inMemory';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';
import { readFileSync } from 'fs';

const dir = tmpDir();
const PLAN_FILE = path.join(__dirname, '../fixtures/plans/ke-hoach-ky-2026.json');

async function filled(name: string, entries: Entries, extra: string[] = []): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  const t = await run('template', '--plan', PLAN_FILE, '--out', blank, ...extra);
  expect(t.err).toBe('');
  const wb = await readXlsx(blank);
  fillByName(wb, entries);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function check(file: string, ...extra: string[]): Promise<Report> {
  const r = await run('check', file, '--json', ...extra);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as Report;
}

const statuses = (r: Report) => Object.fromEntries(r.indicators.map((i) => [i.id, i.status]));

describe('period figures stored in the workbook and judged by check', () => {
  it('the stored plan holds them and reads back to the same plan', async () => {
    const file = await filled('luu.xlsx', {});
    const stored = storedPlanJson(await readXlsx(file));
    expect(stored).not.toBeNull();
    expect(stored).toContain('"keHoachKy":{"6t":2100,"9t":3300,"q3":1200}');
    expect(planFromJson(stored!)).toEqual(planFromJson(readFileSync(PLAN_FILE, 'utf8')));
  });

  it('9 tháng (the plan\'s kyBaoCao): 3.100 is short of the 9t figure 3.300 though above 75 % of 4.000', async () => {
    // 1 chưa đạt (own 3.300); 2 vượt (950 > 75 % of 1.200 = 900); 3 vượt (94,2 > 94,0); 4 đạt (3,7 within 3,6–3,8);
    // 5 đạt (290 ≥ 280); 6 vượt (580 > 560, 580 ÷ 533 = 108,82 ≥ 105,0).
    const file = await filled('chin-thang.xlsx', { TH_1: 3100, TH_2: 950, TH_3: 94.2, TH_4: 3.7, TH_5: 290, TN_6: 533, TH_6: 580 });
    const report = await check(file);
    expect(report.period).toBe('9t');
    expect(statuses(report)).toEqual({ 1: 'chua-dat', 2: 'vuot', 3: 'vuot', 4: 'dat', 5: 'dat', 6: 'vuot' });
    expect(report.indicators[0]).toMatchObject({ id: '1', plan: 4000, periodPlan: 3300, percentOfPlan: 93.94 });
    expect(report.findings.find((f) => f.id === '1')!.message).toContain('kế hoạch 9 tháng 3.300 tỷ đồng (theo kế hoạch kỳ)');

    // The flagged copy keeps the stored plan: its check judges the same.
    const copy = path.join(dir, 'chin-thang-danh-dau.xlsx');
    expect((await run('check', file, '--out', copy)).code).toBe(0);
    expect(storedPlanJson(await readXlsx(copy))).toContain('"keHoachKy"');
    expect(statuses(await check(copy))).toEqual(statuses(report));
  });

  it('6 tháng and 3 tháng from --period: the 6t figure, then the months alone', async () => {
    const six = await check(await filled('sau-thang.xlsx', { TH_1: 2050, TH_3: 93 }, ['--period', '6t']));
    expect(six.period).toBe('6t');
    expect(six.indicators.find((i) => i.id === '1')).toMatchObject({ status: 'chua-dat', periodPlan: 2100, percentOfPlan: 97.62 });
    expect(six.indicators.find((i) => i.id === '3')).toMatchObject({ status: 'dat', periodPlan: 93 });
    const three = await check(await filled('ba-thang.xlsx', { TH_1: 1050 }, ['--period', '3t']));
    expect(three.indicators.find((i) => i.id === '1')).toMatchObject({ status: 'vuot', percentOfPlan: 26.25 });
    expect(three.indicators.find((i) => i.id === '1')!.periodPlan).toBeUndefined();
  });

  it('summary names the period figure in its sentence', async () => {
    const file = await filled('tom-tat.xlsx', { TH_1: 2050 }, ['--period', '6t']);
    const s = JSON.parse((await run('summary', file, '--json')).out) as { paragraph: string };
    expect(s.paragraph).toContain('Thu ngân sách trên địa bàn đạt 97,62% kế hoạch 6 tháng (theo kế hoạch kỳ), thiếu 50 tỷ đồng');
  });
});

describe('merge sums the units\' period figures of a flow', () => {
  it('two communes at 9 tháng: 3.100 + 3.400 = 6.500 is short of 3.300 + 3.300 = 6.600 (75 % of 8.000 would be 6.000)', async () => {
    const a = await filled('xa-a.xlsx', { TH_1: 3100, TH_3: 94.2 });
    const b = await filled('xa-b.xlsx', { TH_1: 3400, TH_3: 94.2, DON_VI: 'UBND xã Tân Hòa' });
    const out = path.join(dir, 'tong-hop-ky.xlsx');
    const m = await run('merge', a, b, '--out', out);
    expect(m.code).toBeLessThan(2);
    const merged = await check(out);
    expect((merged as Report & { planNotes?: string[] }).planNotes ?? []).not.toContainEqual(expect.stringMatching(/không đọc được/));
    // 1: a flow, summed; 3: a level both units set at 94,0 — kept, and 94,2 is above it.
    expect(merged.indicators.find((i) => i.id === '1')).toMatchObject({ plan: 8000, actual: 6500, periodPlan: 6600, status: 'chua-dat' });
    expect(merged.indicators.find((i) => i.id === '3')).toMatchObject({ periodPlan: 94, status: 'vuot' });
    expect(storedPlanJson(await readXlsx(out))).toContain('"keHoachKy":{"6t":4200,"9t":6600,"q3":2400}');
  });
});
