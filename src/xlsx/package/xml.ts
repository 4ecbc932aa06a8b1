// A small, bounded XML scanner for the parts of an .xlsx: no DTD (a DOCTYPE is refused, so no entity can
// expand), a fixed nesting limit, element names matched by local name (a prefix such as `x:` or a Strict
// namespace changes nothing). It reports positions, so a patch can splice the original text around them.

/** Deeper than any spreadsheet part needs (sheets nest about 6 levels); a "nesting bomb" stops here. */
export const MAX_XML_DEPTH = 200;

export class XmlError extends Error {}

export interface Tag {
  /** Local name (prefix removed). */
  name: string;
  /** Qualified name as written (with its prefix), for writing siblings in the same style. */
  qname: string;
  /** Offsets in the text: `<` of the tag and just after its `>`. */
  start: number;
  end: number;
  selfClosing: boolean;
  depth: number;
}

export interface XmlHandler {
  /** `attrs` reads the tag's attributes: call it during this call only. */
  open?(tag: Tag, attrs: () => Map<string, string>): void | 'stop';
  close?(name: string, start: number, end: number, depth: number): void | 'stop';
  /** Text between tags: xml.slice(start, end), still escaped unless cdata (the inside of a CDATA section). */
  text?(start: number, end: number, cdata: boolean): void;
}

const localName = (q: string): string => {
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
};

/** Scans `xml` once from start to end (or until a handler returns 'stop'). */
export function scanXml(xml: string, h: XmlHandler, part = 'XML'): void {
  const stack: string[] = [];
  const locals: string[] = [];
  let pos = 0;
  const n = xml.length;
  const wantText = !!h.text;
  // One attribute reader for every tag (handlers call it while they run): no closure per tag.
  let attrFrom = 0;
  let attrTo = 0;
  const attrs = () => parseAttrs(xml, attrFrom, attrTo, part);
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (wantText && pos < n && stack.length) h.text!(pos, n, false);
      break;
    }
    if (wantText && lt > pos && stack.length) h.text!(pos, lt, false);
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw new XmlError(`${part}: chỉ dẫn xử lý không đóng`);
      pos = e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) throw new XmlError(`${part}: chú thích không đóng`);
        pos = e + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) throw new XmlError(`${part}: CDATA không đóng`);
        if (wantText) h.text!(lt + 9, e, true);
        pos = e + 3;
        continue;
      }
      // DOCTYPE (and with it any entity declaration): an Office part never has one.
      throw new XmlError(`${part} có khai báo DOCTYPE/thực thể — không được phép trong tệp Office`);
    }
    if (c === 47 /* / */) {
      const e = xml.indexOf('>', lt + 2);
      if (e < 0) throw new XmlError(`${part}: thẻ đóng không hết`);
      // Hot path (millions of `</c>`, `</v>`): matched in place, no substring unless it does not match.
      const open = stack.pop();
      const local = locals.pop();
      if (open === undefined || !xml.startsWith(open, lt + 2) || (lt + 2 + open.length !== e && xml.slice(lt + 2 + open.length, e).trim() !== '')) {
        throw new XmlError(`${part}: thẻ </${xml.slice(lt + 2, e).trim()}> không khớp <${open ?? ''}>`);
      }
      pos = e + 1;
      if (h.close && h.close(local!, lt, pos, stack.length) === 'stop') return;
      continue;
    }
    // An opening tag: its end is the first '>' outside quoted attribute values.
    let e = lt + 1;
    let quote = 0;
    for (;;) {
      if (e >= n) throw new XmlError(`${part}: thẻ không đóng`);
      const ch = xml.charCodeAt(e);
      if (quote) { if (ch === quote) quote = 0; } else if (ch === 34 || ch === 39) quote = ch; else if (ch === 62) break;
      e++;
    }
    const selfClosing = xml.charCodeAt(e - 1) === 47;
    let ne = lt + 1;
    while (ne < e) {
      const ch = xml.charCodeAt(ne);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
      ne++;
    }
    const qname = xml.slice(lt + 1, ne);
    if (!qname) throw new XmlError(`${part}: thẻ không tên`);
    const depth = stack.length;
    if (depth >= MAX_XML_DEPTH) throw new XmlError(`${part} lồng sâu hơn ${MAX_XML_DEPTH} cấp`);
    const tag: Tag = { name: localName(qname), qname, start: lt, end: e + 1, selfClosing, depth };
    if (!selfClosing) { stack.push(qname); locals.push(tag.name); }
    pos = e + 1;
    if (h.open) {
      attrFrom = ne;
      attrTo = selfClosing ? e - 1 : e;
      if (h.open(tag, attrs) === 'stop') return;
    }
    if (selfClosing && h.close && h.close(tag.name, lt, pos, depth) === 'stop') return;
  }
  if (stack.length) throw new XmlError(`${part}: thiếu thẻ đóng </${stack[stack.length - 1]}>`);
}

const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

export function parseAttrs(xml: string, from: number, to: number, part = 'XML'): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = from;
  while (ATTR.lastIndex < to) {
    const at = ATTR.lastIndex;
    const m = ATTR.exec(xml);
    if (!m || m.index !== at) {
      if (xml.slice(at, to).trim() === '') break;
      throw new XmlError(`${part}: thuộc tính hỏng`);
    }
    out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? '', part));
  }
  return out;
}

/** An attribute by local name: `id` finds `r:id`, `ns1:id` (the relationship id, whatever its prefix). */
export function attrLocal(attrs: Map<string, string>, local: string, prefixed = false): string | undefined {
  if (!prefixed && attrs.has(local)) return attrs.get(local);
  for (const [k, v] of attrs) {
    const i = k.indexOf(':');
    if (i >= 0 && k.slice(i + 1) === local && k.slice(0, i) !== 'xmlns') return v;
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and character references; anything else is an error (no DTD defines more). */
export function decodeXml(s: string, part = 'XML'): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]{1,10});/g, (_, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlError(`${part}: mã ký tự hỏng &${name};`);
      return String.fromCodePoint(code);
    }
    const v = NAMED[name];
    if (v === undefined) throw new XmlError(`${part}: thực thể không khai báo &${name};`);
    return v;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Characters XML 1.0 cannot hold (control characters): dropped from text we write. */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
