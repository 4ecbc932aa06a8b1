// How the engine writes numbers and units in its Vietnamese messages.
import { formatRounded, formatVietnameseNumber } from './vnNumber';

/** A number as a Vietnamese reader expects it, rounded to a sensible precision for a message. */
export function fmt(value: number, decimals?: number): string {
  const d = decimals ?? (Math.abs(value) >= 100000 ? 0 : Math.abs(value) >= 1 ? 3 : 4);
  return formatRounded(value, d);
}

// A plan has a handful of unit labels and its messages write them over and over: each is lower-cased once.
const lowered = new Map<string, string>();
function lowerCase(label: string): string {
  let l = lowered.get(label);
  if (l === undefined) {
    l = label.toLowerCase();
    if (lowered.size < 1000) lowered.set(label, l);
  }
  return l;
}

/** "4.449 tỷ đồng", "95 %", "1,5 điểm %" */
export function withUnit(value: number, unitLabel: string, decimals?: number): string {
  const unit = lowerCase(unitLabel);
  if (!unit || unit === 'đạt/chưa đạt') return fmt(value, decimals);
  return unit === '%' || unit === '‰' ? `${fmt(value, decimals)}${unit}` : `${fmt(value, decimals)} ${unit}`;
}

/** 1000 → "1.000", 1e6 → "1.000.000" */
export function powerOfThousand(k: number): string {
  return formatVietnameseNumber(1000 ** Math.abs(k));
}
