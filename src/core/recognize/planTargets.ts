// A plan JSON as the list of things a table row can be matched to: one target per entry, two for an
// entry with two measures (the seed's sp/sx), headings apart.
import type { PlanEntryJson, PlanJson, PlanRule, PlanTarget } from '../planJson';
import { readCellText } from '../vnNumber';
import { guessRule } from './guessRule';
import { tokenSet, words } from './normalize';

export interface PlanTargetRow {
  id: string;
  measure: 'sp' | 'sx' | null;
  name: string;
  unit: string;
  rule: PlanRule;
  target: PlanTarget;
  /** The plan figure as a number, when it is one (matching a row's KH cell is strong evidence). */
  figure: number | null;
  tokens: Set<string>;
  heading: boolean;
  entry: PlanEntryJson;
  order: number;
}

export function figureOf(t: PlanTarget | undefined): number | null {
  if (typeof t === 'number') return t;
  if (typeof t === 'string') {
    const r = readCellText(t);
    return r.kind === 'number' ? r.value : r.kind === 'comparison' ? r.value : null;
  }
  if (t && typeof t === 'object') return t.tu;
  return null;
}

function ruleOf(e: PlanEntryJson): PlanRule {
  if (e.quyTac) return e.quyTac;
  if (e.sp && e.sx) return 'growth';
  const k = e.keHoach;
  if (k === null || k === undefined) return 'info';
  const text = typeof k === 'object' ? `${k.tu} - ${k.den}` : String(k);
  return guessRule(e.tenChiTieu, e.donViTinh, text)?.rule ?? 'info';
}

export function planTargets(plan: PlanJson): PlanTargetRow[] {
  const out: PlanTargetRow[] = [];
  let order = 0;
  for (const [id, e] of Object.entries(plan.chiTieu)) {
    const base = { id, name: e.tenChiTieu, unit: e.donViTinh, tokens: tokenSet(e.tenChiTieu), heading: !!e.tieuDe, entry: e };
    if (e.sp && e.sx) {
      for (const m of ['sp', 'sx'] as const) {
        out.push({ ...base, measure: m, rule: 'growth', target: e[m]!.keHoach, figure: figureOf(e[m]!.keHoach), order: order++ });
      }
      continue;
    }
    out.push({ ...base, measure: null, rule: e.tieuDe ? 'info' : ruleOf(e), target: e.keHoach ?? null, figure: figureOf(e.keHoach), order: order++ });
  }
  return out;
}

/** The measure a label names: "Giá trị sản xuất", "GTSX …" → sx; "Giá trị sản phẩm" → sp. */
export function measureNamed(label: string): 'sp' | 'sx' | null {
  const w = ` ${words(label).join(' ')} `;
  if (w.includes(' gia tri san xuat ')) return 'sx';
  if (w.includes(' gia tri san pham ')) return 'sp';
  return null;
}
