// Tests of the typed Excel API fake (test/excel/fake): it must behave like Excel where the adapter relies on it.
import {
  FakeExcel,
  FakeNotModelledError,
  fakeRequirements,
  installExcelGlobals,
  uninstallExcelGlobals,
} from './fake';

const asExcel = (fake: FakeExcel, ctx = fake.context): Excel.RequestContext => ctx as unknown as Excel.RequestContext;

describe('load / sync', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', () => {
    const fake = new FakeExcel();
    const range = asExcel(fake).workbook.worksheets.getItem('Sheet1').getRange('A1');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
  });

  test('load() without sync is not enough', () => {
    const fake = new FakeExcel();
    const range = asExcel(fake).workbook.worksheets.getItem('Sheet1').getRange('A1');
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('a loaded and synced property reflects the workbook at that sync', async () => {
    const fake = new FakeExcel();
    fake.setValues('Sheet1', 'A1', [[1, 'x'], [true, 2.5]]);
    const ctx = asExcel(fake);
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
    range.load('values, address, rowIndex, columnIndex');
    await ctx.sync();
    expect(range.values).toEqual([[1, 'x'], [true, 2.5]]);
    expect(range.address).toBe('Sheet1!A1:B2');
    expect([range.rowIndex, range.columnIndex]).toEqual([0, 0]);
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));

    fake.setValues('Sheet1', 'A1', [[99]]);
    expect(range.values[0]?.[0]).toBe(1); // a snapshot, not live
    range.load('values');
    await ctx.sync();
    expect(range.values[0]?.[0]).toBe(99);
  });

  test('navigation paths and load options objects', async () => {
    const fake = new FakeExcel();
    fake.setCell('Sheet1', 'G12', { fill: '#FFFF00', bold: true });
    const ctx = asExcel(fake);
    const cell = ctx.workbook.worksheets.getItem('Sheet1').getRange('G12');
    cell.load(['format/fill/color', 'format/font/bold']);
    const other = ctx.workbook.worksheets.getItem('Sheet1').getRange('G12:H12');
    other.load({ select: 'format/fill/color' });
    await ctx.sync();
    expect(cell.format.fill.color).toBe('#FFFF00');
    expect(cell.format.font.bold).toBe(true);
    expect(other.format.fill.color).toBeNull(); // not uniform → null, as in Excel
    expect(() => cell.format.font.color).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('collections: items after load, ClientResult.value only after sync', async () => {
    const fake = new FakeExcel({ sheets: ['A', 'B'] });
    const ctx = asExcel(fake);
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/position');
    const count = sheets.getCount();
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
    await ctx.sync();
    expect(sheets.items.map((s) => [s.name, s.position])).toEqual([['A', 0], ['B', 1]]);
    expect(count.value).toBe(2);
    expect(() => sheets.items[0]?.id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
});

describe('queued writes', () => {
  test('writes reach the model only at sync; a batch that never syncs writes nothing', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('G12');
    range.values = [[5]];
    range.format.fill.color = 'yellow';
    expect(range.values).toEqual([[5]]); // readable locally once written, as in Office.js
    expect(fake.cell('Sheet1', 'G12')).toMatchObject({ value: '', fill: null });
    await ctx.sync();
    expect(fake.cell('Sheet1', 'G12')).toMatchObject({ value: 5, fill: '#FFFF00' });

    const other = fake.newContext() as unknown as Excel.RequestContext;
    other.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['never']];
    expect(fake.cell('Sheet1', 'A1').value).toBe('');
  });

  test('values are parsed like typed input; formulas are not calculated', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:D1').values = [['12', '1,234.5', 'TRUE', '=A1*2']];
    sheet.getRange('E1').numberFormat = [['@']];
    sheet.getRange('E1').values = [['007']];
    await ctx.sync();
    expect(fake.values('Sheet1', 'A1:C1')).toEqual([[12, 1234.5, true]]);
    expect(fake.cell('Sheet1', 'D1')).toMatchObject({ formula: '=A1*2', value: undefined });
    expect(fake.cell('Sheet1', 'E1').value).toBe('007');

    const d1 = sheet.getRange('D1').load('values');
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeNotModelledError);
    fake.setCell('Sheet1', 'D1', { formula: '=A1*2', value: 24 });
    d1.load('values, formulas');
    await ctx.sync();
    expect(d1.values).toEqual([[24]]);
    expect(d1.formulas).toEqual([['=A1*2']]);
  });

  test('null in a written array leaves that cell alone', async () => {
    const fake = new FakeExcel();
    fake.setValues('Sheet1', 'A1', [['keep', 'old']]);
    const ctx = asExcel(fake);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[null, 'new']];
    await ctx.sync();
    expect(fake.values('Sheet1', 'A1:B1')).toEqual([['keep', 'new']]);
  });

  test('a wrong shape rejects the sync with InvalidArgument; earlier operations stay, later ones are dropped', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1').values = [['before']];
    sheet.getRange('A2:B3').values = [[1, 2, 3]];
    sheet.getRange('A5').values = [['after']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.cell('Sheet1', 'A1').value).toBe('before');
    expect(fake.cell('Sheet1', 'A5').value).toBe('');
    sheet.getRange('A2:B3').formulas = [[1, 2], [3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('workbook structure', () => {
  test('null objects', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
    const present = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    const name = ctx.workbook.names.getItemOrNullObject('TH_1');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    missing.load('name');
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(name.isNullObject).toBe(true);
    expect(() => missing.name).toThrow(expect.objectContaining({ code: 'ItemNotFound' }));

    ctx.workbook.worksheets.getItem('Nope');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });

    fake.defineName('Const', '=0.5');
    const range = ctx.workbook.names.getItem('Const').getRangeOrNullObject();
    await ctx.sync();
    expect(range.isNullObject).toBe(true);
  });

  test('worksheets: add, rename, position, activate, delete', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const added = ctx.workbook.worksheets.add('Biểu 01');
    added.load('name, position, id');
    await ctx.sync();
    expect([added.name, added.position]).toEqual(['Biểu 01', 1]);
    ctx.workbook.worksheets.add('Biểu 01');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    added.name = 'Bieu';
    added.position = 0;
    added.activate();
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(['Bieu', 'Sheet1']);
    expect(fake.activeSheet).toBe('Bieu');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    await ctx.sync();
    expect(active.name).toBe('Bieu');
    ctx.workbook.worksheets.getItem('Sheet1').delete();
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(['Bieu']);
    ctx.workbook.worksheets.getItem('Bieu').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('names move with inserted rows, like the cells and formulas below them', async () => {
    const fake = new FakeExcel();
    fake.setValues('Sheet1', 'G12', [[42]]);
    fake.setCell('Sheet1', 'G20', { formula: '=SUM(G4:G12)+Sheet1!G12+LOG10(G2)', value: 0 });
    fake.setCell('Sheet1', 'A4', { fill: '#FFFF00' });
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    ctx.workbook.names.add('TH_1', sheet.getRange('G12'));
    ctx.workbook.names.add('Khoi', '=Sheet1!$A$4:$K$14');
    ctx.workbook.names.add('Dau', '=Sheet1!$A$1');
    await ctx.sync();
    expect(fake.name('TH_1')).toBe('Sheet1!$G$12');

    const inserted = sheet.getRange('5:7').insert(Excel_InsertShiftDirection_down());
    inserted.load('address');
    await ctx.sync();
    expect(inserted.address).toBe('Sheet1!5:7');
    expect(fake.name('TH_1')).toBe('Sheet1!$G$15');
    expect(fake.name('Khoi')).toBe('Sheet1!$A$4:$K$17');
    expect(fake.name('Dau')).toBe('Sheet1!$A$1');
    expect(fake.cell('Sheet1', 'G15').value).toBe(42);
    expect(fake.cell('Sheet1', 'G12').value).toBe('');
    expect(fake.cell('Sheet1', 'G23').formula).toBe('=SUM(G4:G15)+Sheet1!G15+LOG10(G2)');
    expect(fake.cell('Sheet1', 'A5').fill).toBe('#FFFF00'); // new rows take the format of the row above

    const th = ctx.workbook.names.getItem('TH_1').getRange().load('address, values');
    await ctx.sync();
    expect([th.address, th.values]).toEqual(['Sheet1!G15', [[42]]]);

    expect(() => sheet.getRange('A1').insert('Right')).toThrow(FakeNotModelledError);
    sheet.getRange('A1:B2').insert('Down');
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeNotModelledError);
  });

  test('defined-name rules: bad names and duplicates are rejected', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    ctx.workbook.names.add('A1', '=Sheet1!$A$1');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ctx.workbook.names.add('ok_name', '=Sheet1!$A$1');
    ctx.workbook.names.add('OK_NAME', '=Sheet1!$B$1');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    const all = ctx.workbook.names.load('name, type, value');
    await ctx.sync();
    expect(all.items.map((n) => [n.name, n.type, n.value])).toEqual([['ok_name', 'Range', 'Sheet1!$A$1']]);
  });
});

