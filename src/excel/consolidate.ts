// "Tổng hợp từ các sheet": consolidates the unit template sheets of the open workbook into a new template
// sheet (its own sheet-scoped names, so it is itself a template that Kiểm tra accepts) and a unit-by-unit
// sheet. The rules are core's (src/core/consolidate.ts); the plan is the workbook's (its hidden plan sheet,
// overlaid with each unit sheet's rows, as Kiểm tra reads it), so any plan consolidates as `chitieu merge`
// does. Reads in three round trips, writes the essential part in one, then each optional part in its own.
import { BY_UNIT_FIXED_HEADERS, BY_UNIT_SHEET, byUnitHeading, consolidate, emptyMergeNotes, mergeNotesOf, type Consolidation, type UnitInput, type Value } from '../core/consolidate';
import type { ConsolidateOutcome, ConsolidateRequest } from '../core/actions';
import { checkedSheetOf, withChecked, type CheckedReport } from '../core/checked';
import { checkWorkbook } from '../core/engine';
import { CONSOLIDATED_MARK, rowKey, TITLE_NAMES } from '../core/names';
import { snapshotOf } from '../template/inMemory';
import { actualFormats, buildTemplate, COLORS, type TemplateModel } from '../template/model';
import type { Features } from './features';
import { freeSheetName, templateExtras, writeEssential, writeTemplateSheet } from './insertTemplate';
import { SHEET_NAMES_LOAD } from './marker';
import { runOptionalSteps } from './steps';
import { ADOPTED_MARK } from '../core/recognize/adopted';
import { hasTemplateNames, queueCells, readCells, splitAddress } from './snapshot';
import { charsToPoints } from './styles';
import { officeWorkbookPlan, queuePlanRead, type PlanQueue } from './workbookPlan';
import type { Indicator, Plan } from '../core/plan';
import { mergedPeriodPlans } from '../core/periodPlan';

export type { ConsolidateOutcome, ConsolidateRequest } from '../core/actions';

export const CONSOLIDATED_SHEET = 'Tổng hợp';

/** A template found in the workbook: on its sheet, through its own names or the workbook's. */
interface FoundTemplate {
  sheet: string;
  ranges: Map<string, Excel.Range>;
  consolidated: boolean;
  /** The stored plan's cells and this sheet's rows, read with the names' cells. */
  planQueue: PlanQueue;
}

/**
 * Every template of the workbook, one per sheet, in three round trips whatever their number: sheets and
 * workbook names; each sheet's own names and the workbook names' cells; the sheet-scoped names' cells.
 * A sheet's own names win over the workbook's, as they do in Excel's formulas on that sheet.
 */
export async function readTemplateSheets(context: Excel.RequestContext): Promise<{ sheetNames: string[]; templates: FoundTemplate[] }> {
  const sheets = context.workbook.worksheets.load('items/name');
  const workbookNames = context.workbook.names.load('items/name,items/type');
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const own = sheets.items.map((ws) => ({ name: ws.name, names: ws.names.load(SHEET_NAMES_LOAD) }));
  const workbookRanges = queueCells(workbookNames);
  // The hidden plan sheet's cells, in this same round trip.
  const { planCells } = queuePlanRead(context, sheetNames, null, 0);
  await context.sync();

  const bySheet = new Map<string, Map<string, Excel.Range>>();
  for (const [name, range] of workbookRanges) {
    const [sheet] = splitAddress(range.address);
    if (!bySheet.has(sheet)) bySheet.set(sheet, new Map());
    bySheet.get(sheet)!.set(name, range);
  }
  // Each candidate sheet's own names' cells and its rows (rows the user added, YC edits) in the third.
  const local = own.map((s) => {
    const ranges = hasTemplateNames(s.names) ? queueCells(s.names, true) : null;
    const count = ranges ? s.names.items.length : bySheet.get(s.name)?.size ?? 0;
    const rows = count ? queuePlanRead(context, [], context.workbook.worksheets.getItem(s.name).getRange('A1'), count) : null;
    return { ...s, ranges, planQueue: { planCells, rows: rows?.rows ?? null, firstRow: rows?.firstRow ?? 0 } };
  });
  await context.sync();

  const templates: FoundTemplate[] = [];
  for (const s of local) {
    const ranges = s.ranges ?? bySheet.get(s.name);
    if (!ranges || ![...ranges.keys()].some((k) => k.startsWith('TH_'))) continue;
    // A table of the user's own, adopted: its rows are its own plan's, not a unit's copy of the template.
    if (s.names.items.some((n) => n.scope === 'Worksheet' && n.name.toUpperCase() === ADOPTED_MARK)) continue;
    const consolidated = s.names.items.some((n) => n.scope === 'Worksheet' && n.name.toUpperCase() === CONSOLIDATED_MARK);
    templates.push({ sheet: s.name, ranges, consolidated, planQueue: s.planQueue });
  }
  return { sheetNames, templates };
}

/**
 * "Tổng hợp từ các sheet": four round trips (three to read, one to write). Writes only new sheets: a unit's
 * sheet, and a consolidated sheet made before, are never changed.
 */
