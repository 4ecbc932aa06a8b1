// The requirement column (Yêu cầu, names YC_<id>): a row's rule and target in the words a plan uses —
// "≥ 95", "dưới 1,2", "không quá 9,5", "giảm 1,5 điểm", "giảm 12 hộ", "6,5 – 7", "9/9", "Đạt",
// "tăng ≥ 8,5%", "khoảng 5", "cơ cấu", "theo dõi", "—". The template writes it with formatRequirement;
// the user may edit it; the check reads it back with parseRequirement. parse(format(r)) = r.
import type { IndicatorPlan, PlanFigure } from './plan';
import type { RuleKind } from './types';
import { decimalsOf, formatVietnameseNumber, readCellText } from './vnNumber';

/** What a requirement says: the figures (number, range, x/N) or none for rules without one in words. */
export type RequirementTarget =
  | { kind: 'number'; value: PlanFigure }
  | { kind: 'range'; from: PlanFigure; to: PlanFigure }
  | { kind: 'criteria'; required: number; of: number }
  | { kind: 'none' };

export interface Requirement {
  rule: RuleKind;
  target: RequirementTarget;
  /** "khoảng X". */
  approximate?: boolean;
}

/** A row's requirement from its plan entry. Growth rows say "tăng trưởng": their figures are KH and KHTT. */
export function requirementOf(ind: { rule: RuleKind; plan: IndicatorPlan; approximate?: boolean }): Requirement {
  const p = ind.plan;
  let target: RequirementTarget = { kind: 'none' };
  if (ind.rule !== 'growth') {
    if (p.kind === 'number') target = { kind: 'number', value: p.value };
    else if (p.kind === 'range') target = { kind: 'range', from: p.from, to: p.to };
    else if (p.kind === 'criteria') target = { kind: 'criteria', required: p.required, of: p.of };
  }
  const r: Requirement = { rule: ind.rule, target };
  if (ind.approximate) r.approximate = true;
  return r;
}

/** A figure in words at its written precision, in the Vietnamese way ("01" is "1", "33,00" stays). */
const bare = (f: PlanFigure) => formatVietnameseNumber(f.value, decimalsOf(f.text.replace(/^[<>≥≤]\s*/, '')));
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
const DASH = '–';

function figureWords(t: RequirementTarget): string {
  if (t.kind === 'number') return bare(t.value);
  if (t.kind === 'range') return `${bare(t.from)} ${DASH} ${bare(t.to)}`;
  if (t.kind === 'criteria') return `${t.required}/${t.of}`;
  return '';
}

/** The unit word of a reduction: points for a rate, the unit itself for counts ("hộ"). */
function reductionUnit(unitLabel: string): string {
  const u = unitLabel.trim();
  if (u === '%' || /^điểm/i.test(u)) return ' điểm';
  if (u === '‰') return '‰';
  return u ? ` ${u.toLowerCase()}` : '';
}

/** The requirement in words, as the template's YC cell shows it. */
export function formatRequirement(r: Requirement, unitLabel = ''): string {
  const f = figureWords(r.target);
  const approx = r.approximate ? 'khoảng ' : '';
  const has = r.target.kind !== 'none';
  switch (r.rule) {
    case 'min': return has ? (r.approximate ? `khoảng ${f}` : r.target.kind === 'range' ? f : `≥ ${f}`) : '—';
    case 'max': return has ? `không quá ${approx}${f}` : '—';
    case 'gt': return has ? `trên ${approx}${f}` : '—';
    case 'lt': return has ? `dưới ${approx}${f}` : '—';
    case 'reduce': return has ? `giảm ${approx}${f}${reductionUnit(unitLabel)}` : 'giảm';
    case 'decrease': return 'giảm';
    case 'increase': return 'tăng';
    case 'criteria': return has ? f : '—';
    case 'pass': return 'Đạt';
    case 'growth': return 'tăng trưởng';
    case 'growth-rate': return has ? `tăng ${r.approximate ? 'khoảng ' : r.target.kind === 'range' ? '' : '≥ '}${f}%` : 'tăng';
    case 'structure': return has ? `cơ cấu ${approx}${f}%`.replace(/%%$/, '%') : 'cơ cấu';
    case 'info': return has ? `theo dõi ${f}` : 'theo dõi';
  }
}

