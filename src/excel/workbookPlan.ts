// The plan an open workbook is checked against, on the Office side (src/xlsx/workbookPlan.ts is the file
// side): the hidden plan sheet's column A and the template sheet's rows are queued in the SAME round trip
// as the named cells, and core's workbookPlan (src/core/workbookPlan.ts) decides. Rows the user added get
// snapshot cells by position, so the engine judges them, and names queued in the check's write batch.
import { cellName, parseCellName } from '../core/names';
import { planJsonFromCells, planSheetCells } from '../core/planSheet';
import { workbookPlan, type SheetRow, type WorkbookPlan } from '../core/workbookPlan';
import type { CellSnapshot, RawValue, WorkbookSnapshot } from '../core/types';
import { COLUMNS, FIRST_DATA_ROW, PLAN_NAME, PLAN_SHEET } from '../template/layout';
import type { NamedRange } from './snapshot';
import { addedRowFormulas, keptCellNote, type LiveCell } from '../template/addedRow';
import { RATIO_FORMAT } from '../template/formats';

/** Rows of the plan sheet read (chunks of ≤ 30 000 characters: far more than any plan needs). */
export const PLAN_ROWS = 256;
/** Rows below the last named row still read as rows the user may have added. */
const ROWS_AFTER_LAST_NAME = 60;
/**
 * Columns of the row block: A to Z, so the YC column is found after a few columns the user inserted. Its
 * `formulas` are read, not its values: the typed texts and numbers are the same, and the template's formula
 * columns need no calculated result here.
 */
const BLOCK_LAST_COLUMN = 'Z';

/** What the check queues before its second sync: the plan sheet's column A, the template sheet's rows. */
export interface PlanQueue {
  planCells: Excel.Range | null;
  rows: Excel.Range | null;
  /** Sheet row of the block's first row. */
  firstRow: number;
}

/**
 * Queues the reads (no sync). `sheetNames`: the workbook's sheets (loaded); `anyCell`: a range of the
 * template (its worksheet is the template's); `names`: how many template names there are, which bounds the
 * table's rows before their addresses are known (every indicator row has several names).
 */
export function queuePlanRead(context: Excel.RequestContext, sheetNames: readonly string[], anyCell: Excel.Range | null, names: number): PlanQueue {
  const planCells = sheetNames.some((n) => n.toLowerCase() === PLAN_SHEET)
    ? context.workbook.worksheets.getItem(PLAN_SHEET).getRange(`A1:A${PLAN_ROWS}`).load('values')
    : null;
  const last = FIRST_DATA_ROW + names + ROWS_AFTER_LAST_NAME;
  const rows = anyCell ? anyCell.worksheet.getRange(`A${FIRST_DATA_ROW}:${BLOCK_LAST_COLUMN}${last}`).load('formulas,numberFormat') : null;
  return { planCells, rows, firstRow: FIRST_DATA_ROW };
}

export function storedPlanText(q: PlanQueue): string | null {
  if (!q.planCells) return null;
  return planJsonFromCells(q.planCells.values.map((r) => (typeof r[0] === 'string' ? r[0] : null)));
}

const colIndex = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const splitA1 = (a: string) => { const m = /^([A-Z]+)(\d+)$/.exec(a)!; return { letter: m[1]!, row: Number(m[2]) }; };
/** Excel's General format, as `numberFormat` reads it (en-US; an empty code is General too). */
const isGeneral = (f: string) => f === '' || f.toLowerCase() === 'general';
const text = (v: unknown) => (v === null || v === undefined || (typeof v === 'string' && v.startsWith('=')) ? '' : String(v));

/**
 * A typed entry from its `formulas` cell. A formula in a new row's input reads as empty this once: its
 * result is read by name from the next check on (the row is named by this one).
 */
function rawOf(value: unknown): RawValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' && value.startsWith('=')) return null;
  if (typeof value === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(value)) return { error: value };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export interface OfficePlan extends WorkbookPlan {
  /** Queues names for the added rows' cells on `sheet` (KH, TN, TH, CS, PT, DG, GC, YC) into `names`. */
  nameAdded(names: Excel.NamedItemCollection, sheet: Excel.Worksheet): void;
  /**
   * The added rows' formula cells that are empty, with the formula each gets (see writeFormulas);
   * `numberFormat`: for a growth or % cell whose format is General, the template's format of its column.
   */
  formulas: (LiveCell & { numberFormat?: string })[];
  /**
   * Queues the formulas into the empty formula cells of the added rows, on `sheet` (each cell's number
   * format first, where it gets one). Queued before the names: a batch stopped between the two leaves
   * formulas that work (they use addresses) and the row still unnamed, so the next check takes it in again
   * and finds those cells done.
   */
  writeFormulas(sheet: Excel.Worksheet): void;
}

/**
 * The workbook's plan. `cells`: the template's named cells (read); `snapshot`: its snapshot, to which the
 * added rows' KH/TN/TH are added (and `cells` gets their KH, TN, TH, GC, for the flags).
 */