// The Excel global is not installed in these tests: use the literal the enum stands for.
function Excel_InsertShiftDirection_down(): Excel.InsertShiftDirection {
  return 'Down' as Excel.InsertShiftDirection;
}

describe('protection', () => {
  test('a write to a protected sheet rejects the next sync with AccessDenied', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.protection.protect();
    sheet.protection.load('protected');
    await ctx.sync();
    expect(sheet.protection.protected).toBe(true);
    sheet.getRange('A1').values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.cell('Sheet1', 'A1').value).toBe('');
    sheet.getRange('A1').format.fill.color = '#FF0000';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    sheet.getRange('A1').load('values'); // reading is fine
    sheet.protection.unprotect();
    sheet.getRange('A1').values = [[1]];
    await ctx.sync();
    expect(fake.cell('Sheet1', 'A1').value).toBe(1);
  });
});

describe('sync counting and Excel.run', () => {
  afterEach(() => uninstallExcelGlobals());

  test('counts syncs, resets, and Excel.run flushes what is still queued', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    await ctx.sync();
    await ctx.sync();
    expect(fake.syncCount).toBe(2);
    fake.resetSyncCount();
    expect(fake.syncCount).toBe(0);

    installExcelGlobals(fake);
    const out = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[Excel.InsertShiftDirection.down]];
      return 'done';
    });
    expect(out).toBe('done');
    expect(fake.syncCount).toBe(1);
    expect(fake.cell('Sheet1', 'B2').value).toBe('Down');
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      await context.sync();
    });
    expect(fake.syncCount).toBe(2); // nothing left queued → no extra sync
  });

  test('requirement sets: the fake Excel version gates members; isSetSupported is configurable', async () => {
    const fake = new FakeExcel({ excelApi: '1.4' });
    const sheet = asExcel(fake).workbook.worksheets.getItem('Sheet1');
    expect(() => sheet.getRangeByIndexes(0, 0, 1, 1)).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => sheet.getRange('A1').dataValidation).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));

    const req = installExcelGlobals(fake, { requirements: fakeRequirements({ ExcelApi: '1.7' }) });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(req.calls).toHaveLength(3);
    uninstallExcelGlobals();
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});

