// A copy of a package with only what must change rewritten: cell elements of a sheet (style id, cached
// result, inline text), cell formats appended to styles.xml, comments (added to a cell's existing comment,
// or a new comments part + VML drawing + relationships), defined names. Every other part — charts, pivot
// tables, drawings, images, custom properties, printer settings — keeps its bytes.
import { parseRels, relativeTarget, relsPathOf, resolveTarget } from './rels';
import { parseRef, scanSheet, type RawCell, type SheetScan } from './sheetCells';
import { solidFillXml, xfWith } from './styles';
import type { XlsxPackage } from './workbook';
import { escapeXml, scanXml, XmlError, xmlSafe } from './xml';
import { writeZip, type PartBody } from './zip';

export interface CellEdit {
  /** New style id (`s`). */
  style?: number;
  /** A formula cell's new cached result, as text (the formula itself is kept). */
  cachedText?: string;
  /** New content as an inline string: the inner XML of `<is>` (runs or a `<t>`). */
  inlineXml?: string;
  /**
   * A formula for a cell that has none (the `<f>` text: en-US, no "="), in place of its content; with
   * `cachedText` or `cachedNumber` as its result, else none (a spreadsheet computes it on opening).
   */
  formula?: string;
  /** A new formula's cached result, a number. */
  cachedNumber?: number;
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const SML_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SML_NS_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL_TYPE = (strict: boolean, kind: string) => `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${kind}`;

/** `<t>` that keeps leading/trailing spaces and line breaks. */
export function tXml(text: string, prefix = ''): string {
  return `<${prefix}t xml:space="preserve">${escapeXml(xmlSafe(text))}</${prefix}t>`;
}

export class PackagePatch {
  private readonly cellEdits = new Map<string, Map<string, CellEdit>>();
  private readonly formats: { key: string; base: number; fill?: string; wrapTop?: boolean; numFmtId?: number }[] = [];
  private readonly comments = new Map<string, Map<string, string>>();
  private readonly names: { name: string; formula: string; scope?: string }[] = [];

  constructor(readonly pkg: XlsxPackage) {}

  /** A new cell format: a copy of `base` with a solid fill and/or wrapped text, or another number format; its id. */
  addCellFormat(base: number, change: { fill?: string; wrapTop?: boolean; numFmtId?: number }): number {
    const first = this.pkg.styles?.xfCount ?? 0;
    // A format this patch appends, changed again (a flag on a cell that got a number format): one copy of
    // the original with both changes.
    const pending = base >= first ? this.formats[base - first] : undefined;
    if (pending) {
      const { key: _k, base: b, ...earlier } = pending;
      return this.addCellFormat(b, { ...earlier, ...change });
    }
    const key = `${base}|${change.fill ?? ''}|${change.wrapTop ? 1 : 0}|${change.numFmtId ?? ''}`;
    const known = this.formats.findIndex((f) => f.key === key);
    if (known >= 0) return first + known;
    this.formats.push({ key, base, ...change });
    return first + this.formats.length - 1;
  }

  /**
   * Cell format `base` with number format `numFmtId` (an id styles.xml already declares): an existing format
   * that is exactly that if there is one (e.g. the template's own), else a copy appended.
   */
  cellFormatWithNumFmt(base: number, numFmtId: number): number {
    const styles = this.pkg.styles;
    if (!styles) throw new Error('sổ tính không có styles.xml');
    return styles.findXf(xfWith(styles.xfXml(base), { numFmtId })) ?? this.addCellFormat(base, { numFmtId });
  }

  /** The style id this patch gives the cell, if it gives one. */
  styleOf(sheet: string, ref: string): number | undefined {
    return this.cellEdits.get(sheet)?.get(ref)?.style;
  }

  /** Whether this patch gives the cell a formula (a cell read from the package as empty may get one). */
  writesFormula(sheet: string, ref: string): boolean {
    return this.cellEdits.get(sheet)?.get(ref)?.formula !== undefined;
  }

  setCell(sheet: string, ref: string, edit: CellEdit): void {
    if (!this.cellEdits.has(sheet)) this.cellEdits.set(sheet, new Map());
    const m = this.cellEdits.get(sheet)!;
    m.set(ref, { ...m.get(ref), ...edit });
  }

