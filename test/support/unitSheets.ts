// A workbook as Excel saves one that holds several units' templates, one per sheet: the first on the
// workbook's names, the others on names scoped to their own sheet (what Excel gives a copied template
// sheet, and what the add-in's unit sheets have). ExcelJS cannot write sheet-scoped names from its own
// model, so its writer is handed the list with localSheetId — xl/workbook.xml then says what Excel's does.
import path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { CONSOLIDATED_MARK } from '../../src/core/names';
import type { Entries } from '../../src/template/inMemory';
import { buildTemplate } from '../../src/template/model';
import { renderTemplate } from '../../src/xlsx/renderTemplate';
import type { DefinedNameEntry } from '../../src/xlsx/scopedNames';

export interface UnitSheet {
  sheet: string;
  unit: string;
  entries: Entries;
  /** Made by "Tổng hợp từ các sheet": carries the marker name. */
  consolidated?: boolean;
}

export async function unitSheetsFile(dir: string, file: string, units: readonly UnitSheet[], options: { firstOnWorkbookNames: boolean }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const names: DefinedNameEntry[] = [];
  units.forEach((u, i) => {
    const model = buildTemplate({ year: 2023, unit: u.unit, sheetName: u.sheet });
    const ws = renderTemplate(wb, model);
    const address = new Map(model.names.map((n) => [n.name, n.address]));
    for (const [name, value] of Object.entries(u.entries)) {
      const at = address.get(name);
      if (!at) throw new Error(`no template cell named ${name}`);
      ws.getCell(at).value = (value ?? null) as CellValue;
    }
    const scoped = !(i === 0 && options.firstOnWorkbookNames);
    const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    for (const n of model.names) names.push({ name: n.name, ranges: [`'${u.sheet}'!${abs(n.address)}`], ...(scoped ? { localSheetId: i } : {}) });
    if (u.consolidated) names.push({ name: CONSOLIDATED_MARK, ranges: [`'${u.sheet}'!$A$1`], localSheetId: i });
  });
  Object.defineProperty(wb.definedNames, 'model', { configurable: true, get: () => names });
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}