describe('formatting, validation, conditional formats, notes, panes', () => {
  test('members the fake does not model throw instead of succeeding', () => {
    const fake = new FakeExcel();
    const range = asExcel(fake).workbook.worksheets.getItem('Sheet1').getRange('A1');
    expect(() => range.format.autofitColumns()).toThrow(FakeNotModelledError);
    expect(() => {
      range.format.indentLevel = 1;
    }).toThrow(FakeNotModelledError);
    expect(() => range.load('hidden')).toThrow(FakeNotModelledError);
  });

  test('data validation: rule first, then prompt/errorAlert (the other order fails)', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('G5:G9').dataValidation;
    dv.prompt = { showPrompt: true, title: 'Nhập số', message: 'Số dương' };
    dv.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    dv.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    dv.prompt = { showPrompt: true, title: 'Nhập số', message: 'Số dương' };
    dv.errorAlert = { showAlert: true, style: 'Warning', title: 'Sai', message: 'Phải ≥ 0' };
    dv.load('type, rule');
    await ctx.sync();
    expect(dv.type).toBe('Decimal');
    expect(fake.cell('Sheet1', 'G7').validation).toMatchObject({
      rule: { decimal: { formula1: 0 } },
      prompt: { title: 'Nhập số' },
      errorAlert: { style: 'Warning' },
    });
    dv.clear();
    await ctx.sync();
    expect(fake.cell('Sheet1', 'G7').validation).toBeNull();
  });

  test('conditional formats: add on a range, list and count on the whole sheet', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const cf = sheet.getRange('G5:G60').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=G5<F5';
    cf.custom.format.fill.color = '#FFC7CE';
    cf.custom.format.font.color = '#9C0006';
    const cv = sheet.getRange('H5:H60').conditionalFormats.add('CellValue');
    cv.cellValue.rule = { formula1: '0', operator: 'LessThan' };
    cv.cellValue.format.font.bold = true;
    const count = sheet.getRange().conditionalFormats.getCount();
    const all = sheet.getRange().conditionalFormats.load('type');
    await ctx.sync();
    expect(count.value).toBe(2);
    expect(all.items.map((x) => x.type)).toEqual(['CellValue', 'Custom']);
    expect(fake.conditionalFormats('Sheet1')).toEqual([
      expect.objectContaining({ type: 'CellValue', address: 'H5:H60', bold: true }),
      expect.objectContaining({ type: 'Custom', address: 'G5:G60', formula: '=G5<F5', fill: '#FFC7CE' }),
    ]);
    expect(() => sheet.getRange('A1').conditionalFormats.add('DataBar')).toThrow(FakeNotModelledError);
  });

  test('format, merge, select, freeze panes, clear, calculation suspension', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const title = sheet.getRange('A1:K1');
    title.values = [['Chỉ tiêu', '', '', '', '', '', '', '', '', '', '']];
    title.merge();
    title.format.font.bold = true;
    title.format.wrapText = true;
    sheet.getRange('B:B').format.columnWidth = 220;
    sheet.freezePanes.freezeRows(4);
    sheet.getRange('G12').select();
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    await ctx.sync();
    expect(fake.merges('Sheet1')).toEqual(['A1:K1']);
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ bold: true, wrapText: true });
    expect(fake.columnWidth('Sheet1', 'B')).toBe(220);
    expect(fake.frozenRows('Sheet1')).toBe(4);
    expect(fake.selection).toEqual({ sheet: 'Sheet1', address: 'G12' });
    expect(fake.calculationSuspensions).toBe(1);

    fake.setCell('Sheet1', 'C3', { value: 1.5, numberFormat: '#,##0.00', fill: '#FFFF00' });
    const c3 = sheet.getRange('C3').load('text');
    await ctx.sync();
    expect(c3.text).toEqual([['1.50']]);
    sheet.getRange('C3').format.fill.clear();
    sheet.getRange('A1:K1').clear('Contents');
    await ctx.sync();
    expect(fake.cell('Sheet1', 'C3').fill).toBeNull();
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: '', bold: true });
  });

  test('notes (ExcelApi 1.18)', async () => {
    const fake = new FakeExcel({ userName: 'chitieu' });
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.notes.add('G12', 'Vượt kế hoạch');
    ctx.workbook.notes.add('Sheet1!H12', 'Thiếu số liệu');
    const n = ctx.workbook.notes.getCount();
    await ctx.sync();
    expect(n.value).toBe(2);
    expect(fake.cell('Sheet1', 'G12')).toMatchObject({ note: 'Vượt kế hoạch', noteAuthor: 'chitieu' });
    sheet.notes.add('G12', 'again');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    const note = sheet.notes.getItem('G12');
    note.content = 'Đã sửa';
    const loc = note.getLocation().load('address');
    await ctx.sync();
    expect(loc.address).toBe('Sheet1!G12');
    expect(fake.cell('Sheet1', 'G12').note).toBe('Đã sửa');
    sheet.notes.getItem('H12').delete();
    await ctx.sync();
    expect(fake.cell('Sheet1', 'H12').note).toBeNull();
  });
});

