// `check --out`: the live formulas of the rows the user added (src/template/addedRow.ts) written into the
// copy's empty formula cells — `<f>` elements with the engine's result cached (the verdict text, the growth
// index, the % of plan: what the formula computes, which the LibreOffice test holds equal), so a viewer
// that does not recalculate shows the same. A cell holding what the user typed keeps it (a plan note says
// so). Shared strings are not touched. A calcChain part, if any, stays as it was: it lists formula cells,
// and adding formulas it does not list is what Excel tolerates (it rebuilds the chain); only an entry for a
// cell that no longer holds a formula would be an error, and none is removed.
import type { Report } from '../core/types';
import { cellName } from '../core/names';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../core/rules';
import { addedRowFormulas, keptCellNote, type LiveCell } from '../template/addedRow';
import type { PackagePatch, XlsxPackage } from './package';
import type { XlsxPlan } from './workbookPlan';
import type { WorkbookSnapshot } from '../core/types';

export interface AddedFormulas {
  sheet: string | null;
  /** Empty formula cells of the added rows, with the indicator each belongs to. */
  cells: (LiveCell & { id: string })[];
  /** One sentence for each formula cell left as the user typed it. */
  notes: string[];
}

/** Which formula cells of the added rows are empty (they get a formula), and which hold the user's content. */
export function addedFormulas(pkg: XlsxPackage, plan: XlsxPlan, snapshot: WorkbookSnapshot): AddedFormulas {
  const out: AddedFormulas = { sheet: plan.sheet, cells: [], notes: [] };
  if (!plan.sheet || !plan.added.length || !pkg.sheet(plan.sheet)?.part) return out;
  const wanted = plan.added.map((a) => {
    const ind = plan.plan.indicators.find((i) => i.id === a.id)!;
    return { id: a.id, cells: addedRowFormulas(ind, a.row, plan.letters, snapshot.cells[cellName('KH', a.id)]) };
  });
  const read = pkg.readCells(plan.sheet, wanted.flatMap((w) => w.cells.map((c) => c.address)));
  for (const w of wanted) {
    for (const cell of w.cells) {
      const c = read.get(cell.address);
      const empty = !c || (!c.hasFormula && (c.value === null || c.value === ''));
      if (empty) out.cells.push({ ...cell, id: w.id });
      else out.notes.push(keptCellNote(cell, w.id));
    }
  }
  return out;
}

/** Queues the formulas into the copy, each with the engine's result for its row as the cached value. */
export function writeAddedFormulas(patch: PackagePatch, found: AddedFormulas, report: Report): void {
  if (!found.sheet) return;
  for (const cell of found.cells) {
    const r = report.indicators.find((i) => i.id === cell.id && i.measure === null);
    if (!r) continue;
    if (cell.column === 'DG') patch.setCell(found.sheet, cell.address, { formula: cell.formula, cachedText: r.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[r.status] });
    else {
      const v = cell.column === 'CS' ? r.growth : r.percentOfPlan;
      // The formula shows "" where the engine has no figure.
      patch.setCell(found.sheet, cell.address, v === null ? { formula: cell.formula, cachedText: '' } : { formula: cell.formula, cachedNumber: v });
    }
  }
}
