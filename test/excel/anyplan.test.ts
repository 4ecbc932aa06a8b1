// Plans of other units through the add-in's adapter on the typed fake: insert from the plan → fill as a
// user → Kiểm tra → summary, with the verdicts worked out by hand in test/cli/anyplan.test.ts (the same
// figures: what the CLI says of them, the add-in must say).
import { readStoredPlan } from '../../src/excel/storedPlan';
import fs from 'fs';
import path from 'path';
import { planFromJson } from '../../src/core/planRead';
import { rowsOf, type CheckedReport } from '../../src/core/checked';
import { tally } from '../../src/core/tally';
import { resultsOf } from '../../src/taskpane/results';
import { summaryOptions } from '../../src/taskpane/SummaryPanel';
import { planJsonFromCells } from '../../src/core/planSheet';
import { summarize } from '../../src/core/summary';
import type { Report } from '../../src/core/types';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag } from '../../src/excel/flags';
import { templateOfRequest } from '../../src/excel/insertRequest';
import { planJsonWithOrder } from '../../src/core/planWrite';
import { PLAN_SHEET } from '../../src/template/layout';
import type { TemplateModel } from '../../src/template/model';
import type { Entries } from '../../src/template/inMemory';
import { addressOf, asContext, fillAsUser, insert, newFake } from './harness';
import { consolidateSheets } from '../../src/excel/consolidate';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { mergeUnitFiles } from '../../src/xlsx/merge';
import { newTemplateWorkbook } from '../../src/xlsx/renderTemplate';
import { COMMUNE, COMMUNE_STATUS, statuses } from '../support/communePlan';
import { fillByName, tmpDir } from '../support/xlsx';
import type { FakeExcel } from './fake';

const PLANS = path.join(__dirname, '../fixtures/plans');
const planOf = (name: string) => planFromJson(fs.readFileSync(path.join(PLANS, `${name}.json`), 'utf8'));

async function inserted(name: string, entries: Entries, period?: Report['period']): Promise<{ fake: FakeExcel; model: TemplateModel }> {
  const plan = planOf(name);
  // Through the request the pane sends: the plan as serialisable JSON, its order kept.
  const model = templateOfRequest({ year: plan.year ?? 2026, period: period ?? plan.period ?? 'nam', unit: plan.unit ?? '', plan: JSON.parse(JSON.stringify(planJsonWithOrder(plan))) });
  const fake = newFake();
  const outcome = await insert(fake, model, ALL_FEATURES);
  expect(outcome.kind).toBe('inserted');
  await fillAsUser(fake, model, entries);
  return { fake, model };
}

async function check(fake: FakeExcel): Promise<CheckedReport> {
  fake.resetSyncCount();
  const report = await checkAndFlag(asContext(fake));
  // The plan and the sheet's rows come in the check's own round trips: list names, read, write.
  expect(fake.syncCount).toBe(3);
  return report;
}

