// Nothing the user typed is lost (ExcelJS side): `check` never changes FILE (byte for byte), the flagged
// copy of `check --out` holds every typed value of FILE, and `template` refusing to overwrite leaves the
// file as it was. "Typed" = every value of the template sheet except its live formula cells (whose cached
// result the copy updates with the engine's verdict), plus every cell of any sheet the user added.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildTemplate } from '../../src/template/model';
import { realisticEntries } from '../../src/template/samples';
import { namedCells } from '../../src/xlsx/definedNames';
import { fileHash, fillByName, run, tmpDir } from '../support/xlsx';

const dir = tmpDir();
const model = buildTemplate({ year: 2023 });
const SHEET = model.sheetName;
let blank: Buffer;
let seq = 0;
const fresh = () => path.join(dir, `n${++seq}.xlsx`);

async function load(src: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof src === 'string') await wb.xlsx.readFile(src);
  else await wb.xlsx.load(src as unknown as ArrayBuffer);
  return wb;
}

const isFormula = (v: ExcelJS.CellValue) => !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);

/** Every typed cell: `sheet!address` → its value (JSON), the template sheet's formula cells left out. */
function typedCells(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // a merged cell shows its master's value
        const v = cell.value;
        if (v === null || v === undefined) return;
        if (ws.name === SHEET && isFormula(v)) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(v));
      });
    });
  }
  return out;
}

function hashOf(cells: Map<string, string>): string {
  const h = createHash('sha256');
  for (const k of [...cells.keys()].sort()) h.update(`${k}=${cells.get(k)}\n`);
  return h.digest('hex');
}

/** Notes (cell comments) the user wrote, by `sheet!address`. */
function notes(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      const n = cell.note;
      if (n) out.set(`${ws.name}!${cell.address}`, typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join(''));
    }));
  }
  return out;
}

function definedNames(wb: ExcelJS.Workbook): string[] {
  return [...namedCells(wb).values()].map((n) => `${n.name}=${n.sheet}!${n.address}`).sort();
}

beforeAll(async () => {
  const b = path.join(dir, 'blank.xlsx');
  expect((await run('template', '--out', b, '--year', '2023')).code).toBe(0);
  blank = await fs.readFile(b);
});

const inputNames = model.names.map((n) => n.name).filter((n) => /^(KH|KHTT|TN|TH)_/.test(n));
const noteNames = model.names.map((n) => n.name).filter((n) => /^GC_/.test(n));
/** Output cells a user may type over (their formula replaced by a value of their own). */
const outputNames = model.names.map((n) => n.name).filter((n) => /^(CS|PT|DG)_/.test(n));
const typed: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom('1.725.490', '107,64', '96,5', 'Đạt', 'Chưa đạt', 'chưa có số', '> 90', '9/9', '', 'TRUE'),
  fc.string({ maxLength: 30 }).filter((s) => !s.startsWith('=')),
  fc.boolean(),
  fc.constantFrom('#N/A', '#DIV/0!', '#REF!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.constant({ formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellValue),
);
const extraCell = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 }));

interface Scenario {
  seed: number;
  inputs: [string, ExcelJS.CellValue][];
  notesTyped: [string, string][];
  overwritten: [string, ExcelJS.CellValue][];
  /** Cells outside the named ones on the template sheet: beside the table, under it. */
  loose: [[number, number], ExcelJS.CellValue][];
  extra: [[number, number], ExcelJS.CellValue][] | null;
  cellNote: boolean;
}

async function userWorkbook(s: Scenario): Promise<string> {
  const wb = await load(blank);
  fillByName(wb, realisticEntries(s.seed));
  const entries = Object.fromEntries([...s.inputs, ...s.notesTyped, ...s.overwritten]) as Record<string, never>;
  fillByName(wb, entries);
  const ws = wb.getWorksheet(SHEET)!;
  for (const [[r, c], v] of s.loose) ws.getCell(model.lastRow + 2 + r, c).value = v; // under the table
  ws.getCell('M3').value = 'Người lập biểu: Nguyễn Thị A'; // beside it
  if (s.cellNote) {
    const th = namedCells(wb).get('TH_2')!;
    ws.getCell(th.address).note = 'Số của Chi cục Thống kê, 15/12';
  }
  if (s.extra) {
    const x = wb.addWorksheet('Số liệu gốc');
    for (const [[r, c], v] of s.extra) x.getCell(r, c).value = v;
    x.getCell('J1').value = { formula: 'SUM(A1:A3)', result: 42 } as ExcelJS.CellFormulaValue;
    x.getCell('J2').value = new Date(Date.UTC(2023, 11, 15));
    x.getCell('J3').value = { richText: [{ text: 'Ghi ', font: { bold: true } }, { text: 'chú' }] };
  }
  const file = fresh();
  await wb.xlsx.writeFile(file);
  return file;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  inputs: fc.array(fc.tuple(fc.constantFrom(...inputNames), typed), { maxLength: 10 }),
  notesTyped: fc.array(fc.tuple(fc.constantFrom(...noteNames), fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '' && !t.startsWith('='))), { maxLength: 4 }),
  overwritten: fc.array(fc.tuple(fc.constantFrom(...outputNames), fc.oneof(fc.constantFrom('Đạt', 'Chưa đạt', 'Vượt'), fc.double({ min: 0, max: 200, noNaN: true }))), { maxLength: 3 }),
  loose: fc.array(fc.tuple(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 13 })), typed), { maxLength: 5 }),
  extra: fc.option(fc.array(fc.tuple(extraCell, typed), { minLength: 1, maxLength: 15 }), { nil: null }),
  cellNote: fc.boolean(),
});

