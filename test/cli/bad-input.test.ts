// Bad input through the real command (`main`, in-process): whatever a person or a broken file puts in
// front of `chitieu check`, the answer is findings (exit 0/1) or one clear line on stderr (exit 2) —
// never a thrown error, a stack trace or a hang.
import { promises as fs } from 'fs';
import path from 'path';
import { crc32 } from 'zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Report } from '../../src/core/types';
import { buildTemplate } from '../../src/template/model';
import { realisticEntries } from '../../src/template/samples';
import { MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from '../../src/xlsx/io';
import { declaredUnpackedSize } from '../../src/xlsx/zipGuard';
import { namedCells } from '../../src/xlsx/definedNames';
import { openZip, writeZip } from '../../src/xlsx/package/zip';
import { fillByName, run, tmpDir } from '../support/xlsx';

const dir = tmpDir();
const model = buildTemplate({ year: 2023 });
const SHEET = model.sheetName;
let blank: Buffer;
let filled: Buffer;
let seq = 0;
const fresh = (ext = 'xlsx') => path.join(dir, `f${++seq}.${ext}`);

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
async function save(wb: ExcelJS.Workbook): Promise<string> {
  const file = fresh();
  await wb.xlsx.writeFile(file);
  return file;
}

type Outcome = { code: number; out: string; err: string };

/** Findings (0/1, a JSON report, nothing on stderr) or exit 2 with exactly one line and no stack trace. */
function expectClean(r: Outcome, json = true): Report | null {
  expect([0, 1, 2]).toContain(r.code);
  if (r.code === 2) {
    expect(r.err).toMatch(/^chitieu: [^\n]+\n$/);
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+|Error:|TypeError|undefined/);
    return null;
  }
  expect(r.err).toBe('');
  if (!json) return null;
  const report = JSON.parse(r.out) as Report;
  expect(Array.isArray(report.findings)).toBe(true);
  expect(Array.isArray(report.indicators)).toBe(true);
  expect(r.code).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0);
  return report;
}

beforeAll(async () => {
  const b = path.join(dir, 'blank.xlsx');
  const r = await run('template', '--out', b, '--year', '2023');
  expect(r.code).toBe(0);
  blank = await fs.readFile(b);
  const wb = await load(blank);
  fillByName(wb, realisticEntries(7));
  filled = Buffer.from(await wb.xlsx.writeBuffer());
}, 30_000);

// ---------------------------------------------------------------- fuzzed cell values
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'] as const;
const nastyText = fc.constantFrom(
  'NaN', 'Infinity', '-Infinity', '1e309', '-1e-400', '-0', '0x1F', '1e5', '١٢٣', '½', '∞', '--5', '5-', '1,2,3', '1..2',
  '1.725.490', '107,64', '1 725 490', '4.512.000.000.000', '> 90', '9/9', '0/0', '1/0', 'Đạt', 'chưa đạt', 'TRUE', '#N/A',
  '=1/0', '=', '', '   ', '\u0000', '\uFFFF', '\uD800', '𝟙𝟚𝟛', 'x'.repeat(32767), '1'.repeat(400), '%', '95%', '0,95', '-', '—',
);
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  nastyText,
  fc.double(), // NaN, ±Infinity, -0, subnormals, ±1.8e308
  fc.constantFrom(Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 1e300, -1e15, 2 ** 53 + 1, 0.1 + 0.2),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...ERRORS).map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.constantFrom(...ERRORS).map((error) => ({ formula: '1/0', result: { error } }) as unknown as ExcelJS.CellFormulaValue),
  fc.oneof(fc.double(), fc.string({ maxLength: 10 }), fc.boolean()).map((result) => ({ formula: 'A1+1', result }) as ExcelJS.CellFormulaValue),
  fc.constant({ formula: 'SUM(' } as ExcelJS.CellFormulaValue),
  fc.date({ noInvalidDate: true, min: new Date(1900, 2, 1), max: new Date(2100, 0, 1) }),
  fc.string({ maxLength: 12 }).map((t) => ({ richText: [{ text: t, font: { bold: true } }, { text: '0' }] })),
  fc.string({ maxLength: 12 }).map((text) => ({ text, hyperlink: 'https://example.vn/' })),
);
const names = model.names.map((n) => n.address);
const columns = 'ABCDEFGHIJKLM';
const anyCell = fc.oneof(
  { arbitrary: fc.constantFrom(...names), weight: 3 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: columns.length - 1 }), fc.integer({ min: 1, max: model.lastRow + 3 })).map(([c, r]) => `${columns[c]}${r}`), weight: 1 },
);

