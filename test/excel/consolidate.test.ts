// "Tổng hợp từ các sheet" on the typed Excel fake: units on sheets of one workbook (the inserted template,
// a unit sheet added by the add-in, a sheet the user copied), one of them broken; the consolidated sheet
// is itself a template that Kiểm tra accepts.
import { BY_UNIT_SHEET } from '../../src/core/consolidate';
import { cellName } from '../../src/core/names';
import { ALL_FEATURES } from '../../src/excel/features';
import { CONSOLIDATED_MARK } from '../../src/core/names';
import { consolidateSheets, type ConsolidateOutcome } from '../../src/excel/consolidate';
import { checkAndFlag, clearFlags, selectCell } from '../../src/excel/flags';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { FLAGS_SETTING } from '../../src/excel/snapshot';
import type { Entries } from '../../src/template/inMemory';
import { buildTemplate, type TemplateModel } from '../../src/template/model';
import { realisticEntries } from '../../src/template/samples';
import { FakeExcel } from './fake';
import { addressOf, asContext, fillAsUser, insert, newFake, YEAR } from './harness';

const unitModel = (unit: string, sheetName: string): TemplateModel => buildTemplate({ year: YEAR, unit, sheetName });

// Every unit gives its households (quyền số) for 16, the poverty rate: that rate is averaged by them.
const A: Entries = { ...realisticEntries(21), QS_16: 1000, TH_16: 4 };
const B: Entries = { ...realisticEntries(22), TH_6: 'Chưa đạt', QS_16: 3000, TH_16: 2 };
const C: Entries = { ...realisticEntries(23), QS_16: 1000, TH_16: 3 };
const D: Entries = { ...realisticEntries(24), TH_2: 4_449_000_000_000 }; // đồng typed for tỷ đồng

interface Book {
  fake: FakeExcel;
  models: Record<'a' | 'b' | 'c' | 'd', TemplateModel>;
}

/**
 * Unit A fills the template inserted the usual way (workbook names); B and D are unit sheets the add-in
 * added; C is a copy of A's sheet the user made in Excel, renamed and refilled.
 */
async function unitsWorkbook(): Promise<Book> {
  const fake = newFake();
  const models = {
    a: unitModel('UBND xã A', 'Xã A'),
    b: unitModel('UBND xã B', 'Xã B'),
    c: { ...unitModel('UBND xã A', 'Xã C') },
    d: unitModel('UBND xã D', 'Xã D'),
  };
  expect(await insert(fake, models.a)).toEqual({ kind: 'inserted', sheetName: 'Xã A', skipped: [] });
  await fillAsUser(fake, models.a, A);
  for (const k of ['b', 'd'] as const) {
    expect(await insertTemplate(asContext(fake), models[k], ALL_FEATURES, { unitSheet: true })).toEqual({ kind: 'inserted', sheetName: models[k].sheetName, skipped: [] });
  }
  await fillAsUser(fake, models.b, B);
  await fillAsUser(fake, models.d, D);
  fake.copySheetAsUser('Xã A', 'Xã C');
  await fillAsUser(fake, models.c, { ...C, DON_VI: 'UBND xã C' });
  fake.resetSyncCount();
  return { fake, models };
}

function sheetContent(fake: FakeExcel, sheet: string): unknown {
  return fake.values(sheet, 'A1:K80');
}

let book: Book;
let outcome: ConsolidateOutcome;
let before: Record<string, unknown>;
let namesBefore: unknown[];
let syncs: number;

beforeAll(async () => {
  book = await unitsWorkbook();
  before = Object.fromEntries(['Xã A', 'Xã B', 'Xã C', 'Xã D'].map((s) => [s, sheetContent(book.fake, s)]));
  namesBefore = book.fake.names();
  outcome = await consolidateSheets(asContext(book.fake), {}, ALL_FEATURES);
  syncs = book.fake.syncCount;
});

const num = (e: Entries, name: string) => e[name] as number;
const merged = (address: string) => book.fake.cell('Tổng hợp', address).value;
const at = (name: string) => addressOf(book.models.a, name);

