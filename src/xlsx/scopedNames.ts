// Sheet-scoped defined names in .xlsx files. Excel gives a copied template sheet names of its own
// (localSheetId in xl/workbook.xml), and the add-in's unit and consolidated sheets have them. ExcelJS 4.4
// parses localSheetId but then folds every name into one workbook-wide name with several ranges, and would
// write it back that way (a copy whose formulas no longer find their cells). So the names are captured as
// the file states them when it is loaded, and handed back unchanged to ExcelJS's writer when it is saved.
import type ExcelJS from 'exceljs';

export interface DefinedNameEntry {
  name: string;
  ranges: string[];
  /** Index of the sheet (in the file's order) the name is scoped to; absent for workbook names. */
  localSheetId?: number;
}

interface Captured {
  names: DefinedNameEntry[];
  /** Sheet names in the file's order, so localSheetId can be named. */
  sheets: string[];
}

const captured = new WeakMap<ExcelJS.Workbook, Captured>();

interface LoadedModel {
  definedNames?: DefinedNameEntry[];
  worksheets?: ({ name?: string } | undefined)[];
}

/** Call before `xlsx.load`: keeps the defined names exactly as the file has them. */
export function captureDefinedNames(wb: ExcelJS.Workbook): void {
  const proto: object = Object.getPrototypeOf(wb) as object;
  const desc = Object.getOwnPropertyDescriptor(proto, 'model');
  if (!desc?.set || !desc.get) throw new Error('ExcelJS Workbook.model has changed: scoped names cannot be read');
  const { get, set } = desc;
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) { return get.call(this) as unknown; },
    set(this: ExcelJS.Workbook, value: LoadedModel) {
      captured.set(this, {
        names: (value.definedNames ?? []).map((d) => ({ ...d, ranges: [...d.ranges] })),
        sheets: (value.worksheets ?? []).map((w) => w?.name ?? ''),
      });
      set.call(this, value);
    },
  });
}

/** The names the file was loaded with, split by scope; null for a workbook made in memory. */
export function loadedNames(wb: ExcelJS.Workbook): { workbook: DefinedNameEntry[]; bySheet: Map<string, DefinedNameEntry[]> } | null {
  const c = captured.get(wb);
  if (!c) return null;
  const bySheet = new Map<string, DefinedNameEntry[]>();
  const workbook: DefinedNameEntry[] = [];
  for (const n of c.names) {
    if (n.localSheetId === undefined) { workbook.push(n); continue; }
    const sheet = c.sheets[n.localSheetId];
    if (sheet === undefined) continue;
    if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    bySheet.get(sheet)!.push(n);
  }
  return { workbook, bySheet };
}

/**
 * Before saving a loaded workbook that has sheet-scoped names: ExcelJS's writer gets the names as the file
 * had them (the sheets are the same and in the same order: `chitieu` adds none to a user's file).
 */
export function keepDefinedNamesOnSave(wb: ExcelJS.Workbook): void {
  const c = captured.get(wb);
  if (!c || !c.names.some((n) => n.localSheetId !== undefined)) return;
  Object.defineProperty(wb.definedNames, 'model', { configurable: true, get: () => c.names.map((n) => ({ ...n })) });
}
