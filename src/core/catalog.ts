// The plan catalog: every indicator of section II of the district plan
// (test/fixtures/seed/ke-hoach-thi-dua-2023.txt) as typed data. This is the *default* plan the template is
// prefilled with; checks always read the plan from the workbook's KH/KHTT cells.
import type { Measure, Nature, RuleKind } from './types';
import type { UnitKind } from './units';

/** A plan figure as written in the plan (text keeps the written precision) and as a number. */
export interface PlanFigure {
  value: number;
  text: string;
}

export interface GrowthPlan {
  value: PlanFigure;
  /** Plan growth index at constant prices, % of last year. */
  index: PlanFigure;
}

export type IndicatorPlan =
  | { kind: 'growth'; sp: GrowthPlan; sx: GrowthPlan }
  | { kind: 'number'; value: PlanFigure }
  | { kind: 'criteria'; required: number; of: number; text: string }
  | { kind: 'pass'; text: 'Đạt' }
  | { kind: 'decrease'; text: 'Giảm' };

export interface Indicator {
  id: string;
  /** TT as printed in the template's first column. */
  tt: string;
  name: string;
  unit: UnitKind;
  /** Unit label as the plan writes it (ĐVT column). */
  unitLabel: string;
  rule: RuleKind;
  nature: Nature;
  plan: IndicatorPlan;
  /** Heading row this indicator sits under (8, 15, 22, QP.2), if any. */
  heading?: string;
  /** Components that add up to this total (1 = 1.1 + 1.2 + 1.3). */
  components?: string[];
  /** "trong đó": this row is a part of that whole and never exceeds it. */
  partOf?: string;
  /**
   * Rates and levels: what the rate is a share of (its denominator), entered in the template's optional
   * "Quyền số" column (QS_<id>) so that consolidation can average units by it instead of leaving it empty.
   */
  weight?: string;
}

export interface Heading {
  id: string;
  tt: string;
  name: string;
  /** For QP.2 "giảm cả 3 mặt": the heading is achieved only when all its indicators are. */
  allOf?: boolean;
}

const fig = (value: number, text: string): PlanFigure => ({ value, text });
const growth = (v: number, vt: string, i: number, it: string): GrowthPlan => ({ value: fig(v, vt), index: fig(i, it) });
const num = (value: number, text: string): IndicatorPlan => ({ kind: 'number', value: fig(value, text) });
const PASS: IndicatorPlan = { kind: 'pass', text: 'Đạt' };
const DECREASE: IndicatorPlan = { kind: 'decrease', text: 'Giảm' };

export const MEASURES: readonly Measure[] = ['sp', 'sx'];
export const MEASURE_NAMES: Record<Measure, string> = { sp: 'Giá trị sản phẩm', sx: 'Giá trị sản xuất' };