describe('Tổng hợp từ các sheet', () => {
  it('finds the four unit sheets, whatever gave them their names', () => {
    expect([...outcome.unitSheets].sort()).toEqual(['Xã A', 'Xã B', 'Xã C', 'Xã D']);
    expect(outcome.skipped).toEqual([]);
  });

  it('includes three units and leaves out the broken one, naming its sheet and cell', () => {
    expect(outcome.included.map((u) => [u.source, u.unit])).toEqual([['Xã A', 'UBND xã A'], ['Xã C', 'UBND xã C'], ['Xã B', 'UBND xã B']]);
    expect(outcome.excluded).toHaveLength(1);
    const [d] = outcome.excluded;
    expect(d).toMatchObject({ source: 'Xã D', unit: 'UBND xã D', reason: 'errors' });
    expect(d!.errors).toEqual([expect.objectContaining({ sheet: 'Xã D', cell: at('TH_2'), name: 'TH_2', code: 'unit-slip' })]);
  });

  it('writes a consolidated sheet with the flows summed and the rates left empty where units differ', () => {
    expect(outcome.written).toEqual({ sheet: 'Tổng hợp', byUnitSheet: BY_UNIT_SHEET });
    for (const name of ['TH_2', 'TH_15_2', 'TH_QP_2_1', 'TN_QP_2_1', 'TH_1_1_SP']) {
      expect(merged(at(name))).toBeCloseTo(num(A, name) + num(B, name) + num(C, name), 6);
    }
    expect(merged(at('KH_2'))).toBe(3 * 4449);
    expect(num(A, 'TH_9')).not.toBe(num(B, 'TH_9'));
    expect(merged(at('TH_9'))).toBe('');
    expect(outcome.levelsLeftEmpty).toContain('TH_9');
    expect(merged(at('TH_6'))).toBe('Chưa đạt');
    expect(outcome.passNotMet).toEqual([{ id: '6', units: ['UBND xã B'] }]);
    expect(merged(at('TH_16'))).toBe(2.6); // (4×1.000 + 2×3.000 + 3×1.000) ÷ 5.000
    expect(merged(at('QS_16'))).toBe(5000);
    expect(outcome.averaged).toContainEqual({ name: 'TH_16', weight: 'Số hộ gia đình (hộ)' });
    expect(merged(at('DON_VI'))).toBe('Tổng hợp 3 đơn vị');
    expect(String(merged(at('GC_2')))).toMatch(/Cộng 3 đơn vị/);
  });

  it('shows every unit\'s rate side by side on the unit-by-unit sheet', () => {
    const rows = book.fake.values(BY_UNIT_SHEET, 'A1:H60');
    expect(rows[4]).toEqual(['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Loại', 'Tổng hợp', 'UBND xã A', 'UBND xã C', 'UBND xã B']);
    const row9 = rows.find((r) => r[0] === '9')!;
    expect(row9.slice(4)).toEqual(['', num(A, 'TH_9'), num(C, 'TH_9'), num(B, 'TH_9')]);
    const row2 = rows.find((r) => r[0] === '2')!;
    expect(row2[4]).toBeCloseTo(num(A, 'TH_2') + num(B, 'TH_2') + num(C, 'TH_2'), 6);
    expect(String(rows[2]![0])).toMatch(/Không đưa vào: sheet "Xã D" \(UBND xã D\) — có 1 lỗi/);
  });

  it('gives the consolidated sheet its own names, so it is a template that Kiểm tra accepts', async () => {
    expect(book.fake.name('TH_2', 'Tổng hợp')).toBe(`'Tổng hợp'!$${at('TH_2').replace(/(\d+)/, '$$$1')}`);
    expect(book.fake.name(CONSOLIDATED_MARK, 'Tổng hợp')).not.toBeNull();
    expect(book.fake.activeSheet).toBe('Tổng hợp');
    const report = await checkAndFlag(asContext(book.fake));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(report.findings.filter((f) => f.cell).map((f) => f.sheet))).toEqual(new Set(['Tổng hợp']));
    const th2 = report.indicators.find((i) => i.id === '2')!;
    expect(th2.actual).toBeCloseTo(num(A, 'TH_2') + num(B, 'TH_2') + num(C, 'TH_2'), 6);
    expect(report.indicators).toEqual(outcome.report!.indicators);
    await clearFlags(asContext(book.fake));
  });

  it('reads in three round trips, writes in one plus one per optional part, and changes no unit\'s sheet or name', () => {
    expect(syncs).toBe(3 + 1 + 6); // formats, validation, conditional formats, panes ×2, print setup
    for (const [sheet, content] of Object.entries(before)) expect(sheetContent(book.fake, sheet)).toEqual(content);
    const after = new Set(book.fake.names().map((n) => JSON.stringify(n)));
    expect(namesBefore.filter((n) => !after.has(JSON.stringify(n)))).toEqual([]);
    const workbookScoped = (ns: { scope: string }[]) => ns.filter((n) => n.scope === 'Workbook').length;
    expect(workbookScoped(book.fake.names())).toBe(workbookScoped(namesBefore as { scope: string }[]));
  });

  it('run again: a new sheet beside the first, which is not counted as a unit', async () => {
    const again = await consolidateSheets(asContext(book.fake), { unit: 'Huyện Vĩnh Thạnh' }, ALL_FEATURES);
    expect(again.skipped).toEqual(['Tổng hợp']);
    expect(again.included).toHaveLength(3);
    expect(again.written).toEqual({ sheet: 'Tổng hợp (2)', byUnitSheet: `${BY_UNIT_SHEET} (2)` });
    expect(book.fake.cell('Tổng hợp (2)', at('DON_VI')).value).toBe('Huyện Vĩnh Thạnh');
    expect(book.fake.cell('Tổng hợp', at('DON_VI')).value).toBe('Tổng hợp 3 đơn vị');
  });
});

