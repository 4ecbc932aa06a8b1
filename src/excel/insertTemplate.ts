// Inserts the template into the open workbook: one round trip to look (is the sheet name free, is there a
// template already?), one to write the essential part (the sheet, its mark, the names, the values and
// formulas), then one per optional part (src/excel/steps.ts), so a part this Excel refuses is skipped and
// reported instead of leaving half a template. Never overwrites a sheet or a live name; when the essential
// part fails, what it made is taken away again, so "Chèn biểu mẫu" can simply be tried again.
import type { InsertOutcome } from '../core/actions';
import type { TemplateModel } from '../template/model';
import type { ValidationSpec } from '../template/validation';
import { COLUMN_ORDER, COLUMNS, HEADER_ROW, LAST_COLUMN, NUMBER_ROW, PLAN_NAME, PLAN_SHEET } from '../template/layout';
import { isDeadTemplateName } from './deadNames';
import { messageOf, UserFacingError } from './errors';
import type { Features } from './features';
import { markOf, markSheet, SHEET_NAMES_LOAD, type SheetKind } from './marker';
import { runOptionalSteps, type OptionalStep } from './steps';
import { writePlanSheet } from './workbookPlan';
import { charsToPoints, OFFICE_STYLES } from './styles';

export type { InsertOutcome };

export interface InsertOptions {
  /**
   * One more unit's sheet in a workbook that may have the template already: the names are scoped to the
   * new sheet (what Excel gives a copied template sheet), so several units can sit side by side for
   * "Tổng hợp từ các sheet".
   */
  unitSheet?: boolean;
}

export async function insertTemplate(context: Excel.RequestContext, model: TemplateModel, features: Features, options: InsertOptions = {}): Promise<InsertOutcome> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name');
  // `type`: a name left as #REF! by a deleted sheet is not a template (it is replaced below).
  const names = workbook.names.load('items/name,items/type');
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  if (sheetNames.some((n) => n.toLowerCase() === model.sheetName.toLowerCase())) {
    return { kind: 'sheet-exists', sheetName: model.sheetName, suggestion: freeSheetName(model.sheetName, sheetNames) };
  }
  const ours = new Set(model.names.map((n) => n.name.toUpperCase()));
  const live = new Set(names.items.filter((n) => n.type === 'Range').map((n) => n.name.toUpperCase()));
  if (!options.unitSheet) {
    const clash = model.names.find((n) => live.has(n.name.toUpperCase()));
    if (clash) return { kind: 'template-exists', name: clash.name };
  }
  const dead = options.unitSheet ? [] : names.items.filter((n) => isDeadTemplateName(n) && ours.has(n.name.toUpperCase()));

  // The plan sheet: made with the template; a unit sheet keeps the workbook's; a template inserted again
  // (its names were gone) replaces a plan left behind.
  const planSheet = sheets.items.find((s) => s.name.toLowerCase() === PLAN_SHEET);
  const writesPlan = !planSheet || !options.unitSheet;
  const planName = writesPlan && !live.has(PLAN_NAME) ? [PLAN_NAME] : [];
  // A plan name left as #REF! (its sheet deleted) would refuse the new one.
  const deadPlanName = planName.length ? names.items.find((n) => n.name.toUpperCase() === PLAN_NAME) : undefined;
  const newSheets: { name: string; kind: SheetKind }[] = [{ name: model.sheetName, kind: options.unitSheet ? 'unit' : 'template' }];
  if (!planSheet) newSheets.push({ name: PLAN_SHEET, kind: 'plan' });
  const ownNames = options.unitSheet ? [] : model.names.map((n) => n.name).filter((n) => !live.has(n.toUpperCase()));
  await writeEssential(context, newSheets, ([sheet, plan]) => {
    for (const n of dead) n.delete();
    deadPlanName?.delete();
    writeTemplateSheet(sheet!, model, { names: options.unitSheet ? sheet!.names : workbook.names });
    if (plan) writePlanSheet(plan, planName.length ? workbook.names : null, model.planJson);
    else if (!options.unitSheet) writePlanSheet(planSheet!, planName.length ? workbook.names : null, model.planJson);
    sheet!.activate();
  }, [...ownNames, ...planName]);
  const skipped = await runOptionalSteps(context, templateExtras(context.workbook.worksheets.getItem(model.sheetName), model, features));
  return { kind: 'inserted', sheetName: model.sheetName, skipped };
}

