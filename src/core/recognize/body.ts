// The table's body, row by row under its header: indicator rows (a name and figures), headings (a name,
// no figures: "I. KINH TẾ", "8. Tỷ lệ trẻ em … suy dinh dưỡng"), and where it ends — two empty rows, a
// notes or signature row ("Ghi chú: …", "Người lập biểu", "TM. ỦY BAN NHÂN DÂN"), or the header of a
// second table.
import type { RawValue } from '../types';
import { address, GridReader, textOf } from './grid';
import type { HeaderFound } from './header';
import { isNumberRow } from './header';
import { fold, isPartLabel } from './normalize';
import type { TableColumn } from './types';

export interface BodyRow {
  row: number;
  kind: 'indicator' | 'heading';
  tt: string | null;
  /** The label as written (list marks kept, for the record). */
  name: string;
  unit: string | null;
  /** "Trong đó: …" or a "+" under a "-": a part of the row above. */
  part: boolean;
  cells: Partial<Record<TableColumn, string>>;
  values: Partial<Record<TableColumn, RawValue>>;
}

export interface Body {
  rows: BodyRow[];
  lastRow: number;
  /** Where the body stopped because a new header started (a second table), else null. */
  nextHeader: number | null;
}

const FIGURE_COLUMNS: readonly TableColumn[] = ['KH', 'KHTT', 'TN', 'TH', 'PT', 'CS', 'DG'];

/** Notes, sources and signatures under a table. */
export function isFooterText(text: string): boolean {
  const f = fold(text);
  return /^(\*\s*)?(ghi chu|chu thich|nguon|luu y|ghi chu)\s*[:.]/.test(f) ||
    /^(nguoi lap( bieu)?|nguoi ky|thu truong|tm\.? |kt\.? |chu tich|noi nhan|xac nhan|ngay .* thang .* nam|lap bieu|ke toan|giam doc)/.test(f);
}

export function readBody(g: GridReader, h: HeaderFound, isHeader: (row: number) => boolean): Body {
  const rows: BodyRow[] = [];
  let blank = 0;
  let lastRow = h.bodyStart - 1;
  let nextHeader: number | null = null;
  for (let r = h.bodyStart; r <= g.bottom; r++) {
    if (g.isEmptyRow(r)) {
      if (++blank >= 2 && rows.length > 0) break;
      continue;
    }
    blank = 0;
    const first = firstText(g, r);
    if (rows.length > 0 && isFooterText(first)) break;
    if (rows.length > 0 && isHeader(r)) {
      nextHeader = r;
      break;
    }
    if (isNumberRow(g, r) && rows.length === 0) continue;
    const row = readRow(g, h, r);
    if (!row) continue;
    rows.push(row);
    lastRow = r;
  }
  return { rows, lastRow, nextHeader };
}

function firstText(g: GridReader, r: number): string {
  for (const c of g.columns()) {
    const t = g.text(r, c, false);
    if (t) return t;
  }
  return '';
}

function readRow(g: GridReader, h: HeaderFound, r: number): BodyRow | null {
  const cells: BodyRow['cells'] = {};
  const values: BodyRow['values'] = {};
  for (const [k, c] of Object.entries(h.col) as [TableColumn, number][]) {
    cells[k] = address(r, c);
    values[k] = g.value(r, c);
  }
  const tt = textOf(values.TT ?? null) || null;
  let name = textOf(values.TEN ?? null);
  for (const c of h.nameCols) if (!name) name = g.text(r, c, false);
  // A heading merged across TT and the name ("I. KINH TẾ" in A:C) sits in the TT cell.
  if (!name && h.col.TT !== undefined) {
    const m = g.merge(r, h.col.TT);
    if (m && m.right >= (h.col.TEN ?? 0)) name = tt ?? '';
  }
  if (!name) return null;
  const unit = textOf(values.DVT ?? null) || null;
  const hasFigure = FIGURE_COLUMNS.some((k) => k !== 'DG' && textOf(values[k] ?? null) !== '') || textOf(values.DG ?? null) !== '';
  return {
    row: r,
    kind: hasFigure ? 'indicator' : 'heading',
    tt: tt === name ? null : tt,
    name,
    unit,
    part: isPartLabel(name),
    cells,
    values,
  };
}
