// Numbers as Vietnamese staff type them: "." groups thousands, "," marks decimals (1.725.490; 107,64).
// Pasted en-US numbers (1,725,490; 107.64), spaces between groups, percent signs and Excel's scientific
// display are read too. A text that two people could read differently ("2.000": two thousand or two?)
// is reported as ambiguous, with the Vietnamese reading first.

export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; alternative?: number; ambiguous: boolean; decimals: number }
  | { kind: 'comparison'; op: '>' | '>=' | '<' | '<='; value: number; decimals: number }
  | { kind: 'fraction'; numerator: number; denominator: number }
  | { kind: 'pass'; achieved: boolean }
  | { kind: 'decrease' }
  | { kind: 'invalid'; text: string };

type NumberReading = Extract<CellReading, { kind: 'number' }>;

/** Characters that may separate thousands groups: space, NBSP, narrow NBSP (French/Excel), thin space. */
const GROUP_SPACES = ' \u00A0\u202F\u2009';
const BODY = new RegExp(`^\\d+(?:[.,${GROUP_SPACES}]\\d+)*$`);
const SPLIT = new RegExp(`([.,${GROUP_SPACES}])`);
/** Excel's scientific display: 1E+06, 1,5E+03 (vi-VN), 1.5E+03 (en-US), 2e-3. No grouping in a mantissa. */
const SCIENTIFIC = /^(\d+)(?:[.,](\d+))?[eE]([+-]?\d{1,3})$/;
const COMPARISON = /^(>=|<=|≥|≤|>|<)\s*(.*)$/s;
const FRACTION = /^(\d+)\s*\/\s*(\d+)$/;

export function readCellText(text: string): CellReading {
  // The type says string, but cells come from untyped places (JSON, Office): never throw.
  if (typeof text !== 'string') return { kind: 'invalid', text: String(text) };
  const t = text.normalize('NFC').trim();
  if (t === '') return { kind: 'empty' };

  const cmp = COMPARISON.exec(t);
  if (cmp) {
    const n = readNumber(cmp[2]!);
    if (!n) return { kind: 'invalid', text };
    const op = cmp[1] === '≥' ? '>=' : cmp[1] === '≤' ? '<=' : (cmp[1] as '>' | '>=' | '<' | '<=');
    return { kind: 'comparison', op, value: n.value, decimals: n.decimals };
  }

  const frac = FRACTION.exec(t);
  if (frac) {
    const numerator = Number(frac[1]);
    const denominator = Number(frac[2]);
    // "9/0" is no criteria count; absurdly long digit runs overflow to Infinity.
    if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return { kind: 'invalid', text };
    return { kind: 'fraction', numerator, denominator };
  }

  const words = foldWords(t);
  if (words === 'dat') return { kind: 'pass', achieved: true };
  if (words === 'chua dat' || words === 'khong dat') return { kind: 'pass', achieved: false };
  if (words === 'giam') return { kind: 'decrease' };

  return readNumber(t) ?? { kind: 'invalid', text };
}

/** Lower case, no accents, đ → d, single spaces: "Chưa  ĐẠT" → "chua dat". */
function foldWords(t: string): string {
  return t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ');
}

/** A signed number with an optional trailing % or ‰, or an accounting negative "(1.234)". */
function readNumber(s: string): NumberReading | null {
  let t = s.trim();
  let negative = false;
  const paren = /^\((.*)\)$/s.exec(t);
  if (paren) {
    // Excel's accounting format shows negatives in parentheses; the inside carries no sign of its own.
    negative = true;
    t = paren[1]!.trim();
  } else if (/^[-−+]/.test(t)) {
    negative = t[0] !== '+';
    t = t.slice(1);
  }
  // The percent sign is a unit mark: the tables already state "%" as the unit, so 95% reads as 95.
  t = t.replace(/\s*[%‰]$/, '');
  const body = readBody(t);
  if (!body) return null;
  const sign = negative ? -1 : 1;
  // `+ 0` turns -0 into 0, so "-0" reads as plain zero.
  const value = sign * body.value + 0;
  if (body.alternative === undefined) return { kind: 'number', value, ambiguous: false, decimals: body.decimals };
  return { kind: 'number', value, alternative: sign * body.alternative + 0, ambiguous: true, decimals: body.decimals };
}

interface Body {
  value: number;
  alternative?: number;
  decimals: number;
}

