// The real Office.js adapter (src/excel) run against the typed Excel fake: insert, check + flag, clear,
// protection, select, and the number of round trips each takes.
import { SEED_PLAN } from '../../src/core/catalog';
import { withChecked } from '../../src/core/checked';
import { checkWorkbook } from '../../src/core/engine';
import { FLAG_FILL, NOTE_PREFIX, planFlags } from '../../src/core/flags';
import { parseCellName } from '../../src/core/names';
import type { Report } from '../../src/core/types';
import { protectedSheetError } from '../../src/excel/errors';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag, clearFlags, ownNote, selectCell } from '../../src/excel/flags';
import { officeRule } from '../../src/excel/insertTemplate';
import { FLAGS_SETTING } from '../../src/excel/snapshot';
import { SHEET_MARK } from '../../src/excel/marker';
import { OFFICE_STYLES, charsToPoints } from '../../src/excel/styles';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { COLUMN_ORDER, COLUMNS, HEADER_ROW, LAST_COLUMN, PLAN_NAME, PLAN_SHEET } from '../../src/template/layout';
import { planJsonFromCells } from '../../src/core/planSheet';
import { atPlanEntries, realisticEntries } from '../../src/template/samples';
import { FakeExcel } from './fake';
import { addressOf, addUnrelatedContent, asContext, fillAsUser, insert, newFake, NO_FEATURES, templateModel, YEAR } from './harness';
import { measureSyncs } from './syncBudget';

const model = templateModel();
const SHEET = model.sheetName;
const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** A realistic report with mistakes of several kinds, so every severity is flagged. */
function entriesWithMistakes(): Entries {
  return {
    ...realisticEntries(7),
    TH_2: 4_449_000_000_000, // đồng typed for tỷ đồng: unit-slip
    TH_3: '53,5', // a number typed as text
    TH_4: { error: '#DIV/0!' },
    TH_9: undefined, // nothing entered: missing
    TH_15_2: 1200, // shortfall
    TH_17: 'khoảng 56', // not a number
    TN_QP_2_1: 12,
    TH_QP_2_1: 15, // more accidents: QP.2 ("giảm cả 3 mặt") falls short, flagged on its status cell
  };
}

/** A filled template in a fake, and the user's own note in two note cells. */
async function filledWorkbook(entries: Entries = entriesWithMistakes(), fake: FakeExcel = newFake()): Promise<FakeExcel> {
  const outcome = await insert(fake, model);
  expect(outcome).toEqual({ kind: 'inserted', sheetName: SHEET, skipped: [] });
  await fillAsUser(fake, model, entries);
  await fake.userEdit(SHEET, addressOf(model, 'GC_2'), 'Số liệu sơ bộ của Chi cục Thống kê');
  await fake.userEdit(SHEET, addressOf(model, 'GC_13'), 'Theo kế hoạch của huyện');
  fake.resetSyncCount();
  return fake;
}

/** Every cell of the template block: content and fill (notes are content), straight from the fake's model. */
function templateCells(fake: FakeExcel): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= model.lastRow; r++) {
    for (const k of COLUMN_ORDER) {
      const c = fake.cell(SHEET, `${COLUMNS[k].letter}${r}`);
      out.push([`${COLUMNS[k].letter}${r}`, c.value ?? null, c.formula, c.error, c.fill]);
    }
  }
  return out;
}

/** Values of every input cell (KH, KHTT, TN, TH). */
function inputValues(fake: FakeExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of model.names) {
    const p = parseCellName(n.name);
    if (p && ['KH', 'KHTT', 'TN', 'TH'].includes(p.column)) {
      const c = fake.cell(SHEET, n.address);
      out[n.name] = [c.value, c.formula, c.error, c.numberFormat];
    }
  }
  return out;
}

/** The in-memory check, and what the adapter adds: the sheet it checked and that sheet's title block. */
// The plan checked against: the seed's, stored by the insert in the hidden plan sheet (41 targets, all judged).
const SEED_CHECKED = { stored: true, unit: null, year: YEAR, baseYear: 2010, indicators: 41, targets: 41, notes: [] };
const inMemoryReport = (entries: Entries): Report => ({
  ...withChecked(checkWorkbook({ ...snapshotOf(model, entries), year: YEAR }), { sheet: model.sheetName, year: YEAR, period: 'nam', unit: null, baseYear: 2010 }),
  plan: SEED_CHECKED,
  // The rows it was judged by: the seed's, as read back from the plan sheet.
  rows: { indicators: SEED_PLAN.indicators, headings: SEED_PLAN.headings },
} as Report);

