// What a header cell's words say its column holds. Tables word their headers in many ways ("KH năm
// 2026", "Kế hoạch HĐND giao", "Ước TH cả năm", "So sánh (%) TH/KH", "cùng kỳ", "Tốc độ tăng (%)"): each
// column's header text (all header rows joined, merged cells read in every column they cover) is folded
// and tried against these patterns in order — the comparison columns before the plain ones, since "So
// sánh TH/KH" also says "KH".
import { fold } from './normalize';
import type { GrowthForm, TableColumn } from './types';

export interface HeaderClass {
  column: TableColumn;
  /** A year the header names ("Thực hiện năm 2025"), not a base year of constant prices. */
  year: number | null;
  growthForm?: GrowthForm | null;
  /** "Ước TH cả năm", "ước thực hiện": the estimate of the whole period. */
  estimate?: boolean;
}

const COMPARISON = /(so sanh|%|\bty le\b|\/|toc do|tang truong|chi so|\bso voi\b|ty le hoan thanh)/;
const VS_PREVIOUS = /(cung ky|th\s*\/\s*ck|\bck\b|nam truoc|tang truong|toc do|th\s*\/\s*tn|tn\b|so voi nam|\/\s*(th\s*)?(nam\s*)?(19|20)\d\d|chi so phat trien|tang\s*\(\+\)|tang,? giam)/;
const VS_PLAN = /(ke hoach|\bkh\b|hoan thanh|th\s*\/\s*kh)/;

/** Years a header names, leaving out base years of constant prices ("giá SS 2010", "giá so sánh năm 2010"). */
export function headerYears(folded: string): number[] {
  const out: number[] = [];
  const re = /\b(19|20)\d\d\b/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const before = folded.slice(Math.max(0, m.index - 18), m.index);
    if (/(gia ss|gia so sanh|so sanh nam|goc)\s*(nam\s*)?$/.test(before)) continue;
    out.push(Number(m[0]));
  }
  return out;
}

export function classifyHeader(text: string): HeaderClass | null {
  // "(giá so sánh 2010)" names the prices, not a comparison column.
  const f = fold(text)
    .replace(/gia (ss|so sanh)( nam)? (19|20)\d\d/g, ' ')
    .replace(/[()]/g, (c) => ` ${c} `)
    .replace(/\s+/g, ' ')
    .trim();
  if (!f) return null;
  const years = headerYears(f);
  const year = years.length ? years[years.length - 1]! : null;
  if (/^(s\s*tt|stt|tt|so tt|so thu tu|thu tu)$/.test(f)) return { column: 'TT', year: null };
  if (/ghi chu/.test(f)) return { column: 'GC', year: null };
  if (/(danh gia|muc do hoan thanh|xep loai|ket qua\s*\(?\s*dat)/.test(f)) return { column: 'DG', year: null };
  if (/^(don vi tinh|don vi|dvt|d v t)$/.test(f)) return { column: 'DVT', year: null };
  if (/(chi so ke hoach|kh tang truong|chi so kh|ke hoach tang truong)/.test(f)) return { column: 'KHTT', year };
  if (COMPARISON.test(f) && !/^(chi tieu|noi dung)/.test(f)) {
    if (VS_PREVIOUS.test(f)) {
      const rate = /(toc do tang|tang\s*\(\+\)|tang,? giam|muc tang|ty le tang)/.test(f);
      const index = /(chi so|so sanh|th\s*\/\s*(tn|ck)|so voi|\/)/.test(f);
      return { column: 'CS', year: null, growthForm: rate ? 'rate' : index ? 'index' : null };
    }
    if (VS_PLAN.test(f) || /so sanh/.test(f)) return { column: 'PT', year: null };
  }
  if (/(cung ky|nam truoc|ky truoc)/.test(f)) return { column: 'TN', year };
  if (/(chi tieu giao|nghi quyet|hdnd giao|tinh giao|huyen giao|muc tieu)/.test(f)) return { column: 'KH', year };
  if (/(chi tieu|noi dung|danh muc|linh vuc)/.test(f) && !/(ke hoach|\bkh\b|thuc hien|\bth\b|uoc)/.test(f)) return { column: 'TEN', year: null };
  if (/(ke hoach|\bkh\b)/.test(f) && !/(thuc hien|\bth\b|uoc)/.test(f)) return { column: 'KH', year };
  if (/(thuc hien|\bth\b|\buoc\b|luy ke|ket qua)/.test(f)) return { column: 'TH', year, estimate: /(uoc|ca nam)/.test(f) };
  return null;
}

/** A column-number cell: "(1)", "A", "3", "(7)=(6):(5)", "7=6/5". */
export function isColumnNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^\(?([0-9]{1,2}|[A-Za-z])\)?(=[()0-9A-Za-z:/x*+\-.]+)?$/.test(t);
}

/** A year standing alone as a sub-header ("2025" under "Thực hiện"). */
export function isYear(text: string): boolean {
  return /^(năm\s*)?(19|20)\d\d$/i.test(text.trim());
}
