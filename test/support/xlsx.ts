// Test helpers for real .xlsx files: run the CLI in-process, fill a template by defined name as a user
// would, hash what a user typed.
import { createHash } from 'crypto';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { namedCells } from '../../src/xlsx/definedNames';
import type { Entries } from '../../src/template/inMemory';

export function tmpDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'chitieu-test-'));
}

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Types entries into the cells that carry those defined names. */
export function fillByName(wb: ExcelJS.Workbook, entries: Entries): void {
  const cells = namedCells(wb);
  for (const [name, value] of Object.entries(entries)) {
    const nc = cells.get(name.toUpperCase());
    if (!nc) throw new Error(`no cell named ${name}`);
    const cell = wb.getWorksheet(nc.sheet)!.getCell(nc.address);
    cell.value = value === undefined ? null : (value as ExcelJS.CellValue);
  }
}

export async function templateFilledWith(dir: string, entries: Entries, name = 'bao-cao.xlsx', extra: string[] = []): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  const r = await run('template', '--out', blank, '--year', '2023', ...extra);
  if (r.code !== 0) throw new Error(r.err);
  const wb = await readXlsx(blank);
  fillByName(wb, entries);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A hash of every cell a user types figures into (KH, KHTT, TN, TH), by name. */
export function userValuesHash(wb: ExcelJS.Workbook): string {
  const h = createHash('sha256');
  const cells = [...namedCells(wb).values()].filter((c) => /^(KH|KHTT|TN|TH)_/.test(c.name)).sort((a, b) => a.name.localeCompare(b.name));
  for (const c of cells) h.update(`${c.name}=${JSON.stringify(wb.getWorksheet(c.sheet)!.getCell(c.address).value)}\n`);
  return h.digest('hex');
}

export function fileHash(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}
