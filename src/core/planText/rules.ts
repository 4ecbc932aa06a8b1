// The rule of a target from the words around its figure. The words just before the figure ("đạt",
// "giảm còn dưới", "trên", "tăng bình quân") form a chain; the name is what comes before the chain.
// Each phrasing maps to one rule; a phrasing not listed here gives no rule (the line is listed as unread),
// never a guessed `min`.
import type { PlanRule } from '../planJson';
import { fold } from './fold';

/** Words that may stand between a name and its figure, as written (accents tell "đạt" from "đất",
 *  "còn" from "con", "tăng" from "tầng"). Longest first; the chain keeps them folded. */
const CHAIN = [
  'không vượt quá', 'không quá', 'tối đa', 'tối thiểu', 'ít nhất', 'trở lên', 'cao hơn', 'thấp hơn', 'ít hơn',
  'nhiều hơn', 'bình quân', 'mỗi năm', 'hằng năm', 'hàng năm', 'duy trì', 'giữ vững', 'phấn đấu', 'ở mức', 'xấp xỉ',
  'tăng thêm', 'đạt thêm', 'giảm xuống', 'xuống còn', 'xuống', 'mức', 'đạt', 'trên', 'hơn', 'dưới', 'tăng', 'giảm',
  'còn', 'khoảng', 'gần', 'chiếm', 'là', 'từ', 'lên', 'thêm', 'bq', 'cho', 'có', 'được', 'với', 'vượt',
  'bằng', 'gấp', 'và', 'tổng số', 'tổng cộng', 'chỉ tiêu', 'kế hoạch', 'kh', 'nâng lên', 'nâng',
  '>=', '<=', '≥', '≤', '>', '<', '~', '=', ':', '-', '–', '—', ',',
];

export interface Chain {
  /** Where the chain starts in the lead (the name ends here). */
  start: number;
  /** The chain's words, folded ("giam con duoi"). */
  words: Set<string>;
}

/** The chain at the end of `lead` (the text before the figure, as written). */
export function chainBefore(lead: string): Chain {
  const low = lead.toLocaleLowerCase('vi');
  let end = low.length;
  const words = new Set<string>();
  for (;;) {
    while (end > 0 && /\s/.test(low[end - 1]!)) end--;
    const head = low.slice(0, end);
    const hit = CHAIN.find((w) => head.endsWith(w) && (!/\p{L}/u.test(w) || !/[\p{L}\d]/u.test(head[end - w.length - 1] ?? '')));
    if (!hit) break;
    words.add(fold(hit));
    end -= hit.length;
  }
  return { start: end, words };
}

/** Names of things where less is better: a bare figure there could be a ceiling or a reduction. */
const LOWER_IS_BETTER = /ho ngheo|tang dan so|ho can ngheo|suy dinh duong|that nghiep|tai nan|toi pham|tu vong|ty suat sinh|sinh con thu 3|o nhiem|chay rung|pham phap|vi pham|ma tuy|nha tam|lam phat|no dong|no xau|khieu nai/;

export interface RuleInput {
  nameFolded: string;
  chain: Set<string>;
  /** Folded words after the figure and its unit (remarks removed). */
  after: string;
  unit: string;
  kind: 'number' | 'range' | 'fraction';
  perYear: boolean;
  /** A second figure "tăng X%" after an absolute value. */
  growthIndex: boolean;
}

export type RuleResult = { rule: PlanRule } | { rule: null; why: string };

const any = (s: Set<string>, ...w: string[]) => w.some((x) => s.has(x));
const isRateUnit = (u: string) => u === '%' || u === 'điểm %' || u === '‰';
const COUNT_UNITS = /^(hộ|người|lao động|vụ|nhà|ngôi nhà|căn|con|trường|xã|thôn|cơ sở|doanh nghiệp|điểm)/;

