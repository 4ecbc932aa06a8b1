// Check and flag in three round trips whatever the number of indicators: list names, read every named
// cell, write every flag. Flags are reversible: the fills they replace and the notes they append are
// stored in the workbook's settings, and clearing puts them back.
import { checkWorkbook } from '../core/engine';
import { FLAG_FILL, NOTE_PREFIX, planFlags } from '../core/flags';
import { checkedPlanOf, checkedSheetOf, withChecked, type CheckedReport, type JudgedRows } from '../core/checked';
import { SEED_PLAN } from '../core/catalog';
import type { Period, Report } from '../core/types';
import { ADOPTED_MARK } from '../core/recognize/adopted';
import type { AdoptedTable } from '../core/recognize';
import { adoptedKey, adoptedSettingKey } from './adoptedKeys';
import { isDeadTemplateName } from './deadNames';
import { protectedSheetError } from './errors';
import { markOf, markSheet, SHEET_MARK, SHEET_NAMES_LOAD } from './marker';
import { officeWorkbookPlan, queuePlanRead, writePlanSheet, type OfficePlan } from './workbookPlan';
import { planJsonText } from '../core/planWrite';
import { PLAN_SHEET } from '../template/layout';
import { flagsKey, hasTemplateNames, legacyFlagsKey, NoTemplateInWorkbook, queueCells, toRead, type ExcelRead, type NamedRange, type StoredFlags } from './snapshot';

const OUR_FILLS = new Set(Object.values(FLAG_FILL).map((c) => c.toUpperCase()));
const isOurFill = (c: string | null) => c !== null && OUR_FILLS.has(c.toUpperCase());

/** The user's own text of a note cell: what stands before the text the check appended. */
export function ownNote(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const at = text.indexOf(NOTE_PREFIX);
  return at < 0 ? text : text.slice(0, at).replace(/\n$/, '');
}

/** A read template, with where its flags are kept. */
interface TemplateRead extends ExcelRead {
  /** The sheet whose own names make the template (a unit sheet), when it is one. */
  unitSheet: Excel.Worksheet | null;
  /** Set when the flags are still under the sheet's id (a sheet made before sheets were marked). */
  legacy: boolean;
  /** The id in this session of a sheet, by name. */
  sheetId: (name: string) => string;
  /** The plan it is judged against (stored plan overlaid with the sheet), with added rows in `snapshot`; null for an adopted table. */
  plan: OfficePlan | null;
  /** A table of the user's own adopted on this sheet ("Nhận dạng bảng có sẵn"): its rows, kept at adoption. */
  adopted: AdoptedTable | null;
}

/**
 * The template a check reads: the active sheet's (or `sheet`'s, by name or id) own when it has one (names
 * scoped to the sheet, as on a unit sheet, a copied template sheet or a consolidated sheet), else the
 * workbook's. Two round trips.
 */
async function readTemplate(context: Excel.RequestContext, period?: Period, sheet?: string): Promise<TemplateRead> {
  const workbookNames = context.workbook.names.load('items/name,items/type');
  const worksheets = context.workbook.worksheets;
  const active = (sheet === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(sheet)).load('name,id');
  const sheetNames = active.names.load(SHEET_NAMES_LOAD);
  // Protection is read up front, so a protected sheet stops us before any write (no half-written flags).
  const sheets = context.workbook.worksheets.load('items/name,items/id,items/protection/protected');
  await context.sync();
  const local = hasTemplateNames(sheetNames);
  const adoptedMark = local ? sheetNames.items.find((n) => n.scope === 'Worksheet' && n.name.toUpperCase() === ADOPTED_MARK) : undefined;
  const ownKey = adoptedMark ? adoptedKey(adoptedMark.comment) : null;
  const ranges = queueCells(local ? sheetNames : workbookNames, local, ownKey !== null);
  if (![...ranges.keys()].some((k) => k.startsWith('TH_'))) throw new NoTemplateInWorkbook(workbookNames.items.filter(isDeadTemplateName).length);
  const mark = local ? markOf(sheetNames) : null;
  // A unit sheet without a mark was made before marks: its flags are under its id until the next check.
  // An adopted table is the user's sheet: it gets no mark of ours; its flags are kept under its adoption key.
  const legacy = local && ownKey === null && !sheetNames.items.some((n) => n.name.toUpperCase() === SHEET_MARK);
  const key = !local ? flagsKey(null) : ownKey !== null ? flagsKey(ownKey) : legacy ? legacyFlagsKey(active.id) : flagsKey(mark?.key ?? active.id);
  const setting = context.workbook.settings.getItemOrNullObject(key).load('value');
  const table = ownKey !== null ? context.workbook.settings.getItemOrNullObject(adoptedSettingKey(ownKey)).load('value') : null;
  // The stored plan and the sheet's rows come in this same round trip (a template's; an adopted table has its own rules).
  const th = [...ranges].find(([k]) => k.startsWith('TH_'))![1];
  const planQueue = ownKey === null ? queuePlanRead(context, sheets.items.map((s) => s.name), th, ranges.size) : null;
  await context.sync();
  const read = toRead(ranges, setting, key, period, ownKey !== null);
  const adopted = table && !table.isNullObject ? parseAdopted(table.value) : null;
  const plan = planQueue ? officeWorkbookPlan(planQueue, read.cells, read.snapshot, (name) => worksheets.getItem(name)) : null;
  const used = new Set([...read.cells.values()].map((c) => c.sheet));
  const locked = sheets.items.find((ws) => used.has(ws.name) && ws.protection.protected);
  if (locked) throw protectedSheetError(locked.name);
  const ids = new Map(sheets.items.map((ws) => [ws.name, ws.id]));
  return { ...read, unitSheet: local ? active : null, legacy, sheetId: (name) => ids.get(name) ?? '', plan, adopted };
}

