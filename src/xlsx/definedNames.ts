// The workbook's defined names and the single cell each points to. ExcelJS keeps them as
// "'Sheet name'!$G$12" ranges; a name pointing nowhere (#REF!) or to a range of cells is skipped.
import type ExcelJS from 'exceljs';
import { loadedNames } from './scopedNames';

export interface NamedCell {
  name: string;
  sheet: string;
  address: string;
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

/** The workbook-scoped names (the contract's template). */
export function namedCells(workbook: ExcelJS.Workbook): Map<string, NamedCell> {
  const loaded = loadedNames(workbook);
  return cellsOf(loaded ? loaded.workbook : ((workbook.definedNames as unknown as { model: DefinedNameModel[] }).model ?? []));
}

/** Names scoped to one sheet (a unit's or a consolidated sheet), by sheet; empty for most files. */
export function sheetNamedCells(workbook: ExcelJS.Workbook): Map<string, Map<string, NamedCell>> {
  const out = new Map<string, Map<string, NamedCell>>();
  for (const [sheet, names] of loadedNames(workbook)?.bySheet ?? []) out.set(sheet, cellsOf(names));
  return out;
}

function cellsOf(model: readonly DefinedNameModel[]): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  for (const dn of model) {
    if (dn.ranges.length !== 1) continue;
    const parsed = parseRange(dn.ranges[0]!);
    if (parsed) out.set(dn.name.toUpperCase(), { name: dn.name, ...parsed });
  }
  return out;
}

function parseRange(range: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(range.trim());
  if (!m) return null;
  const sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
  return { sheet, address: `${m[3]}${m[4]}` };
}
