// The "Tóm tắt" sheet written by the add-in: two syncs, refreshed in place, never over a user's sheet.
import { checkAndFlag } from '../../src/excel/flags';
import { SUMMARY_SHEET, writeSummarySheet } from '../../src/excel/summarySheet';
import { summarize } from '../../src/core/summary';
import { atPlanEntries } from '../../src/template/samples';
import { asContext, fillAsUser, insert, newFake, templateModel } from './harness';

async function checkedFake(entries = { ...atPlanEntries(), TH_4: 883.3 }) {
  const fake = newFake();
  const model = templateModel();
  await insert(fake, model);
  await fillAsUser(fake, model, entries);
  const report = await checkAndFlag(asContext(fake));
  return { fake, report, summary: summarize(report, { year: 2023, unit: 'UBND xã Bình Nghi' }) };
}

describe('the Tóm tắt sheet', () => {
  it('holds the paragraph and the indicators not achieved, written in 2 syncs', async () => {
    const { fake, report, summary } = await checkedFake();
    fake.resetSyncCount();
    const name = await writeSummarySheet(asContext(fake), summary, report, { chart: false });
    expect(fake.syncCount).toBe(2);
    expect(name).toBe(SUMMARY_SHEET);
    const all = fake.values(name, 'A1:E20').flat().map(String).join('\n');
    expect(all).toContain(summary.paragraph);
    expect(summary.paragraph).toMatch(/Tổng thu ngân sách/);
    expect(all).toMatch(/Tổng thu ngân sách đạt 95,2/);
    expect(fake.activeSheet).toBe(name);
  });

  it('charts % of plan by indicator from its own table', async () => {
    const { fake, report, summary } = await checkedFake();
    const name = await writeSummarySheet(asContext(fake), summary, report, { chart: true });
    const charts = fake.charts(name);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'BarClustered', seriesBy: 'Columns', title: '% so kế hoạch theo chỉ tiêu' });
    const [from, to] = charts[0]!.source.split(':') as [string, string];
    expect(fake.values(name, from.replace('A', 'A') + ':' + from.replace('A', 'B'))).toEqual([['Chỉ tiêu', '% so kế hoạch']]);
    const rows = Number(to.slice(1)) - Number(from.slice(1));
    expect(rows).toBe(report.indicators.filter((i) => i.percentOfPlan !== null).length);
    expect(fake.values(name, `B${Number(from.slice(1)) + 1}`)[0]![0]).toBe(report.indicators.find((i) => i.percentOfPlan !== null)!.percentOfPlan);
  });

  it('is refreshed in place, and a sheet of the user\'s with that name is left alone', async () => {
    const { fake, report, summary } = await checkedFake();
    fake.addSheet(SUMMARY_SHEET);
    fake.setValues(SUMMARY_SHEET, 'A1', [['ghi chép của tôi']]);
    const first = await writeSummarySheet(asContext(fake), summary, report, { chart: false });
    expect(first).toBe(`${SUMMARY_SHEET} (2)`);
    expect(fake.values(SUMMARY_SHEET, 'A1')).toEqual([['ghi chép của tôi']]);
    const again = await writeSummarySheet(asContext(fake), summary, report, { chart: false });
    expect(again).toBe(first);
    expect(fake.sheetNames().filter((n) => n.startsWith(SUMMARY_SHEET))).toEqual([SUMMARY_SHEET, first]);
  });
});
