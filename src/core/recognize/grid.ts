// Reading a SheetGrid by sheet coordinates: the value of a cell, what a merged area shows in each of its
// cells (headers are read that way: "Năm 2026" merged over D:E labels both D and E), addresses.
import type { RawValue } from '../types';
import type { MergeArea, SheetGrid } from './types';

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export class GridReader {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly mergeAt = new Map<string, MergeArea>();

  constructor(readonly grid: SheetGrid) {
    this.top = grid.origin?.row ?? 1;
    this.left = grid.origin?.col ?? 1;
    this.bottom = this.top + grid.cells.length - 1;
    this.right = this.left + Math.max(0, ...grid.cells.map((r) => r.length)) - 1;
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeAt.set(`${r}:${c}`, m);
    }
  }

  /**
   * The cell's own value: null inside a merged area but its top-left cell (some readers, ExcelJS among
   * them, repeat the merged value in every cell of the area).
   */
  value(row: number, col: number): RawValue {
    const m = this.merge(row, col);
    if (m && (m.top !== row || m.left !== col)) return null;
    return this.grid.cells[row - this.top]?.[col - this.left] ?? null;
  }

  format(row: number, col: number): string | null {
    return this.grid.formats?.[row - this.top]?.[col - this.left] ?? null;
  }

  merge(row: number, col: number): MergeArea | undefined {
    return this.mergeAt.get(`${row}:${col}`);
  }

  /** What the cell shows: a merged area's value in every one of its cells. */
  shown(row: number, col: number): RawValue {
    const m = this.merge(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** The shown value as trimmed text ("" for empty; numbers as JavaScript writes them). */
  text(row: number, col: number, merged = true): string {
    const v = merged ? this.shown(row, col) : this.value(row, col);
    return textOf(v);
  }

  /** Columns of the sheet, left to right. */
  columns(): number[] {
    const out: number[] = [];
    for (let c = this.left; c <= this.right; c++) out.push(c);
    return out;
  }

  isEmptyRow(row: number): boolean {
    return this.columns().every((c) => this.text(row, c, false) === '');
  }
}

export function textOf(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.error;
}
