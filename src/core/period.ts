// The report period as a person writes it in the title block: "Năm", "6 tháng", "6T", "nam".
import type { Period, RawValue } from './types';

export function readPeriod(value: RawValue): Period {
  if (typeof value !== 'string') return 'nam';
  const t = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, '');
  return /^(6t|6thang|sauthang)/.test(t) ? '6t' : 'nam';
}

export function parsePeriodOption(text: string): Period | null {
  const t = text.trim().toLowerCase();
  if (t === 'nam' || t === 'năm') return 'nam';
  if (t === '6t' || t === '6 tháng' || t === '6thang') return '6t';
  return null;
}

/** The period's code as `--period` and the plan JSON's kyBaoCao write it ("nam", "6t", "9t", "q3"). */
export function periodCode(p: Period): string {
  return p;
}