export async function consolidateSheets(context: Excel.RequestContext, request: ConsolidateRequest, features: Features): Promise<ConsolidateOutcome> {
  const { sheetNames, templates } = await readTemplateSheets(context);
  const units = templates.filter((t) => !t.consolidated);
  const outcome: ConsolidateOutcome = {
    unitSheets: units.map((t) => t.sheet),
    skipped: templates.filter((t) => t.consolidated).map((t) => t.sheet),
    included: [], excluded: [], ...emptyMergeNotes(), written: null, report: null,
  };
  if (units.length < 2) return outcome;

  // The units' plan: the first unit sheet's (the seed's for older templates), as `chitieu merge` takes it.
  let plan: Plan | undefined;
  const unitPlans = new Map<string, readonly Indicator[]>();
  const inputs: UnitInput[] = units.map((t) => {
    const { snapshot, cells } = readCells(t.ranges);
    // Also lays the cells of rows the user added on this sheet into its snapshot, so they are merged too.
    const wp = officeWorkbookPlan(t.planQueue, cells, snapshot, (name) => context.workbook.worksheets.getItem(name));
    plan ??= wp.plan;
    unitPlans.set(t.sheet, wp.plan.indicators);
    return { source: t.sheet, snapshot, fallbackName: t.sheet };
  });
  const { headings, order } = plan!;
  let indicators = plan!.indicators;
  const unit = request.unit?.trim();
  const c = consolidate(inputs, { indicators, headings, ...(unit ? { unit } : {}), describe: (s) => `sheet "${s}"` });
  Object.assign(outcome, { included: c.included, excluded: c.excluded, ...mergeNotesOf(c) });
  if (c.included.length === 0) return outcome;
  // The merged plan's own period figures: the included units' summed (flows) or agreed (levels).
  indicators = mergedPeriodPlans(indicators, c.included.map((u) => unitPlans.get(u.source)!));

  const sheetName = freeSheetName(CONSOLIDATED_SHEET, sheetNames);
  const byUnitName = freeSheetName(BY_UNIT_SHEET, [...sheetNames, sheetName]);
  const model = buildTemplate({
    year: c.year ?? new Date().getFullYear(), period: c.period, ...(c.estimate !== undefined ? { estimate: c.estimate } : {}), unit: c.unit, baseYear: c.baseYear, indicators, headings, order, plan: c.plan, sheetName,
  });
  const byName = new Map<string, Value>([...c.cells, ...c.notes]);
  if (c.year === null) byName.set(TITLE_NAMES.year, null);
  const values = new Map<string, Value>();
  for (const n of model.names) if (byName.has(n.name)) values.set(n.address, byName.get(n.name)!);

  let sheet!: Excel.Worksheet;
  let byUnit!: Excel.Worksheet;
  await writeEssential(context, [{ name: sheetName, kind: 'consolidated' }, { name: byUnitName, kind: 'byUnit' }], ([s, b]) => {
    sheet = s!;
    byUnit = b!;
    writeTemplateSheet(sheet, model, { names: sheet.names, values });
    sheet.names.add(CONSOLIDATED_MARK, sheet.getRange('A1'), 'Sheet do "Tổng hợp từ các sheet" tạo: không tính là một đơn vị.');
    writeByUnitSheet(byUnit, model, c);
    sheet.activate();
  });
  const steps = templateExtras(sheet, model, features);
  if (features.freezePanes) steps.push({ label: `Cố định dòng tiêu đề của sheet "${byUnitName}"`, write: () => byUnit.freezePanes.freezeAt(byUnit.getRange('A1:C5')) });
  outcome.partsSkipped = await runOptionalSteps(context, steps);

  outcome.written = { sheet: sheetName, byUnitSheet: byUnitName };
  const snapshot = { ...snapshotOf(model, Object.fromEntries(c.cells), c.period), ...(c.estimate !== undefined ? { estimate: c.estimate } : {}), ...(c.year !== null ? { year: c.year } : {}), unit: c.unit, baseYear: c.baseYear };
  const judged: CheckedReport = { ...withChecked(checkWorkbook(snapshot, { indicators, headings }), checkedSheetOf(sheetName, snapshot)), rows: { indicators, headings } };
  outcome.report = judged;
  return outcome;
}

/** The unit-by-unit sheet: every indicator's actual (TH), merged and per unit, in one 2-D write. */
function writeByUnitSheet(sheet: Excel.Worksheet, model: TemplateModel, c: Consolidation): void {
  const heading = byUnitHeading(c, (s) => `sheet "${s}"`);
  const width = BY_UNIT_FIXED_HEADERS.length + c.included.length;
  const formats = actualFormats(model);
  const pad = (cells: (string | number | null)[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const values: (string | number)[][] = [...heading.map((line) => pad([line])), pad([...BY_UNIT_FIXED_HEADERS, ...c.included.map((u) => u.unit)])];
  const numberFormats: string[][] = values.map((r) => r.map(() => '@'));
  for (const line of c.byUnit) {
    const fmt = formats.get(rowKey(line.id, line.measure)) ?? 'General';
    const row = [line.code, line.name, line.unitLabel, line.kind, line.merged, ...line.values];
    values.push(pad(row));
    numberFormats.push(row.map((v, i) => (i >= 4 && typeof v === 'number' ? fmt : '@')));
  }
  const last = values.length;
  const lastCol = columnLetter(width);
  const block = sheet.getRange(`A1:${lastCol}${last}`);
  block.numberFormat = numberFormats;
  block.values = values;
  block.format.font.name = 'Times New Roman';
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRange('A1').format.font.size = 14;
  sheet.getRange('A2:A4').format.font.italic = true;
  const header = sheet.getRange(`A5:${lastCol}5`);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.fill.color = COLORS.headerFill;
  const table = sheet.getRange(`A5:${lastCol}${last}`);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
    table.format.borders.getItem(edge).style = 'Continuous';
  }
  sheet.getRange('A:A').format.columnWidth = charsToPoints(8);
  sheet.getRange('B:B').format.columnWidth = charsToPoints(48);
  sheet.getRange(`C:${lastCol}`).format.columnWidth = charsToPoints(14);
}

/** 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
