// The plan of an .xlsx workbook (ExcelJS): reads the hidden plan sheet and the main sheet's rows, and hands
// them to core's workbookPlan (src/core/workbookPlan.ts), which decides. Rows the user added get snapshot
// cells by position, so the engine judges them; the flagged copy names them (nameAddedRows).
import type ExcelJS from 'exceljs';
import { cellName, parseCellName, type NamedColumn } from '../core/names';
import { planJsonFromCells } from '../core/planSheet';
import { workbookPlan, type SheetRow, type WorkbookPlan } from '../core/workbookPlan';
import type { CellSnapshot, WorkbookSnapshot } from '../core/types';
import { COLUMNS, FIRST_DATA_ROW, PLAN_NAME, PLAN_SHEET } from '../template/layout';
import { rawValue } from './cellValue';
import { namedCells, type NamedCell } from './definedNames';

/** The plan JSON stored in the workbook, or null (an older template). */
export function storedPlanJson(wb: ExcelJS.Workbook): string | null {
  const nc = namedCells(wb).get(PLAN_NAME);
  const ws = wb.getWorksheet(nc?.sheet ?? PLAN_SHEET);
  if (!ws) return null;
  const start = nc ? Number(/\d+/.exec(nc.address)![0]) : 1;
  const texts: (string | null)[] = [];
  for (let r = start; r <= ws.rowCount; r++) {
    const v = rawValue(ws.getCell(`A${r}`).value);
    texts.push(typeof v === 'string' ? v : null);
  }
  return planJsonFromCells(texts);
}

const text = (v: ExcelJS.CellValue) => {
  const r = rawValue(v);
  return r === null || typeof r === 'object' ? '' : String(r);
};

/** Column letter of a named column on the sheet (the user may have inserted columns), else the template's. */
function letterOf(cells: Map<string, NamedCell>, column: NamedColumn, fallback: string): string {
  for (const [name, nc] of cells) if (name.startsWith(`${column}_`) && parseCellName(name)?.column === column) return /^[A-Z]+/.exec(nc.address)![0];
  return fallback;
}

export interface XlsxPlan extends WorkbookPlan {
  /** The template sheet the rows were read from. */
  sheet: string | null;
  /** Column letters of the named columns on that sheet. */
  letters: Record<'KH' | 'TN' | 'TH' | 'DG' | 'GC' | 'YC' | 'TT' | 'NAME' | 'UNIT', string>;
}

/**
 * The workbook's plan, and — for rows the user added — their cells laid into `snapshot` under the names
 * they will have, so the engine judges them like any other row.
 */
export function readWorkbookPlan(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot, cells: Map<string, NamedCell>): XlsxPlan {
  const thCell = [...cells.entries()].find(([k]) => k.startsWith('TH_'))?.[1];
  const sheet = thCell?.sheet ?? null;
  const ws = sheet ? wb.getWorksheet(sheet) : undefined;
  const letters: XlsxPlan['letters'] = {
    KH: letterOf(cells, 'KH', COLUMNS.plan.letter), TN: letterOf(cells, 'TN', COLUMNS.previous.letter),
    TH: letterOf(cells, 'TH', COLUMNS.actual.letter), DG: letterOf(cells, 'DG', COLUMNS.status.letter),
    GC: letterOf(cells, 'GC', COLUMNS.note.letter), YC: letterOf(cells, 'YC', COLUMNS.requirement.letter),
    TT: COLUMNS.tt.letter, NAME: COLUMNS.name.letter, UNIT: COLUMNS.unit.letter,
  };
  const rows: SheetRow[] = [];
  const stored = storedPlanJson(wb);
  if (ws && stored !== null) {
    const idsByRow = new Map<number, string[]>();
    for (const [name, nc] of cells) {
      if (nc.sheet !== sheet) continue;
      const p = parseCellName(name);
      if (!p) continue;
      const r = Number(/\d+/.exec(nc.address)![0]);
      const list = idsByRow.get(r) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      idsByRow.set(r, list);
    }
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      const at = (letter: string) => text(ws.getCell(`${letter}${r}`).value);
      rows.push({ row: r, tt: at(letters.TT), name: at(letters.NAME), unit: at(letters.UNIT), requirement: at(letters.YC), ids: idsByRow.get(r) ?? [] });
    }
  }
  const wp = workbookPlan(stored, snapshot.cells, rows);
  if (ws && sheet) {
    for (const a of wp.added) {
      for (const column of ['KH', 'TN', 'TH'] as const) {
        const address = `${letters[column]}${a.row}`;
        const cell = ws.getCell(address);
        const snap: CellSnapshot = { address, sheet, value: rawValue(cell.value) };
        if (cell.numFmt) snap.numberFormat = cell.numFmt;
        snapshot.cells[cellName(column, a.id)] = snap;
      }
    }
  }
  return { ...wp, sheet, letters };
}

/** In a copy: names for the cells of the rows the user added (KH, TN, TH, DG, GC, YC), so flags and later checks find them. */
export function nameAddedRows(wb: ExcelJS.Workbook, plan: XlsxPlan, cells: Map<string, NamedCell>): void {
  const ws = plan.sheet ? wb.getWorksheet(plan.sheet) : undefined;
  if (!ws || !plan.sheet) return;
  for (const a of plan.added) {
    for (const column of ['KH', 'TN', 'TH', 'DG', 'GC', 'YC'] as const) {
      const address = `${plan.letters[column]}${a.row}`;
      const name = cellName(column, a.id);
      ws.getCell(address).name = name;
      cells.set(name, { name, sheet: plan.sheet, address });
    }
  }
}