describe('fuzzed cells through `chitieu check`', () => {
  it('any value typed into any template cell gives findings or one clear line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(anyCell, cellValue), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), async (edits, onFilled, withOut) => {
        const wb = await load(onFilled ? filled : blank);
        const ws = wb.getWorksheet(SHEET)!;
        for (const [address, value] of edits) ws.getCell(address).value = value;
        const file = await save(wb);
        const r = await run('check', file, '--json', ...(withOut ? ['--out', fresh()] : []));
        expectClean(r);
        // The readable table and `describe` render the same workbook without throwing.
        expectClean(await run('check', file), false);
        expectClean(await run('describe', file, '--json'), false);
      }),
      { numRuns: Number(process.env.CHITIEU_FUZZ_RUNS ?? 40), interruptAfterTimeLimit: Number(process.env.CHITIEU_FUZZ_MS ?? 60_000) },
    );
  }, 90_000);

  it('a formula error in an input cell is a formula-error finding on that cell', async () => {
    const wb = await load(filled);
    fillByName(wb, { TH_2: { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as string });
    const report = expectClean(await run('check', await save(wb), '--json'))!;
    expect(report.findings).toContainEqual(expect.objectContaining({ name: 'TH_2', code: 'formula-error', severity: 'error' }));
  }, 20_000);

  it('a number in a date format far outside the calendar (Excel shows ####) is not-a-number, not a crash', async () => {
    // Found by the fuzzer: ExcelJS reads such a cell as an invalid Date.
    const wb = await load(filled);
    const ws = wb.getWorksheet(SHEET)!;
    const at = model.names.find((n) => n.name === 'TH_3')!.address;
    ws.getCell('A1').value = new Date('1970-01-01T00:00:00.000Z'); // gives the workbook a date style
    ws.getCell(at).value = -99974432;
    ws.getCell(at).numFmt = 'dd/mm/yyyy';
    const report = expectClean(await run('check', await save(wb), '--json'))!;
    expect(report.findings).toContainEqual(expect.objectContaining({ name: 'TH_3', code: 'not-a-number', severity: 'error' }));
  }, 20_000);

  it('NaN, ±Infinity and booleans in input cells are not-a-number, never a number', async () => {
    const wb = await load(filled);
    fillByName(wb, { TH_2: Number.NaN as unknown as number, TH_3: Infinity, TH_9: true, TN_7: 'NaN' });
    const report = expectClean(await run('check', await save(wb), '--json'))!;
    for (const name of ['TH_9', 'TN_7']) {
      expect(report.findings).toContainEqual(expect.objectContaining({ name, code: 'not-a-number' }));
    }
    // ExcelJS writes NaN/Infinity into <v>; whatever it reads back, no indicator may use it as a number.
    for (const id of ['2', '3']) {
      const ind = report.indicators.find((i) => i.id === id)!;
      expect(ind.actual === null || Number.isFinite(ind.actual)).toBe(true);
    }
  }, 20_000);
});

