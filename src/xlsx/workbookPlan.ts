// The plan of an .xlsx workbook: reads the hidden plan sheet and the main sheet's rows through a
// TemplateSource (the user's package, or a workbook made in memory) and hands them to core's workbookPlan
// (src/core/workbookPlan.ts), which decides. Rows the user added get snapshot cells by position, so the
// engine judges them; the flagged copy names them (nameAddedRows).
import { cellName, parseCellName, type NamedColumn } from '../core/names';
import { planJsonFromCells, planSheetCells } from '../core/planSheet';
import { planJsonText } from '../core/planWrite';
import { workbookPlan, type SheetRow, type WorkbookPlan } from '../core/workbookPlan';
import type { CellSnapshot, RawValue, WorkbookSnapshot } from '../core/types';
import { COLUMNS, FIRST_DATA_ROW, PLAN_NAME, PLAN_SHEET } from '../template/layout';
import type { NamedCell } from './definedNames';
import type { PackagePatch } from './package';
import { tXml } from './package/patch';
import type { Workbookish } from './snapshot';
import { sourceOf, type TemplateSource } from './source';

/** The plan sheet holds a few chunks of ≤ 30 000 characters; read this many rows at most. */
const MAX_PLAN_ROWS = 256;
/** Rows the user may have added below the last named row that are still read as added indicators. */
const ROWS_AFTER_LAST_NAME = 60;

const rowOf = (address: string) => Number(/\d+/.exec(address)![0]);

/** Where the plan sheet's column A is, and its texts from there (trailing empty cells cut). */
function storedPlanCells(src: TemplateSource): { sheet: string; start: number; texts: (string | null)[] } | null {
  const nc = src.workbookNames.get(PLAN_NAME);
  const sheet = nc?.sheet ?? PLAN_SHEET;
  if (!src.hasSheet(sheet)) return null;
  const start = nc ? rowOf(nc.address) : 1;
  const addresses = Array.from({ length: MAX_PLAN_ROWS }, (_, i) => `A${start + i}`);
  const read = src.read(sheet, addresses);
  const texts: (string | null)[] = [];
  for (const a of addresses) {
    const v = read.get(a)?.value ?? null;
    texts.push(typeof v === 'string' ? v : null);
  }
  while (texts.length && texts[texts.length - 1] === null) texts.pop();
  return { sheet, start, texts };
}

/** The plan JSON stored in the workbook, or null (an older template). */
export function storedPlanJson(wb: Workbookish): string | null {
  const cells = storedPlanCells(sourceOf(wb));
  return cells ? planJsonFromCells(cells.texts) : null;
}

const text = (v: RawValue | undefined) => (v === null || v === undefined || typeof v === 'object' ? '' : String(v));

/** Column letter of a named column on the sheet (the user may have inserted columns), else the template's. */
function letterOf(cells: Map<string, NamedCell>, column: NamedColumn, fallback: string): string {
  for (const [name, nc] of cells) if (name.startsWith(`${column}_`) && parseCellName(name)?.column === column) return /^[A-Z]+/.exec(nc.address)![0];
  return fallback;
}

export interface XlsxPlan extends WorkbookPlan {
  /** The template sheet the rows were read from. */
  sheet: string | null;
  /** Column letters of the named columns on that sheet. */
  letters: Record<'KH' | 'TN' | 'TH' | 'CS' | 'PT' | 'DG' | 'GC' | 'YC' | 'TT' | 'NAME' | 'UNIT', string>;
  /** The template's names are scoped to its sheet (a unit sheet): added rows' names are too. */
  sheetScoped: boolean;
}

/**
 * The workbook's plan, and — for rows the user added — their cells laid into `snapshot` under the names
 * they will have, so the engine judges them like any other row.
 */
