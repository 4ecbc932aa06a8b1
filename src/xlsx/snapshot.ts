// Reads the template's cells of a workbook (found by defined name) into the engine's plain snapshot.
import type ExcelJS from 'exceljs';
import { parseCellName, TITLE_NAMES } from '../core/names';
import type { CellSnapshot, Period, WorkbookSnapshot } from '../core/types';
import { readPeriod } from '../core/period';
import { rawValue } from './cellValue';
import { namedCells, type NamedCell } from './definedNames';

export class NoTemplateError extends Error {}

export interface XlsxSnapshot {
  snapshot: WorkbookSnapshot;
  /** Every template name found, with its cell: the flag writer uses them. */
  cells: Map<string, NamedCell>;
}

export function readSnapshot(workbook: ExcelJS.Workbook, periodOverride?: Period): XlsxSnapshot {
  const names = namedCells(workbook);
  const cells: WorkbookSnapshot['cells'] = {};
  const found = new Map<string, NamedCell>();
  let inputs = 0;
  const lostSheets = new Set<string>();
  for (const [key, nc] of names) {
    if (!parseCellName(key)) continue;
    const ws = workbook.getWorksheet(nc.sheet);
    if (!ws) {
      if (/^TH_/.test(key)) lostSheets.add(nc.sheet);
      continue;
    }
    const cell = ws.getCell(nc.address);
    const snap: CellSnapshot = { address: nc.address, sheet: nc.sheet, value: rawValue(cell.value) };
    if (cell.numFmt) snap.numberFormat = cell.numFmt;
    cells[key] = snap;
    found.set(key, nc);
    if (/^TH_/.test(key)) inputs++;
  }
  if (inputs === 0 && lostSheets.size > 0) {
    // A tool other than Excel renamed or deleted the sheet and left the names pointing at the old one.
    throw new NoTemplateError(`các ô mang tên TH_… trỏ tới trang "${[...lostSheets][0]}" không còn trong sổ tính (trang đã bị xoá hoặc đổi tên bằng công cụ khác Excel); hãy đổi lại tên trang hoặc chèn lại biểu mẫu`);
  }
  if (inputs === 0) throw new NoTemplateError('không có biểu chỉ tiêu (không tìm thấy ô nào mang tên TH_…); hãy tạo tệp bằng "chitieu template" hoặc nút Chèn biểu mẫu');
  const title = (name: string) => {
    const nc = names.get(name);
    const ws = nc && workbook.getWorksheet(nc.sheet);
    return ws ? rawValue(ws.getCell(nc!.address).value) : null;
  };
  const year = title(TITLE_NAMES.year);
  const baseYear = title(TITLE_NAMES.baseYear);
  const unit = title(TITLE_NAMES.unit);
  const snapshot: WorkbookSnapshot = { period: periodOverride ?? readPeriod(title(TITLE_NAMES.period)), cells };
  if (typeof year === 'number') snapshot.year = year;
  if (typeof baseYear === 'number') snapshot.baseYear = baseYear;
  if (typeof unit === 'string' && unit.trim()) snapshot.unit = unit.trim();
  return { snapshot, cells: found };
}
