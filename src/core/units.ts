// Units of measure and what each one allows. The range check (`out-of-range`) and the unit-slip
// check both read this table, so a new unit is one line here.

export type UnitKind =
  | 'trieu-dong' // triệu đồng
  | 'ty-dong' // tỷ đồng
  | 'trieu-usd' // triệu USD
  | 'trieu-dong-ha' // triệu đồng/ha
  | 'percent' // %
  | 'permille' // ‰
  | 'people' // người
  | 'count' // vụ, xã: whole counts that are not people
  | 'beds' // giường per 10 000 people: a ratio, may be fractional
  | 'points' // điểm
  | 'criteria' // tiêu chí: x of N
  | 'pass'; // Đạt / Chưa đạt

export interface UnitInfo {
  kind: UnitKind;
  /** As shown in the template's ĐVT column. */
  label: string;
  min?: number;
  max?: number;
  integer: boolean;
  /** Amounts whose magnitude can slip by a power of 1 000 (đồng typed for triệu đồng …). */
  magnitudeSlip: boolean;
}

export const UNITS: Record<UnitKind, UnitInfo> = {
  'trieu-dong': { kind: 'trieu-dong', label: 'Triệu đồng', min: 0, integer: false, magnitudeSlip: true },
  'ty-dong': { kind: 'ty-dong', label: 'Tỷ đồng', min: 0, integer: false, magnitudeSlip: true },
  'trieu-usd': { kind: 'trieu-usd', label: 'Triệu USD', min: 0, integer: false, magnitudeSlip: true },
  'trieu-dong-ha': { kind: 'trieu-dong-ha', label: 'Triệu đồng/ha', min: 0, integer: false, magnitudeSlip: true },
  percent: { kind: 'percent', label: '%', min: 0, max: 100, integer: false, magnitudeSlip: false },
  permille: { kind: 'permille', label: '‰', min: 0, max: 1000, integer: false, magnitudeSlip: true },
  people: { kind: 'people', label: 'Người', min: 0, integer: true, magnitudeSlip: true },
  count: { kind: 'count', label: 'Vụ', min: 0, integer: true, magnitudeSlip: true },
  beds: { kind: 'beds', label: 'Giường', min: 0, integer: false, magnitudeSlip: true },
  points: { kind: 'points', label: 'Điểm', min: 0, integer: false, magnitudeSlip: true },
  criteria: { kind: 'criteria', label: 'Tiêu chí', min: 0, integer: true, magnitudeSlip: false },
  pass: { kind: 'pass', label: '', integer: false, magnitudeSlip: false },
};
