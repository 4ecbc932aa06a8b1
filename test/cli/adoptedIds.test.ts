// An adopted copy of a table read without a plan carries ids made from the table's own numbering
// ("II.3", "2.a" → TH_II_3, TH_2_a): describe and summary read it as they read a template.
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { buildTable } from '../fixtures/tables/build';
import { LAYOUTS } from '../fixtures/tables/layouts';
import { run, tmpDir } from '../support/xlsx';
import type { Description } from '../../src/xlsx/describe';

jest.setTimeout(60_000);
const dir = tmpDir();
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

test('describe and summary on an adopted copy whose ids are not numbers', async () => {
  const t = buildTable(LAYOUTS.find((l) => l.name === 'xa-la-ma-khong-ke-hoach')!);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu xã');
  t.grid.cells.forEach((row, r) => row.forEach((v, c) => { if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue; }));
  for (const m of t.grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  const input = path.join(dir, 'xa.xlsx');
  const copy = path.join(dir, 'xa-nhan-dang.xlsx');
  await wb.xlsx.writeFile(input);
  const adopt = await run('adopt', input, '--out', copy, '--json');
  expect(adopt.code).toBe(0);
  const ids: string[] = JSON.parse(adopt.out).rows.map((r: { id: string }) => r.id);
  const odd = ids.filter((id) => !/^[\d.]+$/.test(id));
  expect(odd.length).toBeGreaterThan(0);

  const described = await run('describe', copy, '--json');
  expect(described.code).toBe(0);
  const d: Description = JSON.parse(described.out);
  // Every adopted row, by the id adopt gave it (names are upper case: "2.a" comes back as "2.A").
  expect(d.indicators.map((i) => i.id).sort()).toEqual(ids.map((id) => id.toUpperCase()).sort());
  for (const i of d.indicators) expect([i.id, i.sheet, !!i.cells.TH]).toEqual([i.id, 'Biểu xã', true]);

  const summary = await run('summary', copy, '--json');
  expect(summary.err).toBe('');
  expect([0, 1]).toContain(summary.code);
  expect(JSON.parse(summary.out).file).toBe(copy);
});
