// The figures of one target: numbers as people write them ("7.415,36", "4000", "04", "1,875"), read the
// Vietnamese way first (vnNumber), grouped into ranges ("6,5 – 7,0", "07 - 09", "từ 25 đến 27") and
// fractions ("9/9"). Numbers that belong to the name or to a remark are masked first: years, ages,
// "trên 1 vạn dân", "mức độ 3", dates, anything in brackets.
import { readCellText } from '../vnNumber';

export interface Span {
  start: number;
  end: number;
}

export interface NumberToken extends Span {
  value: number;
  decimals: number;
  raw: string;
}

export type FigureGroup =
  | ({ kind: 'number' } & NumberToken)
  | ({ kind: 'range'; from: NumberToken; to: NumberToken } & Span)
  | ({ kind: 'fraction'; numerator: number; denominator: number } & Span);

export interface Scan {
  groups: FigureGroup[];
  /** Bracketed remarks, "(tăng 12%)", "(6 thôn)": never a figure, kept as notes. */
  brackets: Span[];
  /** "giá so sánh 2010" anywhere in the text. */
  baseYear?: number;
}

// Folded-text patterns whose digits are part of a name or a reference, never a target figure.
const MASKS: RegExp[] = [
  /(gia so sanh|gia ss|gia co dinh)( nam)? \d{4}/g,
  /so voi (cung ky|ke hoach|nam|thuc hien|uoc|ca nam)[^,;]*?(\d{4}|$)/g,
  /\b(nam|giai doan|gd|den nam|ky|khoa|nhiem ky)\s+\d{4}(\s*[-–—]\s*\d{4})?/g,
  /\b(19|20)\d{2}\s*[-–—]\s*(19|20)\d{2}\b/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d+(\s*[-–—]\s*\d+)?\s*tuoi\b/g,
  /(tren|\/)\s*(1\s*)?(van|10\.000|1\.000|100\.000|nghin|ngan)\s*(dan|nguoi|tre)/g,
  /(tren|\/)\s*(1|mot)\s*(ha|hecta|km2|km|nguoi|ho|lao dong)\b/g,
  /\b(muc do|cap do|loai|cap|lop|quy|thang|dot|ngay|khu|chuong trinh|nghi quyet|ql|dt|tl)\s*\d+[a-z]?\b/g,
  /\b\d+\s*thang\b/g,
  /\bca \d+ mat\b/g,
  /\b\d+ sao\b/g,
  /\bcovid-19\b/g,
];

const NUMBER = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*/gu;

/** Spans of brackets, innermost-agnostic: "(…)" and "[…]". */
function bracketSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\([^()]*\)|\[[^[\]]*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

const inside = (pos: number, spans: readonly Span[]) => spans.some((s) => pos >= s.start && pos < s.end);

export function scanFigures(text: string, folded: string): Scan {
  const brackets = bracketSpans(text);
  const masks: Span[] = [...brackets];
  let baseYear: number | undefined;
  for (const re of MASKS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      masks.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].startsWith('gia')) baseYear = Number(/\d{4}/.exec(m[0])![0]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  const tokens: NumberToken[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text))) {
    if (inside(m.index, masks)) continue;
    const r = readCellText(m[0]);
    if (r.kind !== 'number') continue;
    tokens.push({ start: m.index, end: m.index + m[0].length, value: r.value, decimals: r.decimals, raw: m[0] });
  }
  return { groups: groupTokens(tokens, text, folded), brackets, ...(baseYear ? { baseYear } : {}) };
}

const RANGE_GAP = /^\s*(%|‰)?\s*(?:-|–|—|~|den|toi)\s*$/;
const FRACTION_GAP = /^\s*\/\s*$/;

function groupTokens(tokens: NumberToken[], text: string, folded: string): FigureGroup[] {
  const out: FigureGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b) {
      const gap = folded.slice(a.end, b.start);
      if (FRACTION_GAP.test(gap) && Number.isInteger(a.value) && Number.isInteger(b.value) && b.value > 0) {
        out.push({ kind: 'fraction', numerator: a.value, denominator: b.value, start: a.start, end: b.end });
        i++;
        continue;
      }
      if (RANGE_GAP.test(gap) && b.value > a.value) {
        out.push({ kind: 'range', from: a, to: b, start: a.start, end: b.end });
        i++;
        continue;
      }
    }
    out.push({ kind: 'number', ...a });
  }
  void text;
  return out;
}
