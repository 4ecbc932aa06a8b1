// One line of the pasted list: its numbering or bullet, and the text after it. Table rows pasted from
// Word (cells separated by tabs: TT, name, unit, figure) are turned into "name: figure unit".
import { fold } from './fold';
import { unitCell } from './units';

export type Marker =
  | { kind: 'roman'; id: string } // I., II - , III)
  | { kind: 'upper'; id: string } // A., B)
  | { kind: 'number'; id: string } // 1., 1.2, 1), 2.a, III.4
  | { kind: 'letter'; letter: string } // a), b.
  | { kind: 'dash' } // -, –, •, *
  | { kind: 'plus' } // +, ◦ (the second level in most documents)
  | { kind: 'none' };

export interface SourceLine {
  dong: number;
  marker: Marker;
  body: string;
  /** The line as written, trimmed, for `khongDoc`. */
  raw: string;
}

const ROMAN_NUMBER = /^([IVXL]+)\.(\d{1,2}(?:\.\d{1,2})*)\.?\)?\s+/;
const ROMAN = /^(?:(?:phần|mục|PHẦN|MỤC)\s+)?([IVXL]+)\s*[.\-–:)/]\s*(?=\S)/;
const NUMBER_LETTER = /^(\d{1,2}(?:\.\d{1,2})*)\.([a-zđ])[.)]?\s+/;
const NUMBER = /^(\d{1,3}(?:\.\d{1,2})*)(?:\.|\)|\s*[-–]\s+|(?=\t))\s*/;
const DOTTED_NUMBER = /^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\p{L})/u;
const UPPER = /^([A-ZĐ])[.)]\s+/;
const LETTER = /^([a-zđ])[.)]\s+/;
const DASH = /^[-–—•·▪●■□➢►✓*]\s*/;
const PLUS = /^[+◦○]\s*/;

export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const raw = line.replace(/^[\s]+|[\s]+$/g, '');
    if (raw === '') return;
    const { marker, body } = markerOf(raw);
    out.push({ dong: i + 1, marker, body: tableRow(body), raw: raw.replace(/\t+/g, ' ').replace(/ {2,}/g, ' ') });
  });
  return out;
}

export function markerOf(line: string): { marker: Marker; body: string } {
  let m: RegExpExecArray | null;
  const rest = (mm: RegExpExecArray) => line.slice(mm[0].length).trim();
  if ((m = ROMAN_NUMBER.exec(line))) return { marker: { kind: 'number', id: `${m[1]}.${m[2]}` }, body: rest(m) };
  if ((m = ROMAN.exec(line))) return { marker: { kind: 'roman', id: m[1]! }, body: rest(m) };
  if ((m = NUMBER_LETTER.exec(line))) return { marker: { kind: 'number', id: `${m[1]}.${m[2]}` }, body: rest(m) };
  // "100% hộ dân …", "2.700 lao động …" start with a figure, not a number: numbering is followed by text.
  if ((m = NUMBER.exec(line)) && (/\s$/.test(m[0]) || !/^[\d%‰]/.test(rest(m)))) return { marker: { kind: 'number', id: m[1]!.replace(/^0+(?=\d)/, '') }, body: rest(m) };
  if ((m = DOTTED_NUMBER.exec(line))) return { marker: { kind: 'number', id: m[1]! }, body: rest(m) };
  if ((m = UPPER.exec(line))) return { marker: { kind: 'upper', id: m[1]! }, body: rest(m) };
  if ((m = LETTER.exec(line))) return { marker: { kind: 'letter', letter: m[1]! }, body: rest(m) };
  if ((m = PLUS.exec(line))) return { marker: { kind: 'plus' }, body: rest(m) };
  if ((m = DASH.exec(line))) return { marker: { kind: 'dash' }, body: rest(m) };
  return { marker: { kind: 'none' }, body: line.trim() };
}

/** "Tỷ lệ che phủ rừng\t%\t48" → "Tỷ lệ che phủ rừng: 48 %"; lines without tabs are returned as they are. */
function tableRow(body: string): string {
  if (!body.includes('\t')) return body;
  const cells = body.split(/\t+/).map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length < 2) return cells.join(' ');
  const [name, ...others] = cells;
  let unit = '';
  const figures: string[] = [];
  for (const c of others) {
    const u = unitCell(c);
    if (u && !unit && !/\d/.test(c)) unit = u;
    else figures.push(c);
  }
  const figure = figures.join(' ');
  if (!figure) return `${name}${unit ? ` (${unit})` : ''}`;
  const hasUnit = /[%‰]|\d\s*\p{L}/u.test(figure) || /^\p{L}+$/u.test(fold(figure).trim());
  return `${name}: ${figure}${unit && !hasUnit ? ` ${unit}` : ''}`;
}