/** A figure in words: "1,5", "9.350", "6,5 – 7". */
function readFigureWords(text: string): RequirementTarget | null {
  const t = text.trim().replace(/\s*(%|‰)$/, '');
  if (!t) return null;
  const range = /^(?:từ\s+)?(.+?)\s*(?:–|—|-|đến|tới)\s*(.+)$/i.exec(t);
  if (range && !/^[-−]/.test(t)) {
    const from = number(range[1]!.replace(/\s*(%|‰)$/, ''));
    const to = number(range[2]!);
    if (from && to && from.value < to.value) return { kind: 'range', from, to };
    return null;
  }
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return null;
  const n = number(t);
  return n ? { kind: 'number', value: n } : null;
}

function number(text: string): PlanFigure | null {
  const t = text.trim();
  const r = readCellText(t);
  if (r.kind !== 'number' || !Number.isFinite(r.value)) return null;
  return { value: r.value, text: formatVietnameseNumber(r.value, r.decimals) };
}

/**
 * The requirement a person wrote, or null when the words are not understood (the check says so and keeps
 * the stored plan's rule). Leading words decide the rule; the rest is the figure.
 */
export function parseRequirement(text: string): Requirement | null {
  if (typeof text !== 'string') return null;
  const raw = text.normalize('NFC').trim();
  if (raw === '' ) return null;
  if (/^[—–-]$/.test(raw)) return { rule: 'info', target: { kind: 'none' } };
  const words = fold(raw);
  if (words === 'dat') return { rule: 'pass', target: { kind: 'none' } };
  if (words === 'tang truong') return { rule: 'growth', target: { kind: 'none' } };
  if (words === 'tang') return { rule: 'increase', target: { kind: 'none' } };
  if (words === 'giam') return { rule: 'decrease', target: { kind: 'none' } };
  if (words === 'co cau') return { rule: 'structure', target: { kind: 'none' } };
  if (words === 'theo doi') return { rule: 'info', target: { kind: 'none' } };
  const frac = /^(\d+)\s*\/\s*(\d+)(?:\s*tiêu chí)?$/i.exec(raw);
  if (frac) {
    const required = Number(frac[1]);
    const of = Number(frac[2]);
    return required > 0 && required <= of && of <= 1000 ? { rule: 'criteria', target: { kind: 'criteria', required, of } } : null;
  }
  // Keyword prefixes, longest first, on the folded text; the figure is cut from the original at the same length.
  const prefixes: [RegExp, RuleKind, boolean?][] = [
    [/^(giam (xuong )?con|con) /, 'max'],
    [/^giam (khoang )?/, 'reduce'],
    [/^tang (tu |tren |≥ ?|>= ?)?(khoang )?/, 'growth-rate'],
    [/^co cau (khoang )?/, 'structure'],
    [/^theo doi /, 'info'],
    [/^(khong qua|khong vuot|toi da|≤|<=) ?(khoang )?/, 'max'],
    [/^(tren|hon|>) ?(khoang )?/, 'gt'],
    [/^(duoi|<) ?(khoang )?/, 'lt'],
    [/^(≥|>=|toi thieu|it nhat|dat) ?/, 'min'],
    [/^khoang /, 'min'],
  ];
  for (const [re, rule] of prefixes) {
    const m = re.exec(words);
    if (!m) continue;
    const approximate = /khoang/.test(m[0]);
    let rest = raw.slice(m[0].length).trim();
    rest = rest.replace(/\s*trở lên$/i, '');
    if (rule === 'reduce') rest = rest.replace(/\s*(điểm( phần trăm| %)?|%|‰|[\p{L}\s]+)$/u, '');
    const target = readFigureWords(rest);
    if (!target) return null;
    const r: Requirement = { rule, target };
    if (approximate) r.approximate = true;
    return r;
  }
  const t = readFigureWords(raw.replace(/\s*trở lên$/i, '').replace(/^từ\s+(?=[\d])(?!.*(đến|–|-))/i, ''));
  return t ? { rule: 'min', target: t } : null;
}