describe('insertTemplate', () => {
  test("draws the model: values, formulas, number formats, names, validation, conditional formats, panes — in 2 syncs and one per optional part", async () => {
    const fake = newFake();
    const outcome = await insert(fake, model, ALL_FEATURES);
    expect(outcome).toEqual({ kind: 'inserted', sheetName: SHEET, skipped: [] });
    // Look, essential part, then formats, validation, conditional formats, panes, print setup: each alone.
    expect(fake.syncCount).toBe(7);
    // The plan rides in the essential batch: a hidden sheet, its workbook name on A1.
    expect(fake.sheetNames()).toEqual(['Sheet1', SHEET, PLAN_SHEET]);
    expect(fake.sheetVisibility(PLAN_SHEET)).toBe('Hidden');
    expect(fake.names().find((n) => n.name === PLAN_NAME)).toMatchObject({ scope: 'Workbook', reference: `${PLAN_SHEET}!$A$1` });
    expect(planJsonFromCells(Array.from({ length: 4 }, (_, i) => fake.cell(PLAN_SHEET, `A${i + 1}`).value as string))).toBe(model.planJson);
    expect(fake.activeSheet).toBe(SHEET);

    for (const row of model.rows) {
      for (const k of COLUMN_ORDER) {
        const spec = row.cells[k];
        const at = `${COLUMNS[k].letter}${row.row}`;
        const cell = fake.cell(SHEET, at);
        if (!spec) {
          expect({ at, value: cell.value, formula: cell.formula }).toEqual({ at, value: '', formula: null });
          continue;
        }
        if (spec.formula !== undefined) expect({ at, formula: cell.formula }).toEqual({ at, formula: `=${spec.formula}` });
        else expect({ at, value: cell.value, formula: cell.formula }).toEqual({ at, value: spec.value ?? '', formula: null });
        if (spec.numFmt) expect({ at, fmt: cell.numberFormat }).toEqual({ at, fmt: spec.numFmt });
        // Text labels are stored as text ("(1)" must not become -1).
        if (typeof spec.value === 'string' && spec.style !== 'input' && spec.style !== 'titleInput') expect(cell.numberFormat).toBe('@');
        const style = OFFICE_STYLES[spec.style];
        expect({ at, fill: cell.fill }).toEqual({ at, fill: style.fill ?? null });
        expect({ at, bold: cell.bold }).toEqual({ at, bold: style.bold ?? false });
        expect({ at, size: cell.fontSize }).toEqual({ at, size: style.size ?? 12 });
        expect(cell.fontName).toBe('Times New Roman');
        expect(cell.verticalAlignment).toBe('Center');
        if (style.horizontal) expect(cell.horizontalAlignment).toBe(style.horizontal);
        if (spec.validation) {
          expect({ at, rule: cell.validation?.rule }).toEqual({ at, rule: officeRule(spec.validation) });
          expect(cell.validation?.prompt).toMatchObject({ showPrompt: true, title: spec.validation.promptTitle });
          expect(cell.validation?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: spec.validation.errorTitle });
        } else {
          expect({ at, validation: cell.validation }).toEqual({ at, validation: null });
        }
      }
    }
    expect(fake.cell(SHEET, 'C6')).toMatchObject({ value: '(3)', numberFormat: '@' });

    // Every defined name of the model, workbook-scoped, on its cell.
    expect(model.names.length).toBeGreaterThan(200);
    const names = fake.names().filter((n) => n.name !== SHEET_MARK && n.name !== PLAN_NAME);
    expect(names).toHaveLength(model.names.length);
    expect(fake.names().filter((n) => n.name === SHEET_MARK)).toEqual([
      { name: SHEET_MARK, scope: 'Worksheet', sheet: SHEET, reference: `'${SHEET}'!$A$1` },
      { name: SHEET_MARK, scope: 'Worksheet', sheet: PLAN_SHEET, reference: `${PLAN_SHEET}!$A$1` },
    ]);
    for (const n of model.names) {
      expect({ name: n.name, ref: fake.name(n.name) }).toEqual({ name: n.name, ref: `'${SHEET}'!${absolute(n.address)}` });
    }
    expect(names.every((n) => n.scope === 'Workbook')).toBe(true);

    expect(fake.conditionalFormats(SHEET)).toHaveLength(model.conditionalFormats.length);
    for (const cf of model.conditionalFormats) {
      expect(fake.conditionalFormats(SHEET)).toContainEqual(
        expect.objectContaining({ type: 'Custom', address: cf.range, formula: `=${cf.formula}`, fill: cf.fill, fontColor: cf.fontColor }),
      );
    }
    expect([fake.frozenRows(SHEET), fake.frozenColumns(SHEET)]).toEqual([model.freeze.rows, model.freeze.columns]);
    expect([fake.frozenRows(SHEET), fake.frozenColumns(SHEET)]).toEqual([6, 2]);
    expect(fake.pageLayout(SHEET)).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$5:$6' });

    // Layout: widths, header height, merges, table borders.
    for (const k of COLUMN_ORDER) expect(fake.columnWidth(SHEET, COLUMNS[k].letter)).toBe(charsToPoints(COLUMNS[k].width));
    expect(fake.rowHeight(SHEET, HEADER_ROW)).toBe(48);
    expect(fake.merges(SHEET).sort()).toEqual([...model.merges].sort());
    expect(fake.cell(SHEET, `A${HEADER_ROW}`).borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(fake.cell(SHEET, `${LAST_COLUMN}${model.lastRow}`).borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(fake.cell(SHEET, `A${HEADER_ROW - 1}`).borders.bottom).toBe('None');
  });

  test('a second insert returns sheet-exists with a free name and changes nothing', async () => {
    const fake = newFake();
    await insert(fake, model);
    fake.addSheet(`${SHEET} (2)`);
    const before = fake.fingerprint();
    fake.resetSyncCount();
    const outcome = await insert(fake, model);
    expect(outcome).toEqual({ kind: 'sheet-exists', sheetName: SHEET, suggestion: `${SHEET} (3)` });
    expect(fake.syncCount).toBe(1);
    expect(fake.fingerprint()).toBe(before);
  });

  test('names of an earlier template elsewhere: template-exists, nothing written', async () => {
    const fake = newFake();
    fake.defineName('TH_2', 'Sheet1!$G$12');
    const before = fake.fingerprint();
    await expect(insert(fake, model)).resolves.toEqual({ kind: 'template-exists', name: 'TH_2' });
    expect(fake.fingerprint()).toBe(before);
  });

  test('ExcelApi 1.4 (Excel 2016) with every optional feature off: still inserts, and nothing above 1.4 is called', async () => {
    const fake = newFake({ excelApi: '1.4' });
    await expect(insert(fake, model, NO_FEATURES)).resolves.toEqual({ kind: 'inserted', sheetName: SHEET, skipped: [] });
    expect(fake.syncCount).toBe(3); // look, essential part, formats
    for (const n of model.names) expect(fake.name(n.name)).toBe(`'${SHEET}'!${absolute(n.address)}`);
    expect(fake.cell(SHEET, addressOf(model, 'KH_2'))).toMatchObject({ value: 4449, validation: null });
    expect(fake.conditionalFormats(SHEET)).toEqual([]);
    expect(fake.frozenRows(SHEET)).toBe(0);

    // Check and clear need nothing above 1.4 either.
    await fillAsUser(fake, model, entriesWithMistakes());
    const whole = fake.fingerprint();
    await expect(checkAndFlag(asContext(fake))).resolves.toEqual(inMemoryReport(entriesWithMistakes()));
    await clearFlags(asContext(fake));
    expect(fake.fingerprint()).toBe(whole);

    // The same fake refuses the richer calls: the 1.4 result above is not because the fake lets anything through.
    // Asked for them anyway, each is skipped and named, and the template is still inserted.
    const other = newFake({ excelApi: '1.4' });
    const outcome = await insert(other, model, ALL_FEATURES);
    expect(outcome.kind === 'inserted' && outcome.skipped.map((s) => s.replace(/ \(.*$/, ''))).toEqual([
      'Kiểm tra dữ liệu khi nhập', 'Tô màu cột Đánh giá', 'Cố định dòng tiêu đề', 'Thiết lập trang in A4 ngang',
    ]);
    expect(outcome.kind === 'inserted' && outcome.skipped.every((s) => s.includes('không hỗ trợ'))).toBe(true);
  });
});

describe('checkAndFlag', () => {
  test('the report equals the in-memory check of the same entries, in 3 syncs', async () => {
    const entries = entriesWithMistakes();
    const fake = await filledWorkbook(entries);
    const report = await checkAndFlag(asContext(fake));
    expect(fake.syncCount).toBe(3);
    const expected = inMemoryReport(entries);
    expect(report.findings.map((f) => [f.code, f.name, f.cell, f.sheet])).toEqual(expected.findings.map((f) => [f.code, f.name, f.cell, f.sheet]));
    expect(report).toEqual(expected);
    const codes = new Set(report.findings.map((f) => f.code));
    for (const code of ['unit-slip', 'number-as-text', 'formula-error', 'missing', 'shortfall', 'not-a-number']) expect(codes).toContain(code);
  });

  test('at plan: the same report as in memory (no error findings)', async () => {
    const entries = atPlanEntries();
    const fake = await filledWorkbook(entries);
    const report = await checkAndFlag(asContext(fake));
    expect(report).toEqual(inMemoryReport(entries));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the sync count does not grow with the workbook', async () => {
    const small = await filledWorkbook();
    await checkAndFlag(asContext(small));
    const big = newFake();
    addUnrelatedContent(big, 30);
    await filledWorkbook(entriesWithMistakes(), big);
    expect(big.names().length).toBeGreaterThanOrEqual(model.names.length + 3000);
    const report = await checkAndFlag(asContext(big));
    expect(big.syncCount).toBe(small.syncCount);
    expect(big.syncCount).toBe(3);
    expect(report).toEqual(inMemoryReport(entriesWithMistakes()));
    // Unrelated sheets are untouched by the flags.
    expect(big.cell('Số liệu 1', 'B2').fill).toBe('#FF9999');
  });

  test('flags: fill by worst severity, "[chitieu] …" after the note the user wrote, typed values unchanged', async () => {
    const fake = await filledWorkbook();
    const typedBefore = inputValues(fake);
    const report = await checkAndFlag(asContext(fake));
    const plan = planFlags(report);
    expect(plan.cells.length).toBeGreaterThan(5);
    for (const mark of plan.cells) {
      expect({ name: mark.name, fill: fake.cell(SHEET, addressOf(model, mark.name)).fill }).toEqual({ name: mark.name, fill: FLAG_FILL[mark.severity] });
    }
    expect(fake.cell(SHEET, addressOf(model, 'TH_2')).fill).toBe(FLAG_FILL.error);
    expect(fake.cell(SHEET, addressOf(model, 'DG_QP_2')).fill).toBe(FLAG_FILL.shortfall); // a cell without a fill of its own
    for (const row of plan.rows) {
      if (!model.names.some((n) => n.name === row.noteName)) continue; // heading rows (QP.2) have no note cell
      const value = fake.cell(SHEET, addressOf(model, row.noteName)).value;
      if (row.note) {
        expect(String(value)).toContain(NOTE_PREFIX + row.note);
        expect(String(value).startsWith(NOTE_PREFIX) || row.noteName === 'GC_2' || row.noteName === 'GC_13').toBe(true);
      }
    }
    expect(fake.cell(SHEET, addressOf(model, 'GC_2')).value).toMatch(/^Số liệu sơ bộ của Chi cục Thống kê\n\[chitieu\] Lỗi: /);
    expect(ownNote(fake.cell(SHEET, addressOf(model, 'GC_2')).value)).toBe('Số liệu sơ bộ của Chi cục Thống kê');
    expect(inputValues(fake)).toEqual(typedBefore);
    expect(fake.settings()[FLAGS_SETTING]).toEqual(expect.any(String));
  });
});

describe('clearFlags', () => {
  test('restores every fill and note cell exactly: the whole workbook is as before the check', async () => {
    const fake = await filledWorkbook();
    const cells = templateCells(fake);
    const whole = fake.fingerprint();
    await checkAndFlag(asContext(fake));
    expect(templateCells(fake)).not.toEqual(cells);
    fake.resetSyncCount();
    const restored = await clearFlags(asContext(fake));
    expect(restored).toBeGreaterThan(5);
    expect(fake.syncCount).toBe(3);
    expect(templateCells(fake)).toEqual(cells);
    expect(fake.fingerprint()).toBe(whole); // also: the setting is gone, formats and names untouched
    expect(fake.settings()).toEqual({});
    await expect(clearFlags(asContext(fake))).resolves.toBe(0);
  });

  test('a fill the user changed after the check is left alone', async () => {
    const fake = await filledWorkbook();
    const th2 = addressOf(model, 'TH_2');
    const original = fake.cell(SHEET, addressOf(model, 'TH_3')).fill;
    await checkAndFlag(asContext(fake));
    fake.setCell(SHEET, th2, { fill: '#00B050' }); // the user colours the cell herself
    await clearFlags(asContext(fake));
    expect(fake.cell(SHEET, th2).fill).toBe('#00B050');
    expect(fake.cell(SHEET, addressOf(model, 'TH_3')).fill).toBe(original);
  });

  test('check twice, then clear: the original fills come back, not the first flags', async () => {
    const fake = await filledWorkbook();
    const whole = fake.fingerprint();
    await checkAndFlag(asContext(fake));
    await checkAndFlag(asContext(fake));
    await clearFlags(asContext(fake));
    expect(fake.fingerprint()).toBe(whole);
  });

  test('check, fix a value, check again, clear: fills and notes as before the first check', async () => {
    const fake = await filledWorkbook();
    const cells = templateCells(fake);
    await checkAndFlag(asContext(fake));
    const th2 = addressOf(model, 'TH_2');
    await fake.userEdit(SHEET, th2, 4449); // the user fixes the unit slip
    const second = await checkAndFlag(asContext(fake));
    expect(second.findings.some((f) => f.name === 'TH_2')).toBe(false);
    expect(fake.cell(SHEET, th2).fill).toBe(fake.cell(SHEET, addressOf(model, 'TH_5')).fill); // its flag is gone already
    await clearFlags(asContext(fake));
    const after = templateCells(fake);
    const thIndex = (Number(th2.slice(1)) - 1) * COLUMN_ORDER.length + COLUMN_ORDER.indexOf('actual');
    expect(after[thIndex]).toEqual([th2, 4449, null, false, cells[thIndex]![4]]);
    after[thIndex] = cells[thIndex]!;
    expect(after).toEqual(cells);
  });

  test('a colour the user gave a flagged cell between two checks survives the clear', async () => {
    const fake = await filledWorkbook();
    const th2 = addressOf(model, 'TH_2');
    await checkAndFlag(asContext(fake));
    fake.setCell(SHEET, th2, { fill: '#00B050' });
    await checkAndFlag(asContext(fake)); // still wrong: flagged again
    expect(fake.cell(SHEET, th2).fill).toBe(FLAG_FILL.error);
    await clearFlags(asContext(fake));
    expect(fake.cell(SHEET, th2).fill).toBe('#00B050');
  });
});

describe('protected sheet', () => {
  test('checkAndFlag rejects with the Vietnamese message and changes nothing', async () => {
    const fake = await filledWorkbook();
    fake.protect(SHEET);
    const before = fake.fingerprint();
    await expect(checkAndFlag(asContext(fake))).rejects.toThrow(protectedSheetError(SHEET).message);
    expect(protectedSheetError(SHEET).message).toMatch(/đang được bảo vệ/);
    expect(fake.fingerprint()).toBe(before);
    expect(fake.syncCount).toBe(2); // stopped before the write batch
  });
});

describe('the fake enforces load/sync', () => {
  /** An adapter-like reader that forgets to load what it reads. */
  async function readWithoutLoad(ctx: Excel.RequestContext): Promise<unknown> {
    const range = ctx.workbook.names.getItem('TH_2').getRange();
    range.load('address'); // loads the address but reads the values
    await ctx.sync();
    return range.values[0]?.[0];
  }
  async function readWithLoad(ctx: Excel.RequestContext): Promise<unknown> {
    const range = ctx.workbook.names.getItem('TH_2').getRange().load('values');
    await ctx.sync();
    return range.values[0]?.[0];
  }
  async function settingWithoutSync(ctx: Excel.RequestContext): Promise<boolean> {
    const setting = ctx.workbook.settings.getItemOrNullObject(FLAGS_SETTING).load('value');
    return setting.isNullObject; // before any sync
  }

  test('a forgotten load or sync fails; the same code with load works', async () => {
    const fake = await filledWorkbook();
    await expect(readWithoutLoad(asContext(fake))).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(settingWithoutSync(asContext(fake))).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(readWithLoad(asContext(fake))).resolves.toBe(4_449_000_000_000);
  });
});

describe('selectCell', () => {
  test('selects the named cell and shows its sheet, in 1 sync', async () => {
    const fake = await filledWorkbook();
    fake.model.activeSheet = fake.model.sheetOrThrow('Sheet1');
    await selectCell(asContext(fake), 'TH_1_2_1_SX');
    expect(fake.syncCount).toBe(1);
    expect(fake.activeSheet).toBe(SHEET);
    expect(fake.selection).toEqual({ sheet: SHEET, address: addressOf(model, 'TH_1_2_1_SX') });
  });
});

describe('sync budget (the benchmark helper)', () => {
  test('insert 7 (2 + one per optional part), check 3, clear 3 — the same on a workbook 25 times bigger', async () => {
    const counts = await Promise.all([1, 25].flatMap((scale) => (['insert', 'check', 'clear'] as const).map((k) => measureSyncs(k, scale))));
    expect(counts).toEqual([7, 3, 3, 7, 3, 3]);
  });
});
