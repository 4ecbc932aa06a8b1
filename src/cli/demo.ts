// `chitieu demo`: a sample commune report with realistic figures and a few deliberate mistakes, written
// as a real .xlsx, checked, and its flagged copy saved beside it — the product at work in a minute.
import { mkdirSync, mkdtempSync } from 'fs';
import type ExcelJS from 'exceljs';
import os from 'os';
import path from 'path';
import { cellName } from '../core/names';
import { buildTemplate } from '../template/model';
import { realisticEntries } from '../template/samples';
import type { Entries } from '../template/inMemory';
import { namedCells } from '../xlsx/definedNames';
import { saveNewWorkbook } from '../xlsx/io';
import { newTemplateWorkbook } from '../xlsx/renderTemplate';

/** The mistakes staff make, one of each kind the checker is for. */
export const DEMO_MISTAKES: Entries = {
  TH_2: 4512000000000, // typed in đồng instead of tỷ đồng
  TH_8_1: 8.3, // malnutrition above its ceiling ("higher is better" misread)
  TH_9: '96,5', // a number typed as text
  TH_4_1: 990.5, // "trong đó" larger than its whole
  TN_1_1_SP: 2087000, // previous year at current prices instead of 2010 constant prices
  TH_15_2: '1.850', // fewer new jobs than planned, typed as text
};

export async function writeDemo(dir?: string): Promise<string> {
  const out = dir ?? mkdtempSync(path.join(os.tmpdir(), 'chitieu-demo-'));
  mkdirSync(out, { recursive: true });
  const entries: Entries = { ...realisticEntries(2023), ...DEMO_MISTAKES };
  // A sector left out of the total: the sum no longer adds up.
  entries[cellName('TH', '1.3', 'sx')] = (entries[cellName('TH', '1.3', 'sx')] as number) - 250000;
  const wb = newTemplateWorkbook(buildTemplate({ year: 2023, unit: 'UBND xã Bình Nghi (mẫu)' }));
  const cells = namedCells(wb);
  for (const [name, value] of Object.entries(entries)) {
    const nc = cells.get(name)!;
    wb.getWorksheet(nc.sheet)!.getCell(nc.address).value = (value ?? null) as ExcelJS.CellValue;
  }
  const file = path.join(out, 'bao-cao-mau.xlsx');
  await saveNewWorkbook(wb, file);
  return file;
}
