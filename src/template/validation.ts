// Native data validation of the template's input cells: units and ranges, with a Vietnamese prompt that
// names the unit and the plan. Pasting bypasses it in Excel, so the engine checks everything again.
import type { Indicator } from '../core/catalog';
import { UNITS } from '../core/units';
import type { InputColumn, Period } from '../core/types';
import { periodGoal, periodShortWords } from '../core/periodPlan';
import { formatVietnameseNumber } from '../core/vnNumber';

export interface ValidationSpec {
  type: 'decimal' | 'whole' | 'list';
  operator?: 'between' | 'greaterThanOrEqual';
  min?: number;
  max?: number;
  list?: readonly string[];
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export const PASS_LIST = ['Đạt', 'Chưa đạt'] as const;

const COLUMN_WORDS: Record<InputColumn, string> = {
  KH: 'Kế hoạch năm',
  KHTT: 'Chỉ số kế hoạch (% so năm trước)',
  TN: 'Số cùng kỳ / năm trước',
  TH: 'Số thực hiện',
};

/** Excel limits prompt and error text to 255 characters and titles to 32. */
const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

export function validationFor(ind: Indicator, column: InputColumn, planText: string): ValidationSpec | null {
  const unit = UNITS[ind.unit];
  const title = clip(`${column === 'KHTT' ? 'Chỉ số KH' : COLUMN_WORDS[column]}`, 32);
  const unitWords = ind.unitLabel ? `Đơn vị tính: ${ind.unitLabel}.` : '';
  const planWords = planText ? ` Kế hoạch: ${planText}.` : '';
  const base = (prompt: string, error: string) => ({
    promptTitle: title,
    prompt: clip(prompt, 255),
    errorTitle: clip('Giá trị không hợp lệ', 32),
    error: clip(error, 255),
  });
  if (column === 'KHTT') {
    return { type: 'decimal', operator: 'between', min: 0, max: 1000, ...base(`Chỉ số phát triển theo giá so sánh, % so năm trước (ví dụ 107,64).${planWords}`, 'Nhập chỉ số dạng phần trăm so với năm trước, từ 0 đến 1.000.') };
  }
  if (ind.rule === 'decrease' && column === 'KH') return null;
  if (ind.rule === 'pass') {
    return { type: 'list', list: PASS_LIST, ...base(`Chọn "Đạt" hoặc "Chưa đạt".`, 'Chỉ nhận "Đạt" hoặc "Chưa đạt".') };
  }
  // The plan's own figures for periods (keHoachKy) live in the hidden plan sheet: the TH prompt shows them.
  const goals = column === 'TH' ? Object.keys(ind.periodPlans ?? {}).map((k) => periodGoal(ind, k as Period)).filter((g) => g !== null) : [];
  const periodWords = goals.length ? ` Kế hoạch kỳ: ${goals.map((g) => `${periodShortWords(g.period)} ${g.text}`).join('; ')}.` : '';
  const what = `${COLUMN_WORDS[column]}. ${unitWords}${column === 'KH' ? '' : planWords}${periodWords}`.trim();
  if (ind.plan.kind === 'criteria') {
    const n = ind.plan.of;
    return { type: 'whole', operator: 'between', min: 0, max: n, ...base(`${what} Nhập số tiêu chí đạt (0–${n}).`, `Số tiêu chí đạt phải là số nguyên từ 0 đến ${n}.`) };
  }
  const min = unit.min ?? 0;
  if (unit.max !== undefined) {
    return { type: unit.integer ? 'whole' : 'decimal', operator: 'between', min, max: unit.max, ...base(what, `Giá trị phải từ ${min} đến ${formatVietnameseNumber(unit.max)} ${ind.unitLabel}.`) };
  }
  return {
    type: unit.integer ? 'whole' : 'decimal', operator: 'greaterThanOrEqual', min,
    ...base(what, `Giá trị phải là ${unit.integer ? 'số nguyên ' : 'số '}không âm, theo đơn vị ${ind.unitLabel.toLowerCase()}.`),
  };
}

/** The optional weight (quyền số) of a rate row: what the rate is a share of, never negative. */
export function weightValidation(ind: Indicator): ValidationSpec {
  return {
    type: 'decimal', operator: 'greaterThanOrEqual', min: 0,
    promptTitle: 'Quyền số (không bắt buộc)',
    prompt: clip(`${ind.weight ?? ''}. Chỉ cần khi tổng hợp nhiều đơn vị: tỷ lệ của các đơn vị được tính bình quân theo quyền số này thay vì để trống.`, 255),
    errorTitle: 'Giá trị không hợp lệ',
    error: 'Quyền số là số không âm (dân số, số hộ, diện tích…).',
  };
}
