// Units as written after a figure — spaced or glued ("120ha", "2.500.000con", "72,5%KH"), "tỉ" or "tỷ" —
// in one spelling each, and whether a unit measures a flow (summed over time and units) or a level.
import type { PlanNature } from '../planJson';
import { fold } from './fold';

/** [folded spelling, unit as shown]. Longest first where one is the start of another. */
const UNITS: readonly (readonly [string, string])[] = [
  ['diem phan tram', 'điểm %'], ['diem %', 'điểm %'], ['%kh', '% KH'], ['% kh', '% KH'], ['%', '%'], ['‰', '‰'],
  ['ty dong', 'tỷ đồng'], ['ti dong', 'tỷ đồng'], ['trieu dong', 'triệu đồng'], ['nghin dong', 'nghìn đồng'],
  ['ngan dong', 'nghìn đồng'], ['dong', 'đồng'], ['ty usd', 'tỷ USD'], ['trieu usd', 'triệu USD'],
  ['nghin usd', 'nghìn USD'], ['usd', 'USD'], ['trieu luot khach', 'triệu lượt khách'], ['trieu luot', 'triệu lượt'],
  ['nghin luot', 'nghìn lượt'], ['luot khach', 'lượt khách'], ['luot nguoi', 'lượt người'], ['luot', 'lượt'],
  ['trieu nguoi', 'triệu người'], ['nghin nguoi', 'nghìn người'], ['nguoi', 'người'], ['lao dong', 'lao động'],
  ['hop tac xa', 'hợp tác xã'], ['ho', 'hộ'], ['hecta', 'ha'], ['ha', 'ha'], ['nghin tan', 'nghìn tấn'], ['tan', 'tấn'],
  ['ta/ha', 'tạ/ha'], ['ta', 'tạ'], ['km', 'km'], ['m2', 'm²'], ['m²', 'm²'], ['m3', 'm³'], ['kg', 'kg'],
  ['trieu con', 'triệu con'], ['nghin con', 'nghìn con'], ['con', 'con'], ['cay', 'cây'],
  ['xa', 'xã'], ['phuong', 'phường'], ['thon', 'thôn'], ['to dan pho', 'tổ dân phố'], ['lang', 'làng'],
  ['tieu chi', 'tiêu chí'], ['tieu chuan', 'tiêu chuẩn'], ['giuong', 'giường'], ['bac sy', 'bác sỹ'], ['bac si', 'bác sỹ'], ['truong', 'trường'],
  ['cong trinh', 'công trình'], ['du an', 'dự án'], ['doanh nghiep', 'doanh nghiệp'], ['san pham', 'sản phẩm'],
  ['co so', 'cơ sở'], ['ngoi nha', 'ngôi nhà'], ['nha', 'nhà'], ['can', 'căn'], ['phong', 'phòng'], ['lop', 'lớp'],
  ['hoc sinh', 'học sinh'], ['vu', 'vụ'], ['khach', 'khách'], ['mo hinh', 'mô hình'], ['chiec', 'chiếc'],
  ['thue bao', 'thuê bao'], ['ho so', 'hồ sơ'], ['thanh vien', 'thành viên'], ['dang vien', 'đảng viên'],
  ['tuoi', 'tuổi'], ['lan', 'lần'], ['diem', 'điểm'], ['mw', 'MW'], ['kwh', 'kWh'], ['lit', 'lít'],
  ['trieu kwh', 'triệu kWh'], ['ty', 'tỷ đồng'], ['ti', 'tỷ đồng'], ['trieu', 'triệu'], ['nghin', 'nghìn'],
];

/** A unit that begins a level, not a flow: shares, per-head and per-area figures, standards met. */
const LEVEL_UNITS = new Set(['%', '‰', 'điểm %', '% KH', 'tiêu chí', 'giường', 'bác sỹ', 'xã', 'phường', 'thôn',
  'tổ dân phố', 'làng', 'trường', 'tuổi', 'tiêu chuẩn']);

export interface UnitMatch {
  unit: string;
  /** Index in the text just after the unit (and any "/người/năm" tail). */
  end: number;
  /** "%/năm": a yearly rate. */
  perYear: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** The unit written at `pos` (spaces allowed before it), or null. */
export function unitAt(text: string, folded: string, pos: number): UnitMatch | null {
  let p = pos;
  while (folded[p] === ' ') p++;
  for (const [word, unit] of UNITS) {
    if (!folded.startsWith(word, p)) continue;
    const after = p + word.length;
    // "%" and "‰" may be glued to what follows ("5%/năm"), words may not run on ("ha" is not "hang").
    if (/[a-z]$/.test(word) && isWordChar(folded[after])) continue;
    let end = after;
    let shown = unit;
    let perYear = false;
    // A per-something tail: "triệu đồng/người/năm", "%/năm", "tạ/ha".
    const perTail = /^(?:\s*\/\s*(?:nguoi|nam|ha|ho|lao dong|dan|thang|vu|nam hoc|1 van dan|van dan|km2|con|cay))+/.exec(folded.slice(end));
    if (perTail) {
      const raw = text.slice(end, end + perTail[0].length).replace(/\s+/g, '');
      if (unit === '%' && /^\/nam$/i.test(perTail[0].replace(/\s+/g, ''))) perYear = true;
      else shown += raw;
      end += perTail[0].length;
    }
    return { unit: shown, end, perYear };
  }
  return null;
}

/** A unit named in the text before the figure: "Sản lượng lương thực (tấn)", "(ĐVT: tỷ đồng)". */
export function unitInName(text: string, folded: string): { unit: string; span: [number, number] } | null {
  const re = /\((?:dvt\s*:?\s*)?([^()]{1,20})\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const inner = m[1]!.trim();
    const start = m.index + m[0].indexOf(inner);
    const u = unitAt(text, folded, start);
    if (u && folded.slice(u.end, m.index + m[0].length - 1).trim() === '') return { unit: u.unit, span: [m.index, m.index + m[0].length] };
  }
  return null;
}

/** A unit standing alone in a table cell: "Tấn", "%", "Triệu đồng/người". */
export function unitCell(cell: string): string | null {
  const t = cell.trim();
  const f = fold(t);
  const u = unitAt(t, f, 0);
  return u && f.slice(u.end).trim() === '' ? u.unit + (u.perYear ? '/năm' : '') : null;
}

/** Flow or level, from the unit (and the name for per-head figures). */
export function natureOf(unit: string, foldedName: string): PlanNature {
  // A per-head or per-area figure is a level; "/năm" alone only says the flow is counted by the year.
  if (LEVEL_UNITS.has(unit) || unit.replace(/\/năm$/, '').includes('/')) return 'thoi-diem';
  if (/binh quan|dau nguoi|tren (1 |mot )?(van dan|ha|hecta|km2|nguoi|ho|lao dong)\b|ty le|ty suat|tuoi tho|mat do|nang suat/.test(foldedName)) return 'thoi-diem';
  return 'cong-don';
}