function parseAdopted(value: unknown): AdoptedTable | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' && (parsed as AdoptedTable).version === 1 ? parsed as AdoptedTable : null;
}

/** The check of an adopted table: as `chitieu check` on it — its own rules, and its stated results. */
async function checkAdopted(read: TemplateRead, adopted: AdoptedTable, period?: Period): Promise<{ report: Report; rows: JudgedRows }> {
  // The recogniser loads on demand: only adopted tables need it.
  const { checkRecognized, fromAdoptedTable, recognizedPlanRows } = await import('../core/recognize');
  const sheet = templateSheet(read);
  const rec = fromAdoptedTable(adopted, sheet, (name) => read.cells.get(name));
  const formatAt = new Map<string, string>();
  for (const c of read.cells.values()) if (c.numberFormat) formatAt.set(c.address, c.numberFormat);
  const report = checkRecognized(rec, {
    period: period ?? 'nam',
    format: (row, col) => {
      const letter = rec.rows.find((r) => r.row === row)?.cells[col];
      return letter ? formatAt.get(letter) ?? null : null;
    },
  });
  return { report, rows: recognizedPlanRows(rec) };
}

/** The sheet of a template's cells: its TH_ cells' (a workbook template may sit on any sheet). */
function templateSheet(read: ExcelRead): string {
  for (const [name, c] of read.cells) if (name.startsWith('TH_')) return c.sheet;
  return '';
}

/** The note cells a check wrote values into, on one sheet (by its id in this session): what live check ignores. */
export interface WrittenCells {
  sheetId: string;
  addresses: string[];
}

/**
 * Checks the template and flags it in one batch; the report says which sheet it was and what that sheet's
 * title block holds. The stored flags are written first in the batch, so a batch Excel stops half-way
 * never leaves a flag colour without the colour it replaced on record.
 */