  /** Adds `text` to the cell's comment (after what it says), or gives the cell a new comment. */
  addComment(sheet: string, ref: string, text: string): void {
    if (!this.comments.has(sheet)) this.comments.set(sheet, new Map());
    const m = this.comments.get(sheet)!;
    m.set(ref, m.has(ref) ? `${m.get(ref)}\n${text}` : text);
  }

  /** A defined name for the workbook, or scoped to `scope` (a sheet name). */
  addDefinedName(name: string, formula: string, scope?: string): void {
    this.names.push(scope === undefined ? { name, formula } : { name, formula, scope });
  }

  toBytes(): Uint8Array {
    const replaced = new Map<string, PartBody | null>();
    const added = new Map<string, PartBody>();
    const text = new Map<string, string>();
    const get = (part: string) => text.get(part) ?? this.pkg.partText(part);
    const set = (part: string, xml: string) => text.set(part, xml);
    // A worksheet (possibly tens of MB) is never rebuilt as one string: its edits are splices against the
    // text as read, written out as pieces (slices of that text share its memory) and deflated in chunks.
    const sheetSplices = new Map<string, Splice[]>();
    const splice = (part: string, s: Splice) => {
      if (!sheetSplices.has(part)) sheetSplices.set(part, []);
      sheetSplices.get(part)!.push(s);
    };
    if (this.formats.length) {
      const styles = this.pkg.styles;
      const part = this.pkg.workbookPartOf('styles');
      if (!styles || !part) throw new Error('sổ tính không có styles.xml');
      const fills: string[] = [];
      const fillOf = new Map<string, number>();
      for (const f of this.formats) if (f.fill && !fillOf.has(f.fill)) { fillOf.set(f.fill, fills.length); fills.push(solidFillXml(f.fill)); }
      const xml = styles.withAppended(fills, this.formats.map((f) => (fillIndex) => xfWith(styles.xfXml(f.base), {
        ...(f.fill ? { fillId: fillIndex(fillOf.get(f.fill)!) } : {}), ...(f.wrapTop ? { wrapTop: true } : {}),
        ...(f.numFmtId !== undefined ? { numFmtId: f.numFmtId } : {}),
      }))).xml;
      set(part, xml);
    }
    for (const [sheet, edits] of this.cellEdits) {
      const part = this.pkg.sheet(sheet)!.part!;
      for (const s of cellSplices(this.pkg.partText(part)!, part, edits, (wanted, rows) => this.pkg.scan(sheet, wanted, rows))) splice(part, s);
    }
    for (const [sheet, notes] of this.comments) this.writeComments(sheet, notes, get, set, splice);
    const addsFormulas = [...this.cellEdits.values()].some((m) => [...m.values()].some((e) => e.formula !== undefined));
    if (addsFormulas) this.dropCalcChain(get, set, replaced);
    if (this.names.length) set(this.pkg.workbookPart, this.withNames(get(this.pkg.workbookPart)!));
    for (const [part, xml] of text) (this.pkg.zip.has(part) ? replaced : added).set(part, Buffer.from(xml, 'utf8'));
    for (const [part, splices] of sheetSplices) replaced.set(part, splicedPieces(this.pkg.partText(part)!, splices));
    return writeZip(this.pkg.zip, replaced, added);
  }

  private withNames(xml: string): string {
    const items = this.names.map((n) => {
      const local = n.scope === undefined ? '' : ` localSheetId="${this.pkg.sheet(n.scope)!.index}"`;
      return `<definedName name="${escapeXml(n.name)}"${local}>${escapeXml(n.formula)}</definedName>`;
    }).join('');
    const close = /<\/(?:[\w.-]+:)?definedNames>/.exec(xml);
    if (close) return xml.slice(0, close.index) + items + xml.slice(close.index);
    const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
    const at = firstTopLevel(xml, after) ?? xml.lastIndexOf('</');
    return `${xml.slice(0, at)}<definedNames>${items}</definedNames>${xml.slice(at)}`;
  }

