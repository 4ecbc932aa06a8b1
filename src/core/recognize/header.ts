// Finding a table's header: the row where column words start (TT, Chỉ tiêu, ĐVT, Kế hoạch …), the rows
// under it that finish it (a two-row header: "Năm 2026" merged over "Kế hoạch | Thực hiện"), and the
// column-number row that often follows ("(1) (2) … (7)=(6):(5)", "A B 1 2 3"), which is skipped.
import { columnLetter, GridReader, textOf } from './grid';
import { classifyHeader, isColumnNumber, isYear, type HeaderClass } from './headerWords';
import { fold } from './normalize';
import type { ColumnMapping, TableColumn } from './types';

export interface HeaderFound {
  rows: number[];
  numberRow: number | null;
  mapping: ColumnMapping;
  /** Column number of each mapped column. */
  col: Partial<Record<TableColumn, number>>;
  /** Further columns that also hold the name (a "Chỉ tiêu" header merged over two columns). */
  nameCols: number[];
  /** First row after the header (and the column-number row). */
  bodyStart: number;
}

/** Header words must be short: a sentence that mentions "thực hiện" is a title, not a column. */
const MAX_HEADER_TEXT = 80;

/** Distinct column kinds the row's own cells (one per merged area) name. */
function rowClasses(g: GridReader, row: number): Set<TableColumn> {
  const out = new Set<TableColumn>();
  for (const c of g.columns()) {
    const m = g.merge(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    const t = g.text(row, c, false);
    if (!t || t.length > MAX_HEADER_TEXT) continue;
    const k = classifyHeader(t);
    if (k) out.add(k.column);
  }
  return out;
}

export function looksLikeHeaderRow(g: GridReader, row: number): boolean {
  const k = rowClasses(g, row);
  if (k.size < 2) return false;
  return k.has('TEN') || (k.has('KH') && (k.has('TH') || k.has('TT'))) || (k.has('TT') && k.has('DVT'));
}

/** Is the row a column-number row: at least two cells, nearly all of them "(1)", "A", "(7)=(6):(5)"? */
export function isNumberRow(g: GridReader, row: number): boolean {
  const texts = g.columns().map((c) => g.text(row, c, false)).filter((t) => t !== '');
  if (texts.length < 2) return false;
  const numbered = texts.filter(isColumnNumber).length;
  // A body row has a name; a number row is all marks, with at most one stray cell.
  return numbered >= 2 && numbered >= texts.length - 1 && texts.every((t) => t.length <= 16);
}

/** A row that finishes the header: no name of its own in the name column, only header words or years. */
function continuesHeader(g: GridReader, row: number, nameCol: number | null, ttCol: number | null): boolean {
  if (row > g.bottom || g.isEmptyRow(row) || isNumberRow(g, row)) return false;
  // An indicator or heading row names something in the name column; a header's second row does not
  // (the "Chỉ tiêu" cell is merged down or left empty), and its TT cell holds no number or mark.
  if (nameCol !== null && g.text(row, nameCol, false)) return false;
  if (ttCol !== null && g.text(row, ttCol, false) && !classifyHeader(g.text(row, ttCol, false))) return false;
  let words = 0;
  for (const c of g.columns()) {
    const v = g.value(row, c);
    if (v === null) continue;
    const t = textOf(v);
    if (typeof v === 'number' && !isYear(t)) return false;
    if (!t) continue;
    if (classifyHeader(t) || isYear(t) || /^(gia tri|ty le|so luong|%)/.test(fold(t))) words++;
    else if (t.length > 30) return false;
  }
  return words > 0;
}

/** The first header at or below `from` (looking at most `span` rows down), or null. */
export function findHeader(g: GridReader, from: number, span = 40): HeaderFound | null {
  for (let r = from; r <= Math.min(g.bottom, from + span); r++) {
    if (!looksLikeHeaderRow(g, r)) continue;
    const found = headerAt(g, r);
    if (found) return found;
  }
  return null;
}

function headerAt(g: GridReader, first: number): HeaderFound | null {
  const rows = [first];
  const firstOf = (k: string) => g.columns().find((c) => classifyHeader(g.text(first, c))?.column === k) ?? null;
  const nameCol = firstOf('TEN');
  const ttCol = firstOf('TT');
  while (rows.length < 3 && continuesHeader(g, rows[rows.length - 1]! + 1, nameCol, ttCol)) rows.push(rows[rows.length - 1]! + 1);
  // A header row that is only the group row above the real one ("Năm 2026" with TT/Chỉ tiêu merged down)
  // is already covered: merged cells are read in every row they span.
  let next = rows[rows.length - 1]! + 1;
  let numberRow: number | null = null;
  if (next <= g.bottom && isNumberRow(g, next)) {
    numberRow = next;
    next++;
  }

  const classes: { col: number; text: string; k: HeaderClass }[] = [];
  for (const c of g.columns()) {
    const parts: string[] = [];
    for (const r of rows) {
      const t = g.text(r, c);
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const text = parts.join(' ');
    const k = text ? classifyHeader(text) ?? classifyHeader(parts[parts.length - 1] ?? '') : null;
    if (k) classes.push({ col: c, text, k });
  }
  const chosen = resolve(classes);
  if (chosen.col.KH === undefined && chosen.col.TH === undefined) return null;
  if (chosen.col.TEN === undefined) {
    const guess = guessNameColumn(g, next, new Set(Object.values(chosen.col)));
    if (guess === null) return null;
    chosen.col.TEN = guess;
    chosen.headers.TEN = rows.map((r) => g.text(r, guess)).filter(Boolean).join(' ');
  }
  const letters: Partial<Record<TableColumn, string>> = {};
  for (const [k, c] of Object.entries(chosen.col) as [TableColumn, number][]) letters[k] = columnLetter(c);
  const nameCols = classes.filter((x) => x.k.column === 'TEN' && x.col !== chosen.col.TEN).map((x) => x.col);
  return {
    rows, numberRow, col: chosen.col, nameCols, bodyStart: next,
    mapping: { letters, headers: chosen.headers, growthForm: chosen.growthForm, year: chosen.year },
  };
}

interface Chosen {
  col: Partial<Record<TableColumn, number>>;
  headers: Partial<Record<TableColumn, string>>;
  growthForm: ColumnMapping['growthForm'];
  year: number | null;
}

/**
 * One column per kind. The year sorts the actuals: the plan's year is the report's year, a "Thực hiện"
 * of an earlier year is the previous value (TN); of several actuals the estimate of the whole period wins.
 */
function resolve(classes: { col: number; text: string; k: HeaderClass }[]): Chosen {
  const of = (k: TableColumn) => classes.filter((x) => x.k.column === k);
  const plans = of('KH');
  const actuals = of('TH');
  const years = [...plans, ...actuals].map((x) => x.k.year).filter((y): y is number => y !== null);
  const year = plans.find((p) => p.k.year !== null)?.k.year ?? (years.length ? Math.max(...years) : null);
  const previous = of('TN');
  const current = actuals.filter((a) => year === null || a.k.year === null || a.k.year >= year);
  previous.push(...actuals.filter((a) => !current.includes(a)).sort((a, b) => (a.k.year ?? 0) - (b.k.year ?? 0)));
  const col: Chosen['col'] = {};
  const headers: Chosen['headers'] = {};
  const take = (k: TableColumn, x: { col: number; text: string } | undefined) => {
    if (!x || Object.values(col).includes(x.col)) return;
    col[k] = x.col;
    headers[k] = x.text;
  };
  for (const k of ['TT', 'TEN', 'DVT', 'KHTT', 'PT', 'CS', 'DG', 'GC'] as const) take(k, of(k)[0]);
  take('KH', plans[0]);
  take('TH', current.find((a) => a.k.estimate) ?? current[current.length - 1]);
  take('TN', previous[previous.length - 1]);
  const cs = of('CS')[0];
  return { col, headers, growthForm: cs?.k.growthForm ?? null, year };
}

/** No "Chỉ tiêu" header: the unmapped column with the most long texts below the header. */
function guessNameColumn(g: GridReader, from: number, taken: Set<number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const c of g.columns()) {
    if (taken.has(c)) continue;
    let n = 0;
    for (let r = from; r <= Math.min(g.bottom, from + 15); r++) if (/\p{L}{2,}.*\s.*\p{L}{2,}/u.test(g.text(r, c, false))) n++;
    if (n > bestCount) [best, bestCount] = [c, n];
  }
  return bestCount >= 2 ? best : null;
}