/** Digits and separators only, no sign or unit. */
function readBody(t: string): Body | null {
  const sci = SCIENTIFIC.exec(t);
  if (sci) {
    const fracDigits = sci[2] ?? '';
    const exp = Number(sci[3]);
    const value = Number(`${sci[1]}.${fracDigits || '0'}e${exp}`);
    // "1,5E+03" is written to the hundreds: no decimals; "2,5E-03" to four decimals.
    return finite({ value, decimals: Math.max(0, fracDigits.length - exp) });
  }
  // ".5" / ",5": a decimal with no integer part, as en-US users and Excel accept.
  if (/^[.,]\d+$/.test(t)) return decimal('0', t.slice(1));
  if (!BODY.test(t)) return null;

  const parts = t.split(SPLIT);
  const runs = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1).map((c) => (GROUP_SPACES.includes(c) ? ' ' : c));
  if (seps.length === 0) return decimal(runs[0]!, '');

  const last = seps[seps.length - 1]!;
  if (seps.length === 1 && last !== ' ') {
    const [int, frac] = [runs[0]!, runs[1]!];
    // "927,818", "2.000": thousands or decimals? A leading zero or a 4+ digit head rules out grouping.
    if (frac.length === 3 && int.length <= 3 && int[0] !== '0') {
      const grouped = Number(int + frac);
      const dec = Number(`${int}.${frac}`);
      return last === '.' ? { value: grouped, alternative: dec, decimals: 0 } : { value: dec, alternative: grouped, decimals: 3 };
    }
    return decimal(int, frac);
  }

  // The last separator is the decimal mark when it is a "." or "," that occurs once and differs from the
  // grouping ("1.725.490,5", "1,725,490.5", "1 725 490,5"); otherwise every separator groups thousands.
  const lastIsDecimal = last !== ' ' && seps.filter((c) => c === last).length === 1;
  const groupSeps = lastIsDecimal ? seps.slice(0, -1) : seps;
  const groupRuns = lastIsDecimal ? runs.slice(0, -1) : runs;
  if (new Set(groupSeps).size !== 1) return null;
  const [head, ...rest] = groupRuns;
  if (!head || head.length > 3 || head[0] === '0' || rest.some((g) => g.length !== 3)) return null;
  return decimal(groupRuns.join(''), lastIsDecimal ? runs[runs.length - 1]! : '');
}

function decimal(int: string, frac: string): Body | null {
  return finite({ value: Number(frac ? `${int}.${frac}` : int), decimals: frac.length });
}

function finite(b: Body): Body | null {
  return Number.isFinite(b.value) ? b : null;
}

/** Precision as written: "107,64" → 2, "1.725.490" → 0, "> 90" → 0; 0 for anything that is not a number. */
export function decimalsOf(text: string): number {
  const r = readCellText(text);
  return r.kind === 'number' || r.kind === 'comparison' ? r.decimals : 0;
}

// ---- Decimal rounding on digit strings, so binary floats never leak into what is shown or compared. ----

/** |x| = digits × 10^exp, digits without leading or trailing zeros (except "0"). */
interface Decimal {
  negative: boolean;
  digits: string;
  exp: number;
}

/**
 * The decimal a person meant by x: 15 significant digits, as Excel keeps (0.1 + 0.2 → 0.3, 1.005 stays
 * 1.005), but never fewer than the integer digits, so large integers are kept exactly.
 */
function toDecimal(x: number): Decimal {
  const a = Math.abs(x);
  if (a === 0) return { negative: false, digits: '0', exp: 0 };
  const s = a < 1e15 ? a.toPrecision(15) : a.toExponential(); // toExponential(): shortest round-trip digits
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return { negative: false, digits: '0', exp: 0 }; // not reached for finite numbers
  const frac = m[2] ?? '';
  let digits = (m[1]! + frac).replace(/^0+(?=\d)/, '');
  let exp = Number(m[3] ?? 0) - frac.length;
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exp++;
  }
  return { negative: x < 0, digits, exp };
}

/** Half away from zero (as Excel's ROUND) to 10^-decimals, looking at the decimal digits only. */
function roundDecimal(d: Decimal, decimals: number): Decimal {
  if (d.exp >= -decimals) return d;
  const drop = -decimals - d.exp;
  const keep = d.digits.length - drop;
  if (keep < 0) return { negative: d.negative, digits: '0', exp: -decimals };
  let q = d.digits.slice(0, keep) || '0';
  if (d.digits[keep]! >= '5') q = increment(q);
  return { negative: d.negative, digits: q.replace(/^0+(?=\d)/, ''), exp: -decimals };
}