  private writeComments(sheet: string, notes: Map<string, string>, get: (p: string) => string | null, set: (p: string, x: string) => void, splice: (part: string, s: Splice) => void): void {
    const info = this.pkg.sheet(sheet)!;
    const sheetPart = info.part!;
    const relsPart = relsPathOf(sheetPart);
    const relsXml = get(relsPart);
    const rels = relsXml === null ? [] : parseRels(relsXml, relsPart);
    const strict = this.pkg.strict;
    const commentsPart = rels.find((r) => r.kind === 'comments' && !r.external);
    // The sheet as read: cell edits are splices inside sheetData, the legacyDrawing one comes after it.
    const sheetXml = this.pkg.partText(sheetPart)!;
    const tail = sheetXml.slice(Math.max(0, sheetXml.lastIndexOf('sheetData>')));
    const legacyId = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*?\s[\w.-]+:id="([^"]+)"/.exec(tail)?.[1];
    let vml = legacyId ? rels.find((r) => r.id === legacyId) : undefined;
    const newRels: string[] = [];
    let relCount = rels.length;
    const nextId = () => {
      let n = ++relCount;
      while (rels.some((r) => r.id === `rId${n}`)) n++;
      relCount = n;
      return `rId${n}`;
    };
    const freePart = (pattern: (n: number) => string) => {
      let n = 1;
      while (this.pkg.zip.has(pattern(n)) || get(pattern(n)) !== null) n++;
      return pattern(n);
    };
    // 1. The comments part: our text after the user's in an existing comment, or a new comment.
    let commentsName: string;
    let commentsXml: string;
    if (commentsPart) {
      commentsName = resolveTarget(sheetPart, commentsPart.target);
      commentsXml = get(commentsName) ?? '';
    } else {
      commentsName = freePart((n) => `xl/comments${n}.xml`);
      commentsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${strict ? SML_NS_STRICT : SML_NS}"><authors><author>chitieu</author></authors><commentList></commentList></comments>`;
      const id = nextId();
      newRels.push(`<Relationship Id="${id}" Type="${REL_TYPE(strict, 'comments')}" Target="${relativeTarget(sheetPart, commentsName)}"/>`);
      this.addContentType(get, set, commentsName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
    }
    const existing = commentPositions(commentsXml, commentsName);
    const p = existing.prefix;
    const edits: Splice[] = [];
    const fresh: string[] = [];
    const added: string[] = [];
    const author = existing.authors.indexOf('chitieu') >= 0 ? existing.authors.indexOf('chitieu') : existing.authors.length;
    for (const [ref, note] of notes) {
      const at = existing.byRef.get(ref);
      if (at !== undefined) edits.push({ at, to: at, text: `<${p}r>${tXml('\n' + note, p)}</${p}r>` });
      else {
        fresh.push(ref);
        added.push(`<${p}comment ref="${ref}" authorId="${author}"><${p}text><${p}r>${tXml(note, p)}</${p}r></${p}text></${p}comment>`);
      }
    }
    if (added.length) {
      // Our author, when the part does not name it yet: into <authors>, which may be empty or missing.
      if (author === existing.authors.length) {
        const one = `<${p}author>chitieu</${p}author>`;
        if (existing.authorsClose >= 0) edits.push({ at: existing.authorsClose, to: existing.authorsClose, text: one });
        else if (existing.authorsSelfClosing) edits.push({ ...existing.authorsSelfClosing, text: `<${p}authors>${one}</${p}authors>` });
        else edits.push({ at: existing.rootOpenEnd, to: existing.rootOpenEnd, text: `<${p}authors>${one}</${p}authors>` });
      }
      // The new comments: into <commentList>, which may be self-closing (<commentList/>) or missing.
      const list = added.join('');
      if (existing.listClose >= 0) edits.push({ at: existing.listClose, to: existing.listClose, text: list });
      else if (existing.listSelfClosing) edits.push({ ...existing.listSelfClosing, text: `<${p}commentList>${list}</${p}commentList>` });
      else {
        const at = existing.authorsEnd >= 0 ? existing.authorsEnd : existing.rootOpenEnd;
        edits.push({ at, to: at, text: `<${p}commentList>${list}</${p}commentList>` });
      }
    }
    set(commentsName, splicedPieces(commentsXml, edits).join(''));
    if (!fresh.length) return this.finishRels(relsPart, relsXml, newRels, set);

    // 2. A VML shape for each new comment (Excel draws notes from the VML drawing).
    if (vml) {
      const vmlName = resolveTarget(sheetPart, vml.target);
      const v = get(vmlName) ?? '';
      const close = v.lastIndexOf('</xml>');
      const shapes = (v.includes('_x0000_t202') ? '' : VML_SHAPETYPE) + fresh.map((ref, i) => vmlShape(ref, 9000 + i)).join('');
      set(vmlName, close < 0 ? v + shapes : v.slice(0, close) + shapes + v.slice(close));
    } else {
      const vmlName = freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      set(vmlName, `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${info.index + 1}"/></o:shapelayout>${VML_SHAPETYPE}${fresh.map((ref, i) => vmlShape(ref, (info.index + 1) * 1024 + 1 + i)).join('')}</xml>`);
      const id = nextId();
      vml = { id, kind: 'vmlDrawing', type: '', target: '', external: false };
      newRels.push(`<Relationship Id="${id}" Type="${REL_TYPE(strict, 'vmlDrawing')}" Target="${relativeTarget(sheetPart, vmlName)}"/>`);
      this.addContentType(get, set, vmlName, 'application/vnd.openxmlformats-officedocument.vmlDrawing', 'vml');
      const after = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
      const at = firstTopLevel(sheetXml, after) ?? sheetXml.lastIndexOf('</');
      splice(sheetPart, { at, to: at, text: `<legacyDrawing xmlns:r="${strict ? REL_NS_STRICT : REL_NS}" r:id="${id}"/>` });
    }
    this.finishRels(relsPart, relsXml, newRels, set);
  }

