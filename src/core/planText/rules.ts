// The rule of a target from the words around its figure. The words just before the figure ("đạt",
// "giảm còn dưới", "trên", "tăng bình quân") form a chain; the name is what comes before the chain.
// Each phrasing maps to one rule; a phrasing not listed here gives no rule (the line is listed as unread),
// never a guessed `min`.
import type { PlanRule } from '../planJson';

/** Words that may stand between a name and its figure, folded. Longest first. */
const CHAIN = [
  'khong vuot qua', 'khong qua', 'toi da', 'toi thieu', 'it nhat', 'tro len', 'cao hon', 'thap hon', 'it hon',
  'nhieu hon', 'binh quan', 'moi nam', 'hang nam', 'duy tri', 'giu vung', 'phan dau', 'o muc', 'xap xi',
  'tang them', 'dat them', 'giam xuong', 'xuong con', 'xuong', 'muc', 'dat', 'tren', 'hon', 'duoi', 'tang', 'giam',
  'con', 'khoang', 'gan', 'chiem', 'la', 'tu', 'len', 'them', 'bq', 'cho', 'co', 'duoc', 'voi', 'vuot',
  'bang', 'gap', 'va', 'tong so', 'tong cong', 'tong', 'chi tieu', 'ke hoach', 'kh',
  '>=', '<=', '≥', '≤', '>', '<', '~', '=', ':', '-', '–', '—', ',',
];

export interface Chain {
  /** Where the chain starts in the lead (the name ends here). */
  start: number;
  words: Set<string>;
}

/** The chain at the end of `leadFolded`. */
export function chainBefore(leadFolded: string): Chain {
  let end = leadFolded.length;
  const words = new Set<string>();
  for (;;) {
    while (end > 0 && leadFolded[end - 1] === ' ') end--;
    const head = leadFolded.slice(0, end);
    const hit = CHAIN.find((w) => head.endsWith(w) && (/^[^a-z]/.test(w) || !/[a-z0-9]/.test(head[end - w.length - 1] ?? '')));
    if (!hit) break;
    words.add(hit);
    end -= hit.length;
  }
  // Punctuation and fillers at the very start of the chain belong to neither the name nor the rule.
  return { start: end, words };
}

/** Names of things where less is better: a bare figure there could be a ceiling or a reduction. */
const LOWER_IS_BETTER = /ho ngheo|ho can ngheo|suy dinh duong|that nghiep|tai nan|toi pham|tu vong|ty suat sinh|sinh con thu 3|o nhiem|chay rung|pham phap|vi pham|ma tuy|nha tam|lam phat|no dong|no xau|khieu nai/;

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
  if (any(c, 'chiem') || /\bco cau\b/.test(name)) return { rule: 'structure' };
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

/** A target with no figure: pass (đạt chuẩn, duy trì, giữ vững …), decrease or increase; null otherwise. */
export function ruleWithoutFigure(folded: string): PlanRule | null {
  if (/\b(dat chuan|duy tri|giu vung|hoan thanh|khong de xay ra|dam bao|dat danh hieu)\b/.test(folded)) return 'pass';
  if (/\b(giam|keo giam)\b/.test(folded)) return 'decrease';
  if (/\btang\b/.test(folded)) return 'increase';
  return null;
}
