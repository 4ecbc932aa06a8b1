// Reads the template's cells of a workbook (found by defined name) into the engine's plain snapshot.
import type ExcelJS from 'exceljs';
import { CONSOLIDATED_MARK, parseCellName, TITLE_NAMES } from '../core/names';
import type { CellSnapshot, Period, WorkbookSnapshot } from '../core/types';
import { snapshotPeriod, type PeriodReading } from '../core/period';
import type { NamedCell } from './definedNames';
import type { XlsxPackage } from './package';
import { sourceOf, type TemplateSource } from './source';

/** A user's file (package layer), a workbook made in memory (ExcelJS), or any TemplateSource. */
export type Workbookish = ExcelJS.Workbook | XlsxPackage | TemplateSource;

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
export function templatesOf(wb: Workbookish): TemplateOnSheet[] {
  const src = sourceOf(wb);
  const workbookNames = src.workbookNames;
  const scoped = src.scopedNames;
  const thSheet = [...workbookNames].find(([k]) => k.startsWith('TH_'))?.[1].sheet;
  const out: TemplateOnSheet[] = [];
  for (const name of src.sheets) {
    const own = scoped.get(name);
    if (own && hasTH(own)) out.push({ sheet: name, scope: 'sheet', names: own, consolidated: own.has(CONSOLIDATED_MARK) });
    else if (name === thSheet) out.push({ sheet: name, scope: 'workbook', names: workbookNames, consolidated: false });
  }
  return out;
}

/**
 * The template's snapshot: the workbook's, or with `sheet` the one on that sheet. A file whose templates
 * are all sheet-scoped (several units' sheets) needs `sheet`: the error lists them.
 */
export function readSnapshot(wb: Workbookish, periodOverride?: Period | PeriodReading, sheet?: string): XlsxSnapshot {
  const workbook = sourceOf(wb);
  let names = workbook.workbookNames;
  if (sheet !== undefined) {
    const all = templatesOf(workbook);
    const found = all.find((t) => t.sheet === sheet);
    if (!found) {
      const list = all.map((t) => `"${t.sheet}"`).join(', ');
      throw new NoTemplateError(workbook.hasSheet(sheet)
        ? `trang "${sheet}" không có biểu chỉ tiêu${list ? `; các trang có biểu: ${list}` : ''}`
        : `không có trang "${sheet}" trong sổ tính${list ? `; các trang có biểu: ${list}` : ''}`);
    }
    names = found.names;
  } else if (!hasTH(names)) {
    const sheets = templatesOf(workbook);
    // One sheet with names of its own (a template scoped to its sheet, a table `adopt` named): that one.
    if (sheets.length === 1) names = sheets[0]!.names;
    else if (sheets.length) throw new NoTemplateError(`biểu chỉ tiêu nằm trên từng trang (${sheets.map((t) => `"${t.sheet}"`).join(', ')}); chọn một trang bằng --sheet "TÊN TRANG"`);
  }
  return snapshotFrom(workbook, names, periodOverride);
}

function snapshotFrom(workbook: TemplateSource, names: Map<string, NamedCell>, periodOverride?: Period | PeriodReading): XlsxSnapshot {
  const cells: WorkbookSnapshot['cells'] = {};
  const found = new Map<string, NamedCell>();
  let inputs = 0;
  const lostSheets = new Set<string>();
  // One read per sheet: every named cell of the template on it at once (a workbook's other names — it may
  // have 100 000 — are not read).
  const titles = new Set<string>(Object.values(TITLE_NAMES));
  const bySheet = new Map<string, string[]>();
  for (const [key, nc] of names) {
    if (!parseCellName(key) && !titles.has(key)) continue;
    if (!bySheet.has(nc.sheet)) bySheet.set(nc.sheet, []);
    bySheet.get(nc.sheet)!.push(nc.address);
  }
  const values = new Map<string, Map<string, { value: CellSnapshot['value']; numberFormat?: string }>>();
  for (const [sheet, addresses] of bySheet) if (workbook.hasSheet(sheet)) values.set(sheet, workbook.read(sheet, addresses));
  const valueOf = (nc: NamedCell) => values.get(nc.sheet)?.get(nc.address);
  for (const [key, nc] of names) {
    if (!parseCellName(key)) continue;
    if (!workbook.hasSheet(nc.sheet)) {
      if (/^TH_/.test(key)) lostSheets.add(nc.sheet);
      continue;
    }
    const cell = valueOf(nc);
    const snap: CellSnapshot = { address: nc.address, sheet: nc.sheet, value: cell ? cell.value : null };
    if (cell?.numberFormat) snap.numberFormat = cell.numberFormat;
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
    return nc ? valueOf(nc)?.value ?? null : null;
  };
  const year = title(TITLE_NAMES.year);
  const baseYear = title(TITLE_NAMES.baseYear);
  const unit = title(TITLE_NAMES.unit);
  const snapshot: WorkbookSnapshot = { ...snapshotPeriod(title(TITLE_NAMES.period), periodOverride), cells };
  if (typeof year === 'number') snapshot.year = year;
  if (typeof baseYear === 'number') snapshot.baseYear = baseYear;
  if (typeof unit === 'string' && unit.trim()) snapshot.unit = unit.trim();
  return { snapshot, cells: found };
}
