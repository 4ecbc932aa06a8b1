// Consolidation (Tổng hợp) of the reporting units' workbooks into one template that `chitieu check` accepts.
// The rules are core's (src/core/consolidate.ts); this file reads the unit files and writes the result.
import path from 'path';
import ExcelJS from 'exceljs';
import { HEADINGS, INDICATORS, type Indicator } from '../core/catalog';
import type { Plan } from '../core/plan';
import { mergedPeriodPlans } from '../core/periodPlan';
import { readWorkbookPlan } from './workbookPlan';
import { BY_UNIT_FIXED_HEADERS, BY_UNIT_SHEET, byUnitHeading, consolidate, mergeNotesOf, type Consolidation, type ExcludedUnit as CoreExcluded, type MergeNotes, type UnitInput, type Value } from '../core/consolidate';
import { checkWorkbook } from '../core/engine';
import { rowKey, TITLE_NAMES } from '../core/names';
import type { Report } from '../core/types';
import { actualFormats, buildTemplate, type TemplateModel } from '../template/model';
import { namedCells } from './definedNames';
import { FileProblem, loadPackage } from './io';
import { BrokenPart, type XlsxPackage } from './package';
import { newTemplateWorkbook } from './renderTemplate';
import { NoTemplateError, readSnapshot, templatesOf } from './snapshot';
import { XLSX_STYLES } from './styles';

export { BY_UNIT_SHEET };

export interface IncludedUnit {
  file: string;
  /** The sheet, when the file holds several units' templates. */
  sheet?: string;
  unit: string;
  warnings: number;
}

export type ExcludedUnit = Omit<CoreExcluded, 'source'> & { file: string; sheet?: string };

export interface MergeOutcome extends MergeNotes, Pick<Consolidation, 'period' | 'estimate' | 'estimateMixed' | 'year' | 'baseYear' | 'unit'> {
  included: IncludedUnit[];
  excluded: ExcludedUnit[];
  /** The merged workbook; null when no unit could be included. */
  workbook: ExcelJS.Workbook | null;
  /** The merged template's own check: it must have no error finding. */
  report: Report | null;
}

export interface MergeOptions {
  /** Name written in the merged file's DON_VI cell. */
  unit?: string;
  indicators?: readonly Indicator[];
}

export async function mergeUnitFiles(files: readonly string[], options: MergeOptions = {}): Promise<MergeOutcome> {
  const inputs: UnitInput[] = [];
  const where = new Map<string, { file: string; sheet?: string }>();
  // The units' plan: the one the first readable unit carries (the seed's for older templates).
  let plan: Plan | undefined;
  const unitPlans = new Map<string, readonly Indicator[]>();
  for (const file of files) {
    for (const u of await readUnits(file)) {
      inputs.push(u.input);
      plan ??= u.plan;
      unitPlans.set(u.input.source, u.plan?.indicators ?? INDICATORS);
      where.set(u.input.source, u.sheet === undefined ? { file } : { file, sheet: u.sheet });
    }
  }
  const indicators = options.indicators ?? plan?.indicators ?? INDICATORS;
  const headings = plan?.headings ?? HEADINGS;
  const name = (source: string) => {
    const w = where.get(source)!;
    return w.sheet === undefined ? `tệp "${w.file}"` : `trang "${w.sheet}" của tệp "${w.file}"`;
  };
  const c = consolidate(inputs, {
    indicators, headings,
    ...(options.unit ? { unit: options.unit } : {}),
    describe: name,
    errorsHint: (source) => {
      const w = where.get(source)!;
      return `xem "chitieu check ${w.file}${w.sheet === undefined ? '' : ` --sheet "${w.sheet}"`}"`;
    },
  });
  const outcome: MergeOutcome = {
    period: c.period, ...(c.estimate !== undefined ? { estimate: c.estimate } : {}), estimateMixed: c.estimateMixed,
    year: c.year, baseYear: c.baseYear, unit: c.unit,
    included: c.included.map(({ source, ...u }) => ({ ...where.get(source)!, ...u })),
    excluded: c.excluded.map(({ source, ...e }) => ({ ...where.get(source)!, ...e })),
    ...mergeNotesOf(c),
    workbook: null, report: null,
  };
  if (!c.included.length) return outcome;
  // The merged plan's own period figures: the included units' summed (flows) or agreed (levels).
  const merged = mergedPeriodPlans(indicators, c.included.map((u) => unitPlans.get(u.source)!));

  const model = buildTemplate({
    year: c.year ?? new Date().getFullYear(), period: c.period, ...(c.estimate !== undefined ? { estimate: c.estimate } : {}), unit: c.unit, baseYear: c.baseYear,
    indicators: merged, headings, ...(plan ? { order: plan.order } : {}), plan: c.plan,
  });
  const wb = newTemplateWorkbook(model);
  const cells = namedCells(wb);
  const set = (name: string, value: Value) => {
    const nc = cells.get(name);
    if (nc) wb.getWorksheet(nc.sheet)!.getCell(nc.address).value = value;
  };
  for (const [name, value] of c.cells) set(name, value);
  for (const [name, note] of c.notes) set(name, note);
  if (c.year === null) set(TITLE_NAMES.year, null);
  addByUnitSheet(wb, model, c, (source) => {
    const w = where.get(source)!;
    return w.sheet === undefined ? path.basename(w.file) : `${path.basename(w.file)}, trang "${w.sheet}"`;
  });
  outcome.workbook = wb;
  outcome.report = checkWorkbook(readSnapshot(wb).snapshot, { indicators: merged, headings });
  return outcome;
}

