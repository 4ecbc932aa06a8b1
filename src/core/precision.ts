import type { Indicator } from './catalog';
import { decimalsOf } from './vnNumber';

// "A plan is compared at the precision in which it is written" (CONTRACT.md). In a workbook the written
// precision of a number is its cell's number format (the template writes 107,64 as `0.00`); a cell in the
// General format shows the number's own digits.

const formatDecimals = new Map<string, number | null>();

/** Decimals shown by an en-US number format code ("#,##0.00" → 2, "0" → 0); null for General or none. */
export function decimalsOfFormat(format: string | undefined | null): number | null {
  if (!format) return null;
  // A workbook has few formats and many cells: each is parsed once (a bounded memo, for hostile files).
  const known = formatDecimals.get(format);
  if (known !== undefined) return known;
  const d = parseFormatDecimals(format);
  if (formatDecimals.size < 1000) formatDecimals.set(format, d);
  return d;
}

function parseFormatDecimals(format: string): number | null {
  const first = stripLiterals(format).split(';')[0] ?? '';
  if (/general/i.test(first) || !/[0#?]/.test(first)) return null;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1]!.length : 0;
}

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

/** Decimals a number shows on its own (0.05 → 2, 110 → 0), capped so float noise does not count. */
export function decimalsOfValue(value: number): number {
  if (!Number.isFinite(value)) return 0;
  for (let d = 0; d <= 6; d++) {
    if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-9 * Math.max(1, Math.abs(value) * 10 ** d)) return d;
  }
  return 6;
}

export function writtenDecimals(value: number, format: string | undefined | null): number {
  return decimalsOfFormat(format) ?? decimalsOfValue(value);
}

/** Written precision of the default plan's value (1.725.490 → 0, 927,818 → 3, 33,00 → 2). */
export function planDecimals(ind: Indicator, measure: 'sp' | 'sx' | null): number {
  const p = ind.plan;
  const bare = (t: string) => decimalsOf(t.replace(/^[<>≥≤=\s]+/, ''));
  if (p.kind === 'growth') return bare(p[measure ?? 'sp'].value.text);
  if (p.kind === 'number' || p.kind === 'indexed') return bare(p.value.text);
  if (p.kind === 'range') return Math.max(bare(p.from.text), bare(p.to.text));
  return 0;
}

export function indexDecimals(ind: Indicator, measure: 'sp' | 'sx' | null): number {
  if (ind.plan.kind === 'growth') return decimalsOf(ind.plan[measure ?? 'sp'].index.text);
  if (ind.plan.kind === 'indexed') return decimalsOf(ind.plan.index.text);
  return 0;
}