describe('nothing the user typed is lost', () => {
  it('check --out: FILE byte-identical, the copy holds every typed value, name and note', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const file = await userWorkbook(s);
        const bytes = await fs.readFile(file);
        const orig = await load(file);
        const before = typedCells(orig);
        expect(before.size).toBeGreaterThan(100);
        if (s.cellNote) expect(notes(orig).size).toBeGreaterThan(0);
        const out = fresh();
        const r = await run('check', file, '--out', out);
        expect([0, 1]).toContain(r.code);
        expect(fileHash(await fs.readFile(file))).toBe(fileHash(bytes));

        const copy = await load(out);
        const after = typedCells(copy);
        const noteCells = new Set([...namedCells(orig).values()].filter((n) => /^GC_/.test(n.name)).map((n) => `${n.sheet}!${n.address}`));
        for (const [key, value] of before) {
          if (noteCells.has(key)) {
            // The note column keeps what the user wrote first; the findings come after it.
            const text = JSON.parse(value) as string;
            expect(JSON.parse(after.get(key) ?? '""')).toEqual(expect.stringMatching(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\n\\[chitieu\\] |$)`)));
          } else {
            expect([key, after.get(key)]).toEqual([key, value]);
          }
        }
        // Nothing typed appears from nowhere either (only the note column and status results change).
        for (const key of after.keys()) if (!before.has(key)) expect(noteCells.has(key) ? 'note' : key).toBe('note');
        expect(definedNames(copy)).toEqual(definedNames(orig));
        expect(copy.worksheets.map((w) => w.name)).toEqual(orig.worksheets.map((w) => w.name));
        // A user's own cell note is kept, at the start of whatever the flags add.
        for (const [key, text] of notes(orig)) expect([key, notes(copy).get(key)?.startsWith(text)]).toEqual([key, true]);
      }),
      { numRuns: 15, interruptAfterTimeLimit: 60_000 },
    );
  }, 90_000);

  it('check without --out and check --out onto an existing file change nothing', async () => {
    const file = await userWorkbook({ seed: 3, overwritten: [], inputs: [['TH_2', 4512000000000]], notesTyped: [['GC_2', 'Số ước']], loose: [], extra: [[[1, 1], 5]], cellNote: true });
    const existing = fresh();
    await fs.writeFile(existing, blank);
    const [bytes, existingBytes] = [await fs.readFile(file), await fs.readFile(existing)];
    const hash = hashOf(typedCells(await load(file)));
    expect((await run('check', file)).code).toBe(1);
    expect((await run('check', file, '--json')).code).toBe(1);
    const refused = await run('check', file, '--out', existing);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/đã có; không ghi đè/);
    expect(fileHash(await fs.readFile(file))).toBe(fileHash(bytes));
    expect(fileHash(await fs.readFile(existing))).toBe(fileHash(existingBytes));
    expect(hashOf(typedCells(await load(file)))).toBe(hash);
  }, 30_000);

  it('template --out onto a filled report refuses and leaves it as it was', async () => {
    const file = await userWorkbook({ seed: 9, overwritten: [['DG_9', 'Đạt']], inputs: [['TH_9', '96,5']], notesTyped: [['GC_9', 'Theo BHXH huyện']], loose: [[[0, 2], 'Ký tên']], extra: [[[2, 3], 'x']], cellNote: false });
    const bytes = await fs.readFile(file);
    const hash = hashOf(typedCells(await load(file)));
    for (const extra of [[], ['--period', '6t'], ['--year', '2024', '--unit', 'UBND xã Vĩnh An']]) {
      const r = await run('template', '--out', file, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/đã có; không ghi đè/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(fileHash(await fs.readFile(file))).toBe(fileHash(bytes));
    expect(hashOf(typedCells(await load(file)))).toBe(hash);
  }, 30_000);
});
