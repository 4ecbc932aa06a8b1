// What adopting a recognised table attaches to the user's sheet, shared by the .xlsx writer and the add-in:
// the contract's names on the recognised cells (sheet-scoped), the mark on the first header cell, and — for
// the add-in, which has no plan file to recognise against again — the table's rows as data (rule, target,
// unit …) without their values: a later check reads the values through the names, wherever they moved.
import { cellName, type NamedColumn } from '../names';
import type { RawValue } from '../types';
import type { Recognition, RecognizedRow, TableColumn } from './types';
import { columnNumber } from './grid';

/** Sheet-scoped name `adopt` gives the table's first header cell: this sheet's names are a recognised table. */
export const ADOPTED_MARK = 'CHITIEU_BANG_RIENG';

/** The columns whose cells get the contract's names (KH/KHTT/TN/TH, and the output columns flags use). */
export const ADOPTED_COLUMNS: readonly (TableColumn & NamedColumn)[] = ['KH', 'KHTT', 'TN', 'TH', 'CS', 'PT', 'DG', 'GC'];

/** A contract name as Excel accepts it: letters, digits, `_` and `.` only ("TH_2_a", "KH_III_4"). */
export function excelName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9_.]/g, '_');
}

export interface AdoptedName {
  name: string;
  /** A1 on the table's sheet. */
  address: string;
}

/** Every name adopting writes, in order: each matched row's cells, then the mark. */
export function adoptedNames(rec: Recognition): AdoptedName[] {
  const out: AdoptedName[] = [];
  const seen = new Set<string>();
  for (const row of rec.rows) {
    for (const col of ADOPTED_COLUMNS) {
      const address = row.cells[col];
      if (!address) continue;
      const name = excelName(cellName(col, row.id, row.measure));
      if (seen.has(name.toUpperCase())) continue;
      seen.add(name.toUpperCase());
      out.push({ name, address });
    }
  }
  const firstCol = Object.values(rec.columns.letters).sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? 'A';
  out.push({ name: ADOPTED_MARK, address: `${firstCol}${rec.headerRows[0] ?? rec.firstRow}` });
  return out;
}

/** A recognition as the add-in keeps it with the workbook: no values (they are read through the names). */
export interface AdoptedTable {
  version: 1;
  sheet: string;
  columns: Recognition['columns'];
  headerRows: number[];
  rows: Omit<RecognizedRow, 'values' | 'cells'>[];
}

export function toAdoptedTable(rec: Recognition): AdoptedTable {
  return {
    version: 1, sheet: rec.sheet, columns: rec.columns, headerRows: rec.headerRows,
    rows: rec.rows.map(({ values: _v, cells: _c, ...rest }) => rest),
  };
}

/**
 * The recognition a check runs on: the kept rows with the cells and values the names point at now (a row
 * whose names were all deleted is left out). `cell(name)` gives a named cell (upper-case name) or undefined.
 */
export function fromAdoptedTable(t: AdoptedTable, sheet: string, cell: (name: string) => { address: string; value: RawValue } | undefined): Recognition {
  const rows: RecognizedRow[] = [];
  for (const r of t.rows) {
    const cells: RecognizedRow['cells'] = {};
    const values: RecognizedRow['values'] = {};
    for (const col of ADOPTED_COLUMNS) {
      const c = cell(excelName(cellName(col, r.id, r.measure)).toUpperCase());
      if (!c) continue;
      cells[col] = c.address;
      values[col] = c.value;
    }
    if (!Object.keys(cells).length) continue;
    rows.push({ ...r, cells, values });
  }
  const lines = rows.map((r) => r.row);
  return {
    sheet, columns: t.columns, headerRows: t.headerRows, numberRow: null,
    firstRow: lines.length ? Math.min(...lines) : 0, lastRow: lines.length ? Math.max(...lines) : 0,
    rows, headings: [], unmatched: [], missing: [], moreTables: [], plan: {},
  };
}

/** The user's corrections before adopting: rows taken out, a column moved to another letter. */
export interface AdoptCorrections {
  excludeRows?: number[];
  columns?: Partial<Record<TableColumn, string>>;
}

export function corrected(rec: Recognition, c: AdoptCorrections = {}): Recognition {
  const out = new Set(c.excludeRows ?? []);
  const moved = Object.entries(c.columns ?? {}).filter(([, l]) => !!l && /^[A-Z]{1,3}$/.test(l!)) as [TableColumn, string][];
  const letters = { ...rec.columns.letters };
  for (const [col, l] of moved) letters[col] = l;
  const rows = rec.rows.filter((r) => !out.has(r.row)).map((r) => {
    if (!moved.length) return r;
    const cells = { ...r.cells };
    for (const [col, l] of moved) {
      columnNumber(l); // validates the letters
      cells[col] = `${l}${r.row}`;
    }
    return { ...r, cells };
  });
  return { ...rec, columns: { ...rec.columns, letters }, rows };
}
