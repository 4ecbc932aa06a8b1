// `check --out`: the live formulas of the rows the user added (src/template/addedRow.ts) written into the
// copy's empty formula cells — `<f>` elements with the engine's result cached (the verdict text, the growth
// index, the % of plan: what the formula computes, which the LibreOffice test holds equal), so a viewer
// that does not recalculate shows the same. A cell holding what the user typed keeps it (a plan note says
// so). Shared strings are not touched. A calculation chain (calcChain.xml), if any, is dropped by the patch
// (PackagePatch.toBytes): it would not list the new formulas, and Excel rebuilds it on opening.
// The growth and % cells also get the number format of the template's cells of their column, where theirs
// is General (a format the user set stays): a copy of the cell's own format with that number format only
// (its font, borders, fill are the user's), an existing format reused when one is exactly that.
import type { Report } from '../core/types';
import { cellName, parseCellName } from '../core/names';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../core/rules';
import { addedRowFormulas, keptCellNote, type LiveCell } from '../template/addedRow';
import type { NamedCell } from './definedNames';
import type { CellRead, PackagePatch, XlsxPackage } from './package';
import type { XlsxPlan } from './workbookPlan';
import type { WorkbookSnapshot } from '../core/types';

export interface AddedFormulas {
  sheet: string | null;
  /**
   * Empty formula cells of the added rows, with the indicator each belongs to; `style`/`numFmtId`: a growth
   * or % cell whose format is General, its style id and the number format it gets.
   */
  cells: (LiveCell & { id: string; style?: number; numFmtId?: number })[];
  /** One sentence for each formula cell left as the user typed it. */
  notes: string[];
}

/** Number format '0.00' (Excel's built-in id 2): the template's for growth and %, if no template cell says. */
const RATIO_NUMFMT_ID = 2;

/**
 * Which formula cells of the added rows are empty (they get a formula), and which hold the user's content.
 * `cells`: the template's named cells (before the added rows are named), where the template's formats are read.
 */
export function addedFormulas(pkg: XlsxPackage, plan: XlsxPlan, snapshot: WorkbookSnapshot, cells: ReadonlyMap<string, NamedCell>): AddedFormulas {
  const out: AddedFormulas = { sheet: plan.sheet, cells: [], notes: [] };
  if (!plan.sheet || !plan.added.length || !pkg.sheet(plan.sheet)?.part) return out;
  const wanted = plan.added.map((a) => {
    const ind = plan.plan.indicators.find((i) => i.id === a.id)!;
    return { id: a.id, cells: addedRowFormulas(ind, a.row, plan.letters, snapshot.cells[cellName('KH', a.id)]) };
  });
  // The template's growth and % cells on the sheet, read in the same pass as the added rows' cells.
  const template = { CS: [] as string[], PT: [] as string[] };
  for (const [name, nc] of cells) {
    const p = parseCellName(name);
    if (nc.sheet === plan.sheet && (p?.column === 'CS' || p?.column === 'PT')) template[p.column].push(nc.address);
  }
  const read = pkg.readCells(plan.sheet, [...wanted.flatMap((w) => w.cells.map((c) => c.address)), ...template.CS, ...template.PT]);
  const numFmtIds = { CS: templateNumFmt(pkg, template.CS, read), PT: templateNumFmt(pkg, template.PT, read) };
  for (const w of wanted) {
    for (const cell of w.cells) {
      const c = read.get(cell.address);
      const empty = !c || (!c.hasFormula && (c.value === null || c.value === ''));
      if (!empty) out.notes.push(keptCellNote(cell, w.id));
      else if (cell.column === 'DG' || c?.numFmt !== undefined) out.cells.push({ ...cell, id: w.id });
      else out.cells.push({ ...cell, id: w.id, style: c?.style ?? 0, numFmtId: numFmtIds[cell.column] });
    }
  }
  return out;
}

/** The number format id of the template's formula cells of a column (the first that has one), else '0.00'. */
function templateNumFmt(pkg: XlsxPackage, addresses: readonly string[], read: Map<string, CellRead>): number {
  for (const a of addresses) {
    const c = read.get(a);
    if (c?.hasFormula && c.numFmt !== undefined) return pkg.styles?.numFmtId(c.style) ?? RATIO_NUMFMT_ID;
  }
  return RATIO_NUMFMT_ID;
}

/** Queues the formulas into the copy, each with the engine's result for its row as the cached value. */
export function writeAddedFormulas(patch: PackagePatch, found: AddedFormulas, report: Report): void {
  if (!found.sheet) return;
  for (const cell of found.cells) {
    const r = report.indicators.find((i) => i.id === cell.id && i.measure === null);
    if (!r) continue;
    if (cell.numFmtId !== undefined) patch.setCell(found.sheet, cell.address, { style: patch.cellFormatWithNumFmt(cell.style ?? 0, cell.numFmtId) });
    if (cell.column === 'DG') patch.setCell(found.sheet, cell.address, { formula: cell.formula, cachedText: r.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[r.status] });
    else {
      const v = cell.column === 'CS' ? r.growth : r.percentOfPlan;
      // The formula shows "" where the engine has no figure.
      patch.setCell(found.sheet, cell.address, v === null ? { formula: cell.formula, cachedText: '' } : { formula: cell.formula, cachedNumber: v });
    }
  }
}
