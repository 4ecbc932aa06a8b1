// Recognising a table of the user's own: header, body, and each indicator row matched to the plan given
// (or, without one, read as its own plan entry from its words, unit and KH figure). Nothing is written:
// the result says which cell is which, and the adapters attach the contract's names to those cells.
import type { PlanJson, PlanEntryJson } from '../planJson';
import { formatVietnameseNumber } from '../vnNumber';
import { decimalsOfFormat } from '../precision';
import { readBody, type BodyRow } from './body';
import { GridReader, textOf } from './grid';
import { guessRule } from './guessRule';
import { findHeader, looksLikeHeaderRow, type HeaderFound } from './header';
import { assignIds } from './ids';
import { matchRows, type MatchCandidate } from './match';
import { stripMarks } from './normalize';
import { measureNamed, planTargets, type PlanTargetRow } from './planTargets';
import type { AdoptJson, RecognizedHeading, RecognizedRow, Recognition, RecognizeResult, SheetGrid, UnmatchedRow } from './types';

export interface RecognizeOptions {
  /** The plan to match rows to (`--plan`, or the workbook's own); without it rows state their own plan. */
  plan?: PlanJson | null;
  /** Look for the header from this sheet row on (the selection's first row in the add-in). */
  fromRow?: number;
}

export function recognizeTable(grid: SheetGrid, options: RecognizeOptions = {}): RecognizeResult {
  const g = new GridReader(grid);
  const h = findHeader(g, Math.max(g.top, options.fromRow ?? g.top));
  if (!h) {
    return { ok: false, reason: `Không tìm thấy bảng chỉ tiêu trên sheet "${grid.name}": không có dòng tiêu đề nêu cột Chỉ tiêu/Nội dung và Kế hoạch hoặc Thực hiện.` };
  }
  // A second table's header has header words and no figures; a body row whose name or note happens to
  // say "thực hiện" or "ước tính" has figures.
  const isHeader = (r: number) => looksLikeHeaderRow(g, r) && !g.columns().some((c) => typeof g.value(r, c) === 'number');
  const body = readBody(g, h, isHeader);
  if (!body.rows.some((r) => r.kind === 'indicator')) {
    return { ok: false, reason: `Sheet "${grid.name}" có dòng tiêu đề ở dòng ${h.rows[0]} nhưng không có dòng chỉ tiêu nào có số liệu bên dưới.` };
  }
  const ids = assignIds(body.rows);
  const context = contexts(body.rows);
  const partOfIndex = parts(body.rows);

  const rows: RecognizedRow[] = [];
  const headings: RecognizedHeading[] = [];
  const unmatched: UnmatchedRow[] = [];
  const missing: Recognition['missing'] = [];
  const ownPlan: Record<string, PlanEntryJson> = {};
  const idAt = new Map<number, string>();

  if (options.plan) {
    const targets = planTargets(options.plan);
    const candidates: MatchCandidate[] = body.rows.map((r, i) => ({
      index: i, name: r.name, unit: r.unit, tt: r.tt, plan: r.values.KH ?? null, measure: context[i]!.measure,
    }));
    // Headings match headings; an indicator may sit on a row with no figures yet (a table still to fill).
    const outcome = matchRows(candidates, targets, (c, t) => {
      const heading = body.rows[c.index]!.kind === 'heading';
      if (t.heading) return heading ? 0 : null;
      return heading ? -0.2 : 0;
    });
    body.rows.forEach((r, i) => {
      const m = outcome.matched.get(i);
      if (m && m.target.heading) {
        headings.push({ row: r.row, tt: r.tt, text: r.name, id: m.target.id });
        idAt.set(i, m.target.id);
      } else if (m) {
        idAt.set(i, m.target.id);
        rows.push(rowOf(r, m.target.id, m.target, context[i]!.headingRow, Math.min(1, m.score)));
      } else if (r.kind === 'heading') {
        headings.push({ row: r.row, tt: r.tt, text: r.name, id: null });
      } else {
        const u = outcome.unmatched.get(i)!;
        unmatched.push({ row: r.row, text: r.name, reason: u.reason, confidence: u.score, closest: u.closest ? { id: u.closest.id, name: u.closest.name } : null });
      }
    });
    for (const t of outcome.missing) {
      if (t.heading || missing.some((x) => x.id === t.id)) continue;
      missing.push({ id: t.id, name: t.name, reason: `Không có dòng nào trong bảng khớp với chỉ tiêu này${t.measure ? ` (${t.measure === 'sp' ? 'giá trị sản phẩm' : 'giá trị sản xuất'})` : ''}.` });
    }
  } else {
    body.rows.forEach((r, i) => {
      const id = ids[i]!;
      if (r.kind === 'heading') {
        headings.push({ row: r.row, tt: r.tt, text: r.name, id });
        idAt.set(i, id);
        return;
      }
      const planText = khText(g, h, r);
      const guessed = planText ? guessRule(stripMarks(r.name), r.unit ?? '', planText) : null;
      if (!guessed) {
        const reason = planText
          ? `Không đọc được số kế hoạch "${planText}" nên không biết chỉ tiêu phải đạt gì; hãy dùng --plan hoặc sửa ô kế hoạch.`
          : 'Dòng không có số kế hoạch (cột Kế hoạch trống) nên không biết chỉ tiêu phải đạt gì; hãy dùng --plan.';
        unmatched.push({ row: r.row, text: r.name, reason, confidence: 0, closest: null });
        return;
      }
      idAt.set(i, id);
      const entry: PlanEntryJson = { tenChiTieu: stripMarks(r.name), donViTinh: r.unit ?? '', quyTac: guessed.rule, keHoach: guessed.target };
      ownPlan[id] = entry;
      rows.push(rowOf(r, id, null, context[i]!.headingRow, 1, guessed));
    });
  }

  // "trong đó" rows: a part of the nearest row above that is not itself a part (with a plan, its thuoc).
  for (const row of rows) {
    const i = body.rows.findIndex((r) => r.row === row.row);
    const fromPlan = options.plan?.chiTieu[row.id]?.thuoc;
    const whole = partOfIndex[i];
    row.partOf = fromPlan ?? (whole !== undefined && whole !== null ? idAt.get(whole) ?? null : null);
    if (!options.plan && row.partOf && ownPlan[row.id]) ownPlan[row.id]!.thuoc = row.partOf;
  }
  for (const row of rows) {
    const hd = headings.find((x) => x.row === row.headingRow);
    if (!options.plan && hd?.id && ownPlan[row.id]) ownPlan[row.id]!.nhom = hd.id;
  }

  const table: Recognition = {
    sheet: grid.name,
    columns: h.mapping,
    headerRows: h.rows,
    numberRow: h.numberRow,
    firstRow: h.bodyStart,
    lastRow: body.lastRow,
    rows, headings, unmatched, missing,
    moreTables: moreTables(g, body.nextHeader ?? body.lastRow + 1, isHeader),
    plan: ownPlan,
  };
  return { ok: true, table };
}