export function ruleOf(x: RuleInput): RuleResult {
  const { chain: c, nameFolded: name, unit } = x;
  if (x.kind === 'fraction') return { rule: 'criteria' };
  // "bằng 95% dự toán", "tăng gấp 1,5 lần": relative to another figure the list does not give.
  if (any(c, 'bang', 'gap') || unit === 'lần') return { rule: null, why: 'so với một số khác (bằng, gấp, lần)' };
  if (/dan so trung binh|dan so|phan bo|bo tri von|du kien giao|duoc giao von/.test(name) && !/ty le|tham gia|duoc/.test(name)) return { rule: 'info' };
  if (any(c, 'chiem') || /\b(co cau|ty trong)\b/.test(name)) return { rule: 'structure' };
  if (x.growthIndex) return unit === '%' ? { rule: null, why: 'hai tỷ lệ trong một chỉ tiêu' } : { rule: 'growth' };
  if (x.perYear) return unit === '%' ? { rule: 'growth-rate' } : { rule: null, why: '"/năm" không rõ' };
  const lowerWords = any(c, 'khong qua', 'khong vuot qua', 'toi da', '<=', '≤');
  if (lowerWords) return { rule: 'max' };
  const reduceName = /^(giam|muc giam|keo giam|phan dau giam)\b/.test(name);
  if (any(c, 'con', 'xuong con', 'giam xuong', 'xuong')) return { rule: any(c, 'duoi', '<') ? 'lt' : 'max' };
  if (any(c, 'duoi', '<', 'thap hon', 'it hon')) return { rule: 'lt' };
  if (any(c, 'tren', 'hon', 'cao hon', 'nhieu hon', '>', 'vuot') && !/tro len/.test(x.after) && !any(c, 'tu')) return { rule: 'gt' };
  if (any(c, 'giam') || reduceName) {
    const rate = /ty le|ty suat|\bmuc\b/.test(name) || unit === 'điểm %';
    if (isRateUnit(unit) && rate) return { rule: 'reduce' };
    if (COUNT_UNITS.test(unit)) return { rule: 'reduce' };
    return { rule: null, why: 'giảm theo phần trăm tương đối, không rõ' };
  }
  const rateName = /toc do tang|tang truong|tang binh quan/.test(name);
  if (any(c, 'tang', 'tang them') || /^tang\b/.test(name) || rateName) {
    if (unit === '%') return { rule: 'growth-rate' };
    if (rateName && unit === '') return { rule: 'growth-rate' };
    return { rule: null, why: 'tăng thêm một lượng, không rõ' };
  }
  const atLeast = any(c, 'dat', 'tu', 'toi thieu', 'it nhat', '>=', '≥', 'duy tri', 'giu vung', 'la', 'muc', 'o muc', 'dat them', 'them', 'phan dau')
    || /tro len/.test(x.after);
  if (atLeast) return { rule: 'min' };
  // A bare figure after the name: the plan value, reached from below — unless less is better for the thing
  // named, where it could be a ceiling as well as a reduction.
  if (LOWER_IS_BETTER.test(name)) return { rule: null, why: 'không rõ là mức trần hay mức giảm' };
  return { rule: 'min' };
}

/** "không còn hộ đói": a ceiling of zero. */
export function isNoneLeft(folded: string): boolean {
  return /\bkhong con\b/.test(folded);
}

/** Whole words, accents as written: "giảm" is not "giám", "tăng" not "tăng cường". */
const word = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u');
const PASS_WORDS = word('(đạt chuẩn|duy trì|giữ vững|hoàn thành (mục tiêu|chỉ tiêu|kế hoạch)|không để xảy ra|đạt danh hiệu)');
const DOWN = word('(giảm|kéo giảm)');
const UP = word('tăng(?! cường)');

/** A target with no figure: pass (đạt chuẩn, duy trì, giữ vững …), decrease or increase; null otherwise. */
export function ruleWithoutFigure(text: string): PlanRule | null {
  const t = text.toLocaleLowerCase('vi');
  if (PASS_WORDS.test(t)) return 'pass';
  if (DOWN.test(t)) return 'decrease';
  if (UP.test(t)) return 'increase';
  return null;
}
