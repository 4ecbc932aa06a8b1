// Every sheet the add-in makes carries a sheet-scoped name, CHITIEU_SHEET, whose comment says what it is
// and a key of its own: "chitieu:summary:k3f9x2". The name proves a sheet is ours (a sheet without it is the
// user's and is never deleted or overwritten) and the key survives sessions, where worksheet ids do not.

export const SHEET_MARK = 'CHITIEU_SHEET';

export type SheetKind = 'template' | 'unit' | 'consolidated' | 'byUnit' | 'summary' | 'plan';

export interface SheetMark {
  kind: SheetKind;
  key: string;
}

const KINDS: readonly SheetKind[] = ['template', 'unit', 'consolidated', 'byUnit', 'summary', 'plan'];

/** A fresh key: time and chance, enough to tell apart the sheets of one workbook. */
export function newSheetKey(now = Date.now(), random = Math.random()): string {
  return `${now.toString(36)}${Math.floor(random * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** Queues the mark on a new sheet (its A1 is the reference: any cell would do). */
export function markSheet(sheet: Excel.Worksheet, kind: SheetKind, key = newSheetKey()): SheetMark {
  sheet.names.add(SHEET_MARK, sheet.getRange('A1'), `chitieu:${kind}:${key}`);
  return { kind, key };
}

/** The mark among a sheet's own names (loaded with name, comment and scope), or null. */
export function markOf(names: Excel.NamedItemCollection): SheetMark | null {
  const n = names.items.find((x) => x.scope === 'Worksheet' && x.name.toUpperCase() === SHEET_MARK);
  return n ? parseMark(n.comment) : null;
}

export function parseMark(comment: string | null | undefined): SheetMark | null {
  const m = /^chitieu:([A-Za-z]+):([0-9a-z]+)$/.exec((comment ?? '').trim());
  if (!m || !KINDS.includes(m[1] as SheetKind)) return null;
  return { kind: m[1] as SheetKind, key: m[2]! };
}

/** Load spec of a sheet's own names with what the mark and template detection need. */
export const SHEET_NAMES_LOAD = 'items/name,items/type,items/scope,items/comment';
