/** A1 addresses, rectangles and formula reference shifting for the fake workbook. */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  const bang = a.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: a };
  let sheet = a.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: a.slice(bang + 1) };
}

/** Parses a local A1 reference: "G12", "A1:K60", "5:7" (rows), "A:C" (columns). null if invalid. */
export function parseRect(local: string): Rect | null {
  const parts = local.trim().split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0] ?? '');
    if (!m) return null;
    const r = Number(m[2]) - 1;
    const c = colIndex(m[1] ?? '');
    return valid({ r0: r, c0: c, r1: r, c1: c });
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    return valid(norm(Number(ca[2]) - 1, colIndex(ca[1] ?? ''), Number(cb[2]) - 1, colIndex(cb[1] ?? '')));
  }
  const ra = ROWS.exec(a);
  const rb = ROWS.exec(b);
  if (ra && rb) return valid(norm(Number(ra[1]) - 1, 0, Number(rb[1]) - 1, MAX_COLS - 1));
  const ka = COLS.exec(a);
  const kb = COLS.exec(b);
  if (ka && kb) return valid(norm(0, colIndex(ka[1] ?? ''), MAX_ROWS - 1, colIndex(kb[1] ?? '')));
  return null;
}

function norm(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

function valid(r: Rect): Rect | null {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS ? r : null;
}

export function isWholeRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

export function isWholeColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

/** Local A1 text as Excel reports it: "G12", "A1:K60", "5:7", "A:C", "1:1048576". */
export function rectA1(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isWholeRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (isWholeColumns(r)) return `${d}${colName(r.c0)}:${d}${colName(r.c1)}`;
  const a = `${d}${colName(r.c0)}${d}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${d}${colName(r.c1)}${d}${r.r1 + 1}`;
}

/** Sheet name as it appears in a reference: quoted when Excel would quote it. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectCells(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

/** Where a rectangle ends up after inserting `n` whole rows before row `at` (0-based). */
export function shiftRectForRowInsert(r: Rect, at: number, n: number): Rect {
  if (isWholeColumns(r)) return r;
  if (r.r0 >= at) return { ...r, r0: Math.min(r.r0 + n, MAX_ROWS - 1), r1: Math.min(r.r1 + n, MAX_ROWS - 1) };
  if (r.r1 >= at) return { ...r, r1: Math.min(r.r1 + n, MAX_ROWS - 1) };
  return r;
}

// A cell or rectangle reference in a formula, optionally sheet-qualified. Not a function name (LOG10(),
// not part of a longer name (TH_1), not inside a string literal (handled by the caller).
const REF =
  /(?<![A-Za-z0-9_.$\u00C0-\uFFFF])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![A-Za-z0-9_(!\u00C0-\uFFFF])/g;

function shiftCellRef(ref: string, at: number, n: number): string {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(ref);
  if (!m) return ref;
  const row = Number(m[4]) - 1;
  return row >= at ? `${m[1]}${m[2]}${m[3]}${row + n + 1}` : ref;
}

/**
 * Rewrites the references of `formula` (written on sheet `home`) that point into sheet `target` as Excel
 * does when `n` rows are inserted before row `at`: cells at or below move, rectangles spanning it grow.
 * Whole-row/column references inside formulas are left alone (not modelled).
 */
export function shiftFormulaForRowInsert(formula: string, home: string, target: string, at: number, n: number): string {
  const pieces = formula.split('"'); // even pieces are outside string literals
  return pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REF, (whole, sheetPart: string | undefined, a: string, b: string | undefined) => {
            const sheet = sheetPart ? splitSheet(`${sheetPart}A1`).sheet : home;
            if ((sheet ?? '').toLowerCase() !== target.toLowerCase()) return whole;
            const prefix = sheetPart ?? '';
            if (b === undefined) return prefix + shiftCellRef(a, at, n);
            const ra = Number(/\d+$/.exec(a)?.[0]) - 1;
            const rb = Number(/\d+$/.exec(b)?.[0]) - 1;
            const top = Math.min(ra, rb);
            if (top >= at) return `${prefix}${shiftCellRef(a, at, n)}:${shiftCellRef(b, at, n)}`;
            // spans the insertion point: only the bottom end moves
            const bottomIsB = rb >= ra;
            const na = bottomIsB ? a : shiftCellRef(a, at, n);
            const nb = bottomIsB ? shiftCellRef(b, at, n) : b;
            return `${prefix}${na}:${nb}`;
          }),
    )
    .join('"');
}