describe('onChanged', () => {
  test('handlers register at sync; a user edit fires them with triggerSource Unknown', async () => {
    const fake = new FakeExcel({ sheets: ['Biểu'] });
    const ctx = asExcel(fake);
    const seen: Array<Pick<Excel.WorksheetChangedEventArgs, 'address' | 'changeType' | 'triggerSource' | 'source'>> = [];
    const sheet = ctx.workbook.worksheets.getItem('Biểu');
    sheet.onChanged.add(async (e) => {
      seen.push({ address: e.address, changeType: e.changeType, triggerSource: e.triggerSource, source: e.source });
      const r = e.getRange(ctx).load('values');
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
    });
    expect(fake.changeHandlerCount('Biểu')).toBe(0);
    await ctx.sync();
    expect(fake.changeHandlerCount('Biểu')).toBe(1);

    await fake.userEdit('Biểu', 'G12', '7');
    expect(seen).toEqual([{ address: 'G12', changeType: 'RangeEdited', triggerSource: 'Unknown', source: 'Local' }]);
    expect(fake.cell('Biểu', 'G12').value).toBe(7);
  });

  test("the add-in's own writes fire onChanged too (after the sync), with triggerSource ThisLocalAddin", async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sources: string[] = [];
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const reg = sheet.onChanged.add(async (e) => {
      sources.push(`${e.triggerSource}:${e.address}`);
    });
    await ctx.sync();
    sheet.getRange('A1:B1').values = [[1, 2]];
    await ctx.sync();
    expect(sources).toEqual([]); // not yet: events arrive after the sync resolves
    await fake.settle();
    expect(sources).toEqual(['ThisLocalAddin:A1:B1']);
    reg.remove();
    await ctx.sync();
    expect(fake.changeHandlerCount('Sheet1')).toBe(0);
  });

  test('a failing handler surfaces in userEdit', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
      throw new Error('boom');
    });
    await ctx.sync();
    await expect(fake.userEdit('Sheet1', 'A1', 1)).rejects.toThrow('boom');
  });
});

