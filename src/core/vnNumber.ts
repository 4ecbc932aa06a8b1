// Reading numbers the way Vietnamese staff type them: "." groups thousands and "," marks decimals
// (1.725.490; 107,64; 927,818 tỷ đồng), but pasted en-US numbers (1,725,490; 107.64), spaces between
// groups, "> 90", "9/9", "01" and "Đạt" occur too. A text that two conventions read differently
// ("2.000": two thousand, or two?) is said to be ambiguous instead of guessed silently.

export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; alternative?: number; ambiguous: boolean; decimals: number }
  | { kind: 'comparison'; op: '>' | '>=' | '<' | '<='; value: number; decimals: number }
  | { kind: 'fraction'; numerator: number; denominator: number }
  | { kind: 'pass'; achieved: boolean }
  | { kind: 'decrease' }
  | { kind: 'invalid'; text: string };

/** Lower-case, accents removed, đ → d, spaces folded: "Chưa  ĐẠT" → "chua dat". */
function plain(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;

interface Parsed { value: number; decimals: number; alternative?: number }

/** The number part alone: signs, separators, digits, an optional exponent. Null when it is not one. */
function parseNumber(raw: string): Parsed | null {
  let s = raw.replace(/\u2212/g, '-');
  let sign = 1;
  if (/^[-+]/.test(s)) { sign = s[0] === '-' ? -1 : 1; s = s.slice(1); }
  // Spaces group thousands only between groups of exactly three digits.
  if (/\s|\u00a0|\u202f|\u2009/.test(s)) {
    if (!/^\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+([.,]\d+)?$/.test(s)) return null;
    s = s.replace(SPACES, '');
  }
  let exponent = 0;
  const e = /^(.*?)[eE]([-+]?\d{1,3})$/.exec(s);
  if (e) { s = e[1]!; exponent = Number(e[2]); }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const grouped = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
  let value: number;
  let decimals = 0;
  let alternative: number | undefined;
  if (dots === 0 && commas === 0) {
    value = Number(s);
  } else if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimalMark === ',' ? '.' : ',';
    const [int, frac, extra] = s.split(decimalMark);
    if (extra !== undefined || !frac || !/^\d+$/.test(frac) || !grouped(group).test(int!)) return null;
    value = Number(int!.split(group).join('') + '.' + frac);
    decimals = frac.length;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (count > 1) {
      if (!grouped(mark).test(s)) return null;
      value = Number(s.split(mark).join(''));
    } else {
      const [int, frac] = s.split(mark) as [string, string];
      if (!/^\d+$/.test(frac) || !/^\d*$/.test(int)) return null;
      const asDecimal = Number((int || '0') + '.' + frac);
      const couldGroup = frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
      // Vietnamese reading first: "," decimal, "." thousands; en-US is the alternative.
      const vnDecimal = mark === ',';
      if (couldGroup) {
        const asThousands = Number(int + frac);
        value = vnDecimal ? asDecimal : asThousands;
        alternative = vnDecimal ? asThousands : asDecimal;
        decimals = vnDecimal ? 3 : 0;
      } else {
        value = asDecimal;
        decimals = frac.length;
      }
    }
  }
  if (exponent) {
    value = value * 10 ** exponent;
    decimals = Math.max(0, decimals - exponent);
    if (alternative !== undefined) alternative = alternative * 10 ** exponent;
  }
  value *= sign;
  if (alternative !== undefined) alternative *= sign;
  if (!Number.isFinite(value) || (alternative !== undefined && !Number.isFinite(alternative))) return null;
  return alternative === undefined ? { value: value + 0, decimals } : { value: value + 0, decimals, alternative: alternative + 0 };
}

export function readCellText(text: string): CellReading {
  const t = String(text).trim();
  if (t === '') return { kind: 'empty' };
  const p = plain(t);
  if (p === 'dat') return { kind: 'pass', achieved: true };
  if (p === 'chua dat' || p === 'khong dat') return { kind: 'pass', achieved: false };
  if (p === 'giam') return { kind: 'decrease' };
  const cmp = /^(>=|<=|≥|≤|>|<)\s*(.+)$/.exec(t);
  if (cmp) {
    const n = parseNumber(cmp[2]!.trim());
    if (!n || n.alternative !== undefined) return { kind: 'invalid', text: t };
    const op = ({ '≥': '>=', '≤': '<=' } as Record<string, '>=' | '<='>)[cmp[1]!] ?? (cmp[1] as '>' | '>=' | '<' | '<=');
    return { kind: 'comparison', op, value: n.value, decimals: n.decimals };
  }
  const frac = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(t);
  if (frac) return { kind: 'fraction', numerator: Number(frac[1]), denominator: Number(frac[2]) };
  const pct = /^(.*?)\s*%$/.exec(t);
  const n = parseNumber(pct ? pct[1]! : t);
  if (!n) return { kind: 'invalid', text: t };
  return n.alternative === undefined
    ? { kind: 'number', value: n.value, ambiguous: false, decimals: n.decimals }
    : { kind: 'number', value: n.value, alternative: n.alternative, ambiguous: true, decimals: n.decimals };
}

/** 1725490 → "1.725.490"; (107.64, 2) → "107,64"; without decimals: as many as needed, up to 10. */
export function formatVietnameseNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  let fixed: string;
  if (decimals === undefined) {
    fixed = roundTo(value, 10).toFixed(10).replace(/\.?0+$/, '');
  } else {
    fixed = roundTo(value, decimals).toFixed(decimals);
  }
  const negative = fixed.startsWith('-');
  const [int, frac] = fixed.replace('-', '').split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const out = frac ? `${grouped},${frac}` : grouped;
  return negative && /[1-9]/.test(fixed) ? `-${out}` : out;
}

/** Precision as written: "107,64" → 2, "110,0" → 1, "1.725.490" → 0, "> 90" → 0. */
export function decimalsOf(text: string): number {
  const r = readCellText(text);
  if (r.kind === 'number' || r.kind === 'comparison') return r.decimals;
  return 0;
}

/** Half-up rounding that survives binary floats: roundTo(1.005, 2) = 1.01; roundTo(103.49999999, 1) = 103.5. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  // Round first to 12 significant digits to absorb float noise (1.0049999999 → 1.005), then half-up.
  const cleaned = Number(value.toPrecision(12));
  const shifted = Number(`${Math.abs(cleaned)}e${d}`);
  const rounded = Math.round(shifted);
  const result = Number(`${rounded}e-${d}`) * Math.sign(cleaned);
  return result === 0 ? 0 : result;
}