export function officeWorkbookPlan(q: PlanQueue, cells: Map<string, NamedRange>, snapshot: WorkbookSnapshot, sheetOf: (name: string) => Excel.Worksheet): OfficePlan {
  const stored = storedPlanText(q);
  // Every named cell, with its value, as core's overlay wants them (YC for the requirements, DG for presence).
  const all: WorkbookSnapshot['cells'] = {};
  let sheet = '';
  const letters: Record<string, string> = {
    KH: COLUMNS.plan.letter, TN: COLUMNS.previous.letter, TH: COLUMNS.actual.letter, CS: COLUMNS.growth.letter, PT: COLUMNS.percent.letter,
    DG: COLUMNS.status.letter, GC: COLUMNS.note.letter, YC: COLUMNS.requirement.letter,
  };
  const idsByRow = new Map<number, string[]>();
  let lastRow = FIRST_DATA_ROW;
  for (const [name, c] of cells) {
    all[name] = { address: c.address, sheet: c.sheet, value: c.value };
    const p = parseCellName(name);
    if (!p) continue;
    if (p.column === 'TH') sheet = c.sheet;
    const { letter, row } = splitA1(c.address);
    if (p.column in letters) letters[p.column] = letter;
    lastRow = Math.max(lastRow, row);
    const list = idsByRow.get(row) ?? [];
    if (!list.includes(p.id)) list.push(p.id);
    idsByRow.set(row, list);
  }
  const rows: SheetRow[] = [];
  const block = q.rows;
  const at = (r: number, letter: string) => block!.formulas[r - q.firstRow]?.[colIndex(letter)];
  if (block && stored !== null) {
    const last = Math.min(lastRow + ROWS_AFTER_LAST_NAME, q.firstRow + block.formulas.length - 1);
    for (let r = q.firstRow; r <= last; r++) {
      rows.push({ row: r, tt: text(at(r, COLUMNS.tt.letter)), name: text(at(r, COLUMNS.name.letter)), unit: text(at(r, COLUMNS.unit.letter)), requirement: text(at(r, letters.YC!)), ids: idsByRow.get(r) ?? [] });
    }
  }
  const wp = workbookPlan(stored, all, rows);
  const formulas: (LiveCell & { numberFormat?: string })[] = [];
  const notes = [...wp.notes];
  if (block && wp.added.length) {
    const ws = sheetOf(sheet);
    const formatAt = (r: number, letter: string) => block.numberFormat[r - q.firstRow]?.[colIndex(letter)];
    // The number format of the template's growth and % cells: the first template row whose cell computes.
    const templateFormat = (column: 'CS' | 'PT'): string => {
      for (const [name, c] of cells) {
        if (parseCellName(name)?.column !== column || c.sheet !== sheet) continue;
        const { letter, row } = splitA1(c.address);
        const f = formatAt(row, letter);
        if (String(at(row, letter) ?? '').startsWith('=') && typeof f === 'string' && !isGeneral(f)) return f;
      }
      return RATIO_FORMAT;
    };
    const rowFormats = { CS: templateFormat('CS'), PT: templateFormat('PT') };
    for (const a of wp.added) {
      for (const column of ['KH', 'TN', 'TH', 'GC'] as const) {
        const address = `${letters[column]}${a.row}`;
        const i = a.row - q.firstRow;
        const c = colIndex(letters[column]!);
        const value = rawOf(block.formulas[i]?.[c]);
        const name = cellName(column, a.id);
        // A new row's cells: no fill of ours yet, and a note formula cannot be told from its value here.
        cells.set(name, { name, sheet, address, range: ws.getRange(address), value, fill: null, formula: false });
        if (column === 'GC') continue;
        const snap: CellSnapshot = { address, sheet, value };
        const fmt = block.numberFormat[i]?.[c];
        if (typeof fmt === 'string') snap.numberFormat = fmt;
        snapshot.cells[name] = snap;
      }
      // Its live formulas, only into empty cells: what the user typed there stays, and is told.
      const ind = wp.plan.indicators.find((i) => i.id === a.id)!;
      for (const cell of addedRowFormulas(ind, a.row, letters, snapshot.cells[cellName('KH', a.id)])) {
        const { letter } = splitA1(cell.address);
        const now = block.formulas[a.row - q.firstRow]?.[colIndex(letter)];
        if (now === '' || now === null || now === undefined) {
          const own = formatAt(a.row, letter);
          // A format the user set stays; General gets the template's.
          formulas.push(cell.column !== 'DG' && (typeof own !== 'string' || isGeneral(own)) ? { ...cell, numberFormat: rowFormats[cell.column] } : cell);
        }
        // Our own formula, from a check whose batch stopped before the row's names: done already.
        else if (now !== `=${cell.formula}`) notes.push(keptCellNote(cell, a.id));
      }
    }
  }
  return {
    ...wp,
    notes,
    formulas,
    writeFormulas: (ws) => {
      for (const f of formulas) {
        const range = ws.getRange(f.address);
        if (f.numberFormat !== undefined) range.numberFormat = [[f.numberFormat]];
        range.formulas = [[`=${f.formula}`]];
      }
    },
    nameAdded: (names, ws) => {
      for (const a of wp.added) {
        for (const column of ['KH', 'TN', 'TH', 'CS', 'PT', 'DG', 'GC', 'YC'] as const) names.add(cellName(column, a.id), ws.getRange(`${letters[column]}${a.row}`));
      }
    },
  };
}

/**
 * Queues the hidden plan sheet (essential: it is what lets another person's add-in or `chitieu check` judge
 * the workbook alike): the note and the JSON chunks in column A, the workbook name on A1.
 */
export function writePlanSheet(sheet: Excel.Worksheet, names: Excel.NamedItemCollection | null, planJson: string): void {
  const cells = planSheetCells(planJson);
  const block = sheet.getRange(`A1:A${PLAN_ROWS}`);
  block.numberFormat = Array.from({ length: PLAN_ROWS }, () => ['@']);
  block.values = Array.from({ length: PLAN_ROWS }, (_, i) => [cells[i] ?? '']);
  sheet.visibility = 'Hidden';
  names?.add(PLAN_NAME, sheet.getRange('A1'));
}
