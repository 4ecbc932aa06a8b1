// The live formulas of templates made from other units' plans (every rule kind: ranges, lt, increase,
// growth-rate, structure, info, reduce in households; a quarter and 9 months), recomputed by LibreOffice,
// agree with the engine on every row.
import path from 'path';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';
import { recalculateWithLibreOffice } from '../support/libreoffice';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../../src/core/rules';
import { cellName } from '../../src/core/names';
import { namedCells } from '../../src/xlsx/definedNames';
import { rawValue } from '../../src/xlsx/cellValue';
import type { Report } from '../../src/core/types';

jest.setTimeout(240_000);
const dir = tmpDir();
const PLANS = path.join(__dirname, '../fixtures/plans');

async function agree(plan: string, entries: Record<string, unknown>, extra: string[] = []) {
  const blank = path.join(dir, `blank-${plan}${extra.join('')}.xlsx`);
  expect((await run('template', '--plan', path.join(PLANS, `${plan}.json`), '--out', blank, ...extra)).code).toBe(0);
  const wb0 = await readXlsx(blank);
  fillByName(wb0, entries as never);
  const file = path.join(dir, `${plan}${extra.join('')}.xlsx`);
  await wb0.xlsx.writeFile(file);
  const report = JSON.parse((await run('check', file, '--json')).out) as Report;
  const wb = await readXlsx(await recalculateWithLibreOffice(file, path.join(dir, `lo-${plan}${extra.join('')}`)));
  const cells = namedCells(wb);
  const value = (name: string) => {
    const nc = cells.get(name);
    const v = nc ? rawValue(wb.getWorksheet(nc.sheet)!.getCell(nc.address).value) : null;
    return v === '' ? null : v;
  };
  const mismatches: string[] = [];
  for (const ind of report.indicators) {
    if (!cells.has(cellName('CS', ind.id, ind.measure))) continue; // heading aggregates have a status only
    const got = { status: value(cellName('DG', ind.id, ind.measure)), growth: value(cellName('CS', ind.id, ind.measure)), percent: value(cellName('PT', ind.id, ind.measure)) };
    const want = { status: ind.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[ind.status], growth: ind.growth, percent: ind.percentOfPlan };
    if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${ind.id}/${ind.measure}: LibreOffice ${JSON.stringify(got)} ≠ engine ${JSON.stringify(want)}`);
  }
  expect(mismatches).toEqual([]);
  return report;
}

describe('live formulas of other plans agree with the engine in LibreOffice', () => {
  it('ranges, strict ceilings, growth rates', async () => {
    await agree('tran-va-khoang-2026', { TH_1: 7.2, TH_2: 2.4, TH_3: 0.9, TH_4: 26, TH_5: 2.8, TN_6: 1000, TH_6: 1094, TH_7: 94, TH_8: 93 });
  });
  it('a commune: info, increase, reduce in households, criteria, pass, approximate', async () => {
    await agree('xa-nho-2026', {
      TH_1: 13000, TH_2: 8.5, TH_3: 60, TH_4: 1.2, TN_5: 80, TH_5: 66, TH_6: 95, TH_7: 71, TH_8: 150, TH_9: 18, TH_10: 98.6,
      TN_11: 300, TH_11: 320, TH_12: 9400, TH_13: 3, TN_14: 10, TH_14: 8, TH_15: 'Đạt', TH_16: 7.6, TH_17: 1500, TH_19: 100, TH_20: 'Chưa đạt',
    });
  });
  it('structure shares and growth at 2020 prices', async () => {
    await agree('tinh-2026', { TH_3_A: 28, TH_3_B: 35.2, TH_3_C: 36.8, TH_3: 96000, TN_5: 500, TH_5: 566, TN_9: 5.2, TH_9: 3.6 });
    await agree('gia-2020-2026', { TN_1: 14600, TH_1: 15880, TN_1_1: 4060, TH_1_1: 4210, TN_1_2: 5520, TH_1_2: 6150, TN_1_3: 5020, TH_1_3: 5520, TH_2: 850.4 });
  });
  it('a quarter alone and 9 months', async () => {
    await agree('quy-2026', { TH_1: 62, TH_2: 420, TH_3: 94.2, TH_4: 300, TN_5: 12, TH_5: 9, TH_6: 80 });
    await agree('quy-2026', { TH_1: 180, TH_2: 1300, TH_3: 94.2 }, ['--period', '9t']);
  });
  it('the plan\'s own figures for periods (keHoachKy): 9t, 6t, quý III by their figures, 3t paced', async () => {
    const nine = { TH_1: 3100, TH_2: 950, TH_3: 94.2, TH_4: 3.7, TH_5: 290, TN_6: 533, TH_6: 580 };
    const r = await agree('ke-hoach-ky-2026', nine);
    // The verdicts of test/core/periodPlan.test.ts: the live formulas say the same in the sheet.
    expect(r.indicators.map((i) => i.status)).toEqual(['chua-dat', 'vuot', 'vuot', 'dat', 'dat', 'vuot']);
    await agree('ke-hoach-ky-2026', { TH_1: 2050, TH_3: 93, TH_4: 3.4, TH_5: 210, TN_6: 400, TH_6: 390 }, ['--period', '6t']);
    await agree('ke-hoach-ky-2026', { TH_1: 1150, TH_4: 3.9 }, ['--period', 'q3']);
    await agree('ke-hoach-ky-2026', { TH_1: 1050, TH_3: 94.2, TN_6: 180, TH_6: 200 }, ['--period', '3t']);
  });
});
