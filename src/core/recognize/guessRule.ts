// A narrow rule guesser for a row read without a plan: the row's name, its unit and the plan figure as
// written in its KH cell give the rule (quyTac) and the target (keHoach). The full reader of plan text
// (src/core/planText/) can take its place behind the same signature.
import type { PlanRule, PlanTarget } from '../planJson';
import { readCellText } from '../vnNumber';
import { decimalsOfValue } from '../precision';
import { lowerIsBetter } from './known';
import { fold } from './normalize';

export interface GuessedRule {
  rule: PlanRule;
  target: PlanTarget;
}

/** "6,5 - 7,0", "25–27": a range target. */
function readRange(t: string): { tu: number; den: number } | null {
  const m = /^(.+?)\s*[-–—]\s*(.+)$/.exec(t);
  if (!m) return null;
  const a = readCellText(m[1]!);
  const b = readCellText(m[2]!);
  return a.kind === 'number' && b.kind === 'number' && a.value < b.value ? { tu: a.value, den: b.value } : null;
}

/** The target as a number or kept as written (precision): "927,818" stays text, 4449 stays a number. */
function figure(text: string, value: number, decimals: number): number | string {
  return decimals !== decimalsOfValue(value) ? text : value;
}

export function guessRule(name: string, unit: string, planText: string): GuessedRule | null {
  const raw = planText.normalize('NFC').trim();
  if (!raw) return null;
  const f = fold(raw);
  const fname = fold(name);
  const lower = lowerIsBetter(name);
  if (/^(dat|hoan thanh|dat chuan|giu vung|duy tri)$/.test(f)) return { rule: 'pass', target: 'Đạt' };
  if (/^giam$/.test(f)) return { rule: 'decrease', target: null };
  if (/^tang$/.test(f)) return { rule: 'increase', target: null };

  // Words before the figure: "trên 90", "dưới 1,2", "không quá 5", "giảm 1,5", "tăng 7,8%", "khoảng 9.350".
  const lead = /^(tren|hon|duoi|khong qua|toi da|toi thieu|it nhat|tu|giam|tang|khoang|dat|chiem)\s+(.*)$/.exec(f);
  const word = lead?.[1] ?? null;
  const rest = lead ? raw.slice(raw.length - lead[2]!.length) : raw;

  const growthWords = word === 'tang' || /(toc do tang|tang truong)/.test(fname);
  const range = readRange(rest.replace(/%$/, ''));
  if (range) return { rule: lower ? 'max' : growthWords ? 'growth-rate' : 'min', target: range };

  const r = readCellText(rest);
  if (r.kind === 'fraction') return { rule: 'criteria', target: `${r.numerator}/${r.denominator}` };
  if (r.kind === 'pass') return { rule: 'pass', target: 'Đạt' };
  if (r.kind === 'decrease') return { rule: 'decrease', target: null };
  if (r.kind === 'comparison') {
    const rule: PlanRule = r.op === '>' ? 'gt' : r.op === '<' ? 'lt' : r.op === '<=' ? 'max' : 'min';
    return { rule, target: r.value };
  }
  if (r.kind !== 'number') return null;
  const target = figure(rest.replace(/%$/, '').trim(), r.value, r.decimals);
  // "19 tiêu chí": all of N criteria.
  if (/^tieu chi$/.test(fold(unit)) && Number.isInteger(r.value) && r.value > 0) return { rule: 'criteria', target: `${r.value}/${r.value}` };
  if (word === 'tren' || word === 'hon') return { rule: 'gt', target };
  if (word === 'duoi') return { rule: 'lt', target };
  if (word === 'khong qua' || word === 'toi da') return { rule: 'max', target };
  if (word === 'chiem' || /\bchiem\b|co cau/.test(fname)) return { rule: 'structure', target };
  // "giảm … còn X": X is what is left, a ceiling; "giảm X": a reduction by X.
  if (/\bgiam\b.*\bcon\b|\bcon\s*$/.test(`${fname} ${f}`.replace(/\d.*$/, ''))) return { rule: 'max', target };
  if (word === 'giam' || /\bgiam\b/.test(fname)) return { rule: 'reduce', target };
  if (growthWords) return { rule: 'growth-rate', target };
  if (lower) return { rule: 'max', target };
  return { rule: 'min', target };
}