describe('members the adapter needs (settings, valueTypes, fonts, alignment, borders, panes, page layout)', () => {
  test('settings persist in the workbook across contexts; null object when absent; ExcelApi 1.4', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const missing = ctx.workbook.settings.getItemOrNullObject('chitieu.flags').load('value');
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    ctx.workbook.settings.add('chitieu.flags', JSON.stringify({ fills: { TH_2: null } }));
    ctx.workbook.settings.add('n', 5);
    await ctx.sync();
    expect(fake.settings()).toEqual({ 'chitieu.flags': '{"fills":{"TH_2":null}}', n: 5 });

    const other = asExcel(fake, fake.newContext());
    const s = other.workbook.settings.getItemOrNullObject('chitieu.flags').load('value, key');
    const wrongCase = other.workbook.settings.getItemOrNullObject('CHITIEU.FLAGS');
    const all = other.workbook.settings.load('items/key');
    await other.sync();
    expect([s.isNullObject, s.key, JSON.parse(s.value as string)]).toEqual([false, 'chitieu.flags', { fills: { TH_2: null } }]);
    expect(wrongCase.isNullObject).toBe(true);
    expect(all.items.map((x) => x.key)).toEqual(['chitieu.flags', 'n']);
    other.workbook.settings.add('n', [1, 2]); // add overwrites
    s.delete();
    await other.sync();
    expect(fake.settings()).toEqual({ n: [1, 2] });
    s.delete();
    await expect(other.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });

    const old = new FakeExcel({ excelApi: '1.3' });
    expect(() => asExcel(old).workbook.settings).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
  });

  test('valueTypes: Empty, String, Double, Boolean, Error (typed error literals and formula errors)', async () => {
    const fake = new FakeExcel({ evaluate: (f) => (f === '=1/0' ? '#DIV/0!' : f === '=""' ? '' : undefined) });
    await fake.userEdit('Sheet1', 'A1', [['x', 12, 'TRUE', '#N/A', '', '=1/0', '=""']]);
    fake.setCell('Sheet1', 'H1', { value: '#REF!' }); // text that looks like an error: stays text
    fake.setCell('Sheet1', 'I1', { value: '#REF!', error: true });
    const ctx = asExcel(fake);
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J1').load('values, valueTypes');
    await ctx.sync();
    expect(r.values).toEqual([['x', 12, true, '#N/A', '', '#DIV/0!', '', '#REF!', '#REF!', '']]);
    expect(r.valueTypes).toEqual([['String', 'Double', 'Boolean', 'Error', 'Empty', 'Error', 'String', 'String', 'Error', 'Empty']]);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('D1').values = [[5]];
    await ctx.sync();
    expect(fake.cell('Sheet1', 'D1')).toMatchObject({ value: 5, error: false });
  });

  test('font name/size/italic, alignment, row height, borders — uniform reads, null when mixed', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const block = sheet.getRange('A1:C3');
    block.format.font.name = 'Times New Roman';
    block.format.font.size = 12;
    block.format.verticalAlignment = 'Center';
    sheet.getRange('A1').format.font.italic = true;
    sheet.getRange('A1:C1').format.horizontalAlignment = 'Center';
    sheet.getRange('2:2').format.rowHeight = 48;
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      block.format.borders.getItem(edge).style = 'Continuous';
    }
    await ctx.sync();
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ fontName: 'Times New Roman', fontSize: 12, italic: true, horizontalAlignment: 'Center', verticalAlignment: 'Center' });
    expect(fake.cell('Sheet1', 'B2').borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(fake.cell('Sheet1', 'D2').borders.left).toBe('None'); // outside the range: not modelled as shared
    expect([fake.rowHeight('Sheet1', 1), fake.rowHeight('Sheet1', 2)]).toEqual([15, 48]);

    const a1 = sheet.getRange('A1').load(['format/font/italic', 'format/font/name', 'format/horizontalAlignment', 'format/rowHeight']);
    const col = sheet.getRange('A1:A3').load(['format/font/italic', 'format/rowHeight']);
    const top = sheet.getRange('A1:C3').format.borders.getItem('EdgeTop').load('style');
    const d = sheet.getRange('C3:D3').format.borders.getItem('EdgeRight').load('style, sideIndex');
    await ctx.sync();
    expect([a1.format.font.italic, a1.format.font.name, a1.format.horizontalAlignment, a1.format.rowHeight]).toEqual([true, 'Times New Roman', 'Center', 15]);
    expect([col.format.font.italic, col.format.rowHeight]).toEqual([null, null]);
    expect([top.style, d.style, d.sideIndex]).toEqual(['Continuous', 'None', 'EdgeRight']);
    expect(() => block.format.borders.getItem('DiagonalUp')).toThrow(FakeNotModelledError);
    sheet.getRange('A1').format.horizontalAlignment = 'Middle' as 'Center';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRange('A1:C3').clear('Formats');
    await ctx.sync();
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ fontName: 'Calibri', fontSize: 11, italic: false, horizontalAlignment: 'General' });
    expect(fake.cell('Sheet1', 'B2').borders.top).toBe('None');
  });

  test('freezeAt(range) freezes its rows and columns (ExcelApi 1.7); page layout (1.9)', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.freezePanes.freezeAt(sheet.getRange('A1:B6'));
    sheet.pageLayout.orientation = 'Landscape';
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.setPrintTitleRows('$5:$6');
    await ctx.sync();
    expect([fake.frozenRows('Sheet1'), fake.frozenColumns('Sheet1')]).toEqual([6, 2]);
    expect(fake.pageLayout('Sheet1')).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$5:$6' });
    sheet.freezePanes.freezeAt('1:3');
    await ctx.sync();
    expect([fake.frozenRows('Sheet1'), fake.frozenColumns('Sheet1')]).toEqual([3, 0]);
    sheet.pageLayout.setPrintTitleRows('A5:K6');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.pageLayout.zoom = { scale: 5 };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });

    const old = asExcel(new FakeExcel({ excelApi: '1.7' })).workbook.worksheets.getItem('Sheet1');
    expect(() => old.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => asExcel(new FakeExcel({ excelApi: '1.6' })).workbook.worksheets.getItem('Sheet1').freezePanes).toThrow(
      expect.objectContaining({ code: 'ApiNotFound' }),
    );
  });

  test('fingerprint() changes with any modelled change and only then', async () => {
    const fake = new FakeExcel();
    const before = fake.fingerprint();
    expect(fake.fingerprint()).toBe(before);
    const ctx = asExcel(fake);
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
    await ctx.sync();
    expect(fake.fingerprint()).toBe(before); // reading changes nothing
    r.format.borders.getItem('EdgeTop').style = 'Dash';
    await ctx.sync();
    expect(fake.fingerprint()).not.toBe(before);
  });
});

