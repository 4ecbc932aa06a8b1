// What the template reader needs from a workbook, whichever way it was opened: the user's file through
// the package layer (nothing expanded), or a workbook chitieu made in memory with ExcelJS (merge output).
import type ExcelJS from 'exceljs';
import type { RawValue } from '../core/types';
import { rawValue } from './cellValue';
import { namedCells, sheetNamedCells, type NamedCell } from './definedNames';
import { namedCellsOf, type XlsxPackage } from './package';

export interface CellValueRead {
  value: RawValue;
  numberFormat?: string;
}

export interface TemplateSource {
  /** Sheet names in workbook order. */
  sheets: string[];
  hasSheet(name: string): boolean;
  workbookNames: Map<string, NamedCell>;
  scopedNames: Map<string, Map<string, NamedCell>>;
  /** Values of cells on one sheet, by address (absent: no such cell). */
  read(sheet: string, addresses: readonly string[]): Map<string, CellValueRead>;
}

export function sourceOf(wb: ExcelJS.Workbook | XlsxPackage | TemplateSource): TemplateSource {
  // Told apart by shape, not instanceof: that would load ExcelJS for every command.
  if ('zip' in wb) return packageSource(wb);
  if ('getWorksheet' in wb) return excelSource(wb);
  return wb;
}

function excelSource(wb: ExcelJS.Workbook): TemplateSource {
  return {
    sheets: wb.worksheets.map((w) => w.name),
    hasSheet: (name) => !!wb.getWorksheet(name),
    workbookNames: namedCells(wb),
    scopedNames: sheetNamedCells(wb),
    read(sheet, addresses) {
      const ws = wb.getWorksheet(sheet);
      const out = new Map<string, CellValueRead>();
      if (!ws) return out;
      for (const a of addresses) {
        const cell = ws.getCell(a);
        const r: CellValueRead = { value: rawValue(cell.value) };
        if (cell.numFmt) r.numberFormat = cell.numFmt;
        out.set(a, r);
      }
      return out;
    },
  };
}

function packageSource(pkg: XlsxPackage): TemplateSource {
  const names = namedCellsOf(pkg);
  return {
    sheets: pkg.sheets.map((s) => s.name),
    hasSheet: (name) => !!pkg.sheet(name)?.part,
    workbookNames: names.workbook,
    scopedNames: names.bySheet,
    read(sheet, addresses) {
      const out = new Map<string, CellValueRead>();
      if (!pkg.sheet(sheet)?.part) return out;
      const cells = pkg.readCells(sheet, addresses);
      for (const a of addresses) {
        const c = cells.get(a.toUpperCase());
        const r: CellValueRead = { value: c ? c.value : null };
        if (c?.numFmt) r.numberFormat = c.numFmt;
        out.set(a, r);
      }
      return out;
    },
  };
}
