// The .xlsx package layer: read a user's workbook without building a model of it, and write a copy by
// patching only the parts that change (every other part keeps its compressed bytes).
//
// API (for check/describe/summary/merge, table recognition, plans stored in a workbook, `adopt --out`):
//   openPackage(bytes, fileName?) → XlsxPackage          throws NotAWorkbook (one Vietnamese reason)
//   pkg.sheets                  [{ name, index, part, state }] in workbook order (state: visible/hidden/veryHidden)
//   pkg.definedNames            [{ name, formula, localSheetId?, scope?, hidden }] exactly as workbook.xml has them
//   namedCellsOf(pkg)           { workbook: Map<NAME, NamedCell>, bySheet: Map<sheet, Map<NAME, NamedCell>> }
//                               (names pointing at one cell; upper-case keys)                       (a)
//   pkg.readCells(sheet, refs)  Map<ref, CellRead>: value (engine RawValue), numFmt, style id, type, hasFormula,
//                               mergedInto (a merged cell reads as its top-left)                     (a, c)
//   pkg.readGrid(sheet, max?)   { cells: CellRead[], merges, maxRow, maxCol } — every cell element, refused
//                               past `max` cells (default MAX_GRID_CELLS)                            (b, c)
//   new PackagePatch(pkg)       edits collected, then .toBytes(): setCell (style/value/inline text),
//                               addCellFormat (copy of an xf with a fill / wrap), addComment (appends
//                               to an existing comment, or creates comments + VML + rels),
//                               addDefinedName (workbook or sheet scope)                             (d)
// Limits: zip parts held to their declared sizes (CRC checked); XML without DOCTYPE/entities, nesting
// ≤ MAX_XML_DEPTH; defined names ≤ MAX_DEFINED_NAMES.
import type { NamedCell } from '../definedNames';
import type { XlsxPackage } from './workbook';

export { openPackage, NotAWorkbook } from './open';
export { XlsxPackage, PackageError, BrokenPart, MAX_GRID_CELLS, type CellRead, type SheetGrid, type SheetInfo, type DefinedName } from './workbook';
export { PackagePatch } from './patch';
export { MAX_XML_DEPTH } from './xml';
export { MAX_DEFINED_NAMES } from './workbookXml';
export { colLetters, colNumber, parseRef, TooManyCells } from './sheetCells';

/** A defined name's formula when it points at exactly one cell: `'Sheet name'!$G$12` → sheet, G12. */
export function singleCell(formula: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!'",]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(formula.trim());
  if (!m) return null;
  return { sheet: (m[1] ?? m[2] ?? '').replace(/''/g, "'"), address: `${m[3]!.toUpperCase()}${m[4]}` };
}

export function namedCellsOf(pkg: XlsxPackage): { workbook: Map<string, NamedCell>; bySheet: Map<string, Map<string, NamedCell>> } {
  const workbook = new Map<string, NamedCell>();
  const bySheet = new Map<string, Map<string, NamedCell>>();
  for (const d of pkg.definedNames) {
    const cell = singleCell(d.formula);
    if (d.localSheetId !== undefined) {
      if (d.scope === undefined) continue;
      if (!bySheet.has(d.scope)) bySheet.set(d.scope, new Map());
      if (cell) bySheet.get(d.scope)!.set(d.name.toUpperCase(), { name: d.name, ...cell });
    } else if (cell) workbook.set(d.name.toUpperCase(), { name: d.name, ...cell });
  }
  return { workbook, bySheet };
}
