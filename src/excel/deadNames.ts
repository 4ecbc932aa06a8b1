// Names left pointing at #REF!: when the user deletes a template sheet, Excel keeps the workbook names that
// pointed into it, as #REF!. They are not a template (a check ignores them) and must not make "Chèn biểu
// mẫu" think there is one; the pane offers to delete them. Only the template's own names are touched.
import { CONSOLIDATED_MARK, parseCellName, TITLE_NAMES } from '../core/names';
import { SHEET_MARK } from './marker';

const OWN = new Set<string>([...Object.values(TITLE_NAMES), CONSOLIDATED_MARK, SHEET_MARK]);

/** A name the template (or the add-in) gives: TH_1, DON_VI, CHITIEU_SHEET… */
export function isTemplateName(name: string): boolean {
  return OWN.has(name.toUpperCase()) || parseCellName(name) !== null;
}

/** A template name that no longer refers to a range (its sheet was deleted). Needs items/name,items/type. */
export function isDeadTemplateName(n: Excel.NamedItem): boolean {
  return n.type === 'Error' && isTemplateName(n.name);
}

/** How many template names of the workbook point at #REF!. One round trip. */
export async function countDeadNames(context: Excel.RequestContext): Promise<number> {
  const names = context.workbook.names.load('items/name,items/type');
  await context.sync();
  return names.items.filter(isDeadTemplateName).length;
}

/** Deletes the workbook's template names that point at #REF!; resolves how many. Two round trips. */
export async function deleteDeadNames(context: Excel.RequestContext): Promise<number> {
  const names = context.workbook.names.load('items/name,items/type');
  await context.sync();
  const dead = names.items.filter(isDeadTemplateName);
  for (const n of dead) n.delete();
  if (dead.length) await context.sync();
  return dead.length;
}
