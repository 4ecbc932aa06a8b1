// Recognition on what LibreOffice writes: fixture tables saved as HTML (merged headers) and CSV (every
// cell text, numbers typed the Vietnamese way) are opened in LibreOffice Calc, saved as .xlsx, and read
// back with ExcelJS — merged areas as ExcelJS reports them, numbers as text, % formats — and the
// recognition must be the one the table was built with.
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { convertToXlsxWithLibreOffice } from '../../support/libreoffice';
import { LAYOUTS } from '../../fixtures/tables/layouts';
import { buildTable, type TableFixture } from '../../fixtures/tables/build';
import { checkStated, gridFormats, recognizeTable, toAdoptJson } from '../../../src/core/recognize';
import type { MergeArea, SheetGrid } from '../../../src/core/recognize';
import type { RawValue } from '../../../src/core/types';

jest.setTimeout(180_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-owntable-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string): TableFixture => buildTable(LAYOUTS.find((l) => l.name === name)!);

function cellValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return { error: String(v.error) };
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  return String(v);
}

/** The sheet as the adapters will hand it to core: values, merges, number formats. */
async function gridOf(file: string): Promise<{ grid: SheetGrid; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const merges: MergeArea[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((ref) => {
    const [a, b] = ref.split(':').map((x) => ws.getCell(x!));
    return { top: Number(a!.row), left: Number(a!.col), bottom: Number(b!.row), right: Number(b!.col) };
  });
  const cells: RawValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: RawValue[] = [];
    const fmt: (string | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      row.push(cellValue(cell.value));
      fmt.push(cell.numFmt ?? null);
    }
    cells.push(row);
    formats.push(fmt);
  }
  return { grid: { name: ws.name, cells, merges, formats }, sheet: ws };
}

function csvOf(t: TableFixture): string {
  const q = (v: RawValue) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
  return t.grid.cells.map((r) => r.map(q).join(',')).join('\n') + '\n';
}

function expectRecognisedAsBuilt(t: TableFixture, grid: SheetGrid): void {
  const res = recognizeTable(grid, { plan: t.plan });
  if (!res.ok) throw new Error(res.reason);
  const j = toAdoptJson(res.table);
  expect(j.columns).toEqual(t.expected.columns);
  expect(j.rows.map((r) => [r.row, r.id, r.rule])).toEqual(t.expected.rows.map((r) => [r.row, r.id, r.rule]));
  expect(j.unmatched.map((u) => u.row)).toEqual(t.expected.unmatched);
  expect(res.table.headerRows).toEqual(t.expected.headerRows);
  const findings = checkStated(res.table, gridFormats(grid, res.table));
  expect(findings.map((f) => f.cell)).toEqual(t.expected.mismatches.map((m) => `${t.expected.columns[m.col]}${m.row}`));
}

test('HTML with merged two-row header and title rows, saved as .xlsx by LibreOffice', async () => {
  const t = fixture('xa-la-ma-khong-ke-hoach');
  const html = path.join(dir, 'xa.html');
  fs.writeFileSync(html, t.html);
  const { grid, sheet } = await gridOf(await convertToXlsxWithLibreOffice(html, 'HTML (StarCalc)', dir));
  // LibreOffice kept the merges: "Năm 2026" over Kế hoạch | Ước thực hiện, TT merged down.
  expect(grid.merges.length).toBe(t.grid.merges.length);
  expect(sheet.getCell('E4').isMerged).toBe(true);
  expectRecognisedAsBuilt(t, grid);
});

test('HTML with % of plan typed as fractions in a % format', async () => {
  const t = fixture('phuong-phan-tram-kieu-so');
  const html = path.join(dir, 'phuong.html');
  fs.writeFileSync(html, t.html);
  const { grid } = await gridOf(await convertToXlsxWithLibreOffice(html, 'HTML (StarCalc)', dir));
  const pt = t.expected.columns.PT!.charCodeAt(0) - 65;
  const first = t.grid.formats!.findIndex((r) => !!r[pt]); // the first row with a stated % of plan
  expect(grid.formats?.[first]?.[pt]).toMatch(/%/);
  expect(typeof grid.cells[first]?.[pt]).toBe('number');
  expectRecognisedAsBuilt(t, grid);
});

test('CSV with every cell as text (numbers typed "18.650", "93,5"), saved as .xlsx by LibreOffice', async () => {
  const t = fixture('xa-co-ke-hoach');
  const csv = path.join(dir, 'xa-text.csv');
  fs.writeFileSync(csv, csvOf(t));
  const width = Math.max(...t.grid.cells.map((r) => r.length));
  // Field separator ",", quote '"', UTF-8, from line 1, every column formatted as Text (2).
  const columns = Array.from({ length: width }, (_, i) => `${i + 1}/2`).join('/');
  const { grid } = await gridOf(await convertToXlsxWithLibreOffice(csv, `CSV:44,34,76,1,${columns}`, dir));
  const kh = t.expected.columns.KH!.charCodeAt(0) - 65;
  const values = t.expected.rows.map((r) => grid.cells[r.row - 1]?.[kh]);
  expect(values.every((v) => v === null || typeof v === 'string')).toBe(true);
  expect(values).toContain('18.650');
  expectRecognisedAsBuilt(t, grid);
});