describe("a commune's own plan (xa-nho-2026) in the add-in", () => {
  it('insert writes the plan into the hidden sheet; check judges by it; the summary counts its 18 targets', async () => {
    const { fake, model } = await inserted('xa-nho-2026', COMMUNE);
    expect(fake.sheetVisibility(PLAN_SHEET)).toBe('Hidden');
    expect(planJsonFromCells(Array.from({ length: 3 }, (_, i) => fake.cell(PLAN_SHEET, `A${i + 1}`).value as string))).toBe(model.planJson);
    expect(fake.cell(model.sheetName, addressOf(model, 'YC_4')).value).toBe('dưới 1,2');
    const report = await check(fake);
    expect(statuses(report)).toEqual(COMMUNE_STATUS);
    expect(report.plan).toMatchObject({ stored: true, indicators: 20, targets: 18, notes: [] });
    const plan = planOf('xa-nho-2026');
    const s = summarize(report, { indicators: plan.indicators, headings: plan.headings, year: 2026 });
    expect(s.paragraph).toMatch(/có 13\/18 chỉ tiêu đạt và vượt kế hoạch \(vượt 4, đạt 9\); 5 chỉ tiêu chưa đạt/);
    // What the pane shows comes from the rows the adapter says it judged by — the commune's, not the seed's.
    expect(rowsOf(report)?.indicators.map((i) => i.id)).toEqual(plan.indicators.map((i) => i.id));
    expect(summarize(report, summaryOptions(report)).paragraph).toBe(s.paragraph);
    const shortTitles = resultsOf(report, rowsOf(report)).items.filter((i) => i.kind === 'shortfall').map((i) => i.title);
    expect(shortTitles).toEqual(expect.arrayContaining(['Thu nhập bình quân đầu người', 'Tỷ lệ hộ nghèo']));
    expect(tally(report, { headings: rowsOf(report)!.headings }).judged).toBe(18);
  });

  it('a requirement edited in the YC cell changes the verdict; a row the user added is named and judged', async () => {
    const { fake, model } = await inserted('xa-nho-2026', COMMUNE);
    await fake.userEdit(model.sheetName, addressOf(model, 'YC_16'), 'không quá 8');
    await fake.userEdit(model.sheetName, addressOf(model, 'KH_16'), 8);
    const row = model.lastRow + 1;
    await fake.userEdit(model.sheetName, `A${row}`, [['21', 'Tỷ lệ hộ dùng nhà tiêu hợp vệ sinh', '%', 90]]);
    await fake.userEdit(model.sheetName, `G${row}`, 85);
    await fake.userEdit(model.sheetName, `M${row}`, '≥ 90');
    const report = await check(fake);
    expect(statuses(report)).toMatchObject({ 16: 'vuot', 21: 'chua-dat' });
    expect(report.plan!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Chỉ tiêu 16: yêu cầu theo biểu là "không quá 8"/), expect.stringMatching(/thêm chỉ tiêu mới 21/)]));
    // Named in the check's write batch: the flag sits on the new row's actual cell, and the next check reads it by name.
    const names = fake.names().map((n) => n.name);
    for (const n of ['KH_21', 'TN_21', 'TH_21', 'DG_21', 'GC_21', 'YC_21']) expect(names).toContain(n);
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '21', code: 'shortfall', cell: `G${row}` }));
    expect(fake.cell(model.sheetName, `G${row}`).value).toBe(85); // what the user typed stays
    await fake.userEdit(model.sheetName, `G${row}`, 92);
    const again = await check(fake);
    expect(statuses(again)).toMatchObject({ 21: 'vuot' });
    expect(again.plan!.notes.some((n) => /thêm chỉ tiêu mới/.test(n))).toBe(false);
  });

  it('a workbook without a stored plan is checked against the seed, as before', async () => {
    const { fake, model } = await inserted('xa-nho-2026', COMMUNE);
    fake.deleteSheetAsUser(PLAN_SHEET);
    const report = await check(fake);
    expect(report.plan).toMatchObject({ stored: false, indicators: 41 });
    expect(model.names.length).toBeGreaterThan(0);
  });
});

