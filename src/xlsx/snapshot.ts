// Reads the template's cells of a workbook (found by defined name) into the engine's plain snapshot.
import type ExcelJS from 'exceljs';
import { CONSOLIDATED_MARK, parseCellName, TITLE_NAMES } from '../core/names';
import type { CellSnapshot, Period, WorkbookSnapshot } from '../core/types';
import { readPeriod } from '../core/period';
import { rawValue } from './cellValue';
import { namedCells, sheetNamedCells, type NamedCell } from './definedNames';

export class NoTemplateError extends Error {}

export interface XlsxSnapshot {
  snapshot: WorkbookSnapshot;
  /** Every template name found, with its cell: the flag writer uses them. */
  cells: Map<string, NamedCell>;
}

/** A template in the file: the workbook's (contract names) or one sheet's own (unit or consolidated sheet). */
export interface TemplateOnSheet {
  sheet: string;
  scope: 'workbook' | 'sheet';
  names: Map<string, NamedCell>;
  /** Made by the add-in's "Tổng hợp từ các sheet": never a unit of a consolidation. */
  consolidated: boolean;
}

const hasTH = (names: Map<string, NamedCell>) => [...names.keys()].some((k) => k.startsWith('TH_'));

/** Every template of the file, one per sheet, in sheet order; a sheet's own names win over the workbook's. */
export function templatesOf(workbook: ExcelJS.Workbook): TemplateOnSheet[] {
  const workbookNames = namedCells(workbook);
  const scoped = sheetNamedCells(workbook);
  const thSheet = [...workbookNames].find(([k]) => k.startsWith('TH_'))?.[1].sheet;
  const out: TemplateOnSheet[] = [];
  for (const ws of workbook.worksheets) {
    const own = scoped.get(ws.name);
    if (own && hasTH(own)) out.push({ sheet: ws.name, scope: 'sheet', names: own, consolidated: own.has(CONSOLIDATED_MARK) });
    else if (ws.name === thSheet) out.push({ sheet: ws.name, scope: 'workbook', names: workbookNames, consolidated: false });
  }
  return out;
}

/**
 * The template's snapshot: the workbook's, or with `sheet` the one on that sheet. A file whose templates
 * are all sheet-scoped (several units' sheets) needs `sheet`: the error lists them.
 */
export function readSnapshot(workbook: ExcelJS.Workbook, periodOverride?: Period, sheet?: string): XlsxSnapshot {
  let names = namedCells(workbook);
  if (sheet !== undefined) {
    const all = templatesOf(workbook);
    const found = all.find((t) => t.sheet === sheet);
    if (!found) {
      const list = all.map((t) => `"${t.sheet}"`).join(', ');
      throw new NoTemplateError(workbook.getWorksheet(sheet)
        ? `trang "${sheet}" không có biểu chỉ tiêu${list ? `; các trang có biểu: ${list}` : ''}`
        : `không có trang "${sheet}" trong sổ tính${list ? `; các trang có biểu: ${list}` : ''}`);
    }
    names = found.names;
  } else if (!hasTH(names)) {
    const sheets = templatesOf(workbook);
    if (sheets.length) throw new NoTemplateError(`biểu chỉ tiêu nằm trên từng trang (${sheets.map((t) => `"${t.sheet}"`).join(', ')}); chọn một trang bằng --sheet "TÊN TRANG"`);
  }
  return snapshotFrom(workbook, names, periodOverride);
}

function snapshotFrom(workbook: ExcelJS.Workbook, names: Map<string, NamedCell>, periodOverride?: Period): XlsxSnapshot {
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
