// An opened .xlsx package: sheets, defined names with their scope, and cells read on demand. Nothing is
// parsed before it is asked for; the parts that are (workbook, styles, shared strings, a sheet) are held
// once, as text.
import type { RawValue } from '../../core/types';
import { cellRawValue, type ValueContext } from './cellValue';
import { parseRels, relsPathOf, resolveTarget, type Relationship } from './rels';
import { parseSharedStrings, type SharedStrings } from './sharedStrings';
import { parseRef, scanSheet, type RawCell, type SheetScan } from './sheetCells';
import { Styles } from './styles';
import { parseWorkbookXml, type DefinedNameEntry, type WorkbookXml } from './workbookXml';
import { XmlError } from './xml';
import { ZipError, type ZipArchive } from './zip';

export class PackageError extends XmlError {}

/** A part found broken after the file was opened (parts are read on demand): the file is corrupt. */
export class BrokenPart extends Error {}

export interface SheetInfo {
  name: string;
  index: number;
  /** Zip part of the worksheet, e.g. xl/worksheets/sheet1.xml; null for a chart sheet or a dangling one. */
  part: string | null;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface DefinedName extends DefinedNameEntry {
  /** The sheet a sheet-scoped name belongs to (by localSheetId); absent for workbook names. */
  scope?: string;
}

/** One cell as read: its value for the engine, and what a writer or a table reader needs to know. */
export interface CellRead {
  ref: string;
  row: number;
  col: number;
  value: RawValue;
  /** Number format code (undefined for General). */
  numFmt?: string;
  style: number;
  /** The `t` attribute: s, str, inlineStr, n, b, e, d. */
  type: string;
  hasFormula: boolean;
  /** For a cell covered by a merged range but not its top-left: that cell's ref (its value is shown). */
  mergedInto?: string;
  /** For a text cell (shared or inline string): the string's XML as written (`<t>` or `<r>` runs). */
  textXml?: string;
}

export interface SheetGrid {
  sheet: string;
  /** Every cell element of the sheet (empty styled cells included), row by row. */
  cells: CellRead[];
  merges: string[];
  maxRow: number;
  maxCol: number;
}

/** The most cells a whole-grid read returns (a filled template has about 1 000). */
export const MAX_GRID_CELLS = 2_000_000;

export class XlsxPackage {
  readonly workbookPart: string;
  readonly workbook: WorkbookXml;
  readonly workbookRels: Relationship[];
  readonly sheets: SheetInfo[];
  readonly definedNames: DefinedName[];
  /** `true` when the main namespace is OOXML Strict (purl.oclc.org): read the same way. */
  readonly strict: boolean;
  private stylesCache: Styles | null | undefined;
  private sharedCache: SharedStrings | null | undefined;
  private readonly sheetText = new Map<string, string>();
  /** Scans made of each sheet part (a few: template cells, the plan's rows), any of which may serve a later read. */
  private readonly scans = new Map<string, { wanted: Set<string>; scan: SheetScan }[]>();

  /** The file's name, for messages about a part found broken later. */
  fileName = '';

  constructor(readonly zip: ZipArchive) {
    const rootRels = zip.text('_rels/.rels');
    if (rootRels === null) throw new PackageError('không có _rels/.rels (không phải gói Office)');
    const main = parseRels(rootRels, '_rels/.rels').find((r) => r.kind === 'officeDocument' && !r.external);
    if (!main) throw new PackageError('không có phần tài liệu chính (officeDocument)');
    this.workbookPart = resolveTarget('', main.target);
    const wbXml = zip.text(this.workbookPart);
    if (wbXml === null) throw new PackageError(`thiếu ${this.workbookPart}`);
    this.strict = /purl\.oclc\.org\/ooxml\/spreadsheetml/.test(wbXml.slice(0, 2000));
    this.workbook = parseWorkbookXml(wbXml, this.workbookPart);
    const relsText = zip.text(relsPathOf(this.workbookPart));
    this.workbookRels = relsText === null ? [] : parseRels(relsText, relsPathOf(this.workbookPart));
    this.sheets = this.workbook.sheets.map((s) => {
      const rel = this.workbookRels.find((r) => r.id === s.rid);
      const part = rel && rel.kind === 'worksheet' && !rel.external ? resolveTarget(this.workbookPart, rel.target) : null;
      return { name: s.name, index: s.index, part: part && zip.has(part) ? part : null, state: s.state };
    });
    this.definedNames = this.workbook.definedNames.map((d) => {
      const scope = d.localSheetId === undefined ? undefined : this.sheets[d.localSheetId]?.name;
      return scope === undefined ? { ...d } : { ...d, scope };
    });
  }