describe('template sheets of one workbook', () => {
  it('Kiểm tra reads the active unit sheet, and stores its flags apart from the other templates', async () => {
    const { fake } = await unitsWorkbook();
    fake.activateAsUser('Xã B');
    const reportB = await checkAndFlag(asContext(fake));
    expect(reportB.indicators.find((i) => i.id === '2')!.actual).toBe(num(B, 'TH_2'));
    expect(new Set(reportB.findings.filter((f) => f.cell).map((f) => f.sheet))).toEqual(new Set(['Xã B']));
    fake.activateAsUser('Xã D');
    const reportD = await checkAndFlag(asContext(fake));
    expect(reportD.findings).toContainEqual(expect.objectContaining({ name: 'TH_2', code: 'unit-slip', sheet: 'Xã D' }));
    expect(fake.cell('Xã D', at('TH_2')).fill).not.toBe(fake.cell('Xã B', at('TH_2')).fill);
    expect(Object.keys(fake.settings()).filter((k) => k.startsWith(FLAGS_SETTING))).toHaveLength(2);
    // Clearing D's flags leaves B's in place.
    const bFill = fake.cell('Xã B', at('TH_6')).fill;
    expect(await clearFlags(asContext(fake))).toBeGreaterThan(0);
    expect(fake.cell('Xã D', at('TH_2')).fill).toBe(book.fake.cell('Xã A', at('TH_2')).fill);
    expect(fake.cell('Xã B', at('TH_6')).fill).toBe(bFill);
  });

  it('a sheet that is no template falls back to the workbook\'s template', async () => {
    const { fake } = await unitsWorkbook();
    fake.activateAsUser('Sheet1');
    const report = await checkAndFlag(asContext(fake));
    expect(new Set(report.findings.filter((f) => f.cell).map((f) => f.sheet))).toEqual(new Set(['Xã A']));
  });

  it('selects a finding\'s cell on its own sheet', async () => {
    const { fake } = await unitsWorkbook();
    await selectCell(asContext(fake), 'TH_2', 'Xã D');
    expect(fake.selection).toEqual({ sheet: 'Xã D', address: at('TH_2') });
    await selectCell(asContext(fake), 'TH_2', 'Sheet1');
    expect(fake.selection).toEqual({ sheet: 'Xã A', address: at('TH_2') });
  });

  it('insert refuses a second workbook template but adds a unit sheet with names of its own', async () => {
    const { fake, models } = await unitsWorkbook();
    const names = fake.names().filter((n) => n.scope === 'Workbook').length;
    expect(await insert(fake, unitModel('UBND xã E', 'Xã E'))).toEqual({ kind: 'template-exists', name: expect.any(String) });
    expect(await insertTemplate(asContext(fake), unitModel('UBND xã E', 'Xã E'), ALL_FEATURES, { unitSheet: true })).toEqual({ kind: 'inserted', sheetName: 'Xã E', skipped: [] });
    expect(fake.names().filter((n) => n.scope === 'Workbook')).toHaveLength(names);
    expect(fake.name(cellName('TH', '1', 'sp'), 'Xã E')).toBe(`'Xã E'!$${addressOf(models.a, 'TH_1_SP').replace(/(\d+)/, '$$$1')}`);
    expect(fake.cell('Xã E', at('DON_VI')).value).toBe('UBND xã E');
  });

  it('with fewer than two unit sheets writes nothing and says how many it found', async () => {
    const fake = newFake();
    await insert(fake, unitModel('UBND xã A', 'Xã A'));
    const print = fake.fingerprint();
    fake.resetSyncCount();
    const o = await consolidateSheets(asContext(fake), {}, ALL_FEATURES);
    expect(o).toMatchObject({ unitSheets: ['Xã A'], written: null, report: null, included: [] });
    expect(fake.fingerprint()).toBe(print);
    expect(fake.syncCount).toBe(3);
  });
});
