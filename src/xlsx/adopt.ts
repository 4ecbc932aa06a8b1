// `chitieu adopt --out`: the user's workbook with the contract's names attached to the cells a recognition
// found, scoped to the table's sheet — and nothing else. The copy is the input package with workbook.xml
// given the new <definedName> elements; every other part keeps its bytes (values, styles, merges untouched).
import type { Recognition } from '../core/recognize';
import { PackagePatch, parseRef, type XlsxPackage } from './package';
import { ADOPTED_MARK, recognizedNames } from './recognizedSource';

export class AdoptConflict extends Error {}

/** `'Sheet name'!$D$12`: a sheet name in quotes (a quote doubled), absolute reference. */
export function cellFormula(sheet: string, address: string): string {
  const p = parseRef(address)!;
  const letters = address.replace(/\d+$/, '').replace(/\$/g, '').toUpperCase();
  return `'${sheet.replace(/'/g, "''")}'!$${letters}$${p.row}`;
}

export interface AdoptedCopy {
  bytes: Uint8Array;
  /** Names written, in order (the mark last). */
  names: string[];
}

/**
 * The copy with the names. A sheet that already has names of its own with these names (adopted before)
 * is refused: the user's names are never replaced.
 */
export function adoptedCopy(pkg: XlsxPackage, rec: Recognition): AdoptedCopy {
  const existing = new Set(pkg.definedNames.filter((d) => d.scope === rec.sheet).map((d) => d.name.toUpperCase()));
  const patch = new PackagePatch(pkg);
  const names: string[] = [];
  const add = (name: string, address: string) => {
    if (existing.has(name.toUpperCase())) {
      throw new AdoptConflict(`trang "${rec.sheet}" đã có tên ô "${name}" (bảng đã được nhận dạng trước đây?); không ghi đè tên của người dùng`);
    }
    patch.addDefinedName(name, cellFormula(rec.sheet, address), rec.sheet);
    names.push(name);
  };
  for (const nc of recognizedNames(rec).values()) add(nc.name, nc.address);
  const first = rec.headerRows[0]!;
  const firstCol = Object.values(rec.columns.letters).sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? 'A';
  add(ADOPTED_MARK, `${firstCol}${first}`);
  return { bytes: patch.toBytes(), names };
}

/** The header row an adopted sheet's mark points at (where recognition looks again), if the sheet has one. */
export function adoptedFrom(pkg: XlsxPackage, sheet: string): number | null {
  const d = pkg.definedNames.find((x) => x.scope === sheet && x.name.toUpperCase() === ADOPTED_MARK);
  if (!d) return null;
  const m = /\$?(\d+)\s*$/.exec(d.formula);
  return m ? Number(m[1]) : null;
}