// ---------------------------------------------------------------- a changed layout
describe('a workbook whose layout the user changed', () => {
  it('merged cells over value cells', async () => {
    const wb = await load(filled);
    const ws = wb.getWorksheet(SHEET)!;
    const cells = namedCells(wb);
    const row = (n: string) => Number(/\d+$/.exec(cells.get(n)!.address)![0]);
    ws.mergeCells(`D${row('TH_2')}:G${row('TH_2')}`); // KH … TH of one row
    ws.mergeCells(`G${row('TH_9')}:G${row('TH_10')}`); // two rows' actuals
    const report = expectClean(await run('check', await save(wb), '--json', '--out', fresh()));
    expect(report).not.toBeNull();
  }, 20_000);

  it('deleted defined names: a missing-cell warning, or exit 2 when no TH_ name is left', async () => {
    const wb = await load(filled);
    for (const n of ['TH_2', 'KH_3', 'TN_7', 'KHTT_1_SP', 'DG_4', 'GC_4', 'KY_BAO_CAO', 'NAM_BAO_CAO']) {
      const nc = namedCells(wb).get(n)!;
      wb.definedNames.remove(`'${nc.sheet}'!${nc.address}`, nc.name);
    }
    const report = expectClean(await run('check', await save(wb), '--json', '--out', fresh()))!;
    expect(report.findings).toContainEqual(expect.objectContaining({ id: '2', code: 'missing-cell' }));

    const none = await load(filled);
    for (const nc of namedCells(none).values()) {
      if (/^TH_/.test(nc.name)) none.definedNames.remove(`'${nc.sheet}'!${nc.address}`, nc.name);
    }
    const r = await run('check', await save(none));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có biểu chỉ tiêu/);
    expectClean(r);
  }, 20_000);

  it.each([
    ['Báo cáo 6 tháng (2023)'],
    ["Xã O'Long"],
    ['Biểu!1'],
  ])('a renamed sheet "%s": the names follow (as Excel renames them) and check still works', async (name) => {
    const wb = await load(filled);
    const ws = wb.getWorksheet(SHEET)!;
    const before = [...namedCells(wb).values()];
    ws.name = name;
    for (const nc of before) {
      wb.definedNames.remove(`'${SHEET}'!${nc.address}`, nc.name);
      wb.definedNames.add(`'${name.replace(/'/g, "''")}'!$${nc.address.replace(/(\d+)$/, '$$$1')}`, nc.name);
    }
    const file = await save(wb);
    const report = expectClean(await run('check', file, '--json', '--out', fresh()))!;
    expect(report.findings.filter((f) => f.code === 'missing-cell')).toEqual([]);
    expect(report.indicators.find((i) => i.id === '2')!.status).not.toBe('khong-du-lieu');
    expect(report.findings.every((f) => f.sheet === undefined || f.sheet === name)).toBe(true);
  }, 20_000);

  it('a sheet renamed by a tool that left the names behind: one line that says so', async () => {
    const wb = await load(filled);
    wb.getWorksheet(SHEET)!.name = 'Trang khác';
    const r = await run('check', await save(wb), '--json');
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`trỏ tới trang "${SHEET}" không còn trong sổ tính`);
  }, 20_000);

  it('a protected template sheet is read and checked; the flagged copy is written', async () => {
    const wb = await load(filled);
    await wb.getWorksheet(SHEET)!.protect('mat-khau', { selectLockedCells: true, selectUnlockedCells: true });
    const file = await save(wb);
    const out = fresh();
    const report = expectClean(await run('check', file, '--json', '--out', out));
    expect(report).not.toBeNull();
    await expect(fs.stat(out)).resolves.toBeTruthy();
  }, 20_000);

  it('extra sheets, an empty extra sheet and a chart-less "History"-like sheet do not disturb the check', async () => {
    const wb = await load(filled);
    wb.addWorksheet('Ghi chép').getCell('A1').value = 'TH_2';
    wb.addWorksheet('Trống');
    expectClean(await run('check', await save(wb), '--json'));
  }, 20_000);
});

