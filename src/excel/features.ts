// What this Excel can do beyond the manifest's minimum (ExcelApi 1.4: values, formulas, formats, names,
// settings). Richer features switch on at run time; the task pane tells the user which are off.
// A member above 1.4 is used only under `if (features.K)` (or `features.K && …`, or after
// `if (!features.K) return`), or in a function only such code calls: test/excel/requirementSets.test.ts
// resolves every member to its "[Api set: …]" in @types/office-js and enforces it.

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface Features {
  /** Data validation on input cells (ExcelApi 1.8). */
  validation: boolean;
  /** Conditional formatting of the status column (1.6). */
  conditionalFormats: boolean;
  /** Frozen header (1.7). */
  freezePanes: boolean;
  /** Live re-check when a value cell is edited (worksheet.onChanged, 1.7). */
  onChanged: boolean;
  /** A4 landscape print setup (1.9). */
  pageLayout: boolean;
  /** Merged header cells read when recognising a table of the user's own (Range.getMergedAreasOrNullObject, 1.13). */
  merges: boolean;
}

export const FEATURE_SETS: Record<keyof Features, { version: string; label: string }> = {
  validation: { version: '1.8', label: 'Kiểm tra dữ liệu khi nhập (Data Validation)' },
  conditionalFormats: { version: '1.6', label: 'Tô màu cột Đánh giá (định dạng có điều kiện)' },
  freezePanes: { version: '1.7', label: 'Cố định dòng tiêu đề' },
  onChanged: { version: '1.7', label: 'Tự kiểm tra lại khi sửa ô' },
  pageLayout: { version: '1.9', label: 'Thiết lập trang in A4 ngang' },
  merges: { version: '1.13', label: 'Đọc ô gộp khi nhận dạng bảng có sẵn (tiêu đề hai tầng được đọc theo chữ)' },
};

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const on = (k: keyof Features) => isSetSupported('ExcelApi', FEATURE_SETS[k].version);
  return { validation: on('validation'), conditionalFormats: on('conditionalFormats'), freezePanes: on('freezePanes'), onChanged: on('onChanged'), pageLayout: on('pageLayout'), merges: on('merges') };
}

export const ALL_FEATURES: Features = { validation: true, conditionalFormats: true, freezePanes: true, onChanged: true, pageLayout: true, merges: true };

/** The features this Excel lacks, in words for the task pane (requirement-set versions are for the README, not the user). */
export function missingFeatures(f: Features): string[] {
  return (Object.keys(FEATURE_SETS) as (keyof Features)[]).filter((k) => !f[k]).map((k) => FEATURE_SETS[k].label);
}
