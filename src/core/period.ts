// Report periods (kỳ báo cáo, CONTRACT.md "Periods"): `nam` the year, `<n>t` the first n months (cumulative,
// as reports write "9 tháng"), `q1`–`q4` one quarter alone. Read from what a person writes in the title
// block or on the command line: "Năm", "6 tháng", "9T", "Quý III", "Ước thực hiện năm", "tháng 10".
import type { Period, RawValue, Report, WorkbookSnapshot } from './types';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OF = ['', 'I', 'II', 'III', 'IV'];

export interface PeriodReading {
  period: Period;
  /**
   * true: "ước thực hiện", an estimate filed before the period ends; false: "chính thức", the official
   * figure; absent when the words say neither (the seed's "Năm", "6 tháng").
   */
  estimate?: boolean;
}

/** A period as written, or null when the words say none (or say both "ước" and "chính thức"). */
export function parsePeriod(text: string): PeriodReading | null {
  if (typeof text !== 'string') return null;
  // "9t-uoc", "uoc_9t", "9t.ct": the command line's codes join their words with - _ . or /.
  let t = fold(text).replace(/[-_./]+/g, ' ');
  const said = /\buoc\b/.test(t);
  const official = /\b(chinh thuc|ct)\b/.test(t);
  if (said && official) return null;
  t = t.replace(/\b(uoc )?(thuc hien|th|bao cao|ket qua)\b/g, ' ').replace(/\b(uoc|chinh thuc|ct|so)\b/g, ' ');
  // "năm 2026" alone ("Ước thực hiện năm 2026", "cả năm 2026") is the year; after a period it only dates it.
  const yearNamed = /\bnam \d{4}\b/.test(t);
  t = t.replace(/\b(dau nam|nam \d{4}|\d{4})\b/g, ' ').replace(/\s+/g, ' ').trim();
  const left = t.replace(/\s+/g, '');
  const compact = yearNamed && (left === '' || left === 'ca') ? 'nam' : left;
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
  if (!period) return null;
  return said ? { period, estimate: true } : official ? { period, estimate: false } : { period };
}

/** The title block's period cell: a period, or the year when it says none. */
export function readPeriod(value: RawValue): Period {
  return readPeriodCell(value).period;
}

/** The title block's period cell with its "ước" / "chính thức": the year, unstated, when it says no period. */
export function readPeriodCell(value: RawValue): PeriodReading {
  return (typeof value === 'string' ? parsePeriod(value) : null) ?? { period: 'nam' };
}

/** `--period` and a plan's kyBaoCao: nam, 6t, 9t, q3 … or their words. */
export function parsePeriodOption(text: string): Period | null {
  return parsePeriod(text)?.period ?? null;
}

/**
 * The period the command line asks for, over the one the workbook's cell says: `--period 9t` changes the
 * period and keeps the cell's "ước" / "chính thức"; `--period 9t-uoc` (or "9t-ct") sets both.
 */
export function overridePeriod(cell: PeriodReading, option: Period | PeriodReading | undefined): PeriodReading {
  if (!option) return cell;
  const o = typeof option === 'string' ? { period: option } : option;
  const estimate = o.estimate ?? cell.estimate;
  return estimate === undefined ? { period: o.period } : { period: o.period, estimate };
}

/** The report with its "uoc" field (after `period`, as the JSON shows it) when the figures say ước or chính thức. */
export function withEstimate(report: Report, estimate: boolean | undefined): Report {
  if (estimate === undefined) return report;
  const { period, uoc: _, ...rest } = report;
  return { period, uoc: estimate, ...rest };
}

/** A snapshot's period fields from the title block's cell and an override: `{ period }`, plus `estimate` when stated. */
export function snapshotPeriod(cell: RawValue, override?: Period | PeriodReading): Pick<WorkbookSnapshot, 'period' | 'estimate'> {
  return overridePeriod(readPeriodCell(cell), override);
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

/**
 * The period cell's text: "Năm", "6 tháng", "9 tháng", "Quý III"; an estimate "Ước thực hiện 9 tháng",
 * "Ước thực hiện năm", "Ước thực hiện quý III"; the official figure stated "Chính thức 9 tháng".
 */
export function periodText(p: Period, estimate?: boolean): string {
  const plain = p === 'nam' ? 'Năm' : p.startsWith('q') ? `Quý ${ROMAN_OF[Number(p.slice(1))]}` : `${p.slice(0, -1)} tháng`;
  if (estimate === undefined) return plain;
  const lower = plain.startsWith('Năm') || plain.startsWith('Quý') ? plain.charAt(0).toLowerCase() + plain.slice(1) : plain;
  return `${estimate ? ESTIMATE_WORDS : OFFICIAL_WORDS} ${lower}`;
}

/** How the period cell and the report's sentences say an estimate, and an official figure stated as such. */
export const ESTIMATE_WORDS = 'Ước thực hiện';
export const OFFICIAL_WORDS = 'Chính thức';

/** How the report paragraph opens: "Ước thực hiện" (an estimate, and when unstated, as reports write), "Thực hiện". */
export function doneWords(estimate: boolean | undefined): string {
  return estimate === false ? 'Thực hiện' : ESTIMATE_WORDS;
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

/**
 * The periods the list also offers as estimates ("Ước thực hiện 9 tháng"): every one but 3 tháng, so that
 * the list stays within the 255 characters Excel allows a list's text.
 */
export const ESTIMATE_CHOICES: readonly Period[] = PERIOD_CHOICES.filter((p) => p !== '3t');

/** A choice of the period list: the period, and true for its estimate. */
export interface PeriodChoice {
  period: Period;
  estimate?: boolean;
}

/** The list's choices in order: each period, then its estimate ("9 tháng", "Ước thực hiện 9 tháng"). */
export const PERIOD_LIST: readonly PeriodChoice[] = PERIOD_CHOICES.flatMap((period) =>
  ESTIMATE_CHOICES.includes(period) ? [{ period }, { period, estimate: true }] : [{ period }]);

/** The period's code as `--period` and the plan JSON's kyBaoCao write it ("nam", "6t", "9t", "q3"; "9t-uoc", "9t-ct"). */
export function periodCode(p: Period, estimate?: boolean): string {
  return estimate === undefined ? p : `${p}-${estimate ? 'uoc' : 'ct'}`;
}
