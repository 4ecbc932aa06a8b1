// One target as written ("Tỷ lệ hộ nghèo giảm còn dưới 1,3%"): its name, figure, unit and rule — or why
// it could not be read. A line with several targets is split before it comes here.
import type { PlanEntryJson, PlanRule, PlanTarget } from '../planJson';
import { formatVietnameseNumber, roundTo } from '../vnNumber';
import { fold, squeeze } from './fold';
import { scanFigures, type FigureGroup, type NumberToken, type Span } from './figures';
import { chainBefore, isNoneLeft, ruleOf, ruleWithoutFigure } from './rules';
import { natureOf, unitAt, unitInName } from './units';

/** An entry without its id; `tieuDe` marks a line that introduces others. */
export type Entry = Omit<PlanEntryJson, 'dong'>;

export type SegmentReading =
  | { kind: 'target'; entry: Entry; baseYear?: number }
  | { kind: 'text' } // no figure and no rule: a title, prose, "Trong đó:"
  | { kind: 'unread'; why: string };

/** A plan figure as JSON: a number, or the written text when it keeps trailing zeros ("33,00"). */
export function figureValue(t: NumberToken): number | string {
  const shortest = formatVietnameseNumber(t.value);
  const written = formatVietnameseNumber(t.value, t.decimals);
  return written !== shortest ? written : t.value;
}

const tokenOf = (g: FigureGroup): NumberToken | null => (g.kind === 'number' ? g : g.kind === 'range' ? g.to : null);

