// A worksheet part read without expanding anything: one pass over the XML that keeps only the cells asked
// for (or, for a whole-grid read, every cell up to a limit), the merged ranges and where each row and cell
// element sits (for patching). Data validation, conditional formats and the rest are skipped unread.
import { decodeXml, parseAttrs, scanXml, XmlError } from './xml';

export interface RawCell {
  ref: string;
  row: number;
  col: number;
  /** The `t` attribute ('n' when absent). */
  type: string;
  style: number;
  /** `<v>` text (decoded). */
  v: string | null;
  /** `<f>` text; '' for a shared formula's follower cell; null when no formula. */
  formula: string | null;
  /** `<is>` plain text (inline string). */
  inline: string | null;
  /** Offsets of the whole `<c …>…</c>` element in the part. */
  start: number;
  end: number;
}

export interface RowPos {
  row: number;
  start: number;
  /** End of the `<row …>` open tag; for a self-closing row, its end. */
  openEnd: number;
  /** Start of `</row>`; -1 for a self-closing row. */
  closeStart: number;
}

export interface SheetScan {
  cells: Map<string, RawCell>;
  merges: string[];
  rows: RowPos[];
  /** `<sheetData>`: where its content ends (to add a row); -1 when absent. */
  sheetDataClose: number;
  sheetDataSelfClosing: { start: number; end: number } | null;
  /** Local names of the worksheet's top-level children, with their start offsets (element order). */
  topLevel: { name: string; start: number; end: number }[];
  cellCount: number;
}

export class TooManyCells extends XmlError {}

export function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function colLetters(n: number): string {
  let s = '';
  while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = (n - 1 - m) / 26; }
  return s;
}

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  return { col: colNumber(m[1]!.toUpperCase()), row: Number(m[2]) };
}

/** An attribute of a tag found without building the attribute map (hot path: one call per cell). */
function quickAttr(xml: string, start: number, end: number, name: string): string | undefined {
  const needle = ` ${name}="`;
  const i = xml.indexOf(needle, start);
  if (i < 0 || i >= end) {
    // Another quoting or whitespace style: the full parse.
    if (xml.slice(start, end).includes(name)) return parseAttrs(xml, start, end).get(name);
    return undefined;
  }
  const j = xml.indexOf('"', i + needle.length);
  return decodeXml(xml.slice(i + needle.length, j));
}

export interface ScanOptions {
  /** Keep only these cells (A1 refs, upper case); every cell when absent. */
  wanted?: ReadonlySet<string>;
  /** Also keep every cell of these rows (to place a new cell among them). */
  wantRows?: ReadonlySet<number>;
  /** For an every-cell read: refuse a sheet with more cells than this. */
  maxCells?: number;
}

export function scanSheet(xml: string, part: string, opts: ScanOptions = {}): SheetScan {
  const out: SheetScan = { cells: new Map(), merges: [], rows: [], sheetDataClose: -1, sheetDataSelfClosing: null, topLevel: [], cellCount: 0 };
  let row = 0;
  let col = 0;
  let cell: RawCell | null = null;
  let keep = false;
  let textTarget: 'v' | 'f' | 'is' | null = null;
  let lastRef: string | null = null;
  let inPhonetic = 0;
  let text = '';
  let currentRow: RowPos | null = null;
  const wanted = opts.wanted;
  const max = opts.maxCells ?? Number.POSITIVE_INFINITY;
  scanXml(xml, {
    open(tag, attrs) {
      const d = tag.depth;
      if (d === 1) out.topLevel.push({ name: tag.name, start: tag.start, end: tag.end });
      if (d === 1 && tag.name === 'sheetData' && tag.selfClosing) out.sheetDataSelfClosing = { start: tag.start, end: tag.end };
      if (d === 2 && tag.name === 'row') {
        const r = quickAttr(xml, tag.start, tag.end, 'r');
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) : row + 1;
        col = 0;
        lastRef = null;
        currentRow = { row, start: tag.start, openEnd: tag.end, closeStart: -1 };
        out.rows.push(currentRow);
        return;
      }
      if (d === 3 && tag.name === 'c') {
        if (++out.cellCount > max) throw new TooManyCells(`${part} có hơn ${max} ô`);
        const r = quickAttr(xml, tag.start, tag.end, 'r');
        // Hot path (a million cells): the ref as written; columns are worked out only when needed.
        let ref: string;
        if (r) {
          ref = r.indexOf('$') >= 0 || /[a-z]/.test(r) ? r.replace(/\$/g, '').toUpperCase() : r;
          lastRef = ref;
        } else {
          col = (lastRef ? parseRef(lastRef)?.col ?? col : col) + 1;
          lastRef = null;
          ref = `${colLetters(col)}${row}`;
        }
        keep = !wanted || wanted.has(ref) || (!!opts.wantRows && opts.wantRows.has(r ? parseRef(ref)?.row ?? row : row));
        if (!keep) { cell = null; return; }
        const p = parseRef(ref);
        if (!p) throw new XmlError(`${part}: ô có địa chỉ hỏng "${ref}"`);
        col = p.col;
        const a = attrs();
        cell = {
          ref, row: p.row, col, type: a.get('t') ?? 'n', style: Number(a.get('s') ?? 0) || 0,
          v: null, formula: null, inline: null, start: tag.start, end: tag.end,
        };
        if (tag.selfClosing) { out.cells.set(ref, cell); cell = null; keep = false; }
        return;
      }
      if (cell) {
        if (tag.name === 'v') { textTarget = 'v'; text = ''; }
        else if (tag.name === 'f') { textTarget = 'f'; text = ''; if (tag.selfClosing) { cell.formula = ''; textTarget = null; } }
        else if (tag.name === 'is') { cell.inline = ''; }
        else if (tag.name === 'rPh') inPhonetic++;
        else if (tag.name === 't' && cell.inline !== null && !inPhonetic && !tag.selfClosing) { textTarget = 'is'; text = ''; }
        return;
      }
      if (d === 2 && tag.name === 'mergeCell') {
        const ref = attrs().get('ref');
        if (ref) out.merges.push(ref);
      }
    },
    text(s, e, cdata) {
      if (textTarget) text += cdata ? xml.slice(s, e) : decodeXml(xml.slice(s, e), part);
    },
    close(name, start, end, depth) {
      if (depth === 1 && name === 'sheetData') { out.sheetDataClose = start; return; }
      if (depth === 2 && name === 'row' && currentRow) { currentRow.closeStart = start === currentRow.start ? -1 : start; currentRow = null; return; }
      if (!cell) return;
      if (depth === 3 && name === 'c') { cell.end = end; out.cells.set(cell.ref, cell); cell = null; keep = false; return; }
      if (name === 'v' && textTarget === 'v') { cell.v = text; textTarget = null; }
      else if (name === 'f' && textTarget === 'f') { cell.formula = text; textTarget = null; }
      else if (name === 't' && textTarget === 'is') { cell.inline = (cell.inline ?? '') + text; text = ''; textTarget = null; }
      else if (name === 'rPh') inPhonetic--;
    },
  }, part);
  return out;
}
