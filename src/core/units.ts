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
  | 'pass' // Đạt / Chưa đạt
  | 'money' // other money units (đồng, nghìn đồng, USD …): amounts, no known power to slip between
  | 'per-head' // triệu đồng/người, USD/người: a level, never summed
  | 'households' // hộ: whole counts
  | 'quantity' // ha, tấn, km, m²: amounts that may be fractional
  | 'generic'; // a label the product does not know: no range or magnitude checks

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
  money: { kind: 'money', label: 'Đồng', min: 0, integer: false, magnitudeSlip: true },
  'per-head': { kind: 'per-head', label: 'Triệu đồng/người', min: 0, integer: false, magnitudeSlip: true },
  households: { kind: 'households', label: 'Hộ', min: 0, integer: true, magnitudeSlip: true },
  quantity: { kind: 'quantity', label: 'Ha', min: 0, integer: false, magnitudeSlip: true },
  generic: { kind: 'generic', label: '', integer: false, magnitudeSlip: false },
};

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

const COUNT_WORDS = /^(vu|xa|phuong|thon|ap|to dan pho|truong|tram|co so|cong trinh|du an|doanh nghiep|dn|hop tac xa|htx|san pham|cai|chiec|lop|phong|benh vien|nha|can|lan|luot|diem den|ho so|thu tuc|cho|lang|khu|don vi|to chuc|chi bo|dang vien|tau)$/;

/**
 * The unit kind a plan's unit label (ĐVT, as written) stands for. A label the product does not know is
 * `generic`: shown as written, never range- or magnitude-checked.
 */
export function unitKindOf(label: string, rule?: string): UnitKind {
  const t = fold(label).replace(/[()]/g, '');
  if (rule === 'pass' || t === 'dat/chua dat' || t === 'dat') return 'pass';
  if (t === '%' || t === 'phan tram' || t === '% points' || t === 'diem %' || t === 'diem phan tram') return 'percent';
  if (t === '‰' || t === '%o' || t === 'phan nghin') return 'permille';
  if (rule === 'criteria' || t === 'tieu chi') return 'criteria';
  if (/\/ ?(nguoi|dau nguoi|lao dong|ho)$/.test(t)) return t.includes('dong') || t.includes('usd') ? 'per-head' : 'generic';
  if (t === 'trieu dong/ha' || t === 'trd/ha') return 'trieu-dong-ha';
  if (t === 'trieu dong' || t === 'tr.d' || t === 'trd' || t === 'tr dong') return 'trieu-dong';
  if (t === 'ty dong' || t === 'ty d') return 'ty-dong';
  if (t === 'trieu usd') return 'trieu-usd';
  if (/^(dong|nghin dong|ngan dong|usd|nghin usd|ngan usd|ty usd|nghin ty dong)$/.test(t)) return 'money';
  if (/^(giuong|bac si|bac sy)( ?\/ ?(1 )?van dan)?$/.test(t) || /\/ ?(1 )?van dan$/.test(t)) return 'beds';
  if (/^(nguoi|lao dong|hoc sinh|tre|benh nhan|hoc vien|luot nguoi)$/.test(t)) return 'people';
  if (t === 'ho' || t === 'ho gia dinh') return 'households';
  if (t === 'diem') return 'points';
  if (COUNT_WORDS.test(t)) return 'count';
  if (/^(ha|hecta|tan|nghin tan|km|m|m2|m²|m3|m³|kwh|trieu kwh|tan\/ha|ta\/ha|ta|con|nghin con|kg|lit)$/.test(t)) return 'quantity';
  return 'generic';
}

/** Flow (summed over time and units) or level, from the unit (CONTRACT.md: amounts and counts are flows). */
export function natureOfUnit(kind: UnitKind): 'flow' | 'level' {
  switch (kind) {
    case 'trieu-dong': case 'ty-dong': case 'trieu-usd': case 'money': case 'people': case 'households':
    case 'count': case 'quantity': case 'points':
      return 'flow';
    default:
      return 'level';
  }
}
