// xl/styles.xml: the number format of each cell format (cellXfs index = a cell's `s`), and — for a
// flagged copy — new cell formats appended at the end of cellXfs, each a copy of a cell's own format with
// another fill. Existing formats are never edited: other cells (on any sheet) may share them.
import { escapeXml, scanXml, XmlError } from './xml';

/** Excel's built-in number formats (ECMA-376 18.8.30) that a cell can use without declaring them. */
const BUILTIN_NUMFMTS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

interface Xf {
  start: number;
  end: number;
  numFmtId: number;
}

interface Section {
  /** `<fills …>` open tag, and where its closing tag starts. */
  openStart: number;
  openEnd: number;
  closeStart: number;
  selfClosing: boolean;
  qname: string;
  items: number;
}

export class Styles {
  private readonly numFmts = new Map<number, string>();
  private readonly xfs: Xf[] = [];
  private fills: Section | null = null;
  private cellXfs: Section | null = null;

  constructor(readonly xml: string, private readonly part: string) {
    let inCellXfs = false;
    let inFills = false;
    let pendingXf: Xf | null = null;
    scanXml(xml, {
      open: (tag, attrs) => {
        if (tag.depth === 1) {
          if (tag.name === 'cellXfs' || tag.name === 'fills') {
            const s: Section = { openStart: tag.start, openEnd: tag.end, closeStart: tag.end, selfClosing: tag.selfClosing, qname: tag.qname, items: 0 };
            if (tag.name === 'cellXfs') { this.cellXfs = s; inCellXfs = !tag.selfClosing; } else { this.fills = s; inFills = !tag.selfClosing; }
          }
          return;
        }
        if (tag.depth === 2 && tag.name === 'numFmt') {
          const a = attrs();
          const id = Number(a.get('numFmtId'));
          if (Number.isFinite(id)) this.numFmts.set(id, a.get('formatCode') ?? '');
        } else if (tag.depth === 2 && inCellXfs && tag.name === 'xf') {
          pendingXf = { start: tag.start, end: tag.end, numFmtId: Number(attrs().get('numFmtId') ?? 0) || 0 };
          this.cellXfs!.items++;
          if (tag.selfClosing) { this.xfs.push(pendingXf); pendingXf = null; }
        } else if (tag.depth === 2 && inFills && tag.name === 'fill') this.fills!.items++;
      },
      close: (name, start, end, depth) => {
        if (depth === 2 && name === 'xf' && pendingXf) { pendingXf.end = end; this.xfs.push(pendingXf); pendingXf = null; }
        if (depth === 1 && name === 'cellXfs' && inCellXfs) { this.cellXfs!.closeStart = start; inCellXfs = false; }
        if (depth === 1 && name === 'fills' && inFills) { this.fills!.closeStart = start; inFills = false; }
      },
    }, part);
  }

  get xfCount(): number {
    return this.xfs.length;
  }

  /** The number format code of cell format `s` (undefined for General, as ExcelJS gives it). */
  numFmt(s: number): string | undefined {
    const xf = this.xfs[s];
    if (!xf || !xf.numFmtId) return undefined;
    return this.numFmts.get(xf.numFmtId) ?? BUILTIN_NUMFMTS[xf.numFmtId];
  }

  /** The number format id of cell format `s` (0: General). */
  numFmtId(s: number): number {
    return this.xfs[s]?.numFmtId ?? 0;
  }

  /**
   * An existing cell format that is `xfXml` (same element, attributes in any order), or undefined: a format
   * the copy would otherwise append is reused, so styles.xml grows only when it must.
   */
  findXf(xfXml: string): number | undefined {
    const want = canonicalXf(xfXml);
    const i = this.xfs.findIndex((xf) => canonicalXf(this.xml.slice(xf.start, xf.end)) === want);
    return i >= 0 ? i : undefined;
  }

  /** The `<xf>` element of cell format `s`, as written. */
  xfXml(s: number): string {
    const xf = this.xfs[s] ?? this.xfs[0];
    if (!xf) return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    return this.xml.slice(xf.start, xf.end);
  }

