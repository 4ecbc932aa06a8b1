// The plan JSON of CONTRACT.md ("Plans of any unit"), as plain types: what `chitieu plan` writes, what
// `template --plan` reads, what a workbook carries and what table recognition matches against. The
// internal plan model (src/core/plan*.ts) is built from it; this file only names the public shape.

/** Rule vocabulary (quyTac): the eight rules of the seed plan and the five added for plans of any unit. */
export type PlanRule =
  | 'min' // đạt X, X trở lên: actual ≥ plan
  | 'max' // không quá X, giảm … còn X: actual ≤ plan
  | 'gt' // trên X, hơn X: actual > plan
  | 'lt' // dưới X: actual < plan
  | 'reduce' // giảm X (điểm %, hộ): previous − actual ≥ plan, in the target's own unit
  | 'decrease' // giảm (no figure): actual < previous
  | 'increase' // tăng (no figure): actual > previous
  | 'criteria' // x/N tiêu chí
  | 'pass' // Đạt / Chưa đạt
  | 'growth' // a value and a growth index at constant prices (chiSo)
  | 'growth-rate' // tăng X% with no absolute value
  | 'structure' // chiếm X%: reported, shares of a group add up to 100
  | 'info'; // stated for information only

export const PLAN_RULES: readonly PlanRule[] = [
  'min', 'max', 'gt', 'lt', 'reduce', 'decrease', 'increase', 'criteria', 'pass', 'growth', 'growth-rate', 'structure', 'info',
];

/** A range target "6,5 – 7,0": the lower end must be reached (the upper end for max/lt). */
export interface PlanRange {
  tu: number;
  den: number;
}

/**
 * keHoach: a number (or a number written the Vietnamese way, "927,818", keeping its precision), a range,
 * "x/N" for criteria, "Đạt" for pass, null for info/increase/decrease.
 */
export type PlanTarget = number | string | PlanRange | null;

/** tinhChat: cong-don = a flow (summed over time and units), thoi-diem = a level (rate, ratio, state). */
export type PlanNature = 'cong-don' | 'thoi-diem';

/** One measure of a growth row with two measures (the seed's sp = giá trị sản phẩm, sx = giá trị sản xuất). */
export interface PlanMeasureJson {
  keHoach: number | string;
  chiSo: number | string;
}

export interface PlanEntryJson {
  tenChiTieu: string;
  donViTinh: string;
  quyTac?: PlanRule;
  keHoach?: PlanTarget;
  /** Plan growth index at constant prices (% of last year), growth rows. */
  chiSo?: number | string;
  /** "khoảng X": approximate. */
  khoang?: boolean;
  /**
   * The plan's own figure for a report period, by period code ("6t", "9t", "q3": src/core/period.ts), in
   * the entry's unit: a number (or Vietnamese text) or a range. Absent: the year's plan paced by months.
   */
  keHoachKy?: Record<string, number | string | PlanRange>;
  tinhChat?: PlanNature;
  /** Seed form: the two measures of a growth row. */
  sp?: PlanMeasureJson;
  sx?: PlanMeasureJson;
  ghiChu?: string;
  /** `chitieu plan --json`: the 1-based line of the text this entry was read from. */
  dong?: number;
  // Extensions (documented in the JSON Schema): structure the contract leaves to the project.
  /** Heading this entry sits under (its id). */
  nhom?: string;
  /** Ids of components that add up to this total. */
  thanhPhan?: string[];
  /** "trong đó": id of the whole this entry is a part of. */
  thuoc?: string;
  /** What a rate is a share of, for averaging across units ("Dân số (người)"). */
  quyenSo?: string;
  /** Heading rows: no figure, no rule; `tatCa: true` when achieved only if all its indicators are. */
  tieuDe?: boolean;
  tatCa?: boolean;
  /** TT as the table prints it ("-", "+", "a"), when it is not the id. */
  tt?: string;
}

export interface PlanJson {
  nam?: number;
  donVi?: string;
  /** Base year of constant prices: 2010 or 2020. */
  namGocGia?: number;
  kyBaoCao?: string;
  ghiChu?: string;
  chiTieu: Record<string, PlanEntryJson>;
  /**
   * The plan's order of ids, when the JSON may be read by a tool that does not keep the text's key order
   * (JavaScript puts "1", "2" before "1.1"); absent, the order of the text.
   */
  thuTu?: string[];
  /** `chitieu plan --json`: lines that hold a figure but were not understood. */
  khongDoc?: { dong: number; van: string }[];
}
