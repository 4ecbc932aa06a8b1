// Excel as users have it (issue 14): batches that stop half-way, names left as #REF!, worksheet ids that
// change between sessions, worksheet.names that lists workbook names, a user's own "Tóm tắt" sheet, a
// formula in a Ghi chú cell. Each test failed on the code before its fix.
import { FLAG_FILL } from '../../src/core/flags';
import { parseCellName } from '../../src/core/names';
import { consolidateSheets } from '../../src/excel/consolidate';
import { countDeadNames, deleteDeadNames } from '../../src/excel/deadNames';
import { messageOf } from '../../src/excel/errors';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag, clearFlags } from '../../src/excel/flags';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { SHEET_MARK } from '../../src/excel/marker';
import { NoTemplateInWorkbook } from '../../src/excel/snapshot';
import { SUMMARY_SHEET, writeSummarySheet } from '../../src/excel/summarySheet';
import { summarize } from '../../src/core/summary';
import { buildTemplate } from '../../src/template/model';
import { atPlanEntries, realisticEntries } from '../../src/template/samples';
import type { FakeExcel } from './fake';
import { addressOf, asContext, fillAsUser, insert, newFake, templateModel } from './harness';

const model = templateModel();
const SHEET = model.sheetName;
const ERROR_FILL = FLAG_FILL.error.toUpperCase();
/** A user slip the check flags as an error (đồng typed for tỷ đồng), on TH_2 and its note GC_2. */
const SLIP = { ...realisticEntries(3), TH_2: 4_449_000_000_000 };

const fills = (fake: FakeExcel, sheet: string) => Object.fromEntries(model.names.map((n) => [n.name, fake.cell(sheet, n.address).fill]));
const userValues = (fake: FakeExcel, sheet: string) =>
  model.names.filter((n) => /^(KH|KHTT|TN|TH|QS)$/.test(parseCellName(n.name)?.column ?? '')).map((n) => fake.cell(sheet, n.address).value);