export function readWorkbookPlan(wb: Workbookish, snapshot: WorkbookSnapshot, cells: Map<string, NamedCell>): XlsxPlan {
  const src: TemplateSource = sourceOf(wb);
  const thName = [...cells.keys()].find((k) => k.startsWith('TH_'));
  const sheet = thName ? cells.get(thName)!.sheet : null;
  const sheetScoped = !!(sheet && thName && src.scopedNames.get(sheet)?.has(thName));
  const letters: XlsxPlan['letters'] = {
    KH: letterOf(cells, 'KH', COLUMNS.plan.letter), TN: letterOf(cells, 'TN', COLUMNS.previous.letter),
    TH: letterOf(cells, 'TH', COLUMNS.actual.letter), CS: letterOf(cells, 'CS', COLUMNS.growth.letter),
    PT: letterOf(cells, 'PT', COLUMNS.percent.letter), DG: letterOf(cells, 'DG', COLUMNS.status.letter),
    GC: letterOf(cells, 'GC', COLUMNS.note.letter), YC: letterOf(cells, 'YC', COLUMNS.requirement.letter),
    TT: COLUMNS.tt.letter, NAME: COLUMNS.name.letter, UNIT: COLUMNS.unit.letter,
  };
  const rows: SheetRow[] = [];
  const stored = storedPlanJson(src);
  if (sheet && src.hasSheet(sheet) && stored !== null) {
    const idsByRow = new Map<number, string[]>();
    let lastRow = FIRST_DATA_ROW;
    for (const [name, nc] of cells) {
      if (nc.sheet !== sheet) continue;
      const p = parseCellName(name);
      if (!p) continue;
      const r = rowOf(nc.address);
      lastRow = Math.max(lastRow, r);
      const list = idsByRow.get(r) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      idsByRow.set(r, list);
    }
    // Only the rows of the table and a margin below it: a huge sheet costs nothing more.
    const last = lastRow + ROWS_AFTER_LAST_NAME;
    const cols = [letters.TT, letters.NAME, letters.UNIT, letters.YC];
    const addresses: string[] = [];
    for (let r = FIRST_DATA_ROW; r <= last; r++) for (const c of cols) addresses.push(`${c}${r}`);
    const read = src.read(sheet, addresses);
    for (let r = FIRST_DATA_ROW; r <= last; r++) {
      const at = (letter: string) => text(read.get(`${letter}${r}`)?.value);
      rows.push({ row: r, tt: at(letters.TT), name: at(letters.NAME), unit: at(letters.UNIT), requirement: at(letters.YC), ids: idsByRow.get(r) ?? [] });
    }
  }
  const wp = workbookPlan(stored, snapshot.cells, rows);
  if (sheet && wp.added.length) {
    const addresses = wp.added.flatMap((a) => (['KH', 'TN', 'TH'] as const).map((c) => `${letters[c]}${a.row}`));
    const read = src.read(sheet, addresses);
    for (const a of wp.added) {
      for (const column of ['KH', 'TN', 'TH'] as const) {
        const address = `${letters[column]}${a.row}`;
        const r = read.get(address);
        const snap: CellSnapshot = { address, sheet, value: r?.value ?? null };
        if (r?.numberFormat) snap.numberFormat = r.numberFormat;
        snapshot.cells[cellName(column, a.id)] = snap;
      }
    }
  }
  return { ...wp, sheet, letters, sheetScoped };
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** In a copy: names for the cells of the rows the user added (KH, TN, TH, CS, PT, DG, GC, YC), so flags and later checks find them. */
export function nameAddedRows(patch: PackagePatch, plan: XlsxPlan, cells: Map<string, NamedCell>): void {
  if (!plan.sheet) return;
  for (const a of plan.added) {
    for (const column of ['KH', 'TN', 'TH', 'CS', 'PT', 'DG', 'GC', 'YC'] as const) {
      const letter = plan.letters[column];
      const address = `${letter}${a.row}`;
      const name = cellName(column, a.id);
      patch.addDefinedName(name, `${quoted(plan.sheet)}!$${letter}$${a.row}`, plan.sheetScoped ? plan.sheet : undefined);
      cells.set(name, { name, sheet: plan.sheet, address });
    }
  }
}

/**
 * In a copy: the stored plan rewritten with the rows the user added (named by nameAddedRows), as the
 * add-in's check does — else the next check would no longer find them in the plan. Cells of the plan
 * sheet's column A as inline text; chunks the old plan used beyond the new one's are emptied.
 */
export function rewriteStoredPlan(patch: PackagePatch, wb: Workbookish, plan: XlsxPlan): void {
  if (!plan.stored || !plan.added.length) return;
  const at = storedPlanCells(sourceOf(wb));
  if (!at) return;
  const cells = planSheetCells(planJsonText(plan.plan));
  const count = Math.max(cells.length, at.texts.length);
  for (let i = 0; i < count; i++) patch.setCell(at.sheet, `A${at.start + i}`, { inlineXml: tXml(cells[i] ?? '') });
}