/** Name as shown: no leading bullet or trailing punctuation, first letter capital. */
export function cleanName(text: string): string {
  const s = squeeze(text).replace(/^[\s\-–—+•:,;.]+/, '').replace(/[\s\-–—:,;.]+$/, '').replace(/^trong đó\s*:?\s*/i, '');
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Text with the given spans blanked (positions kept). */
function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

export function readSegment(text: string): SegmentReading[] {
  const one = readOne(text);
  if (one.kind !== 'unread' || !one.several) return [one.kind === 'unread' ? { kind: 'unread', why: one.why } : one];
  // Several figures: maybe several targets joined by commas or "và" ("… đạt 48%, tỷ lệ … đạt 90%").
  const pieces = text.split(/,\s+(?=\p{L})(?!(?:tăng|giảm|trong đó|chiếm|bằng|đạt|so với)\b)|\s+và\s+(?=\p{L})/iu);
  if (pieces.length > 1) {
    const read = pieces.map(readOne);
    if (read.every((r) => r.kind === 'target')) return read as SegmentReading[];
  }
  return [{ kind: 'unread', why: one.why }];
}

type One = { kind: 'target'; entry: Entry; baseYear?: number } | { kind: 'text' } | { kind: 'unread'; why: string; several?: boolean };

function readOne(text: string): One {
  const f = fold(text);
  const scan = scanFigures(text, f);
  const base = scan.baseYear ? { baseYear: scan.baseYear } : {};
  const groups = scan.groups;
  if (groups.length === 0) return withoutFigure(text, f);

  const g = groups[0]!;
  const u = unitAt(text, f, g.end);
  let unit = u?.unit ?? '';
  const afterUnit = u ? u.end : g.end;
  let growth: { token: NumberToken } | null = null;
  if (groups.length > 1) {
    const g2 = groups[1]!;
    const gap = f.slice(afterUnit, g2.start);
    const u2 = unitAt(text, f, g2.end);
    const t2 = tokenOf(g2);
    if (groups.length === 2 && /(^|[^a-z])tang( khoang| binh quan)?\s*$/.test(gap.replace(/[,;:]/g, ' ')) && u2?.unit === '%' && g2.kind === 'number' && t2) growth = { token: t2 };
    else return { kind: 'unread', why: 'nhiều số trong một chỉ tiêu', several: true };
  }
  const lead = text.slice(0, g.start);
  const chain = chainBefore(lead);
  let name = lead.slice(0, chain.start);
  const end = growth ? groups[1]!.start : afterUnit;
  const rest = blank(text, scan.brackets).slice(end);
  if (cleanName(name) === '') {
    // Figure first: "100% hộ dân dùng điện", "giảm 12 hộ nghèo" (a count's unit is part of the name).
    const from = unit === '' || /^[%‰]|điểm %/.test(unit) ? end : g.end;
    name = blank(text, scan.brackets).slice(from).replace(/[,;].*$/, '');
  } else if (cleanName(name).split(' ').length <= 2) {
    // "Làm mới 3,2 km đường": a short name goes on after the figure.
    const tail = rest.replace(/[,;].*$/, '').replace(/\s*(trở lên|trở xuống)\b.*$/i, '');
    if (/\p{L}/u.test(tail) && !/^\s*(so với|trở|\/)/i.test(tail)) name = `${name} ${tail}`;
  }
  if (!unit) {
    const inName = unitInName(name, fold(name));
    if (inName) {
      unit = inName.unit;
      name = name.slice(0, inName.span[0]) + name.slice(inName.span[1]);
    }
  }
  const nameFolded = fold(cleanName(name));
  const result = ruleOf({
    nameFolded, chain: chain.words, after: fold(rest), unit, kind: g.kind, perYear: u?.perYear ?? false, growthIndex: growth !== null,
  });
  if (result.rule === null) return { kind: 'unread', why: result.why };
  const rule: PlanRule = result.rule;
  const entry: Entry = { tenChiTieu: cleanName(name), donViTinh: unit, quyTac: rule };
  if (!entry.tenChiTieu) return { kind: 'unread', why: 'không thấy tên chỉ tiêu' };
  entry.keHoach = target(g, rule);
  if (growth) {
    const x = growth.token;
    entry.chiSo = figureValue({ ...x, value: roundTo(100 + x.value, x.decimals) });
  }
  if (rule === 'info') {
    entry.ghiChu = squeeze(text.slice(g.start, afterUnit));
    entry.keHoach = null;
  }
  if (chain.words.has('khoang') || chain.words.has('gan') || chain.words.has('xap xi') || chain.words.has('~')) entry.khoang = true;
  entry.tinhChat = rule === 'criteria' || rule === 'structure' || rule === 'growth-rate' ? 'thoi-diem' : natureOf(unit, nameFolded);
  const notes = scan.brackets.filter((b) => b.start >= g.end).map((b) => squeeze(text.slice(b.start + 1, b.end - 1)));
  if (notes.length) entry.ghiChu = [entry.ghiChu, ...notes].filter(Boolean).join('; ');
  return { kind: 'target', entry, ...base };
}

function target(g: FigureGroup, rule: PlanRule): PlanTarget {
  if (g.kind === 'fraction') return `${g.numerator}/${g.denominator}`;
  if (g.kind === 'range') return { tu: g.from.value, den: g.to.value };
  void rule;
  return figureValue(g);
}

function withoutFigure(text: string, f: string): One {
  if (isNoneLeft(f)) {
    const at = f.search(/\bkhong con\b/) + 'khong con'.length;
    const u = unitAt(text, f, at);
    return { kind: 'target', entry: { tenChiTieu: cleanName(text), donViTinh: u?.unit ?? '', quyTac: 'max', keHoach: 0, tinhChat: 'thoi-diem' } };
  }
  const rule = /(^|:\s*)đạt\s*$/i.test(text.trim()) ? 'pass' : ruleWithoutFigure(text);
  if (!rule) return { kind: 'text' };
  const name = rule === 'pass' ? text.replace(/:\s*Đạt\s*$/i, '') : text;
  return {
    kind: 'target',
    entry: { tenChiTieu: cleanName(name), donViTinh: '', quyTac: rule, keHoach: rule === 'pass' ? 'Đạt' : null, tinhChat: rule === 'pass' ? 'thoi-diem' : 'cong-don' },
  };
}