describe('the other test plans give the CLI\'s verdicts', () => {
  it('ranges and strict ceilings (tran-va-khoang-2026)', async () => {
    const { fake } = await inserted('tran-va-khoang-2026', { TH_1: 7.2, TH_2: 2.4, TH_3: 0.9, TH_4: 26, TH_5: 2.8, TN_6: 1000, TH_6: 1094, TH_7: 94, TH_8: 93 });
    expect(statuses(await check(fake))).toEqual({ 1: 'vuot', 2: 'dat', 3: 'dat', 4: 'dat', 5: 'vuot', 6: 'chua-dat', 7: 'chua-dat', 8: 'vuot' });
  });

  it('a province (tinh-2026): ids I, 2.a, III.5.b, structure shares', async () => {
    const { fake } = await inserted('tinh-2026', {
      TH_1: 8.1, TN_5: 500, TH_5: 566, TN_9: 5.2, TH_9: 3.6, TH_12: 11.5, TH_17: 74.6, TH_3: 96000, TH_3_A: 28, TH_3_B: 35, TH_3_C: 36,
      TN_III_5_A: 100, TH_III_5_A: 90, TN_III_5_B: 20, TH_III_5_B: 22, TN_III_5_C: 80, TH_III_5_C: 70,
    });
    const report = await check(fake);
    expect(statuses(report)).toMatchObject({ 1: 'dat', 5: 'vuot', 9: 'vuot', 12: 'dat', 17: 'vuot', 'III.5.b': 'chua-dat', 'III.5': 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '3.a', name: 'TH_3_A', code: 'sum-mismatch', severity: 'error' }));
    expect(report.plan!.targets).toBe(29);
  });

  it('a plan at 2020 prices (gia-2020-2026)', async () => {
    const { fake } = await inserted('gia-2020-2026', {
      TN_1: 14600, TH_1: 15880, TN_1_1: 4060, TH_1_1: 4210, TN_1_2: 5520, TH_1_2: 6150, TN_1_3: 5020, TH_1_3: 5520,
      TH_2: 850.4, TH_3: 2.1, TH_4: 6, TH_5: 99.8,
    });
    const report = await check(fake);
    expect(statuses(report)).toEqual({ 1: 'vuot', 1.1: 'vuot', 1.2: 'vuot', 1.3: 'vuot', 2: 'chua-dat', 3: 'dat', 4: 'vuot', 5: 'dat' });
    expect(report.indicators.find((i) => i.id === '1.1')).toMatchObject({ growth: 103.69, contribution: 1.03, planGrowth: 103.5 });
    expect(report.checked.baseYear).toBe(2020);
    expect(report.plan!.baseYear).toBe(2020);
  });

  it('a quarterly report (quy-2026, quý III): behind-pace', async () => {
    const { fake } = await inserted('quy-2026', { TH_1: 62, TH_2: 420, TH_3: 94.2, TH_4: 300, TN_5: 12, TH_5: 9, TH_6: 80 });
    const report = await check(fake);
    expect(report.period).toBe('q3');
    expect(statuses(report)).toEqual({ 1: 'vuot', 2: 'chua-dat', 3: 'dat', 4: 'dat', 5: 'dat', 6: 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '2', code: 'behind-pace' }));
  });
});

describe('"Tổng hợp từ các sheet" with the workbook\'s plan (xa-nho-2026)', () => {
  const OTHER: Entries = { ...COMMUNE, TH_1: 12000, TH_12: 9000, TH_3: 66, TN_5: 50, TH_5: 45, DON_VI: 'UBND xã Bình Phú' };

  it('merges two unit sheets by the plan, as `chitieu merge` does on the same figures', async () => {
    const plan = planOf('xa-nho-2026');
    const request = (sheetName: string) => ({ year: 2026, period: 'nam' as const, unit: '', sheetName, plan: JSON.parse(JSON.stringify(planJsonWithOrder(plan))) });
    const a = templateOfRequest(request('Xã An Phú'));
    const b = templateOfRequest(request('Xã Bình Phú'));
    const fake = newFake();
    expect((await insert(fake, a, ALL_FEATURES)).kind).toBe('inserted');
    expect(await insertTemplate(asContext(fake), b, ALL_FEATURES, { unitSheet: true })).toMatchObject({ kind: 'inserted' });
    await fillAsUser(fake, a, COMMUNE);
    await fillAsUser(fake, b, OTHER);
    const sheetsBefore = fake.sheetNames();
    fake.resetSyncCount();
    const outcome = await consolidateSheets(asContext(fake), {}, ALL_FEATURES);
    expect(outcome.included.map((u) => u.unit)).toHaveLength(2);
    expect(outcome.written).not.toBeNull();

    // The same figures in two files through the CLI's merge.
    const dir = tmpDir();
    const files = await Promise.all([[a, COMMUNE], [b, OTHER]].map(async ([m, e], i) => {
      const wb = newTemplateWorkbook(m as TemplateModel);
      fillByName(wb, e as Entries);
      const file = path.join(dir, `don-vi-${i}.xlsx`);
      await wb.xlsx.writeFile(file);
      return file;
    }));
    const cli = await mergeUnitFiles(files);
    expect(statuses(outcome.report!)).toEqual(statuses(cli.report!));
    // By the plan's own ids (20 rows, not the seed's 41); flows summed: 13.000 + 12.000 against 12.500 × 2.
    expect(Object.keys(statuses(outcome.report!))).toHaveLength(20);
    expect(statuses(outcome.report!)).toMatchObject({ 1: 'dat', 4: 'chua-dat', 9: 'chua-dat' });

    // The consolidated sheet is judged by the same plan by Kiểm tra; the plan sheet is still the only one.
    const consolidated = outcome.written!.sheet;
    expect(fake.sheetNames().filter((n) => n.toLowerCase() === PLAN_SHEET)).toHaveLength(1);
    expect(fake.sheetNames().filter((n) => !sheetsBefore.includes(n))).toEqual([consolidated, outcome.written!.byUnitSheet]);
    const checked = await checkAndFlag(asContext(fake), undefined, consolidated);
    expect(checked.plan).toMatchObject({ stored: true, indicators: 20, targets: 18 });
    expect(statuses(checked)).toEqual(statuses(cli.report!));
  });
});

