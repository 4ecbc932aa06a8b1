// The test helper that has LibreOffice recalculate a workbook: formulas written by ExcelJS without cached
// results (and with stale ones) come back computed, Vietnamese text intact, defined names kept.
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { libreOfficeAvailable, recalculateWithLibreOffice } from './libreoffice';
import { tmpDir } from './xlsx';

jest.setTimeout(240_000);
const dir = tmpDir();
const SHEET = 'Biểu 1'; // a space and Vietnamese letters, as the template's sheets have

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Formulas without cached results, on a sheet with numbers and a workbook-scoped defined name. */
async function writeSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const other = wb.addWorksheet('Khác');
  ws.getCell('A1').value = 4400;
  ws.getCell('A1').name = 'TH_2';
  ws.getCell('A2').value = 4000;
  ws.getCell('A3').value = 0;
  ws.getCell('A4').value = 'không phải số';
  other.getCell('C5').value = 7.5;
  other.getCell('C5').name = 'KH_2';
  const formulas: Record<string, string> = {
    B1: 'A1*2',
    B2: 'ROUND(A1/A2*100,1)',
    B3: 'IF(A1>=A2,"Đạt","Chưa đạt")',
    B4: 'IF(A1<A2,"Đạt","Chưa đạt")',
    B5: 'AND(ISNUMBER(A1),A1>A2)',
    B6: 'ISNUMBER(A4)',
    B7: 'A1/A3',
    B8: 'IFERROR(A1/A3,"")',
    B9: 'IFERROR(A1/A3,"không có")',
    B10: 'TH_2*2',
    B11: "ROUND(TH_2/KH_2,2)",
    B12: 'A1-A1',
    B13: 'IF(ISNUMBER(A4),A4,"")&"Vượt"',
  };
  for (const [address, formula] of Object.entries(formulas)) ws.getCell(address).value = { formula };
  // A stale cached result that LibreOffice must not keep (its default for OOXML is to keep them).
  ws.getCell('C1').value = { formula: 'A1+1', result: 999 };
  ws.getCell('C2').value = { formula: 'IF(A1>A2,"Vượt","Chưa đạt")', result: 'cũ' };
  await wb.xlsx.writeFile(file);
}

describe('recalculateWithLibreOffice', () => {
  let recalculated: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    if (!libreOfficeAvailable()) {
      throw new Error('LibreOffice (soffice) is not on PATH; these tests need it: apt-get install libreoffice-calc-nogui');
    }
    const input = path.join(dir, 'mẫu.xlsx');
    await writeSample(input);
    const out = await recalculateWithLibreOffice(input, path.join(dir, 'lo'));
    expect(out).toBe(path.join(dir, 'lo', 'mẫu.xlsx'));
    recalculated = await read(out);
    ws = recalculated.getWorksheet(SHEET)!;
  });

  const result = (address: string) => ws.getCell(address).result;

  it('computes numbers, ROUND and formulas over defined names', () => {
    expect(result('B1')).toBe(8800);
    expect(result('B2')).toBe(110);
    expect(result('B10')).toBe(8800);
    expect(result('B11')).toBe(586.67);
    expect(ws.getCell('B10').formula).toBe('TH_2*2');
  });

  it('returns text results with Vietnamese intact', () => {
    expect(result('B3')).toBe('Đạt');
    expect(result('B4')).toBe('Chưa đạt');
    expect(result('B9')).toBe('không có');
    expect(result('B13')).toBe('Vượt');
    expect(ws.getCell('A4').value).toBe('không phải số');
  });

  it('recomputes stale cached results', () => {
    expect(result('C1')).toBe(4401);
    expect(result('C2')).toBe('Vượt');
  });

  it('returns booleans and errors as ExcelJS models them', () => {
    expect(result('B5')).toBe(true);
    expect(result('B6')).toBe(false);
    expect(result('B7')).toEqual({ error: '#DIV/0!' });
  });

  it('loses falsy results in cell.value: read cell.result for 0 and FALSE; "" is lost either way', () => {
    // ExcelJS's formula value copies only truthy fields, so 0 and false are missing from cell.value ...
    expect(ws.getCell('B12').value).toEqual({ formula: 'A1-A1' });
    expect(ws.getCell('B6').value).toEqual({ formula: 'ISNUMBER(A4)' });
    // ... but cell.result has them.
    expect(result('B12')).toBe(0);
    // LibreOffice writes an empty string result as <v></v>, which ExcelJS reads as no result at all.
    expect(result('B8')).toBeUndefined();
    expect(ws.getCell('B8').value).toEqual({ formula: 'IFERROR(A1/A3,"")' });
  });

  it('keeps workbook-scoped defined names and the cells they point to', () => {
    const names = (recalculated.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toEqual(expect.arrayContaining([
      { name: 'TH_2', ranges: [`'${SHEET}'!$A$1`] },
      { name: 'KH_2', ranges: ["'Khác'!$C$5"] },
    ]));
    expect(ws.getCell('A1').names).toEqual(['TH_2']);
    expect(recalculated.getWorksheet('Khác')!.getCell('C5').value).toBe(7.5);
  });

  it('serves concurrent calls, each into its own file', async () => {
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await writeSample(a);
    await writeSample(b);
    const [ra, rb] = await Promise.all([recalculateWithLibreOffice(a), recalculateWithLibreOffice(b)]);
    expect(ra).not.toBe(rb);
    for (const file of [ra, rb]) expect((await read(file)).getWorksheet(SHEET)!.getCell('B3').result).toBe('Đạt');
  });

  it('says what failed when LibreOffice cannot load the input', async () => {
    const bad = path.join(dir, 'hỏng.xlsx');
    fs.writeFileSync(bad, 'not a zip');
    await expect(recalculateWithLibreOffice(bad, path.join(dir, 'lo-bad'))).rejects.toThrow(/exited 0 but wrote no .*hỏng\.xlsx[\s\S]*stderr:[\s\S]*could not be loaded/);
    await expect(recalculateWithLibreOffice(path.join(dir, 'missing.xlsx'))).rejects.toThrow(/no such file/);
    await expect(recalculateWithLibreOffice(bad, dir)).rejects.toThrow(/overwrite its input/);
  });

  it('still works after a failure', async () => {
    const again = path.join(dir, 'again.xlsx');
    await writeSample(again);
    const wb = await read(await recalculateWithLibreOffice(again));
    expect(wb.getWorksheet(SHEET)!.getCell('C1').result).toBe(4401);
  });
});
