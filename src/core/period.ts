// Report periods (kỳ báo cáo, CONTRACT.md "Periods"): `nam` the year, `<n>t` the first n months (cumulative,
// as reports write "9 tháng"), `q1`–`q4` one quarter alone. Read from what a person writes in the title
// block or on the command line: "Năm", "6 tháng", "9T", "Quý III", "Ước thực hiện năm", "tháng 10".
import type { Period, RawValue } from './types';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OF = ['', 'I', 'II', 'III', 'IV'];

export interface PeriodReading {
  period: Period;
  /** "ước thực hiện": an estimate filed before the period ends, not the official figure. */
  estimate: boolean;
}

/** A period as written, or null when the words say none. */
export function parsePeriod(text: string): PeriodReading | null {
  if (typeof text !== 'string') return null;
  let t = fold(text);
  const estimate = /\buoc\b/.test(t);
  t = t.replace(/\b(uoc )?(thuc hien|th|bao cao|ket qua)\b/g, ' ').replace(/\buoc\b/g, ' ').replace(/\b(dau nam|nam \d{4}|\d{4})\b/g, ' ').replace(/\s+/g, ' ').trim();
  const compact = t.replace(/\s+/g, '');
  let period: Period | null = null;
  if (compact === 'nam' || compact === 'canam' || compact === '12thang' || compact === '12t') period = 'nam';
  else if (compact === 'sauthang') period = '6t';
  else {
    let m = /^(\d{1,2})(t|thang)$/.exec(compact) ?? /^thang(\d{1,2})$/.exec(compact);
    if (m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= 12) period = n === 12 ? 'nam' : (`${n}t` as Period);
    } else {
      m = /^(?:q|quy)(i{1,3}|iv|[1-4])$/.exec(compact);
      if (m) {
        const q = ROMAN[m[1]!] ?? Number(m[1]);
        period = `q${q}` as Period;
      }
    }
  }
  return period ? { period, estimate } : null;
}

/** The title block's period cell: a period, or the year when it says none. */
export function readPeriod(value: RawValue): Period {
  return typeof value === 'string' ? parsePeriod(value)?.period ?? 'nam' : 'nam';
}

/** `--period` and a plan's kyBaoCao: nam, 6t, 9t, q3 … or their words. */
export function parsePeriodOption(text: string): Period | null {
  return parsePeriod(text)?.period ?? null;
}

/** Months a period covers: 12 for the year, n for `<n>t`, 3 for a quarter. */
export function monthsCovered(p: Period): number {
  if (p === 'nam') return 12;
  if (p.startsWith('q')) return 3;
  return Number(p.slice(0, -1));
}

/** What a flow is judged against, as a share of the year's plan: months covered ÷ 12 (levels: 1). */
export function paceOf(p: Period, nature: 'flow' | 'level'): number {
  return nature === 'flow' ? monthsCovered(p) / 12 : 1;
}

/** The period cell's text: "Năm", "6 tháng", "9 tháng", "Quý III". */
export function periodText(p: Period): string {
  if (p === 'nam') return 'Năm';
  if (p.startsWith('q')) return `Quý ${ROMAN_OF[Number(p.slice(1))]}`;
  return `${p.slice(0, -1)} tháng`;
}

/** In a sentence: "năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "quý III năm 2026". */
export function periodWords(p: Period, year?: number | null): string {
  const y = year ? ` ${year}` : '';
  if (p === 'nam') return `năm${y}`;
  if (p === '6t') return `6 tháng đầu năm${y}`;
  if (p.startsWith('q')) return `quý ${ROMAN_OF[Number(p.slice(1))]} năm${y}`;
  return `${p.slice(0, -1)} tháng năm${y}`;
}

/** The previous value a partial period compares with. */
export function previousWords(p: Period): string {
  return p === 'nam' ? 'năm trước' : 'cùng kỳ năm trước';
}

/** The periods the template's list offers. */
export const PERIOD_CHOICES: readonly Period[] = ['nam', '3t', '6t', '9t', '10t', 'q1', 'q2', 'q3', 'q4'];

/** The period's code as `--period` and the plan JSON's kyBaoCao write it ("nam", "6t", "9t", "q3"). */
export function periodCode(p: Period): string {
  return p;
}