export async function checkAndFlag(context: Excel.RequestContext, period?: Period, sheet?: string, wrote?: (cells: WrittenCells) => void): Promise<CheckedReport> {
  const read = await readTemplate(context, period, sheet);
  const notesSkipped: string[] = [];
  const wbPlan = read.plan;
  const { report: checked, rows } = read.adopted ? await checkAdopted(read, read.adopted, period)
    : { report: checkWorkbook(read.snapshot, wbPlan ? { indicators: wbPlan.plan.indicators, headings: wbPlan.plan.headings } : {}), rows: wbPlan?.plan ?? SEED_PLAN };
  const report: CheckedReport = {
    ...withChecked(checked, checkedSheetOf(templateSheet(read), read.snapshot)),
    ...(wbPlan && !read.adopted ? { plan: checkedPlanOf(wbPlan.plan, wbPlan.stored, wbPlan.notes) } : {}),
    rows: { indicators: rows.indicators, headings: rows.headings },
  };
  const plan = planFlags(report);
  const prior: StoredFlags = read.stored ?? { fills: {}, notes: [] };
  const stored: StoredFlags = { fills: {}, notes: [] };
  const writes: (() => void)[] = [];
  const written: NamedRange[] = [];
  const flagged = new Set(plan.cells.map((m) => m.name.toUpperCase()));

  for (const [name, original] of Object.entries(prior.fills)) {
    const c = read.cells.get(name);
    if (!c || flagged.has(name) || !isOurFill(c.fill)) continue;
    stored.fills[name] = original; // kept until the restore is seen done, in case this batch stops early
    writes.push(() => restoreFill(c, original));
  }
  for (const mark of plan.cells) {
    const key = mark.name.toUpperCase();
    const c = read.cells.get(key);
    if (!c) continue;
    // Showing our colour already (flagged before): what it had before that check, never our own colour.
    // A colour the user gave it since is what the clear must bring back.
    stored.fills[key] = isOurFill(c.fill) ? (prior.fills[key] ?? null) : c.fill;
    writes.push(() => { c.range.format.fill.color = FLAG_FILL[mark.severity]; });
  }
  for (const row of plan.rows) {
    const c = read.cells.get(row.noteName.toUpperCase());
    if (!c) continue;
    if (c.formula) {
      // The user's formula stays; the pane and the report still show the finding.
      if (row.note) notesSkipped.push(c.address);
      continue;
    }
    const own = ownNote(c.value);
    const next = row.note ? (own ? own + '\n' : '') + NOTE_PREFIX + row.note : own;
    if (next !== (c.value ?? '')) {
      writes.push(() => { c.range.values = [[next]]; });
      written.push(c);
    }
    if (row.note || next !== (c.value ?? '')) stored.notes.push(c.name);
  }
  let settingKey = read.settingKey;
  if (read.legacy && read.unitSheet) {
    settingKey = flagsKey(markSheet(read.unitSheet, 'unit').key);
    if (!read.setting.isNullObject) read.setting.delete();
  }
  // Rows the user added: their cells named like the template's (on its sheet, or the unit sheet's own names).
  if (wbPlan && wbPlan.added.length) {
    const sheetName = templateSheet(read);
    // Their live formulas first (they refer to addresses, not to the names queued next).
    wbPlan.writeFormulas(context.workbook.worksheets.getItem(sheetName));
    if (wbPlan.formulas.length) wrote?.({ sheetId: read.sheetId(sheetName), addresses: wbPlan.formulas.map((f) => f.address) });
    wbPlan.nameAdded(read.unitSheet ? read.unitSheet.names : context.workbook.names, context.workbook.worksheets.getItem(sheetName));
    // Named now, such a row is no longer "added": the stored plan takes it in, or the next check would drop it.
    if (wbPlan.stored) writePlanSheet(context.workbook.worksheets.getItem(PLAN_SHEET), null, planJsonText(wbPlan.plan));
  }
  context.workbook.settings.add(settingKey, JSON.stringify(stored));
  for (const w of writes) w();
  // Told before the sync: the change events of these writes may arrive before it resolves.
  for (const c of written) wrote?.({ sheetId: read.sheetId(c.sheet), addresses: [c.address] });
  await context.sync();
  return notesSkipped.length ? { ...report, notesSkipped } : report;
}

/** Puts back what the last check changed. Returns how many cells it restored. */
export async function clearFlags(context: Excel.RequestContext): Promise<number> {
  const read = await readTemplate(context);
  const stored = read.stored;
  if (!stored) return 0;
  let restored = 0;
  for (const [name, original] of Object.entries(stored.fills)) {
    const c = read.cells.get(name);
    if (c && restoreFill(c, original)) restored++;
  }
  for (const name of stored.notes) {
    const c = read.cells.get(name.toUpperCase());
    if (!c) continue;
    const own = ownNote(c.value);
    if (own !== (c.value ?? '')) { c.range.values = [[own]]; restored++; }
  }
  read.setting.delete();
  await context.sync();
  return restored;
}

/**
 * Restores a cell's fill only if it still shows our flag: a colour the user chose since stays. Excel reads
 * "no fill" as #FFFFFF (it cannot be told from white before ExcelApi 1.9), and writing #FFFFFF paints the cell
 * white and hides its gridlines: that original is restored as no fill.
 */
function restoreFill(c: NamedRange, original: string | null): boolean {
  if (!isOurFill(c.fill)) return false;
  if (original === null || original === undefined || original.toUpperCase() === '#FFFFFF') c.range.format.fill.clear();
  else c.range.format.fill.color = original;
  return true;
}

/**
 * Selects the cell of a finding (by defined name) and brings its sheet to the front. With `sheet`, the
 * name scoped to that sheet wins (a unit or consolidated sheet), as it does in Excel's own formulas.
 */
export async function selectCell(context: Excel.RequestContext, name: string, sheet?: string): Promise<void> {
  let range: Excel.Range;
  if (sheet === undefined) {
    range = context.workbook.names.getItem(name).getRange();
  } else {
    const local = context.workbook.worksheets.getItem(sheet).names.getItemOrNullObject(name);
    await context.sync();
    range = local.isNullObject ? context.workbook.names.getItem(name).getRange() : local.getRange();
  }
  range.worksheet.activate();
  range.select();
  await context.sync();
}