describe('Excel as users have it: failures mid-batch, #REF! names, new sessions, old events, leaky names', () => {
  test('an injected failure stops the batch at that operation: the ones before stay, the rest are dropped', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    fake.injectFailure({ match: /^Range\.values$/, nth: 1, code: 'ItemNotFound' });
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1').values = [[1]];
    sheet.getRange('A2').values = [[2]];
    sheet.getRange('A3').values = [[3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
    expect(fake.values('Sheet1', 'A1:A3')).toEqual([[1], [''], ['']]);
    expect(fake.armedFailures).toBe(0);
    // The context goes on working after a failed sync.
    sheet.getRange('A3').values = [[3]];
    await ctx.sync();
    expect(fake.values('Sheet1', 'A3')).toEqual([[3]]);
  });

  test('operations are labelled by the member the caller used', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.freezePanes.freezeAt(sheet.getRange('A1:B2'));
    sheet.getRange('A1').format.fill.color = '#FFFF00';
    await ctx.sync();
    expect(fake.operations).toEqual(['WorksheetCollection.getItem', 'Worksheet.getRange', 'WorksheetFreezePanes.freezeAt', 'Worksheet.getRange', 'RangeFill.color']);
  });

  test('names of a deleted sheet stay, as #REF! of type Error', async () => {
    const fake = new FakeExcel({ sheets: ['Sheet1', 'Biểu'] });
    fake.defineName('TH_1', "'Biểu'!$E$9");
    fake.deleteSheetAsUser('Biểu');
    const names = asExcel(fake).workbook.names.load('items/name,items/type');
    await fake.context.sync();
    expect(names.items.map((n) => [n.name, n.type])).toEqual([['TH_1', 'Error']]);
  });

  test('a new session gives every sheet a new id and forgets the event handlers', async () => {
    const fake = new FakeExcel();
    const ctx = asExcel(fake);
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.onChanged.add(async () => undefined);
    ws.load('id');
    await ctx.sync();
    const before = ws.id;
    fake.newSession();
    const again = asExcel(fake, fake.newContext()).workbook.worksheets.getItem('Sheet1').load('id');
    await fake.context.sync().then(() => again.context.sync());
    expect(again.id).not.toBe(before);
    expect(fake.changeHandlerCount('Sheet1')).toBe(0);
  });

  test('before ExcelApi 1.14 onChanged events have no triggerSource', async () => {
    for (const [excelApi, expected] of [['1.13', undefined], ['1.14', 'Unknown']] as const) {
      const fake = new FakeExcel({ excelApi });
      const seen: unknown[] = [];
      asExcel(fake).workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => { seen.push(e.triggerSource); });
      await fake.context.sync();
      await fake.userEdit('Sheet1', 'A1', 5);
      expect(seen).toEqual([expected]);
    }
  });

  test('worksheetNamesIncludeWorkbook: worksheet.names lists workbook names too, with their scope', async () => {
    const fake = new FakeExcel({ worksheetNamesIncludeWorkbook: true });
    fake.defineName('Chung', 'Sheet1!$A$1');
    fake.defineName('Rieng', 'Sheet1!$B$1', 'Sheet1');
    const own = asExcel(fake).workbook.worksheets.getItem('Sheet1').names.load('items/name,items/scope');
    await fake.context.sync();
    expect(own.items.map((n) => [n.name, n.scope])).toEqual([['Chung', 'Workbook'], ['Rieng', 'Worksheet']]);
  });
});