/**
 * Adds the sheets (each marked as ours) and queues `write` in one batch. If the batch fails, what it made
 * is taken away — the marked sheets (`before` runs first in the batch), and the workbook names in `workbookNames` it added — so a retry finds
 * the workbook as before; then the error is thrown, with a word on anything that could not be undone.
 */
export async function writeEssential(
  context: Excel.RequestContext, sheets: { name: string; kind: SheetKind }[], write: (added: Excel.Worksheet[]) => void,
  workbookNames: string[] = [], before?: () => void,
): Promise<void> {
  try {
    before?.();
    const added = sheets.map((s) => {
      const ws = context.workbook.worksheets.add(s.name);
      markSheet(ws, s.kind);
      return ws;
    });
    write(added);
    await context.sync();
  } catch (err) {
    const left = await undoNewSheets(context, sheets.map((s) => s.name), workbookNames).catch((undoErr: unknown) => [`(${messageOf(undoErr)})`]);
    if (left.length === 0) throw err;
    throw new UserFacingError(`${messageOf(err)} Chưa gỡ được phần đã ghi dở: ${left.join(', ')}. Hãy xóa các sheet/tên đó rồi thử lại.`);
  }
}

/** Deletes the named sheets that carry our mark and the listed workbook names; resolves what stays. */
async function undoNewSheets(context: Excel.RequestContext, sheetNames: string[], workbookNames: string[]): Promise<string[]> {
  const wanted = new Set(workbookNames.map((n) => n.toUpperCase()));
  const names = context.workbook.names.load('items/name');
  const sheets = sheetNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
  await context.sync();
  const found = sheets.filter((s) => !s.isNullObject).map((s) => ({ ws: s, own: s.names.load(SHEET_NAMES_LOAD) }));
  await context.sync();
  const left: string[] = [];
  for (const n of names.items) if (wanted.has(n.name.toUpperCase())) n.delete();
  for (const s of found) {
    // A sheet without our mark may be the user's (made since): never deleted.
    if (markOf(s.own)) s.ws.delete();
    else left.push(`sheet "${sheetNames[sheets.indexOf(s.ws)]}"`);
  }
  await context.sync();
  return left;
}

export interface SheetWriteOptions {
  /** Where the template's names go: the workbook's collection, or the new sheet's own. */
  names: Excel.NamedItemCollection;
  /** Values that replace the model's in the same write, by A1 address (null: an empty cell). */
  values?: ReadonlyMap<string, string | number | null>;
}

/** Queues the essential template onto a new, empty sheet: names, then values, formulas and number formats. */
export function writeTemplateSheet(sheet: Excel.Worksheet, model: TemplateModel, options: SheetWriteOptions): void {
  // Names before formulas: a formula written first would bind to a workbook name of the same spelling.
  for (const n of model.names) options.names.add(n.name, sheet.getRange(n.address));
  writeCells(sheet, model, options.values);
}

/** The template's optional parts, each its own step: formats, validation, conditional formats, view, print. */
export function templateExtras(sheet: Excel.Worksheet, model: TemplateModel, features: Features): OptionalStep[] {
  const steps: OptionalStep[] = [{ label: 'Định dạng biểu (phông chữ, màu ô nhập, viền, độ rộng cột)', write: () => writeFormats(sheet, model) }];
  if (features.validation) steps.push({ label: 'Kiểm tra dữ liệu khi nhập (Data Validation)', write: () => writeValidation(sheet, model) });
  if (features.conditionalFormats) {
    steps.push({
      label: 'Tô màu cột Đánh giá (định dạng có điều kiện)',
      write: () => {
        for (const cf of model.conditionalFormats) {
          const format = sheet.getRange(cf.range).conditionalFormats.add('Custom');
          format.custom.rule.formula = `=${cf.formula}`;
          format.custom.format.fill.color = cf.fill;
          format.custom.format.font.color = cf.fontColor;
        }
      },
    });
  }
  if (features.freezePanes) steps.push({ label: 'Cố định dòng tiêu đề', write: () => sheet.freezePanes.freezeAt(sheet.getRange(`A1:B${model.freeze.rows}`)) });
  if (features.pageLayout) {
    steps.push({
      label: 'Thiết lập trang in A4 ngang',
      write: () => {
        sheet.pageLayout.orientation = 'Landscape';
        sheet.pageLayout.paperSize = 'A4';
        sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        sheet.pageLayout.setPrintTitleRows(`$${HEADER_ROW}:$${NUMBER_ROW}`);
      },
    });
  }
  return steps;
}

