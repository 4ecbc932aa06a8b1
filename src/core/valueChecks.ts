// Checks of one value against what its unit allows and against the magnitude it should have.
import { UNITS, type UnitKind } from './units';
import type { Issue } from './reading';
import { fmt, powerOfThousand, withUnit } from './format';

/** `out-of-range`: outside what the unit allows (a % above 100, a negative amount, 2,5 people …). */
export function rangeIssue(value: number, unit: UnitKind, unitLabel: string, criteriaOf?: number): Issue | null {
  const u = UNITS[unit];
  // The label only goes into a message: lower-cased when there is one to write.
  const label = () => unitLabel.toLowerCase();
  if (u.min !== undefined && value < u.min) {
    return { code: 'out-of-range', message: `Giá trị ${fmt(value)} âm: ${label()} không thể nhỏ hơn ${fmt(u.min)}.` };
  }
  if (u.max !== undefined && value > u.max) {
    return { code: 'out-of-range', message: `Giá trị ${fmt(value)}${label()} vượt quá ${fmt(u.max)}${label()}, mức tối đa của đơn vị tính.` };
  }
  if (u.integer && !Number.isInteger(value)) {
    return { code: 'out-of-range', message: `Giá trị ${fmt(value, 4)} không phải số nguyên: số ${label()} phải là số đếm.` };
  }
  if (unit === 'criteria' && criteriaOf !== undefined && value > criteriaOf) {
    return { code: 'out-of-range', message: `Đạt ${fmt(value)} tiêu chí nhưng bộ tiêu chí chỉ có ${fmt(criteriaOf)}.` };
  }
  return null;
}

/** A plan growth index (107,64) must be a positive percentage of last year. */
export function indexRangeIssue(value: number): Issue | null {
  if (value > 0 && value < 1000) return null;
  return { code: 'out-of-range', message: `Chỉ số kế hoạch ${fmt(value)}% không hợp lý: phải là phần trăm so với năm trước (ví dụ 107,64).` };
}

/** The power k (±1…±3) such that value ≈ reference × 1000^k, or 0. "About": within a factor of 4. */
export function thousandPower(value: number, reference: number): number {
  if (!(value > 0) || !(reference > 0)) return 0;
  const ratio = value / reference;
  const k = Math.round(Math.log10(ratio) / 3);
  if (k === 0 || Math.abs(k) > 3) return 0;
  const rest = ratio / 1000 ** k;
  return rest >= 0.25 && rest <= 4 ? k : 0;
}

export interface Reference {
  value: number;
  /** "kế hoạch", "năm trước" */
  what: string;
}

/**
 * `unit-slip`: the magnitude says another unit — off a reference by about a power of 1 000 (đồng typed
 * for triệu đồng), or a % typed as a fraction (0,95 for 95).
 */
export function unitSlipIssue(value: number, unit: UnitKind, unitLabel: string, refs: readonly Reference[]): Issue | null {
  const u = UNITS[unit];
  for (const ref of refs) {
    if (u.magnitudeSlip) {
      const k = thousandPower(value, ref.value);
      if (k !== 0) {
        const times = powerOfThousand(k);
        const hint = k > 0 ? slipHintBigger(unit, k) : slipHintSmaller(unit, k);
        const dir = k > 0 ? `gấp khoảng ${times} lần` : `chỉ bằng khoảng 1/${times}`;
        return {
          code: 'unit-slip',
          message: `Giá trị ${fmt(value)} ${dir} ${ref.what} ${withUnit(ref.value, unitLabel)} — ${hint}`,
        };
      }
    }
    if (unit === 'percent' && value > 0 && value <= 1 && ref.value >= 1) {
      const asPercent = value * 100;
      const near = (x: number) => x / ref.value >= 0.25 && x / ref.value <= 4;
      if (near(asPercent) && !near(value)) {
        return {
          code: 'unit-slip',
          message: `Giá trị ${fmt(value, 4)} trông như tỷ lệ viết dạng thập phân (${fmt(asPercent)}%?); ${ref.what} là ${withUnit(ref.value, '%')}. Hãy nhập theo phần trăm.`,
        };
      }
    }
  }
  return null;
}

function slipHintBigger(unit: UnitKind, k: number): string {
  if (unit === 'trieu-dong' || unit === 'trieu-dong-ha') return k === 2 ? 'có thể đã nhập theo đồng?' : k === 1 ? 'có thể đã nhập theo nghìn đồng?' : 'có thể nhầm đơn vị tính?';
  if (unit === 'ty-dong') return k === 3 ? 'có thể đã nhập theo đồng?' : k === 2 ? 'có thể đã nhập theo nghìn đồng?' : 'có thể đã nhập theo triệu đồng?';
  if (unit === 'trieu-usd') return k === 2 ? 'có thể đã nhập theo USD?' : 'có thể đã nhập theo nghìn USD?';
  return 'có thể nhầm đơn vị tính?';
}

function slipHintSmaller(unit: UnitKind, k: number): string {
  if (unit === 'trieu-dong' && k === -1) return 'có thể đã nhập theo tỷ đồng?';
  if (unit === 'ty-dong' && k === -1) return 'có thể đã nhập theo nghìn tỷ đồng?';
  return 'có thể nhầm đơn vị tính?';
}