// ---------------------------------------------------------------- files that are not a usable workbook
/** A minimal stored (uncompressed) zip of the given entries. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function writeFile(data: Buffer | string, ext = 'xlsx'): Promise<string> {
  const file = fresh(ext);
  await fs.writeFile(file, data);
  return file;
}

async function expectExit2(file: string, message: RegExp): Promise<void> {
  for (const argv of [['check', file, '--json'], ['check', file, '--out', fresh()], ['describe', file]]) {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expectClean(r);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  }
}

describe('files that cannot be used: exit 2 with one line', () => {
  it('a missing file and a directory', async () => {
    await expectExit2(path.join(dir, 'khong-co.xlsx'), /không tìm thấy/);
    await expectExit2(dir, /không phải là một tệp/);
  }, 20_000);

  it('a text file, an empty file, an old .xls and random bytes', async () => {
    await expectExit2(await writeFile('TT;Chỉ tiêu;Kế hoạch\n2;Bán lẻ;4449\n', 'csv'), /không phải tệp Excel/);
    await expectExit2(await writeFile(''), /không phải tệp Excel/);
    await expectExit2(await writeFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'), /\.xls cũ/);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, zipMagic) => {
        const data = Buffer.from(bytes);
        if (zipMagic && data.length >= 4) data.writeUInt32LE(0x04034b50, 0);
        const r = await run('check', await writeFile(data), '--json');
        expect(r.code).toBe(2);
        expectClean(r);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('a truncated .xlsx, at any length', async () => {
    await expectExit2(await writeFile(filled.subarray(0, Math.floor(filled.length / 2))), /bị hỏng/);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: filled.length - 1 }), async (n) => {
        const r = await run('check', await writeFile(filled.subarray(0, n)), '--json');
        // Cutting only the end of the central directory may still be readable; either way, no crash.
        expectClean(r);
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('a .xlsx with flipped bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (flips) => {
        const data = Buffer.from(filled);
        for (const [at, b] of flips) data[4 + (at % (data.length - 4))] = b;
        expectClean(await run('check', await writeFile(data), '--json'));
      }),
      { numRuns: 25 },
    );
  }, 40_000);

  it('a damaged directory entry whose name holds a line break still gives one line', async () => {
    // Found by the flipped-bytes property: a name's bytes flipped to "\n" and a local offset gone wrong.
    const z = openZip(filled);
    const data = Buffer.from(writeZip(z, new Map(), new Map([['xl/a\r\nb\u0007.bin', Buffer.from('x')]])));
    const cd = data.lastIndexOf(Buffer.from('xl/a\r\nb\u0007.bin', 'latin1')) - 46;
    expect(data.readUInt32LE(cd)).toBe(0x02014b50);
    data.writeUInt32LE(7, cd + 42); // local header offset points at nothing
    const r = await run('check', await writeFile(data), '--json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('chitieu: tệp "' + r.err.split('"')[1] + '" bị hỏng hoặc không phải .xlsx hợp lệ (phần "xl/a??b?.bin" không có ở vị trí mục lục ghi)\n');
  }, 20_000);

  it('a zip that is not an xlsx', async () => {
    await expectExit2(await writeFile(zip({ 'ghi-chu.txt': 'Không phải sổ tính' })), /^chitieu: /);
    await expectExit2(await writeFile(zip({})), /^chitieu: /);
    await expectExit2(await writeFile(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook' })), /^chitieu: /);
  }, 20_000);

  it('an empty workbook: no sheet, an empty sheet, a sheet with data but no template', async () => {
    await expectExit2(await save(new ExcelJS.Workbook()), /không có biểu chỉ tiêu|bị hỏng/);
    const one = new ExcelJS.Workbook();
    one.addWorksheet('Sheet1');
    await expectExit2(await save(one), /không có biểu chỉ tiêu|bị hỏng/);
    const data = new ExcelJS.Workbook();
    const ws = data.addWorksheet('Chỉ tiêu KT-XH');
    ws.addRow(['TT', 'Chỉ tiêu', 'Kế hoạch']);
    ws.addRow([2, 'Tổng mức bán lẻ', 4449]);
    const file = await save(data);
    const r = await run('check', file, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có biểu chỉ tiêu/);
  }, 20_000);

  it('a file just over the size limit is refused before it is read', async () => {
    const file = await writeFile(filled);
    await fs.truncate(file, MAX_FILE_BYTES + 1); // sparse: no 20 MB written
    await expectExit2(file, /vượt giới hạn 20 MB/);
    const atLimit = await writeFile(filled);
    await fs.truncate(atLimit, MAX_FILE_BYTES); // at the limit: read, and refused only as corrupt (zeros appended)
    const r = await run('check', atLimit, '--json');
    expectClean(r);
    expect(r.err).not.toMatch(/giới hạn/);
  }, 30_000);

  it('a small file that would unpack past the limit (a zip bomb) is refused before it is unpacked', async () => {
    const bytes = await fs.readFile(await writeFile(filled));
    const real = declaredUnpackedSize(bytes)!;
    expect(real).toBeGreaterThan(0);
    expect(real).toBeLessThan(MAX_UNPACKED_BYTES / 100);
    // Declare 1 GB for the first entry of the central directory, as a bomb's header would.
    const bomb = Buffer.from(bytes);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = bomb.readUInt32LE(eocd + 16);
    bomb.writeUInt32LE(1024 * 1024 * 1024, cd + 24);
    await expectExit2(await writeFile(bomb), /giải nén thành 1\d{3} MB, vượt giới hạn 200 MB/);
    bomb.writeUInt32LE(0xffffffff, cd + 24);
    await expectExit2(await writeFile(bomb), /hơn 4 GB/);
  }, 20_000);

  it('bad arguments: one line each', async () => {
    const file = await writeFile(filled);
    for (const argv of [['check'], ['check', file, file], ['check', file, '--out'], ['check', file, '--period', 'quy'], ['check', file, '--out', file], ['check', file, '--bogus'], ['frobnicate'], ['check', file, '--out', path.join(dir, 'khong-co-thu-muc', 'x.xlsx')]]) {
      const r = await run(...argv);
      expect([argv, r.code]).toEqual([argv, 2]);
      expectClean(r);
    }
  }, 20_000);
});