/** `base` when it is free, else "Chỉ tiêu KT-XH (2)", "(3)" … the first name not taken. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Values and formulas in one 2-D write; number formats first, so "(1)" stays text and 0.00 applies. */
function writeCells(sheet: Excel.Worksheet, model: TemplateModel, values?: ReadonlyMap<string, string | number | null>): void {
  const formulas: (string | number)[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= model.lastRow; r++) {
    const row = model.rows.find((x) => x.row === r);
    formulas.push(COLUMN_ORDER.map((k) => {
      const address = `${COLUMNS[k].letter}${r}`;
      if (values?.has(address)) return values.get(address) ?? '';
      const c = row?.cells[k];
      if (!c) return '';
      if (c.formula !== undefined) return `=${c.formula}`;
      return c.value ?? '';
    }));
    formats.push(COLUMN_ORDER.map((k) => {
      const c = row?.cells[k];
      if (c?.numFmt) return c.numFmt;
      return typeof c?.value === 'string' && c.style !== 'input' && c.style !== 'titleInput' ? '@' : 'General';
    }));
  }
  const block = sheet.getRange(`A1:${LAST_COLUMN}${model.lastRow}`);
  block.numberFormat = formats;
  block.formulas = formulas;
}

function writeFormats(sheet: Excel.Worksheet, model: TemplateModel): void {
  const block = sheet.getRange(`A1:${LAST_COLUMN}${model.lastRow}`);
  block.format.font.name = 'Times New Roman';
  block.format.font.size = 12;
  block.format.verticalAlignment = 'Center';
  for (const k of COLUMN_ORDER) sheet.getRange(`${COLUMNS[k].letter}:${COLUMNS[k].letter}`).format.columnWidth = charsToPoints(COLUMNS[k].width);
  sheet.getRange(`${HEADER_ROW}:${HEADER_ROW}`).format.rowHeight = 48;
  for (const row of model.rows) {
    // One range per run of cells with the same style: fewer proxies than one per cell.
    let start = 0;
    for (let i = 1; i <= COLUMN_ORDER.length; i++) {
      const style = row.cells[COLUMN_ORDER[start]!]?.style;
      if (i < COLUMN_ORDER.length && row.cells[COLUMN_ORDER[i]!]?.style === style) continue;
      if (style) {
        const s = OFFICE_STYLES[style];
        const range = sheet.getRange(`${COLUMNS[COLUMN_ORDER[start]!].letter}${row.row}:${COLUMNS[COLUMN_ORDER[i - 1]!].letter}${row.row}`);
        if (s.bold) range.format.font.bold = true;
        if (s.italic) range.format.font.italic = true;
        if (s.size) range.format.font.size = s.size;
        if (s.fontColor) range.format.font.color = s.fontColor;
        if (s.fill) range.format.fill.color = s.fill;
        if (s.wrap) range.format.wrapText = true;
        if (s.horizontal) range.format.horizontalAlignment = s.horizontal;
      }
      start = i;
    }
  }
  const table = sheet.getRange(`A${HEADER_ROW}:${LAST_COLUMN}${model.lastRow}`);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
    table.format.borders.getItem(edge).style = 'Continuous';
  }
  for (const m of model.merges) sheet.getRange(m).merge(false);
}

function writeValidation(sheet: Excel.Worksheet, model: TemplateModel): void {
  for (const row of model.rows) {
    for (const k of COLUMN_ORDER) {
      const v = row.cells[k]?.validation;
      if (!v) continue;
      const dv = sheet.getRange(`${COLUMNS[k].letter}${row.row}`).dataValidation;
      // The rule first: setting the prompt before the rule throws in Excel on the web.
      dv.rule = officeRule(v);
      dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.error };
    }
  }
}

export function officeRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.type === 'list') return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  const basic: Excel.BasicDataValidation = v.operator === 'between'
    ? { formula1: v.min ?? 0, formula2: v.max ?? 0, operator: 'Between' }
    : { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' };
  return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}