describe('insert: essential part first, then each optional part in its own guarded step', () => {
  test('freeze panes refused (as on some builds): the template is inserted and the skipped part is named', async () => {
    const fake = newFake();
    fake.injectFailure({ match: /FreezePanes/, code: 'GeneralException' });
    const outcome = await insert(fake, model, ALL_FEATURES);
    expect(outcome.kind).toBe('inserted');
    expect(outcome.kind === 'inserted' && outcome.skipped).toEqual([expect.stringMatching(/^Cố định dòng tiêu đề \(Excel báo lỗi chung/)]);
    expect(fake.frozenRows(SHEET)).toBe(0);
    // Everything else is there: names, values, validation, print setup.
    for (const n of model.names) expect(fake.name(n.name)).not.toBeNull();
    expect(fake.cell(SHEET, addressOf(model, 'KH_2')).validation).not.toBeNull();
    expect(fake.pageLayout(SHEET).orientation).toBe('Landscape');
  });

  test.each(['InvalidArgument', 'GeneralException', 'ItemNotFound'] as const)(
    'the essential part stops half-way (%s): nothing stays behind, the message is Vietnamese, a retry inserts', async (code) => {
      const fake = newFake();
      fake.setValues('Sheet1', 'A1', [['số liệu của tôi']]);
      const before = fake.fingerprint();
      // Half-way through the names: the sheet, its mark and some names exist when the batch stops.
      fake.injectFailure({ match: /^NamedItemCollection\.add$/, nth: 20, code });
      const err = await insert(fake, model, ALL_FEATURES).catch((e: unknown) => e);
      expect(messageOf(err)).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
      expect(fake.fingerprint()).toBe(before);
      await expect(insert(fake, model, ALL_FEATURES)).resolves.toMatchObject({ kind: 'inserted', sheetName: SHEET, skipped: [] });
    });
});

describe('names left as #REF! after the template sheet is deleted', () => {
  test('are no template: a new insert replaces them', async () => {
    const fake = newFake();
    await insert(fake, model);
    fake.deleteSheetAsUser(SHEET);
    expect(fake.name('TH_2')).toBe('=#REF!');
    await expect(insert(fake, model)).resolves.toMatchObject({ kind: 'inserted', sheetName: SHEET });
    expect(fake.name('TH_2')).toBe(`'${SHEET}'!$${addressOf(model, 'TH_2').replace(/(\d+)$/, '$$$1')}`);
    expect(await countDeadNames(asContext(fake))).toBe(0);
  });

  test('check says so and offers to clean them; cleaning deletes only the template\'s dead names', async () => {
    const fake = newFake();
    await insert(fake, model);
    fake.addSheet('Của tôi');
    fake.defineName('VungCuaToi', "'Của tôi'!$A$1");
    fake.deleteSheetAsUser('Của tôi');
    fake.deleteSheetAsUser(SHEET);
    const err = await checkAndFlag(asContext(fake)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoTemplateInWorkbook);
    expect((err as NoTemplateInWorkbook).deadNames).toBe(model.names.length);
    expect(messageOf(err)).toMatch(/#REF!.*Dọn tên hỏng/);
    expect(await countDeadNames(asContext(fake))).toBe(model.names.length);
    expect(await deleteDeadNames(asContext(fake))).toBe(model.names.length);
    // The hidden plan sheet stays (with its mark and name): it still says which plan the workbook had.
    expect(fake.names().map((n) => n.name)).toEqual(['CHITIEU_SHEET', 'CHITIEU_KE_HOACH', 'VungCuaToi']);
  });
});

describe('flags of a unit sheet survive a new session (worksheet ids change)', () => {
  async function unitSheet(fake: FakeExcel) {
    const unit = buildTemplate({ year: 2023, unit: 'Xã A', sheetName: 'Xã A' });
    await insertTemplate(asContext(fake), unit, ALL_FEATURES, { unitSheet: true });
    for (const [name, value] of Object.entries(SLIP)) {
      const n = unit.names.find((x) => x.name === name);
      if (n && value !== undefined) await fake.userEdit('Xã A', n.address, value as number);
    }
    fake.activateAsUser('Xã A');
    return unit;
  }

  test('check, reopen, check again, clear: every fill is as before the first check', async () => {
    const fake = newFake();
    await unitSheet(fake);
    const original = fills(fake, 'Xã A');
    await checkAndFlag(asContext(fake));
    expect(fake.cell('Xã A', addressOf(model, 'TH_2')).fill).toBe(ERROR_FILL);
    fake.newSession();
    await checkAndFlag(asContext(fake));
    await clearFlags(asContext(fake));
    expect(fills(fake, 'Xã A')).toEqual(original);
  });

  test('flags stored under the sheet id (before marks) move to the mark at the next check', async () => {
    const fake = newFake();
    await unitSheet(fake);
    const original = fills(fake, 'Xã A');
    fake.model.names = fake.model.names.filter((n) => n.name !== SHEET_MARK); // a sheet made before marks
    const id = fake.model.sheetOrThrow('Xã A').id;
    await checkAndFlag(asContext(fake));
    expect(Object.keys(fake.settings())).toEqual([expect.stringMatching(/^chitieu\.flags#/)]);
    expect(fake.settings()[`chitieu.flags@${id}`]).toBeUndefined();
    fake.newSession();
    await checkAndFlag(asContext(fake));
    await clearFlags(asContext(fake));
    expect(fills(fake, 'Xã A')).toEqual(original);
  });
});

describe('worksheet.names that also lists workbook names (Excel on the web)', () => {
  test('only names scoped to the sheet make it a unit sheet', async () => {
    const fake = newFake({ worksheetNamesIncludeWorkbook: true });
    await insert(fake, model);
    await fillAsUser(fake, model, atPlanEntries());
    fake.addSheet('Số liệu');
    const outcome = await consolidateSheets(asContext(fake), {}, ALL_FEATURES);
    expect(outcome.unitSheets).toEqual([SHEET]);
    expect(outcome.written).toBeNull();
    fake.activateAsUser('Số liệu');
    await checkAndFlag(asContext(fake));
    expect(Object.keys(fake.settings())).toEqual(['chitieu.flags']);
  });
});

describe('the Tóm tắt sheet is ours only when it carries our mark', () => {
  test('the user deleted ours and made their own "Tóm tắt": theirs stays, ours is written beside it', async () => {
    const fake = newFake();
    await insert(fake, model);
    await fillAsUser(fake, model, atPlanEntries());
    const report = await checkAndFlag(asContext(fake));
    const summary = summarize(report, { year: 2023 });
    expect(await writeSummarySheet(asContext(fake), summary, report, { chart: false })).toBe(SUMMARY_SHEET);
    fake.deleteSheetAsUser(SUMMARY_SHEET);
    fake.addSheet(SUMMARY_SHEET);
    fake.setValues(SUMMARY_SHEET, 'A1', [['bảng của tôi']]);
    expect(await writeSummarySheet(asContext(fake), summary, report, { chart: false })).toBe(`${SUMMARY_SHEET} (2)`);
    expect(fake.values(SUMMARY_SHEET, 'A1')).toEqual([['bảng của tôi']]);
    // Ours is refreshed in place next time.
    expect(await writeSummarySheet(asContext(fake), summary, report, { chart: false })).toBe(`${SUMMARY_SHEET} (2)`);
    expect(fake.sheetNames().filter((n) => n.startsWith(SUMMARY_SHEET))).toEqual([SUMMARY_SHEET, `${SUMMARY_SHEET} (2)`]);
  });
});

describe('a formula the user put in a Ghi chú cell', () => {
  test('is kept; the check says which note it could not write', async () => {
    const fake = newFake();
    await insert(fake, model);
    await fillAsUser(fake, model, SLIP);
    const gc2 = addressOf(model, 'GC_2');
    fake.setCell(SHEET, gc2, { formula: '=B12&" (xem phụ lục)"', value: 'Tổng thu (xem phụ lục)' });
    const before = userValues(fake, SHEET);
    const report = await checkAndFlag(asContext(fake));
    expect(fake.cell(SHEET, gc2).formula).toBe('=B12&" (xem phụ lục)"');
    expect(report.notesSkipped).toEqual([gc2]);
    expect(report.findings.some((f) => f.name === 'TH_2' && f.severity === 'error')).toBe(true);
    await clearFlags(asContext(fake));
    expect(fake.cell(SHEET, gc2).formula).toBe('=B12&" (xem phụ lục)"');
    expect(userValues(fake, SHEET)).toEqual(before);
  });
});

describe('errors', () => {
  test('ResponsePayloadSizeLimitExceeded is told in Vietnamese with what to do', () => {
    const m = messageOf({ code: 'ResponsePayloadSizeLimitExceeded', message: 'Response payload size limit exceeded' });
    expect(m).not.toMatch(/^Có lỗi khi làm việc với Excel/);
    expect(m).toMatch(/5 MB/);
  });
});
