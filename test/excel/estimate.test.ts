// "Ước thực hiện" in the add-in's adapter on the typed fake: the pane's insert request with an estimate
// writes "Ước thực hiện 9 tháng" in the period cell; Kiểm tra reads it back as 9 months + estimate (report
// `uoc`), and follows the user when they pick another period from the cell's list.
import fs from 'fs';
import path from 'path';
import { planFromJson } from '../../src/core/planRead';
import { planJsonWithOrder } from '../../src/core/planWrite';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag } from '../../src/excel/flags';
import { templateOfRequest } from '../../src/excel/insertRequest';
import type { Report } from '../../src/core/types';
import { addressOf, asContext, fillAsUser, insert, newFake } from './harness';

const plan = planFromJson(fs.readFileSync(path.join(__dirname, '../fixtures/plans/quy-2026.json'), 'utf8'));
const statuses = (report: Report) => Object.fromEntries(report.indicators.map((i) => [i.id, i.status]));

async function inserted(estimate: boolean | undefined) {
  const model = templateOfRequest({
    year: 2026, period: '9t', ...(estimate !== undefined ? { estimate } : {}), unit: 'UBND phường Đông Hải',
    plan: JSON.parse(JSON.stringify(planJsonWithOrder(plan))),
  });
  const fake = newFake();
  expect((await insert(fake, model, ALL_FEATURES)).kind).toBe('inserted');
  // 180 / 0,75 = 240 đạt; 1.300 / 0,75 = 1.733,3 < 1.800: behind pace (test/cli/anyplan.test.ts).
  await fillAsUser(fake, model, { TH_1: 180, TH_2: 1300 });
  return { fake, model, cell: addressOf(model, 'KY_BAO_CAO') };
}

describe('an estimate of 9 months in the add-in', () => {
  it('insert writes "Ước thực hiện 9 tháng" and offers the estimate forms in the cell\'s list', async () => {
    const { fake, model, cell } = await inserted(true);
    expect(fake.cell(model.sheetName, cell).value).toBe('Ước thực hiện 9 tháng');
    const row = model.rows.find((r) => r.cells.plan?.name === 'KY_BAO_CAO')!;
    expect(row.cells.plan!.validation).toMatchObject({ type: 'list' });
    expect(row.cells.plan!.validation!.list).toEqual(expect.arrayContaining(['9 tháng', 'Ước thực hiện 9 tháng', 'Ước thực hiện năm']));
  });

  it('Kiểm tra reads 9 months + estimate: uoc true, flows paced at 75 %', async () => {
    const { fake } = await inserted(true);
    const report = await checkAndFlag(asContext(fake));
    expect(report).toMatchObject({ period: '9t', uoc: true });
    expect(statuses(report)).toMatchObject({ 1: 'dat', 2: 'chua-dat' });
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '2', code: 'behind-pace' }));
  });

  it('the user picks "Ước thực hiện quý III" from the list: the next check follows it', async () => {
    const { fake, model, cell } = await inserted(true);
    await fake.userEdit(model.sheetName, cell, 'Ước thực hiện quý III');
    const report = await checkAndFlag(asContext(fake));
    expect(report).toMatchObject({ period: 'q3', uoc: true });
  });

  it('a period inserted without ước: "9 tháng", and the report has no uoc field', async () => {
    const { fake, model, cell } = await inserted(undefined);
    expect(fake.cell(model.sheetName, cell).value).toBe('9 tháng');
    const report = await checkAndFlag(asContext(fake));
    expect(report.period).toBe('9t');
    expect(report).not.toHaveProperty('uoc');
  });
});