  sheet(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A part named by a relationship of the workbook (styles, sharedStrings …). */
  workbookPartOf(kind: string): string | null {
    const rel = this.workbookRels.find((r) => r.kind === kind && !r.external);
    return rel ? resolveTarget(this.workbookPart, rel.target) : null;
  }

  /** Runs a lazy read; a broken part becomes BrokenPart with the one-line reason. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof XmlError || (err as Error).name === 'ZipError' || err instanceof ZipError) {
        throw new BrokenPart(`tệp${this.fileName ? ` "${this.fileName}"` : ''} bị hỏng hoặc không phải .xlsx hợp lệ (${(err as Error).message.split('\n')[0]!.slice(0, 160)})`);
      }
      throw err;
    }
  }

  get styles(): Styles | null {
    return this.guard(() => this.readStyles());
  }

  private readStyles(): Styles | null {
    if (this.stylesCache === undefined) {
      const part = this.workbookPartOf('styles');
      const xml = part ? this.zip.text(part) : null;
      this.stylesCache = xml === null || !part ? null : new Styles(xml, part);
    }
    return this.stylesCache;
  }

  get sharedStrings(): SharedStrings | null {
    return this.guard(() => this.readShared());
  }

  private readShared(): SharedStrings | null {
    if (this.sharedCache === undefined) {
      const part = this.workbookPartOf('sharedStrings');
      const xml = part ? this.zip.text(part) : null;
      this.sharedCache = xml === null || !part ? null : parseSharedStrings(xml, part);
    }
    return this.sharedCache;
  }

  /** The worksheet's XML text (read once). */
  sheetXml(sheet: string): string {
    const info = this.sheet(sheet);
    if (!info?.part) throw new PackageError(`không có trang tính "${sheet}"`);
    return this.partText(info.part) ?? '';
  }

  /** A part's text, decoded once and kept (a sheet is read, then patched, from the same text). */
  partText(part: string): string | null {
    let t = this.sheetText.get(part);
    if (t === undefined) {
      const read = this.zip.text(part);
      if (read === null) return null;
      t = read;
      this.sheetText.set(part, t);
    }
    return t;
  }

  /**
   * A scan of the sheet for these cells; an earlier scan is reused when it covers them (check reads the
   * template's cells and the plan's rows, then the flag writer reads and patches some of the same ones).
   */
  scan(sheet: string, wanted: ReadonlySet<string>, wantRows?: ReadonlySet<number>): SheetScan {
    const info = this.sheet(sheet)!;
    const earlier = this.scans.get(info.part!) ?? [];
    const covering = wantRows ? undefined : earlier.find((e) => [...wanted].every((r) => e.wanted.has(r)));
    if (covering) return covering.scan;
    const scan = scanSheet(this.sheetXml(sheet), info.part!, wantRows ? { wanted, wantRows } : { wanted });
    if (!wantRows) this.scans.set(info.part!, [...earlier, { wanted: new Set(wanted), scan }]);
    return scan;
  }

  private context(): ValueContext {
    const styles = this.styles;
    return { shared: this.sharedStrings, numFmt: (s) => styles?.numFmt(s), date1904: this.workbook.date1904 };
  }

  private toRead(c: RawCell, ctx: ValueContext, xml?: string): CellRead {
    const out: CellRead = { ref: c.ref, row: c.row, col: c.col, value: cellRawValue(c, ctx), style: c.style, type: c.type, hasFormula: c.formula !== null };
    if (xml !== undefined && c.formula === null) {
      if (c.type === 's' && c.v !== null) {
        const t = ctx.shared?.innerXml(Number(c.v));
        if (t !== undefined) out.textXml = t;
      } else if (c.type === 'inlineStr') {
        const m = /<((?:[\w.-]+:)?)is\b[^>]*>([\s\S]*?)<\/\1is>/.exec(xml.slice(c.start, c.end));
        if (m) out.textXml = m[2]!;
      }
    }
    const f = ctx.numFmt(c.style);
    if (f) out.numFmt = f;
    return out;
  }

  /**
   * The cells at `refs` on `sheet` (A1 refs); a ref with no cell element is absent from the map. A cell
   * covered by a merged range reads as the range's top-left cell, as Excel shows it.
   */
  readCells(sheet: string, refs: Iterable<string>): Map<string, CellRead> {
    return this.guard(() => this.cellsOf(sheet, refs));
  }

  private cellsOf(sheet: string, refs: Iterable<string>): Map<string, CellRead> {
    const wanted = new Set([...refs].map((r) => r.replace(/\$/g, '').toUpperCase()));
    const xml = this.sheetXml(sheet);
    const first = this.scan(sheet, wanted);
    const masters = new Map<string, string>();
    const merges = first.merges.map((m) => ({ m, box: box(m) })).filter((x) => x.box);
    for (const ref of wanted) {
      if (!merges.length) break;
      const p = parseRef(ref);
      if (!p) continue;
      const m = merges.find(({ box: b }) => p.row >= b!.r0 && p.row <= b!.r1 && p.col >= b!.c0 && p.col <= b!.c1)?.m;
      const top = m?.split(':')[0]?.replace(/\$/g, '').toUpperCase();
      if (top && top !== ref) masters.set(ref, top);
    }
    let scan: SheetScan = first;
    const missing = [...new Set(masters.values())].filter((t) => !first.cells.has(t));
    if (missing.length) scan = this.scan(sheet, new Set([...wanted, ...missing]));
    const ctx = this.context();
    const out = new Map<string, CellRead>();
    for (const ref of wanted) {
      const master = masters.get(ref);
      const c = scan.cells.get(master ?? ref);
      // A merged cell shows the top-left's value but keeps its own format.
      if (c) out.set(ref, master ? { ...this.toRead(c, ctx, xml), ref, mergedInto: master, style: scan.cells.get(ref)?.style ?? 0 } : this.toRead(c, ctx, xml));
      else if (master && scan.cells.has(ref)) out.set(ref, this.toRead(scan.cells.get(ref)!, ctx, xml));
    }
    return out;
  }

  /** Every cell of `sheet` with its value, type and style, and the merged ranges (refuses past `maxCells`). */
  readGrid(sheet: string, maxCells = MAX_GRID_CELLS): SheetGrid {
    return this.guard(() => this.gridOf(sheet, maxCells));
  }

  private gridOf(sheet: string, maxCells: number): SheetGrid {
    const scan = scanSheet(this.sheetXml(sheet), this.sheet(sheet)!.part!, { maxCells });
    const ctx = this.context();
    const cells: CellRead[] = [];
    let maxRow = 0;
    let maxCol = 0;
    for (const c of scan.cells.values()) {
      cells.push(this.toRead(c, ctx));
      if (c.row > maxRow) maxRow = c.row;
      if (c.col > maxCol) maxCol = c.col;
    }
    return { sheet: this.sheet(sheet)!.name, cells, merges: scan.merges, maxRow, maxCol };
  }
}

function box(range: string): { r0: number; r1: number; c0: number; c1: number } | null {
  const [a, b] = range.split(':');
  const p = parseRef(a!);
  const q = b ? parseRef(b) : p;
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), r1: Math.max(p.row, q.row), c0: Math.min(p.col, q.col), c1: Math.max(p.col, q.col) };
}
