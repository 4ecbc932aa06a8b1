// The plan read from pasted text, as the task pane lets a person fix it before the template is made: rows
// in the order of the text, a rule changed from a list of the 13 rules in words, a target typed the
// Vietnamese way. Pure: every edit gives a new PlanJson; planProblem says, in one line, what the plan model
// would refuse.
import type { PlanEntryJson, PlanJson, PlanRule, PlanTarget } from './planJson';
import { PlanError } from './planError';
import { planFromObject } from './planRead';
import { entriesInOrder } from './planText';
import { formatVietnameseNumber, readCellText } from './vnNumber';

/** The rules as the list offers them. */
export const RULE_NAMES: Record<PlanRule, string> = {
  min: 'đạt từ … trở lên',
  max: 'không quá …',
  gt: 'trên …',
  lt: 'dưới …',
  reduce: 'giảm … (mức giảm)',
  decrease: 'giảm so với cùng kỳ',
  increase: 'tăng so với cùng kỳ',
  criteria: 'đạt x/N (tiêu chí, thôn …)',
  pass: 'Đạt / Chưa đạt',
  growth: 'giá trị và chỉ số tăng trưởng',
  'growth-rate': 'tốc độ tăng …%',
  structure: 'cơ cấu (chiếm …%)',
  info: 'để biết (không đánh giá)',
};

export interface EditRow {
  id: string;
  entry: PlanEntryJson;
}

export const editRows = (plan: PlanJson): EditRow[] => entriesInOrder(plan).map(([id, entry]) => ({ id, entry }));

function withEntry(plan: PlanJson, id: string, entry: PlanEntryJson): PlanJson {
  return { ...plan, chiTieu: { ...plan.chiTieu, [id]: entry } };
}

/** A new rule; the target follows where the rule fixes it (Đạt, none), and stays otherwise for the user to fix. */
export function withRule(plan: PlanJson, id: string, rule: PlanRule): PlanJson {
  const old = plan.chiTieu[id];
  if (!old || old.tieuDe) return plan;
  const { chiSo, ...e } = old;
  const entry: PlanEntryJson = { ...e, quyTac: rule };
  if (rule === 'growth' && chiSo !== undefined) entry.chiSo = chiSo;
  if (rule === 'pass') entry.keHoach = 'Đạt';
  else if (rule === 'decrease' || rule === 'increase' || rule === 'info') entry.keHoach = null;
  else if (old.quyTac === 'pass' || entry.keHoach === undefined) entry.keHoach = null;
  return withEntry(plan, id, entry);
}

/** The target as the input shows it: "9,5", "6,5 – 7", "9/9", "Đạt", "". */
export function targetText(e: PlanEntryJson): string {
  const t = e.keHoach;
  if (t === null || t === undefined) return '';
  if (typeof t === 'number') return formatVietnameseNumber(t);
  if (typeof t === 'string') return t;
  return `${formatVietnameseNumber(t.tu)} – ${formatVietnameseNumber(t.den)}`;
}

function figure(text: string): number | string | null {
  const r = readCellText(text);
  // "1.300" could be read either way; the pane is for Vietnamese writing, whose reading `value` is.
  if (r.kind !== 'number') return null;
  // Written with a decimal comma or thousands dots: kept as written, so the template keeps its precision.
  return /[.,]/.test(text) ? text : r.value;
}

/** The typed target, or null when it is not a figure ("9,5", "1.250", "6,5 – 7", "9/9", "Đạt", empty). */
export function readTarget(text: string): { target: PlanTarget } | null {
  const t = text.normalize('NFC').trim().replace(/\s*(%|‰)$/, '');
  if (t === '') return { target: null };
  if (/^đạt$/i.test(t)) return { target: 'Đạt' };
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return { target: `${Number(frac[1])}/${Number(frac[2])}` };
  const range = /^(.+?)\s*(?:–|—|-|đến)\s*(.+)$/.exec(t);
  if (range) {
    const a = readCellText(range[1]!);
    const b = readCellText(range[2]!);
    if (a.kind === 'number' && b.kind === 'number') return { target: { tu: a.value, den: b.value } };
    return null;
  }
  const f = figure(t);
  return f === null ? null : { target: f };
}

export function withTarget(plan: PlanJson, id: string, target: PlanTarget): PlanJson {
  const old = plan.chiTieu[id];
  if (!old || old.tieuDe) return plan;
  return withEntry(plan, id, { ...old, keHoach: target });
}

/** The plan as an insert takes it: the order of the text in `thuTu`, without the reading's unread lines. */
export function planForInsert(plan: PlanJson): PlanJson {
  const { khongDoc, ...rest } = plan;
  void khongDoc;
  return { ...rest, thuTu: entriesInOrder(plan).map(([id]) => id) };
}

/** What the plan model refuses in this plan (one Vietnamese line), or null when it builds. */
export function planProblem(plan: PlanJson): string | null {
  try {
    planFromObject(planForInsert(plan));
    return null;
  } catch (err) {
    if (err instanceof PlanError) return err.message;
    throw err;
  }
}
