// Reading one cell of the template into a value the rules can use, with what a person would want to
// know about how it was typed: a number typed as text, an error value, text that is no number at all.
import type { CellSnapshot, FindingCode } from './types';
import { readCellText, type CellReading } from './vnNumber';
import { writtenDecimals } from './precision';
import { fmt } from './format';

/** What a cell is expected to hold. */
export type Expect = 'number' | 'plan-gt' | 'criteria' | 'pass';

export interface Issue {
  code: FindingCode;
  message: string;
}

export interface ReadValue {
  /** A number, or for `pass` cells true (Đạt) / false (Chưa đạt); null when empty or unusable. */
  value: number | boolean | null;
  /** Precision as written (number format or typed digits); null when unknown. */
  decimals: number | null;
  /** Nothing in the cell. */
  empty: boolean;
  issues: Issue[];
}

/** Shared by every reading without an issue: nothing adds to a reading's issues after it is made. */
const NO_ISSUES: Issue[] = [];
const EMPTY: ReadValue = { value: null, decimals: null, empty: true, issues: NO_ISSUES };

/**
 * @param reference a value the cell should be near (the plan, the previous year): picks the reading of an
 *   ambiguous text such as "2.000" (two thousand, or two?).
 */
export function readCell(cell: CellSnapshot | undefined, expect: Expect, reference?: number | null): ReadValue {
  if (!cell) return EMPTY;
  const raw = cell.value;
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'object') {
    return bad('formula-error', `Ô đang báo lỗi ${raw.error} — công thức hoặc dữ liệu nguồn bị lỗi.`);
  }
  if (typeof raw === 'boolean') {
    return bad('not-a-number', `Ô chứa giá trị ${raw ? 'TRUE' : 'FALSE'}, không phải một số.`);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return bad('not-a-number', 'Ô chứa giá trị không phải số hữu hạn.');
    if (expect === 'pass') return bad('out-of-range', `Ô chỉ nhận "Đạt" hoặc "Chưa đạt", đang có số ${fmt(raw)}.`);
    return { value: raw, decimals: writtenDecimals(raw, cell.numberFormat), empty: false, issues: NO_ISSUES };
  }
  return readText(raw, expect, reference);
}

function readText(text: string, expect: Expect, reference?: number | null): ReadValue {
  const r: CellReading = readingOf(text);
  const shown = `"${text.trim()}"`;
  switch (r.kind) {
    case 'empty':
      return EMPTY;
    case 'number': {
      if (expect === 'pass') return bad('out-of-range', `Ô chỉ nhận "Đạt" hoặc "Chưa đạt", đang có ${shown}.`);
      let value = r.value;
      let note = '';
      if (r.ambiguous && r.alternative !== undefined) {
        if (reference && nearer(r.alternative, value, reference)) [value] = [r.alternative];
        const other = value === r.value ? r.alternative : r.value;
        note = ` Cách viết này có hai cách hiểu: đã chọn ${fmt(value)}${reference ? ' (gần giá trị đối chiếu hơn)' : ''}, cũng có thể là ${fmt(other)} — hãy kiểm tra.`;
      }
      return {
        value,
        decimals: r.decimals,
        empty: false,
        issues: [{ code: 'number-as-text', message: `Số ${shown} được nhập dưới dạng chữ; đã đọc là ${fmt(value)}. Nên nhập thành ô số.${note}` }],
      };
    }
    case 'comparison':
      if (expect === 'plan-gt') return { value: r.value, decimals: r.decimals, empty: false, issues: NO_ISSUES };
      return bad('not-a-number', `Ô có ${shown}: cần nhập một số cụ thể, không phải một điều kiện.`);
    case 'fraction':
      if (expect === 'criteria') return { value: r.numerator, decimals: 0, empty: false, issues: NO_ISSUES };
      return bad('not-a-number', `Ô có ${shown}, không phải một số.`);
    case 'pass':
      if (expect === 'pass') return { value: r.achieved, decimals: null, empty: false, issues: NO_ISSUES };
      return bad('not-a-number', `Ô có ${shown}: chỉ tiêu này cần một số, không phải Đạt/Chưa đạt.`);
    case 'decrease':
      return bad('not-a-number', `Ô có ${shown}: cần nhập số liệu cụ thể.`);
    case 'invalid':
      if (expect === 'pass') return bad('out-of-range', `Ô chỉ nhận "Đạt" hoặc "Chưa đạt", đang có ${shown}.`);
      return bad('not-a-number', `Ô có ${shown}, không đọc được thành số.`);
  }
  return bad('not-a-number', `Ô có ${shown}, không đọc được thành số.`);
}

// The same texts come back in every unit's workbook ("Đạt", "Giảm", "19/19" in the plan column): each is
// read once. A bounded memo, so a hostile file cannot grow it; readings are only read, never changed.
const readings = new Map<string, CellReading>();
function readingOf(text: string): CellReading {
  let r = readings.get(text);
  if (r === undefined) {
    r = readCellText(text);
    if (readings.size < 1000 && text.length <= 100) readings.set(text, r);
  }
  return r;
}

/** Is `a` nearer to `ref` than `b`, on a ratio scale (2 vs 2.000 against a plan of 2.000)? */
function nearer(a: number, b: number, ref: number): boolean {
  const dist = (x: number) => (x === 0 || ref === 0 ? Infinity : Math.abs(Math.log(Math.abs(x / ref))));
  return dist(a) < dist(b);
}

function bad(code: FindingCode, message: string): ReadValue {
  return { value: null, decimals: null, empty: false, issues: [{ code, message }] };
}
