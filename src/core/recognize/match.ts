// Matching a table's rows to the entries of a plan: each pair is scored by the words of the names
// (token sets, after Vietnamese folding and abbreviations), the unit, the plan figure in the row's KH
// cell and the TT; the best pairs are taken first and each entry and each row is used once. A row whose
// best score stays under the threshold is left unmatched with the reason.
import type { RawValue } from '../types';
import { readCellText } from '../vnNumber';
import { fmt } from '../format';
import { foldUnit, similarity, stripMarks, tokenSet } from './normalize';
import type { PlanTargetRow } from './planTargets';

/** Below this a row is not taken as the entry. */
export const MATCH_THRESHOLD = 0.5;

export interface MatchCandidate {
  /** Index of the row in the caller's list. */
  index: number;
  name: string;
  unit: string | null;
  tt: string | null;
  plan: RawValue;
  /** The measure the row or its heading names, if any. */
  measure: 'sp' | 'sx' | null;
}

export interface MatchOutcome {
  /** Row index → target, for the rows matched. */
  matched: Map<number, { target: PlanTargetRow; score: number }>;
  /** Row index → why not, for the rows left. */
  unmatched: Map<number, { reason: string; score: number; closest: PlanTargetRow | null }>;
  /** Targets no row took. */
  missing: PlanTargetRow[];
}

function numberOf(v: RawValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const r = readCellText(v);
    if (r.kind === 'number' || r.kind === 'comparison') return r.value;
  }
  return null;
}

function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);
}

export function scorePair(row: MatchCandidate, rowTokens: Set<string>, t: PlanTargetRow): number {
  let s = similarity(rowTokens, t.tokens);
  if (s === 0) return 0;
  const ru = foldUnit(row.unit);
  const tu = foldUnit(t.unit);
  if (ru && tu) s += ru === tu ? 0.08 : -0.08;
  const plan = numberOf(row.plan);
  if (plan !== null && t.figure !== null && sameFigure(plan, t.figure)) s += 0.15;
  const tt = (row.tt ?? '').replace(/[.)\s]+$/, '');
  if (tt && /^\d+(\.\d+)*$/.test(tt) && (t.id === tt || t.id.endsWith(`.${tt}`))) s += 0.05;
  if (t.measure && row.measure) s += t.measure === row.measure ? 0.1 : -0.3;
  return s;
}

/** `adjust`: a change of score for a pair, or null when the row cannot be that target at all. */
export function matchRows(
  rows: readonly MatchCandidate[],
  targets: readonly PlanTargetRow[],
  adjust: (row: MatchCandidate, t: PlanTargetRow) => number | null = () => 0,
): MatchOutcome {
  const pairs: { i: number; t: PlanTargetRow; s: number }[] = [];
  const best = new Map<number, { t: PlanTargetRow; s: number }>();
  for (const row of rows) {
    const tokens = tokenSet(row.name);
    for (const t of targets) {
      const a = adjust(row, t);
      if (a === null) continue;
      const s = scorePair(row, tokens, t) + a;
      if (s <= 0) continue;
      const b = best.get(row.index);
      if (!b || s > b.s) best.set(row.index, { t, s });
      if (s >= MATCH_THRESHOLD) pairs.push({ i: row.index, t, s });
    }
  }
  // Highest score first; on a tie the earlier row takes the earlier entry (sp before sx).
  pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.t.order - b.t.order);
  const matched: MatchOutcome['matched'] = new Map();
  const takenBy = new Map<PlanTargetRow, number>();
  for (const p of pairs) {
    if (matched.has(p.i) || takenBy.has(p.t)) continue;
    matched.set(p.i, { target: p.t, score: p.s });
    takenBy.set(p.t, p.i);
  }
  const unmatched: MatchOutcome['unmatched'] = new Map();
  for (const row of rows) {
    if (matched.has(row.index)) continue;
    const b = best.get(row.index);
    const score = Math.max(0, Math.min(1, b?.s ?? 0));
    let reason: string;
    if (!b) reason = 'Không có chỉ tiêu nào trong kế hoạch giống tên dòng này.';
    else if (b.s < MATCH_THRESHOLD) reason = `Không khớp chỉ tiêu nào của kế hoạch (gần nhất: ${b.t.id} "${stripMarks(b.t.name)}", độ giống ${fmt(score, 2)}).`;
    else {
      const other = takenBy.get(b.t);
      const where = other !== undefined ? rows.find((r) => r.index === other) : undefined;
      reason = `Chỉ tiêu gần nhất ${b.t.id} "${stripMarks(b.t.name)}" đã khớp với dòng "${stripMarks(where?.name ?? '')}" giống hơn.`;
    }
    unmatched.set(row.index, { reason, score, closest: b?.t ?? null });
  }
  const missing = targets.filter((t) => !takenBy.has(t));
  return { matched, unmatched, missing };
}