function increment(digits: string): string {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== '9') {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
    a[i] = '0';
  }
  return '1' + a.join('');
}

/** Clean integer count of decimals; NaN counts as 0. */
function wholeDecimals(decimals: number, min: number, max: number): number {
  if (Number.isNaN(decimals)) return 0;
  return Math.min(max, Math.max(min, Math.trunc(decimals)));
}

/**
 * Half-up (away from zero) rounding that survives binary floats: roundTo(1.005, 2) === 1.01.
 * Negative `decimals` round to tens, hundreds… Never returns -0; non-finite values pass through.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = wholeDecimals(decimals, -400, 400);
  return roundFast(value, d) ?? roundToDecimal(value, d);
}

/**
 * roundTo without the digit strings, where it is sure to give the same double: |x| < 1e15 (so the person's
 * decimal is x to 15 significant digits, within 5e-15 of x relatively) and 0 ≤ d ≤ 15 (10^d exact). Only a
 * value within that error of a tie (…,5 at the digit after d) can round otherwise: those return null and
 * take the decimal path. N ÷ 10^d and Number("Ne-d") are both the double nearest to N × 10^-d.
 */
function roundFast(x: number, d: number): number | null {
  if (d < 0 || d > 15) return null;
  const a = x < 0 ? -x : x;
  if (!(a < 1e15)) return null;
  const scale = POW10[d]!;
  const y = a * scale;
  if (!(y < 2 ** 52)) return null;
  const whole = Math.floor(y);
  const frac = y - whole;
  if (Math.abs(frac - 0.5) <= y * 1e-14 + 1e-300) return null;
  const n = frac > 0.5 ? whole + 1 : whole;
  return (x < 0 ? -n : n) / scale + 0;
}

const POW10 = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/** roundTo on digit strings: the reference roundFast must agree with (test/core/vnNumber.test.ts). */
export function roundToDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const r = roundDecimal(toDecimal(value), wholeDecimals(decimals, -400, 400));
  // Parsing the decimal string gives the double nearest to it, the same one readCellText yields.
  return Number(`${r.negative ? '-' : ''}${r.digits}e${r.exp}`) + 0;
}

/**
 * 1725490 → "1.725.490"; (107.64, 2) → "107,64"; (-1234.5, 1) → "-1.234,5".
 * Without `decimals`: as many as the number needs, up to 10, no trailing zeros.
 */
export function formatVietnameseNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const dec = toDecimal(value);
  const auto = decimals === undefined;
  const d = auto ? Math.min(10, Math.max(0, -dec.exp)) : wholeDecimals(decimals, 0, 100);
  const r = roundDecimal(dec, d);
  let int: string;
  let frac: string;
  if (r.exp >= 0) {
    int = r.digits + '0'.repeat(r.exp);
    frac = '';
  } else {
    const n = -r.exp;
    const padded = r.digits.padStart(n + 1, '0');
    int = padded.slice(0, -n);
    frac = padded.slice(-n);
  }
  frac = auto ? frac.replace(/0+$/, '') : frac.padEnd(d, '0');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const sign = r.negative && /[1-9]/.test(r.digits) ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/**
 * formatVietnameseNumber(roundTo(value, decimals)): the messages' way of writing a number. Without digit
 * strings when the rounded value is N × 10^-decimals with N of at most 15 digits (such a decimal comes back
 * from its double unchanged, so its digits are N's); through the two functions otherwise.
 */
export function formatRounded(value: number, decimals: number): string {
  const rounded = roundTo(value, decimals);
  const d = wholeDecimals(decimals, -400, 400);
  if (!Number.isFinite(rounded) || d < 0 || d > 10) return formatVietnameseNumber(rounded);
  const a = rounded < 0 ? -rounded : rounded;
  const n = Math.round(a * POW10[d]!);
  if (!(n < 1e15)) return formatVietnameseNumber(rounded);
  const scale = POW10[d]!;
  const rest = n % scale;
  const int = (n - rest) / scale;
  // The decimals without their trailing zeros, as formatVietnameseNumber writes them.
  let frac = '';
  if (rest !== 0) {
    let digits = rest;
    let places = d;
    while (digits % 10 === 0) {
      digits /= 10;
      places--;
    }
    frac = ',' + String(digits).padStart(places, '0');
  }
  const sign = rounded < 0 && n !== 0 ? '-' : '';
  return sign + groupThousands(String(int)) + frac;
}

/** "1725490" → "1.725.490": what formatVietnameseNumber's expression does, without one. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += '.' + digits.slice(i, i + 3);
  return out;
}
