// Entries that fill a template: exactly at plan (for tests that a plan met is reported met), and a
// realistic unit's report with chosen deviations (for the demo and the benchmark).
import { INDICATORS, indicatorKeys, type Indicator } from '../core/catalog';
import { cellName } from '../core/names';
import { roundTo } from '../core/vnNumber';
import type { Measure } from '../core/types';
import type { Entries } from './inMemory';
import { planDecimals } from '../core/precision';

/** Levels a reduction starts from (‰ birth rate, % poor households): realistic for a district. */
const REDUCE_FROM: Record<string, number> = { '7': 14.3, '16': 4.8 };

function planNumber(ind: Indicator, measure: Measure | null): number | null {
  const p = ind.plan;
  if (p.kind === 'growth') return p[measure ?? 'sp'].value.value;
  if (p.kind === 'number') return p.value.value;
  if (p.kind === 'criteria') return p.required;
  return null;
}

/** Each value row with what the fillers need: its TH/TN names, plan number and written precision. */
function valueRows(indicators: readonly Indicator[]) {
  return indicatorKeys(indicators).map(({ id, measure }) => {
    const ind = indicators.find((i) => i.id === id)!;
    return { id, measure, ind, TH: cellName('TH', id, measure), TN: cellName('TN', id, measure), plan: planNumber(ind, measure), d: planDecimals(ind, measure) };
  });
}

/** The least entries that meet every plan at its written precision. */
export function atPlanEntries(indicators: readonly Indicator[] = INDICATORS): Entries {
  const e: Entries = {};
  for (const { id, ind, TH, TN, plan, d } of valueRows(indicators)) {
    switch (ind.rule) {
      case 'pass': e[TH] = 'Đạt'; break;
      case 'decrease': e[TN] = 20; e[TH] = 19; break;
      case 'reduce': {
        const from = REDUCE_FROM[id] ?? 10;
        e[TN] = from; e[TH] = roundTo(from - plan!, d + 2);
        break;
      }
      case 'gt': e[TH] = roundTo(plan! + 10 ** -d, d); break;
      default: e[TH] = plan!;
    }
  }
  return e;
}

/**
 * A unit's realistic report: every figure near its plan, scaled by `factor` (1 = at plan), with the
 * previous year's figures typed where a district office keeps them. Deterministic for a given seed.
 */
export function realisticEntries(seed = 1, indicators: readonly Indicator[] = INDICATORS): Entries {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const e = atPlanEntries(indicators);
  for (const { measure, ind, TH, TN, plan, d } of valueRows(indicators)) {
    if (ind.rule === 'growth' && ind.plan.kind === 'growth') {
      const p = ind.plan[measure ?? 'sp'];
      const prev = Math.round((p.value.value / p.index.value) * 100);
      e[TN] = prev;
      e[TH] = Math.round(prev * (p.index.value / 100) * (0.97 + rand() * 0.06));
    } else if ((ind.rule === 'min' || ind.rule === 'max') && plan !== null) {
      // Most units meet most targets; a few fall short.
      const v = ind.rule === 'max' ? plan * (0.9 + rand() * 0.12) : plan * (0.97 + rand() * 0.09);
      e[TH] = ind.unit === 'percent' ? Math.min(100, roundTo(v, Math.max(d, 1))) : ind.unit === 'people' || ind.unit === 'count' ? Math.round(v) : roundTo(v, Math.max(d, 1));
    } else if (ind.rule === 'decrease') {
      const prev = 10 + Math.floor(rand() * 30);
      e[TN] = prev;
      e[TH] = Math.max(0, prev + Math.floor(rand() * 7) - 4);
    }
  }
  // Parts of indicator 1 must add up to their totals, as in a real table.
  for (const m of ['sp', 'sx'] as const) {
    const n = (id: string) => e[cellName('TH', id, m)] as number;
    e[cellName('TH', '1.2', m)] = n('1.2.1') + n('1.2.2');
    e[cellName('TH', '1', m)] = n('1.1') + n('1.2') + n('1.3');
    const p = (id: string) => e[cellName('TN', id, m)] as number;
    e[cellName('TN', '1.2', m)] = p('1.2.1') + p('1.2.2');
    e[cellName('TN', '1', m)] = p('1.1') + p('1.2') + p('1.3');
  }
  return e;
}