  private finishRels(relsPart: string, relsXml: string | null, newRels: string[], set: (p: string, x: string) => void): void {
    if (!newRels.length) return;
    if (relsXml === null) {
      set(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${newRels.join('')}</Relationships>`);
      return;
    }
    const close = relsXml.lastIndexOf('</');
    const prefix = /<\/([\w.-]+:)?Relationships\s*>\s*$/.exec(relsXml)?.[1] ?? '';
    const items = prefix ? newRels.map((r) => r.replace('<Relationship ', `<${prefix}Relationship `)) : newRels;
    set(relsPart, relsXml.slice(0, close) + items.join('') + relsXml.slice(close));
  }

  /**
   * The calculation chain (xl/calcChain.xml: Excel's cache of the order its formula cells compute in) goes,
   * with its relationship and content type, when the copy adds formulas: a chain that does not list them is
   * not what Excel wrote, and without one Excel builds it anew on opening (what tools that edit formulas
   * do). Nothing is lost: it is derived from the formulas.
   */
  private dropCalcChain(get: (p: string) => string | null, set: (p: string, x: string) => void, replaced: Map<string, PartBody | null>): void {
    const part = this.pkg.workbookPartOf('calcChain');
    const relsPart = relsPathOf(this.pkg.workbookPart);
    const rels = get(relsPart);
    if (!part || rels === null) return;
    set(relsPart, rels.replace(/<((?:[\w.-]+:)?)Relationship\b[^>]*?\sType\s*=\s*"[^"]*\/calcChain"[^>]*?(?:\/>|>\s*<\/\1Relationship\s*>)/g, ''));
    const ct = get('[Content_Types].xml');
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (ct !== null) set('[Content_Types].xml', ct.replace(new RegExp(`<((?:[\\w.-]+:)?)Override\\b[^>]*?\\sPartName\\s*=\\s*"/${escaped}"[^>]*?(?:/>|>\\s*</\\1Override\\s*>)`, 'gi'), ''));
    if (this.pkg.zip.has(part)) replaced.set(part, null);
  }

  private addContentType(get: (p: string) => string | null, set: (p: string, x: string) => void, part: string, type: string, extension?: string): void {
    const ct = get('[Content_Types].xml');
    if (ct === null) return;
    if (extension && new RegExp(`Extension="${extension}"`, 'i').test(ct)) return;
    const item = extension ? `<Default Extension="${extension}" ContentType="${type}"/>` : `<Override PartName="/${part}" ContentType="${type}"/>`;
    const close = ct.lastIndexOf('</');
    set('[Content_Types].xml', ct.slice(0, close) + item + ct.slice(close));
  }
}

/**
 * Where the first of `names` (top-level children of the root, all after sheetData / sheets) starts, if any:
 * looked for only after the bulk of the part, so a sheet of a million cells is not scanned again.
 */
function firstTopLevel(xml: string, names: string[]): number | undefined {
  const bulk = Math.max(xml.lastIndexOf('sheetData>'), xml.lastIndexOf('sheets>'), 0);
  const re = new RegExp(`<(?:[\\w.-]+:)?(?:${names.join('|')})[\\s/>]`, 'g');
  re.lastIndex = bulk;
  const m = re.exec(xml);
  return m ? m.index : undefined;
}

interface CommentPositions {
  /** The root's prefix (`x:` …), for the elements we add; '' when the default namespace. */
  prefix: string;
  /** Just after `<comments …>`. */
  rootOpenEnd: number;
  authors: string[];
  /** Start of `</authors>`, and its end (-1: none, or `<authors/>`). */
  authorsClose: number;
  authorsEnd: number;
  authorsSelfClosing: { at: number; to: number } | null;
  /** Start of `</commentList>` (-1: none, or `<commentList/>`). */
  listClose: number;
  listSelfClosing: { at: number; to: number } | null;
  /** Where a cell's comment text may take another run: before `</text>` (or its phonetic part). */
  byRef: Map<string, number>;
}

function commentPositions(xml: string, part: string): CommentPositions {
  const out: CommentPositions = { prefix: '', rootOpenEnd: -1, authors: [], authorsClose: -1, authorsEnd: -1, authorsSelfClosing: null, listClose: -1, listSelfClosing: null, byRef: new Map() };
  let ref: string | null = null;
  let inAuthor = false;
  let author = '';
  let textDepth = -1;
  let phonetic = -1;
  scanXml(xml, {
    open(tag, attrs) {
      if (tag.depth === 0) {
        if (tag.selfClosing) throw new XmlError(`${part}: phần ghi chú rỗng (<${tag.qname}/>)`);
        out.rootOpenEnd = tag.end;
        out.prefix = tag.qname.slice(0, tag.qname.length - tag.name.length);
      }
      if (tag.depth === 1 && tag.selfClosing && tag.name === 'authors') out.authorsSelfClosing = { at: tag.start, to: tag.end };
      if (tag.depth === 1 && tag.selfClosing && tag.name === 'commentList') out.listSelfClosing = { at: tag.start, to: tag.end };
      if (tag.name === 'author') { inAuthor = !tag.selfClosing; author = ''; if (tag.selfClosing) out.authors.push(''); }
      if (tag.name === 'comment') ref = (attrs().get('ref') ?? '').replace(/\$/g, '').toUpperCase();
      if (tag.name === 'text' && ref) textDepth = tag.depth;
      if ((tag.name === 'rPh' || tag.name === 'phoneticPr') && textDepth >= 0 && tag.depth === textDepth + 1 && phonetic < 0) phonetic = tag.start;
    },
    text(s, e) { if (inAuthor) author += xml.slice(s, e); },
    close(name, start, end, depth) {
      const selfClosing = start === (name === 'authors' ? out.authorsSelfClosing?.at : name === 'commentList' ? out.listSelfClosing?.at : -2);
      if (name === 'author' && inAuthor) { out.authors.push(author); inAuthor = false; }
      if (name === 'authors' && depth === 1) { out.authorsEnd = end; if (!selfClosing) out.authorsClose = start; }
      if (name === 'commentList' && depth === 1 && !selfClosing) out.listClose = start;
      if (name === 'text' && ref && depth === textDepth) { out.byRef.set(ref, phonetic >= 0 ? phonetic : start); textDepth = -1; phonetic = -1; }
      if (name === 'comment') ref = null;
    },
  }, part);
  return out;
}

const VML_SHAPETYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(ref: string, id: number): string {
  const p = parseRef(ref)!;
  const r0 = p.row - 1;
  const c0 = p.col - 1;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:90pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c0 + 1}, 15, ${Math.max(0, r0 - 1)}, 10, ${c0 + 4}, 15, ${r0 + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`;
}

export interface Splice {
  /** Replace xml[at, to) (at === to: insert) by `text`. */
  at: number;
  to: number;
  text: string;
}

/** The text with the splices made, as pieces: slices of `xml` between the new texts (nothing copied). */
export function splicedPieces(xml: string, splices: readonly Splice[]): string[] {
  const sorted = [...splices].sort((a, b) => a.at - b.at || a.to - b.to);
  const out: string[] = [];
  let pos = 0;
  for (const s of sorted) { out.push(xml.slice(pos, s.at), s.text); pos = s.to; }
  out.push(xml.slice(pos));
  return out;
}

/** The splices that rewrite the given cells of a sheet (or add them, in row and column order). */
export function cellSplices(xml: string, part: string, edits: Map<string, CellEdit>, scanOf?: (wanted: ReadonlySet<string>, rows?: ReadonlySet<number>) => SheetScan): Splice[] {
  const scanWith = scanOf ?? ((wanted, rows) => scanSheet(xml, part, rows ? { wanted, wantRows: rows } : { wanted }));
  let scan = scanWith(new Set(edits.keys()));
  const missing = [...edits.keys()].filter((r) => !scan.cells.has(r));
  if (missing.length) scan = scanWith(new Set(edits.keys()), new Set(missing.map((r) => parseRef(r)!.row)));
  const splices: Splice[] = [];
  const prefix = /<((?:[\w.-]+:)?)sheetData\b/.exec(xml)?.[1] ?? '';
  for (const [ref, edit] of edits) {
    const c = scan.cells.get(ref);
    if (c) splices.push({ at: c.start, to: c.end, text: cellXml(xml.slice(c.start, c.end), c, edit, prefix) });
  }
  // Cells with no element yet: into their row before the next column, or a new row in order.
  const byRow = new Map<number, string[]>();
  for (const ref of missing) {
    const p = parseRef(ref)!;
    if (!byRow.has(p.row)) byRow.set(p.row, []);
    byRow.get(p.row)!.push(ref);
  }
  const allCells = [...scan.cells.values()];
  for (const [row, refs] of byRow) {
    refs.sort((a, b) => parseRef(a)!.col - parseRef(b)!.col);
    const r = scan.rows.find((x) => x.row === row);
    const newEl = (ref: string) => cellXml(null, null, edits.get(ref)!, prefix, ref);
    if (r) {
      for (const ref of refs) {
        const col = parseRef(ref)!.col;
        const next = allCells.filter((c) => c.row === row && c.col > col).sort((a, b) => a.col - b.col)[0];
        if (next) splices.push({ at: next.start, to: next.start, text: newEl(ref) });
        else if (r.closeStart >= 0) splices.push({ at: r.closeStart, to: r.closeStart, text: newEl(ref) });
        else {
          const open = xml.slice(r.start, r.openEnd).replace(/\s*\/>$/, '>');
          splices.push({ at: r.start, to: r.openEnd, text: `${open}${refs.map(newEl).join('')}</${prefix}row>` });
          break;
        }
      }
    } else {
      const rowXml = `<${prefix}row r="${row}">${refs.map(newEl).join('')}</${prefix}row>`;
      const next = scan.rows.find((x) => x.row > row);
      if (next) splices.push({ at: next.start, to: next.start, text: rowXml });
      else if (scan.sheetDataClose >= 0) splices.push({ at: scan.sheetDataClose, to: scan.sheetDataClose, text: rowXml });
      else if (scan.sheetDataSelfClosing) splices.push({ at: scan.sheetDataSelfClosing.start, to: scan.sheetDataSelfClosing.end, text: `<${prefix}sheetData>${rowXml}</${prefix}sheetData>` });
    }
  }
  return splices;
}

function cellXml(original: string | null, c: RawCell | null, edit: CellEdit, prefix: string, newRef?: string): string {
  const q = `${prefix}c`;
  if (edit.formula !== undefined) return formulaCellXml(original, edit, prefix, newRef);
  if (!original || !c) {
    const s = edit.style ? ` s="${edit.style}"` : '';
    if (edit.inlineXml !== undefined) return `<${q} r="${newRef}"${s} t="inlineStr"><${prefix}is>${edit.inlineXml}</${prefix}is></${q}>`;
    if (edit.cachedText !== undefined) return `<${q} r="${newRef}"${s} t="inlineStr"><${prefix}is>${tXml(edit.cachedText)}</${prefix}is></${q}>`;
    return `<${q} r="${newRef}"${s}/>`;
  }
  const openEnd = original.indexOf('>') + 1;
  const selfClosing = original[openEnd - 2] === '/';
  let open = original.slice(0, openEnd).replace(/\s*\/?>$/, '');
  let body = selfClosing ? '' : original.slice(openEnd, original.lastIndexOf('</'));
  const setAttr = (name: string, value: string | null) => {
    const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (value === null) open = open.replace(re, '');
    else open = re.test(open) ? open.replace(re, ` ${name}="${value}"`) : `${open} ${name}="${value}"`;
  };
  if (edit.style !== undefined) setAttr('s', String(edit.style));
  if (edit.inlineXml !== undefined) {
    setAttr('t', 'inlineStr');
    // The value goes; anything else the cell holds (extLst) stays after it.
    const ext = /<(?:[\w.-]+:)?extLst\b[\s\S]*$/.exec(body)?.[0] ?? '';
    body = `<${prefix}is>${edit.inlineXml}</${prefix}is>${ext}`;
  } else if (edit.cachedText !== undefined) {
    setAttr('t', 'str');
    const v = `<${prefix}v>${escapeXml(xmlSafe(edit.cachedText))}</${prefix}v>`;
    const vRe = /<((?:[\w.-]+:)?)v\b[^>]*?(?:\/>|>[\s\S]*?<\/\1v>)/;
    if (vRe.test(body)) body = body.replace(vRe, v);
    else {
      const fEnd = /<((?:[\w.-]+:)?)f\b[^>]*?(?:\/>|>[\s\S]*?<\/\1f>)/.exec(body);
      body = fEnd ? body.slice(0, fEnd.index + fEnd[0].length) + v + body.slice(fEnd.index + fEnd[0].length) : v + body;
    }
  }
  if (!body) return `${open}/>`;
  return `${open}>${body}</${q}>`;
}

/**
 * A cell given a formula (only ever a cell with no content: its style and attributes other than the type
 * stay). A text result is `t="str"`; a number, or no result, has no type.
 */
function formulaCellXml(original: string | null, edit: CellEdit, prefix: string, newRef?: string): string {
  const q = `${prefix}c`;
  let open: string;
  let ext = '';
  if (original) {
    const openEnd = original.indexOf('>') + 1;
    const selfClosing = original[openEnd - 2] === '/';
    open = original.slice(0, openEnd).replace(/\s*\/?>$/, '').replace(/\st\s*=\s*("[^"]*"|'[^']*')/, '');
    if (!selfClosing) ext = /<(?:[\w.-]+:)?extLst\b[\s\S]*$/.exec(original.slice(openEnd, original.lastIndexOf('</')))?.[0] ?? '';
  } else open = `<${q} r="${newRef}"`;
  if (edit.style !== undefined) {
    const re = /\ss\s*=\s*("[^"]*"|'[^']*')/;
    open = re.test(open) ? open.replace(re, ` s="${edit.style}"`) : `${open} s="${edit.style}"`;
  }
  let v = '';
  if (edit.cachedText !== undefined) { open += ' t="str"'; v = `<${prefix}v>${escapeXml(xmlSafe(edit.cachedText))}</${prefix}v>`; }
  else if (edit.cachedNumber !== undefined && Number.isFinite(edit.cachedNumber)) v = `<${prefix}v>${edit.cachedNumber}</${prefix}v>`;
  return `${open}><${prefix}f>${escapeXml(edit.formula!)}</${prefix}f>${v}${ext}</${q}>`;
}