describe('the plan the workbook stores, for the pane to insert from again', () => {
  it('reads back the inserted plan as JSON (ids and order kept), in 2 syncs; none in a workbook without one, in 1', async () => {
    const { fake } = await inserted('tinh-2026', {});
    fake.resetSyncCount();
    const stored = await readStoredPlan(asContext(fake));
    expect(fake.syncCount).toBe(2);
    // As inserted: the plan, and the period the template was made for.
    expect(stored).toEqual({ ...JSON.parse(JSON.stringify(planJsonWithOrder(planOf('tinh-2026')))), kyBaoCao: 'nam' });
    expect(Object.keys(stored!.chiTieu)).toEqual(Object.keys(planJsonWithOrder(planOf('tinh-2026')).chiTieu));
    expect(stored!.thuTu).toEqual(planJsonWithOrder(planOf('tinh-2026')).thuTu);
    const empty = newFake();
    empty.resetSyncCount();
    await expect(readStoredPlan(asContext(empty))).resolves.toBeNull();
    expect(empty.syncCount).toBe(1);
  });
});

describe("a plan's own figures for periods (ke-hoach-ky-2026) in the add-in", () => {
  // The verdicts of test/core/periodPlan.test.ts (worked out by hand there): the add-in reads the figures
  // back from the workbook's hidden plan sheet and judges 9 tháng by them, 3 tháng by the months alone.
  it('9 tháng by the 9t figures, 3 tháng paced', async () => {
    const nine = await inserted('ke-hoach-ky-2026', { TH_1: 3100, TH_2: 950, TH_3: 94.2, TH_4: 3.7, TH_5: 290, TN_6: 533, TH_6: 580 }, '9t');
    const r = await check(nine.fake);
    expect(statuses(r)).toEqual({ 1: 'chua-dat', 2: 'vuot', 3: 'vuot', 4: 'dat', 5: 'dat', 6: 'vuot' });
    expect(r.indicators[0]).toMatchObject({ periodPlan: 3300, percentOfPlan: 93.94 });
    expect(r.findings.find((f) => f.id === '1')!.message).toContain('kế hoạch 9 tháng 3.300 tỷ đồng (theo kế hoạch kỳ)');
    const three = await inserted('ke-hoach-ky-2026', { TH_1: 1050 }, '3t');
    const r3 = await check(three.fake);
    expect(r3.indicators[0]).toMatchObject({ status: 'vuot', percentOfPlan: 26.25 });
    expect(r3.indicators[0]!.periodPlan).toBeUndefined();
  });
});