  /** A copy of styles.xml with fills and cell formats appended; indexes of the new ones returned. */
  withAppended(newFills: string[], newXfs: ((fillIndex: (i: number) => number) => string)[]): { xml: string; firstFill: number; firstXf: number } {
    if (!this.cellXfs || !this.fills) throw new XmlError(`${this.part} không có danh sách định dạng ô (cellXfs/fills)`);
    const firstFill = this.fills.items;
    const firstXf = this.cellXfs.items;
    const fillIndex = (i: number) => firstFill + i;
    const edits: { at: number; to: number; text: string }[] = [];
    const section = (s: Section, items: string[]) => {
      const prefix = s.qname.includes(':') ? s.qname.slice(0, s.qname.indexOf(':') + 1) : '';
      const body = items.map((x) => (prefix ? x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : x)).join('');
      const open = this.xml.slice(s.openStart, s.openEnd).replace(/\/>$/, '>');
      const counted = /\scount\s*=\s*"\d*"/.test(open)
        ? open.replace(/(\scount\s*=\s*")\d*(")/, `$1${s.items + items.length}$2`)
        : open.replace(/^<([^\s>/]+)/, `<$1 count="${s.items + items.length}"`);
      if (s.selfClosing) edits.push({ at: s.openStart, to: s.openEnd, text: `${counted}${body}</${s.qname}>` });
      else {
        edits.push({ at: s.openStart, to: s.openEnd, text: counted });
        edits.push({ at: s.closeStart, to: s.closeStart, text: body });
      }
    };
    section(this.fills, newFills);
    section(this.cellXfs, newXfs.map((f) => f(fillIndex)));
    edits.sort((a, b) => a.at - b.at);
    let out = '';
    let pos = 0;
    for (const e of edits) { out += this.xml.slice(pos, e.at) + e.text; pos = e.to; }
    out += this.xml.slice(pos);
    return { xml: out, firstFill, firstXf };
  }
}

/** A solid fill of colour `hex` (#RRGGBB). */
export function solidFillXml(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${escapeXml(hex.replace('#', '').toUpperCase())}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** An `<xf>` element (or a child) compared by meaning: prefix dropped, attributes sorted, spaces between tags gone. */
function canonicalXf(xml: string): string {
  return xml.replace(/>\s+</g, '><').replace(/<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>/g, (_m, close: string, name: string, attrs: string, self: string) => {
    const list = [...attrs.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((a) => `${a[1]}="${a[2]}"`).sort();
    return `<${close}${name}${list.length ? ' ' + list.join(' ') : ''}${self}>`;
  }).replace(/<([\w.-]+)([^>]*)><\/\1>/g, '<$1$2/>');
}

/**
 * A copy of an `<xf>` element with another fill (and, for note cells, wrapped text at the top), or another
 * number format (an added row's formula cells).
 */
export function xfWith(xfXml: string, change: { fillId?: number; wrapTop?: boolean; numFmtId?: number }): string {
  const m = /^<([^\s>/]+)([^>]*?)(\/?)>([\s\S]*)$/.exec(xfXml);
  if (!m) return xfXml;
  const [, q, attrsText0, selfClose, rest0] = m;
  let attrsText = attrsText0!;
  const set = (name: string, value: string) => {
    const re = new RegExp(`(\\s${name}\\s*=\\s*")[^"]*(")`);
    attrsText = re.test(attrsText) ? attrsText.replace(re, `$1${value}$2`) : `${attrsText} ${name}="${value}"`;
  };
  if (change.fillId !== undefined) { set('fillId', String(change.fillId)); set('applyFill', '1'); }
  if (change.numFmtId !== undefined) { set('numFmtId', String(change.numFmtId)); set('applyNumberFormat', '1'); }
  if (!change.wrapTop) return `<${q}${attrsText}${selfClose}>${rest0}`;
  set('applyAlignment', '1');
  const p = q!.includes(':') ? q!.slice(0, q!.indexOf(':') + 1) : '';
  if (selfClose) return `<${q}${attrsText}><${p}alignment wrapText="1" vertical="top"/></${q}>`;
  let rest = rest0!;
  const al = new RegExp(`<${p}alignment\\b([^>]*?)(/?)>`);
  if (al.test(rest)) {
    rest = rest.replace(al, (_all, a: string, sc: string) => {
      let attrs = a.replace(/\s(wrapText|vertical)\s*=\s*"[^"]*"/g, '');
      attrs += ' wrapText="1" vertical="top"';
      return `<${p}alignment${attrs}${sc}>`;
    });
  } else rest = `<${p}alignment wrapText="1" vertical="top"/>` + rest;
  return `<${q}${attrsText}>${rest}`;
}
