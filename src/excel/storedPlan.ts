// "Kế hoạch lưu trong file đang mở": the plan the workbook carries (its hidden plan sheet), read for the
// pane to insert from — a unit's sheet or a new template from the same plan as the workbook's.
import type { PlanJson } from '../core/planJson';
import { planJsonFromCells } from '../core/planSheet';
import { planFromJson } from '../core/planRead';
import { planJsonWithOrder } from '../core/planWrite';
import { PLAN_SHEET } from '../template/layout';
import { PLAN_ROWS } from './workbookPlan';

/** The stored plan as the contract's JSON (its order kept), or null when the workbook has none. Two syncs at most. */
export async function readStoredPlan(context: Excel.RequestContext): Promise<PlanJson | null> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const sheet = sheets.items.find((s) => s.name.toLowerCase() === PLAN_SHEET);
  if (!sheet) return null;
  const cells = sheet.getRange(`A1:A${PLAN_ROWS}`).load('values');
  await context.sync();
  const text = planJsonFromCells(cells.values.map((r) => (typeof r[0] === 'string' ? r[0] : null)));
  // A plan sheet edited into something unreadable throws PlanError: the pane says why on the field.
  return text === null ? null : planJsonWithOrder(planFromJson(text));
}