export const INDICATORS: readonly Indicator[] = [
  {
    id: '1', tt: '1', name: 'Tổng giá trị các ngành sản xuất chính', unit: 'trieu-dong', unitLabel: 'Triệu đồng',
    rule: 'growth', nature: 'flow', components: ['1.1', '1.2', '1.3'],
    plan: { kind: 'growth', sp: growth(6886145, '6.886.145', 107.64, '107,64'), sx: growth(20789767, '20.789.767', 113.32, '113,32') },
  },
  {
    id: '1.1', tt: '-', name: 'Nông, lâm, thủy sản', unit: 'trieu-dong', unitLabel: 'Triệu đồng', rule: 'growth', nature: 'flow',
    plan: { kind: 'growth', sp: growth(1725490, '1.725.490', 103.5, '103,50'), sx: growth(1919054, '1.919.054', 103.5, '103,5') },
  },
  {
    id: '1.2', tt: '-', name: 'Công nghiệp - xây dựng', unit: 'trieu-dong', unitLabel: 'Triệu đồng', rule: 'growth', nature: 'flow',
    components: ['1.2.1', '1.2.2'],
    plan: { kind: 'growth', sp: growth(2890342, '2.890.342', 109.09, '109,09'), sx: growth(4870247, '4.870.247', 111.71, '111,71') },
  },
  {
    id: '1.2.1', tt: '+', name: 'Trong đó: Công nghiệp', unit: 'trieu-dong', unitLabel: 'Triệu đồng', rule: 'growth', nature: 'flow',
    plan: { kind: 'growth', sp: growth(2084248, '2.084.248', 110.0, '110,0'), sx: growth(3205242, '3.205.242', 110.7, '110,7') },
  },
  {
    id: '1.2.2', tt: '+', name: 'Xây dựng', unit: 'trieu-dong', unitLabel: 'Triệu đồng', rule: 'growth', nature: 'flow',
    plan: { kind: 'growth', sp: growth(806094, '806.094', 106.8, '106,8'), sx: growth(1665005, '1.665.005', 113.7, '113,7') },
  },
  {
    id: '1.3', tt: '-', name: 'Thương mại - dịch vụ', unit: 'trieu-dong', unitLabel: 'Triệu đồng', rule: 'growth', nature: 'flow',
    plan: { kind: 'growth', sp: growth(2270313, '2.270.313', 109.1, '109,10'), sx: growth(14000466, '14.000.466', 115.4, '115,4') },
  },
  { id: '2', tt: '2', name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', unit: 'ty-dong', unitLabel: 'Tỷ đồng', rule: 'min', nature: 'flow', plan: num(4449, '4.449') },
  { id: '3', tt: '3', name: 'Kim ngạch xuất khẩu', unit: 'trieu-usd', unitLabel: 'Triệu USD', rule: 'min', nature: 'flow', plan: num(53, '53') },
  { id: '4', tt: '4', name: 'Tổng thu ngân sách', unit: 'ty-dong', unitLabel: 'Tỷ đồng', rule: 'min', nature: 'flow', plan: num(927.818, '927,818') },
  { id: '4.1', tt: '-', name: 'Thu phát sinh trên địa bàn', unit: 'ty-dong', unitLabel: 'Tỷ đồng', rule: 'min', nature: 'flow', partOf: '4', plan: num(538.567, '538,567') },
  { id: '4.1.1', tt: '+', name: 'Trong đó: Thu tiền sử dụng đất', unit: 'ty-dong', unitLabel: 'Tỷ đồng', rule: 'min', nature: 'flow', partOf: '4.1', plan: num(420, '420') },
  { id: '5', tt: '5', name: 'Tổng chi đầu tư phát triển từ ngân sách địa phương', unit: 'ty-dong', unitLabel: 'Tỷ đồng', rule: 'min', nature: 'flow', plan: num(460.159, '460,159') },
  {
    id: '6', tt: '6', name: 'Duy trì phổ cập giáo dục (tiểu học mức độ 3, THCS mức độ 2, mầm non 5 tuổi)', unit: 'pass', unitLabel: 'Đạt/Chưa đạt',
    rule: 'pass', nature: 'level', plan: PASS,
  },
  { id: '7', tt: '7', name: 'Tỷ suất sinh giảm', unit: 'permille', unitLabel: '‰', rule: 'reduce', nature: 'level', weight: 'Dân số trung bình (người)', plan: num(0.05, '0,05') },
  { id: '8.1', tt: '-', name: 'Suy dinh dưỡng về cân nặng', unit: 'percent', unitLabel: '%', rule: 'max', nature: 'level', heading: '8', weight: 'Số trẻ em dưới 5 tuổi (trẻ)', plan: num(7.86, '7,86') },
  { id: '8.2', tt: '-', name: 'Suy dinh dưỡng thể thấp còi', unit: 'percent', unitLabel: '%', rule: 'max', nature: 'level', heading: '8', weight: 'Số trẻ em dưới 5 tuổi (trẻ)', plan: num(10.63, '10,63') },
  { id: '9', tt: '9', name: 'Tỷ lệ dân số tham gia BHYT', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Dân số (người)', plan: num(95, '95') },
  { id: '10', tt: '10', name: 'Tỷ lệ người lao động tham gia BHXH', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Lực lượng lao động (người)', plan: num(10.6, '10,6') },
  { id: '11', tt: '11', name: 'Tỷ lệ trạm y tế có bác sỹ', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Số trạm y tế (trạm)', plan: num(100, '100') },
  { id: '12', tt: '12', name: 'Tỷ lệ xã đạt chuẩn quốc gia về y tế', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Số xã (xã)', plan: num(100, '100') },
  { id: '13', tt: '13', name: 'Số giường bệnh trên 1 vạn dân', unit: 'beds', unitLabel: 'Giường', rule: 'min', nature: 'level', weight: 'Dân số (người)', plan: num(18.64, '18,64') },
  { id: '14', tt: '14', name: 'Hộ gia đình đạt chuẩn văn hóa', unit: 'percent', unitLabel: '%', rule: 'gt', nature: 'level', weight: 'Số hộ gia đình (hộ)', plan: num(90, '> 90') },
  { id: '15.1', tt: '-', name: 'Đào tạo nghề cho lao động nông thôn', unit: 'people', unitLabel: 'Người', rule: 'min', nature: 'flow', heading: '15', plan: num(400, '400') },
  { id: '15.2', tt: '-', name: 'Tạo việc làm mới', unit: 'people', unitLabel: 'Người', rule: 'min', nature: 'flow', heading: '15', plan: num(2000, '2.000') },
  { id: '16', tt: '16', name: 'Giảm tỷ lệ hộ nghèo theo tiêu chí mới', unit: 'percent', unitLabel: '%', rule: 'reduce', nature: 'level', weight: 'Số hộ gia đình (hộ)', plan: num(1.5, '1,5') },
  { id: '17', tt: '17', name: 'Tỷ lệ che phủ rừng', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Diện tích tự nhiên (ha)', plan: num(56.34, '56,34') },
  { id: '18', tt: '18', name: 'Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Dân số nông thôn (người)', plan: num(100, '100') },
  { id: '18.1', tt: '-', name: 'Trong đó: Tỷ lệ sử dụng nước sạch', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', partOf: '18', weight: 'Dân số nông thôn (người)', plan: num(33, '33,00') },
  { id: '19', tt: '19', name: 'Tỷ lệ dân cư đô thị sử dụng nước sạch', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Dân số đô thị (người)', plan: num(99.15, '99,15') },
  { id: '20', tt: '20', name: 'Tỷ lệ chất thải rắn ở đô thị được thu gom', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Chất thải rắn đô thị phát sinh (tấn)', plan: num(80, '80') },
  { id: '21', tt: '21', name: 'Giá trị sản phẩm trên một đơn vị diện tích', unit: 'trieu-dong-ha', unitLabel: 'Triệu đồng/ha', rule: 'min', nature: 'level', weight: 'Diện tích đất sản xuất (ha)', plan: num(120, '120') },
  {
    id: '22.1', tt: '-', name: 'Huyện nông thôn mới', unit: 'criteria', unitLabel: 'Tiêu chí', rule: 'criteria', nature: 'level', heading: '22',
    plan: { kind: 'criteria', required: 9, of: 9, text: '9/9' },
  },
  { id: '22.2', tt: '-', name: 'Xã nông thôn mới (xã Vĩnh An)', unit: 'count', unitLabel: 'Xã', rule: 'min', nature: 'level', heading: '22', plan: num(1, '01') },
  { id: '23', tt: '23', name: 'Tiêu chí đô thị loại IV đạt thêm', unit: 'points', unitLabel: 'Điểm', rule: 'min', nature: 'flow', plan: num(9, '9') },
  { id: '24', tt: '24', name: 'Cung cấp dịch vụ công trực tuyến toàn trình', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Số thủ tục hành chính (thủ tục)', plan: num(25, '25') },
  { id: 'QP.1', tt: '1', name: 'Giao quân đạt chỉ tiêu', unit: 'percent', unitLabel: '%', rule: 'min', nature: 'level', weight: 'Chỉ tiêu giao quân (người)', plan: num(100, '100') },
  { id: 'QP.2.1', tt: '-', name: 'Tai nạn giao thông: số vụ', unit: 'count', unitLabel: 'Vụ', rule: 'decrease', nature: 'flow', heading: 'QP.2', plan: DECREASE },
  { id: 'QP.2.2', tt: '-', name: 'Tai nạn giao thông: số người chết', unit: 'people', unitLabel: 'Người', rule: 'decrease', nature: 'flow', heading: 'QP.2', plan: DECREASE },
  { id: 'QP.2.3', tt: '-', name: 'Tai nạn giao thông: số người bị thương', unit: 'people', unitLabel: 'Người', rule: 'decrease', nature: 'flow', heading: 'QP.2', plan: DECREASE },
  { id: 'QP.3', tt: '3', name: 'Không để xảy ra điểm nóng về an ninh, trật tự', unit: 'pass', unitLabel: 'Đạt/Chưa đạt', rule: 'pass', nature: 'level', plan: PASS },
  { id: 'XD.1', tt: '4', name: 'Hoàn thành mục tiêu tinh giản biên chế', unit: 'pass', unitLabel: 'Đạt/Chưa đạt', rule: 'pass', nature: 'level', plan: PASS },
];

export const HEADINGS: readonly Heading[] = [
  { id: '8', tt: '8', name: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng' },
  { id: '15', tt: '15', name: 'Lao động việc làm' },
  { id: '22', tt: '22', name: 'Xây dựng nông thôn mới' },
  { id: 'QP.2', tt: '2', name: 'Tai nạn giao thông giảm cả 3 mặt (số vụ, số người chết, số người bị thương)', allOf: true },
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** The name as sentences use it: without "Trong đó:", with its measure — "Nông, lâm, thủy sản (giá trị sản xuất)". */
export function indicatorName(ind: Indicator, measure: Measure | null = null): string {
  const name = ind.name.replace(/^Trong đó: /, '');
  return measure ? `${name} (${MEASURE_NAMES[measure].toLowerCase()})` : name;
}

/** The rows that carry values: one per indicator, two (sp, sx) for indicator 1 rows. */
export interface IndicatorKey {
  id: string;
  measure: Measure | null;
}

export function indicatorKeys(indicators: readonly Indicator[] = INDICATORS): IndicatorKey[] {
  return indicators.flatMap((ind): IndicatorKey[] =>
    ind.plan.kind === 'growth' ? MEASURES.map((m) => ({ id: ind.id, measure: m })) : [{ id: ind.id, measure: null }],
  );
}

/** The parent whose total a component adds up to (1.1 → 1, 1.2.1 → 1.2). */
export function componentParent(id: string, indicators: readonly Indicator[] = INDICATORS): Indicator | undefined {
  return indicators.find((i) => i.components?.includes(id));
}
