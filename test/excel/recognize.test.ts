// "Nhận dạng bảng có sẵn" on the typed fake: a table of the user's own read in one round trip (merged
// header cells where Excel has ExcelApi 1.13), its names attached in two, nothing else changed; then
// Kiểm tra on that sheet gives what `chitieu check` gives on the same table, flags it and clears it.
import { checkRecognized, gridFormats, recognizeTable, type Recognition } from '../../src/core/recognize';
import { rowKey } from '../../src/core/names';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag, clearFlags } from '../../src/excel/flags';
import { adoptTable, readOwnTable } from '../../src/excel/recognize';
import { asContext, NO_FEATURES } from './harness';
import { FakeExcel } from './fake';
import { bigOwnTable, fillOwnTable, ownFixture } from './ownTable';

const SHEET = 'Biểu xã';

function arranged(t = bigOwnTable(), excelApi = '1.18'): FakeExcel {
  const fake = new FakeExcel({ sheets: [SHEET], excelApi });
  fillOwnTable(fake, SHEET, t);
  return fake;
}

async function recognise(fake: FakeExcel, features = ALL_FEATURES): Promise<Recognition> {
  const { view } = await readOwnTable(asContext(fake), features);
  if (!view.ok) throw new Error(view.reason);
  return view.table;
}

describe('a 500-row table of the user\'s own', () => {
  const t = bigOwnTable();
  const expected = recognizeTable(t.grid, { plan: null });
  if (!expected.ok) throw new Error(expected.reason);

  test('the fixture is a 500-row sheet with a merged two-row header', () => {
    expect(t.grid.cells.length).toBeGreaterThanOrEqual(500);
    expect(t.grid.merges.length).toBeGreaterThan(0);
    expect(expected.table.rows.length).toBeGreaterThan(400);
  });

  test('read in one round trip, recognised as core recognises the grid; nothing written', async () => {
    const fake = arranged(t);
    const before = fake.fingerprint();
    fake.resetSyncCount();
    const rec = await recognise(fake);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(fake.fingerprint()).toBe(before);
    expect(rec.columns.letters).toEqual(t.expected.columns);
    expect(rec.headerRows).toEqual(t.expected.headerRows);
    expect(rec.rows.map((r) => [r.row, r.id, r.rule])).toEqual(expected.table.rows.map((r) => [r.row, r.id, r.rule]));
    expect(rec.rows.map((r) => r.row)).toEqual(t.expected.rows.map((r) => r.row));
  });

  test('adopting writes names scoped to the sheet in two round trips and changes no cell', async () => {
    const fake = arranged(t);
    const rec = await recognise(fake);
    const cellsBefore = JSON.stringify(fake.values(SHEET, `A1:J${t.grid.cells.length + 2}`));
    const merges = fake.merges(SHEET);
    fake.resetSyncCount();
    const out = await adoptTable(asContext(fake), rec);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(out).toMatchObject({ kind: 'adopted', sheet: SHEET });
    expect(JSON.stringify(fake.values(SHEET, `A1:J${t.grid.cells.length + 2}`))).toBe(cellsBefore);
    expect(fake.merges(SHEET)).toEqual(merges);
    const names = fake.names();
    expect(names.length).toBe(out.kind === 'adopted' ? out.names : -1);
    expect(names.every((n) => n.scope === 'Worksheet' && n.sheet === SHEET)).toBe(true);
    const row = rec.rows.find((r) => r.id.startsWith('XX'))!;
    expect(fake.name(`TH_${row.id.replace(/\./g, '_')}`, SHEET)).toMatch(new RegExp(`\\$?${rec.columns.letters.TH}\\$?${row.row}$`));
    expect(names.some((n) => n.name === 'CHITIEU_BANG_RIENG')).toBe(true);
    // No mark of ours on the user's sheet: it is never taken for a sheet the add-in made.
    expect(names.some((n) => n.name === 'CHITIEU_SHEET')).toBe(false);
    // A second adoption never replaces the names.
    expect(await adoptTable(asContext(fake), rec)).toMatchObject({ kind: 'conflict' });
  });

  test('Kiểm tra on the adopted sheet gives the CLI\'s verdicts and findings; flags and clears', async () => {
    const fake = arranged(t);
    const rec = await recognise(fake);
    await adoptTable(asContext(fake), rec);
    const cli = checkRecognized(expected.table, { format: gridFormats(t.grid, expected.table) });
    const report = await checkAndFlag(asContext(fake));
    const verdicts = (r: typeof cli) => r.indicators.map((i) => [rowKey(i.id, i.measure), i.status]);
    expect(verdicts(report)).toEqual(verdicts(cli));
    const codes = (r: typeof cli) => r.findings.map((f) => [f.code, f.cell]).sort();
    expect(codes(report)).toEqual(codes(cli));
    const stated = report.findings.filter((f) => f.code === 'stated-mismatch').map((f) => Number(f.cell!.replace(/^[A-Z]+/, '')));
    expect(stated).toEqual(t.expected.mismatches.map((m) => m.row));
    // Flags: the cells of the findings are coloured; clearing brings every cell back as it was.
    const flagged = report.findings.find((f) => f.code === 'stated-mismatch')!;
    expect(fake.cell(SHEET, flagged.cell!).fill).not.toBe(null);
    await clearFlags(asContext(fake));
    expect(fake.cell(SHEET, flagged.cell!).fill ?? '#FFFFFF').toMatch(/^#FFFFFF$/i);
  });
});

test('without ExcelApi 1.13 the merges are not read, and a two-row header is still recognised', async () => {
  const t = ownFixture('seed-hai-tang');
  const fake = arranged(t, '1.8');
  const { view } = await readOwnTable(asContext(fake), NO_FEATURES);
  expect(view.ok && view.mergesUnread).toBe(true);
  if (view.ok) expect(view.table.columns.letters.TH).toBe(t.expected.columns.TH);
});

test('the selection, when it is more than one cell, is what is read', async () => {
  const t = ownFixture('xa-co-ke-hoach');
  const fake = arranged(t);
  fake.setValues(SHEET, 'M1', [['Ghi chú riêng của người dùng']]);
  const first = t.expected.headerRows[0]!;
  fake.selectAsUser(SHEET, `A${first}:H${t.expected.lastRow}`);
  const { view, grid } = await readOwnTable(asContext(fake), ALL_FEATURES, t.plan);
  expect(grid?.origin).toEqual({ row: first, col: 1 });
  expect(view.ok && view.fromSelection).toBe(true);
  // The second table below the first is outside the selection.
  expect(view.ok && view.table.moreTables).toEqual([]);
});

test('an adopted sheet is never taken for a unit sheet by "Tổng hợp từ các sheet"', async () => {
  const fake = arranged(ownFixture('xa-la-ma-khong-ke-hoach'));
  await adoptTable(asContext(fake), await recognise(fake));
  const { readTemplateSheets } = await import('../../src/excel/consolidate');
  const found = await readTemplateSheets(asContext(fake));
  expect(found.sheetNames).toEqual([SHEET]);
  expect(found.templates).toEqual([]);
});