/**
 * The units of one file: its template, or — a workbook with units on several sheets (the add-in's unit
 * sheets, sheets copied in Excel) — every sheet's template but a consolidated one.
 */
async function readUnits(file: string): Promise<{ input: UnitInput; sheet?: string; plan?: Plan }[]> {
  let wb: XlsxPackage;
  try {
    wb = await loadPackage(file);
  } catch (err) {
    if (err instanceof FileProblem) return [{ input: { source: file, problem: { reason: 'unreadable', message: err.message } } }];
    throw err;
  }
  try {
    return unitsOf(file, wb);
  } catch (err) {
    if (err instanceof BrokenPart) return [{ input: { source: file, problem: { reason: 'unreadable', message: err.message } } }];
    throw err;
  }
}

function unitsOf(file: string, wb: XlsxPackage): { input: UnitInput; sheet?: string; plan?: Plan }[] {
  const fallbackName = path.basename(file).replace(/\.xlsx$/i, '');
  const sheets = templatesOf(wb).filter((t) => !t.consolidated);
  if (sheets.length > 1) {
    return sheets.map((t) => {
      const { snapshot, cells } = readSnapshot(wb, undefined, t.sheet);
      const plan = readWorkbookPlan(wb, snapshot, cells).plan;
      // The source is only a key, unique per file and sheet; `where` says what it stands for.
      return { input: { source: `${file}\u0000${t.sheet}`, snapshot, fallbackName: `${fallbackName} — ${t.sheet}` }, sheet: t.sheet, plan };
    });
  }
  try {
    const { snapshot, cells } = readSnapshot(wb, undefined, sheets[0]?.sheet);
    const plan = readWorkbookPlan(wb, snapshot, cells).plan;
    return [{ input: { source: file, snapshot, fallbackName }, plan }];
  } catch (err) {
    if (err instanceof NoTemplateError) return [{ input: { source: file, problem: { reason: 'no-template', message: `tệp "${file}" ${err.message}` } } }];
    throw err;
  }
}

/** The sheet "Theo đơn vị": every indicator's actual (TH), unit by unit, beside the merged value. */
function addByUnitSheet(wb: ExcelJS.Workbook, model: TemplateModel, c: Consolidation, label: (source: string) => string): void {
  const ws = wb.addWorksheet(BY_UNIT_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }] });
  const st = XLSX_STYLES;
  ws.columns = [{ width: 8 }, { width: 48 }, { width: 13 }, { width: 12 }, { width: 16 }, ...c.included.map(() => ({ width: 16 }))];
  byUnitHeading(c, label).forEach((line, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = line;
    cell.font = i === 0 ? st.title.font : st.note.font;
  });
  const header = ws.getRow(5);
  [...BY_UNIT_FIXED_HEADERS, ...c.included.map((u) => u.unit)].forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = st.header.font;
    if (st.header.fill) cell.fill = st.header.fill;
    if (st.header.alignment) cell.alignment = st.header.alignment;
    if (st.header.border) cell.border = st.header.border;
  });
  header.height = 36;
  const formats = actualFormats(model);
  c.byUnit.forEach((line, i) => {
    const row = ws.getRow(6 + i);
    const fmt = formats.get(rowKey(line.id, line.measure));
    [line.code, line.name, line.unitLabel, line.kind, line.merged, ...line.values].forEach((v, col) => {
      const cell = row.getCell(col + 1);
      cell.value = v ?? null;
      if (fmt && col >= 4 && typeof v === 'number') cell.numFmt = fmt;
      cell.border = st.text.border ?? {};
    });
  });
}
