// What the pane lists after a check, as plain data: errors, shortfalls (one per row) and warnings that ask
// for an action, each in sheet order; the rows without data folded apart; the bars of the chart. Counts come
// from core's tally (one definition), so the lists always hold what the status line says.
import type { JudgedRows } from '../core/checked';
import { cellName, rowKey } from '../core/names';
import { indicatorName, planIndex } from '../core/plan';
import { aggregateIds, judgedRows, needsReview, UNENTERED_CODES } from '../core/tally';
import type { Finding, FindingCode, IndicatorResult, Measure, Report } from '../core/types';

export type ItemKind = 'error' | 'shortfall' | 'review';

export interface ResultItem {
  kind: ItemKind;
  id: string;
  measure: Measure | null;
  /** The indicator's name, as in the sheet. */
  title: string;
  messages: string[];
  /** A1 address as Excel shows it (null: the row as a whole). */
  cell: string | null;
  /** The sheet of the cell, when the finding says. */
  sheet: string | undefined;
  /** Defined name the click selects. */
  target: string;
  /** Shown only under "Chi tiết kỹ thuật": finding codes and defined names. */
  codes: FindingCode[];
  names: string[];
}

export interface NoDataRow {
  id: string;
  measure: Measure | null;
  title: string;
  /** The actual (TH) cell to select. */
  target: string;
  cell: string | null;
  sheet: string | undefined;
}

export interface Bar {
  id: string;
  measure: Measure | null;
  title: string;
  percent: number;
  short: boolean;
}

export interface Results {
  items: ResultItem[];
  noData: NoDataRow[];
  bars: Bar[];
}

type TitleOf = (id: string, measure: Measure | null) => string;

/** A row's title from the plan it was judged by; its id when the report came without one. */
function titlesOf(plan: JudgedRows | null): TitleOf {
  const byId = plan ? planIndex(plan.indicators, plan.headings).byId : null;
  return (id, measure) => {
    const ind = byId?.get(id);
    return ind ? indicatorName(ind, measure) : id;
  };
}

/** "G12" → [12, 7]: row, then column, for sheet order. */
function position(cell: string | null): [number, number] | null {
  const m = cell ? /^([A-Z]+)(\d+)$/i.exec(cell.replace(/\$/g, '')) : null;
  if (!m) return null;
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

/**
 * The sheet row of every result row: the row of its cells where a finding names one, else just after the
 * row above it in the Report (whose order is the sheet's), so a row-level finding (QP.2) stays in place.
 */
function rowPositions(report: Report): Map<string, number> {
  const known = new Map<string, number>();
  for (const f of report.findings) {
    const p = position(f.cell);
    const k = rowKey(f.id, f.measure);
    if (p && (!known.has(k) || p[0] < known.get(k)!)) known.set(k, p[0]);
  }
  const out = new Map<string, number>();
  let last = 0;
  report.indicators.forEach((r, i) => {
    const k = rowKey(r.id, r.measure);
    last = known.get(k) ?? last + 1e-3 * (i + 1);
    out.set(k, last);
  });
  for (const [k, row] of known) if (!out.has(k)) out.set(k, row);
  return out;
}

/** `plan`: the rows the report was judged by (core/checked rowsOf): titles and aggregate rows come from it. */
export function resultsOf(report: Report, plan: JudgedRows | null = null): Results {
  const titleOf = titlesOf(plan);
  const rows = rowPositions(report);
  const at = (id: string, measure: Measure | null, cell: string | null): [number, number] => {
    const p = position(cell);
    return [p?.[0] ?? rows.get(rowKey(id, measure)) ?? Number.MAX_SAFE_INTEGER, p?.[1] ?? 0];
  };
  const judged = judgedRows(report, plan ? { headings: plan.headings } : {});
  const aggregates = aggregateIds(plan?.headings);
  const item = (kind: ItemKind, fs: Finding[], id: string, measure: Measure | null, fallback: string): ResultItem => {
    const withCell = fs.find((f) => f.cell) ?? fs[0];
    return {
      kind, id, measure, title: titleOf(id, measure),
      messages: fs.length ? fs.map((f) => f.message) : [fallback],
      cell: withCell?.cell ?? null,
      sheet: withCell?.sheet,
      target: withCell?.name ?? cellName(fs.length ? 'DG' : 'TH', id, measure),
      codes: fs.map((f) => f.code),
      names: fs.map((f) => f.name).filter((n): n is string => n !== null),
    };
  };

  const errors = report.findings.filter((f) => f.severity === 'error').map((f) => item('error', [f], f.id, f.measure, ''));
  const review = report.findings.filter(needsReview).map((f) => item('review', [f], f.id, f.measure, ''));
  // One item per row not achieved; its findings (shortfall, behind-pace) explain it. An aggregate row's
  // finding (QP.2) is not an item of its own: its members are.
  const shortfalls = judged.filter((r) => r.status === 'chua-dat').map((r) => {
    const fs = report.findings.filter((f) => f.id === r.id && f.measure === r.measure && !aggregates.has(f.id) &&
      (f.severity === 'shortfall' || f.code === 'behind-pace'));
    return item('shortfall', fs, r.id, r.measure, 'chưa đạt kế hoạch');
  });
  const order = (a: ResultItem, b: ResultItem) => {
    const [ra, ca] = at(a.id, a.measure, a.cell);
    const [rb, cb] = at(b.id, b.measure, b.cell);
    return ra - rb || ca - cb;
  };
  const items = [...errors.sort(order), ...shortfalls.sort(order), ...review.sort(order)];

  const noData = judged.filter((r) => r.status === 'khong-du-lieu').map((r): NoDataRow => {
    const f = report.findings.find((x) => x.id === r.id && x.measure === r.measure && UNENTERED_CODES.has(x.code) && x.cell);
    return { id: r.id, measure: r.measure, title: titleOf(r.id, r.measure), target: f?.name ?? cellName('TH', r.id, r.measure), cell: f?.cell ?? null, sheet: f?.sheet };
  });
  // A row with an error is not drawn: its % (a figure typed in đồng is 10⁹ % of plan) is not a result.
  const wrong = new Set(report.findings.filter((f) => f.severity === 'error').map((f) => rowKey(f.id, f.measure)));
  return { items, noData, bars: barsOf(judged.filter((r) => !wrong.has(rowKey(r.id, r.measure))), titleOf) };
}

function barsOf(rows: IndicatorResult[], titleOf: TitleOf): Bar[] {
  return rows.filter((r) => r.percentOfPlan !== null && Number.isFinite(r.percentOfPlan))
    .map((r) => ({ id: r.id, measure: r.measure, title: titleOf(r.id, r.measure), percent: r.percentOfPlan!, short: r.status === 'chua-dat' }));
}

/** A cell as Excel shows it: "G12", or "'Xã B'!G12" when it is on another sheet than the one checked. */
export function cellLabel(cell: string, sheet: string | undefined, checkedSheet: string | undefined): string {
  if (!sheet || sheet === checkedSheet) return cell;
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