function rowOf(r: BodyRow, id: string, t: PlanTargetRow | null, headingRow: number | null, confidence: number, guessed?: { rule: RecognizedRow['rule']; target: RecognizedRow['target'] }): RecognizedRow {
  const e = t?.entry;
  const planIndex = t?.measure ? e?.[t.measure]?.chiSo ?? null : e?.chiSo ?? null;
  return {
    row: r.row, id, name: r.name,
    rule: t?.rule ?? guessed!.rule,
    measure: t?.measure ?? null,
    tt: r.tt, unit: r.unit,
    target: t ? t.target : guessed!.target,
    planIndex,
    cells: r.cells, values: r.values,
    headingRow, partOf: null,
    confidence,
  };
}

/** The KH cell as text for the rule guesser: a number as Vietnamese write it, at its written precision. */
function khText(g: GridReader, h: HeaderFound, r: BodyRow): string {
  const v = r.values.KH ?? null;
  if (typeof v === 'number') {
    const d = h.col.KH !== undefined ? decimalsOfFormat(g.format(r.row, h.col.KH)) : null;
    return formatVietnameseNumber(v, d ?? undefined);
  }
  return textOf(v);
}

/** For each row: the heading it sits under and the measure (sp/sx) it or its heading names. */
function contexts(rows: readonly BodyRow[]): { headingRow: number | null; measure: 'sp' | 'sx' | null }[] {
  let heading: BodyRow | null = null;
  let measure: 'sp' | 'sx' | null = null;
  return rows.map((r) => {
    if (r.kind === 'heading') {
      heading = r;
      measure = measureNamed(r.name);
      return { headingRow: null, measure };
    }
    return { headingRow: heading?.row ?? null, measure: measureNamed(r.name) ?? measure };
  });
}

/** Index of the row each "trong đó" row is a part of: the nearest indicator row above that is not a part. */
function parts(rows: readonly BodyRow[]): (number | null)[] {
  return rows.map((r, i) => {
    if (!r.part) return null;
    for (let j = i - 1; j >= 0; j--) if (rows[j]!.kind === 'indicator' && !rows[j]!.part) return j;
    return null;
  });
}

function moreTables(g: GridReader, from: number, isHeader: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let r = from; r <= g.bottom; r++) {
    if (isHeader(r) && !(out.length && out[out.length - 1]! === r - 1)) out.push(r);
  }
  return out;
}

/** `chitieu adopt --json`. */
export function toAdoptJson(rec: Recognition): AdoptJson {
  return {
    sheet: rec.sheet,
    columns: { ...rec.columns.letters },
    rows: rec.rows.map((r) => ({ row: r.row, id: r.id, name: r.name, rule: r.rule })),
    unmatched: rec.unmatched.map((u) => ({ row: u.row, text: u.text })),
  };
}
