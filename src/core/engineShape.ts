// What the engine needs of a plan that no unit's figures change: each row's cell names, columns and parent,
// the structure groups, the "giảm cả 3 mặt" headings and where their results stand. Built once per plan and
// kept while the plan lives (a plan is not changed after it is read; planIndex relies on that too), so
// checking a hundred units' workbooks against one plan does this work once, not a hundred times.
import type { Heading, Indicator } from './plan';
import { MEASURES, planIndex } from './plan';
import { structureGroups, type StructureGroup } from './planRead';
import { cellName, rowKey, WEIGHT_COLUMN } from './names';
import type { InputColumn, Measure } from './types';

export interface RowShape {
  ind: Indicator;
  measure: Measure | null;
  /** rowKey(id, measure). */
  key: string;
  /** The input columns the row has: KHTT only on growth rows. */
  columns: readonly InputColumn[];
  /** Defined names of the row's input cells. */
  names: Readonly<Record<InputColumn, string>>;
  /** Key of the total this row is a component of, in the same measure; null if none. */
  parentKey: string | null;
  /** Keys of the components that add up to this row, in the same measure; null if none. */
  componentKeys: string[] | null;
  /** Key of the whole this row is a "trong đó" part of; null if none. */
  partOfKey: string | null;
  /** The plan figure is a magnitude the entries should be near (amounts, levels; not generic units). */
  planIsMagnitude: boolean;
}

/** One place of the report's indicator list: a row's result, or the result of allOf[heading]. */
export type Slot = { row: string } | { heading: number };

export interface AllOfHeading {
  heading: Heading;
  /** Keys of the rows under it, in the plan's order. */
  memberKeys: string[];
}

export interface PlanShape {
  rows: RowShape[];
  /** Indicators with a weight (quyền số) and the name of their QS cell, in the plan's order. */
  weighted: { ind: Indicator; name: string }[];
  /** How many indicators the plan had when the shape was built. */
  size: number;
  structure: StructureGroup[];
  allOf: AllOfHeading[];
  /** The report's indicators in order: rows, with each heading result after its last member. */
  slots: Slot[];
}

const GROWTH_COLUMNS: readonly InputColumn[] = ['KH', 'KHTT', 'TN', 'TH'];
const PLAIN_COLUMNS: readonly InputColumn[] = ['KH', 'TN', 'TH'];
const MAGNITUDE_RULES: ReadonlySet<string> = new Set(['min', 'max', 'gt', 'lt', 'growth', 'info']);

const cache = new WeakMap<readonly Indicator[], WeakMap<readonly Heading[], PlanShape>>();

export function planShape(indicators: readonly Indicator[], headings: readonly Heading[]): PlanShape {
  let byHeadings = cache.get(indicators);
  const cached = byHeadings?.get(headings);
  if (cached && cached.size === indicators.length) return cached;
  const shape = buildShape(indicators, headings);
  if (!byHeadings) cache.set(indicators, (byHeadings = new WeakMap()));
  byHeadings.set(headings, shape);
  return shape;
}

/**
 * The same text as a property key: a string built by concatenation is looked up in a snapshot's cells
 * through the engine's table of unique strings on every access (measured: 10–15 % of the engine's time on
 * 100 units); the key Object.keys gives back is that unique string itself.
 */
const keyOf = (name: string): string => Object.keys({ [name]: 0 })[0]!;

function buildShape(indicators: readonly Indicator[], headings: readonly Heading[]): PlanShape {
  const index = planIndex(indicators, headings);
  const rows: RowShape[] = [];
  for (const ind of indicators) {
    for (const measure of ind.plan.kind === 'growth' ? MEASURES : [null]) {
      const parent = index.parentOf.get(ind.id);
      rows.push({
        ind, measure,
        key: rowKey(ind.id, measure),
        columns: ind.rule === 'growth' ? GROWTH_COLUMNS : PLAIN_COLUMNS,
        names: {
          KH: keyOf(cellName('KH', ind.id, measure)), KHTT: keyOf(cellName('KHTT', ind.id, measure)),
          TN: keyOf(cellName('TN', ind.id, measure)), TH: keyOf(cellName('TH', ind.id, measure)),
        },
        parentKey: parent ? rowKey(parent.id, measure) : null,
        componentKeys: ind.components ? ind.components.map((id) => rowKey(id, measure)) : null,
        partOfKey: ind.partOf ? rowKey(ind.partOf, measure) : null,
        planIsMagnitude: MAGNITUDE_RULES.has(ind.rule) && ind.unit !== 'generic',
      });
    }
  }
  // Rows by key as the engine's map holds them: a repeated key keeps its first place and its last row.
  const unique = new Map<string, RowShape>();
  for (const r of rows) unique.set(r.key, r);
  const allOf: AllOfHeading[] = [];
  for (const h of headings.filter((x) => x.allOf)) {
    const memberKeys = [...unique.values()].filter((r) => r.ind.heading === h.id).map((r) => r.key);
    if (memberKeys.length > 0) allOf.push({ heading: h, memberKeys });
  }
  // Each heading result goes after the last entry whose indicator sits under that heading.
  const placed: { id: string; slot: Slot }[] = [...unique.values()].map((r) => ({ id: r.ind.id, slot: { row: r.key } }));
  allOf.forEach(({ heading }, i) => {
    const lastIdx = placed.map((p) => index.byId.get(p.id)?.heading).lastIndexOf(heading.id);
    placed.splice(lastIdx + 1, 0, { id: heading.id, slot: { heading: i } });
  });
  return {
    rows,
    weighted: indicators.filter((ind) => ind.weight).map((ind) => ({ ind, name: keyOf(cellName(WEIGHT_COLUMN, ind.id)) })),
    size: indicators.length,
    structure: structureGroups(indicators),
    allOf,
    slots: placed.map((p) => p.slot),
  };
}
