// The plan a workbook is checked against: the plan JSON it stores (hidden sheet, src/core/planSheet.ts)
// overlaid with what its main sheet says — the requirement words (YC → rule and target), the TT, name and
// ĐVT of each row, rows the user added (an id in TT, a name and a requirement, no names yet) — minus the
// indicators whose cells are gone. A workbook without a stored plan (older templates) is the seed's.
// Pure: the adapters read the cells and rows; the KH/KHTT figures stay in the cells, where the engine reads them.
import { SEED_PLAN } from './catalog';
import { idKey, type Indicator, type IndicatorPlan, type Plan } from './plan';
import { planFromJson, ID_PATTERN } from './planRead';
import { PlanError } from './planError';
import { parseRequirement, type Requirement } from './requirement';
import { cellName } from './names';
import { natureOfUnit, unitKindOf } from './units';
import type { WorkbookSnapshot } from './types';

/** A row of the main sheet as the adapter reads it: its texts, and the ids its cells are named for. */
export interface SheetRow {
  /** The sheet's row number. */
  row: number;
  tt: string;
  name: string;
  unit: string;
  requirement: string;
  /** The ids (upper case, from the names) of the cells on this row; empty for a row the user added. */
  ids: string[];
}

export interface WorkbookPlan {
  plan: Plan;
  /** Whether the workbook stores its plan (false: the seed's, as for older templates). */
  stored: boolean;
  /** What changed from the stored plan, for the user: one Vietnamese sentence each. */
  notes: string[];
  /** Rows the user added, now indicators: their cells have no names yet (the flagged copy adds them). */
  added: { id: string; row: number }[];
  /** Indicators of the stored plan whose cells are all gone. */
  dropped: string[];
}

/** Apply a requirement to an indicator: its rule and target (growth figures stay those of KH/KHTT). */
export function withRequirement(ind: Indicator, r: Requirement): Indicator {
  let plan: IndicatorPlan;
  const t = r.target;
  if (r.rule === 'growth') plan = ind.plan.kind === 'growth' || ind.plan.kind === 'indexed' ? ind.plan : { kind: 'none' };
  else if (r.rule === 'pass') plan = { kind: 'pass', text: 'Đạt' };
  else if (r.rule === 'decrease') plan = { kind: 'decrease', text: 'Giảm' };
  else if (t.kind === 'number') plan = { kind: 'number', value: r.rule === 'gt' || r.rule === 'lt' ? { value: t.value.value, text: `${r.rule === 'gt' ? '>' : '<'} ${t.value.text}` } : t.value };
  else if (t.kind === 'range') plan = { kind: 'range', from: t.from, to: t.to };
  else if (t.kind === 'criteria') plan = { kind: 'criteria', required: t.required, of: t.of, text: `${t.required}/${t.of}` };
  else plan = { kind: 'none' };
  const out: Indicator = { ...ind, rule: r.rule, plan };
  if (r.approximate) out.approximate = true;
  else delete out.approximate;
  return out;
}

/** The plan's figures by value (a requirement's "1" is the plan's "01"): texts aside. */
const values = (p: IndicatorPlan): unknown => JSON.stringify(p, (k, v: unknown) => (k === 'text' ? undefined : v));
// "khoảng" qualifies a figure: a row without one (info "Dân số … khoảng 115.200 người") shows no "khoảng".
const approx = (i: Indicator) => !!i.approximate && i.plan.kind !== 'none';
const same = (a: Indicator, b: Indicator) => a.rule === b.rule && values(a.plan) === values(b.plan) && approx(a) === approx(b);

export function workbookPlan(storedJson: string | null, cells: WorkbookSnapshot['cells'], rows: readonly SheetRow[] = []): WorkbookPlan {
  const notes: string[] = [];
  let base: Plan = SEED_PLAN;
  let stored = false;
  if (storedJson !== null) {
    try {
      base = planFromJson(storedJson);
      stored = true;
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      notes.push(`Kế hoạch lưu trong sổ tính (trang ẩn) không đọc được (${err.message}): dùng kế hoạch mẫu.`);
    }
  }
  const hasCell = (name: string) => cells[name] !== undefined;
  const rowById = new Map<string, SheetRow>();
  for (const r of rows) for (const id of r.ids) if (!rowById.has(id)) rowById.set(id, r);

  const dropped: string[] = [];
  const indicators: Indicator[] = [];
  for (const ind0 of base.indicators) {
    let ind = ind0;
    const measures = ind.plan.kind === 'growth' ? (['sp', 'sx'] as const) : [null];
    const present = measures.some((m) => ['KH', 'TN', 'TH', 'DG'].some((c) => hasCell(cellName(c as 'KH', ind.id, m))));
    if (!present && stored) {
      dropped.push(ind.id);
      notes.push(`Chỉ tiêu ${ind.id} "${ind.name}" không còn trên biểu (các ô của nó đã bị xoá): bỏ khỏi kế hoạch.`);
      continue;
    }
    const yc = cells[cellName('YC', ind.id, measures[0])];
    if (yc && typeof yc.value === 'string' && yc.value.trim()) {
      const r = parseRequirement(yc.value);
      if (!r) notes.push(`Ô ${yc.address} (yêu cầu của chỉ tiêu ${ind.id}) có "${yc.value.trim()}": không hiểu, giữ yêu cầu của kế hoạch.`);
      else if (r.rule === 'growth' && ind.plan.kind !== 'growth' && ind.plan.kind !== 'indexed') notes.push(`Ô ${yc.address}: chỉ tiêu ${ind.id} không có chỉ số kế hoạch để đánh giá "tăng trưởng", giữ yêu cầu của kế hoạch.`);
      else {
        const next = withRequirement(ind, r);
        // The plan's own words keep its written figures; an edited requirement replaces them.
        if (!same(next, ind)) {
          notes.push(`Chỉ tiêu ${ind.id}: yêu cầu theo biểu là "${yc.value.trim()}".`);
          ind = next;
        }
      }
    }
    const row = rowById.get(idKey(ind.id));
    if (row) {
      const name = row.name.trim();
      const unit = row.unit.trim();
      if (name && name !== ind.name && measures[0] === null) ind = { ...ind, name };
      if (unit && unit !== ind.unitLabel) ind = { ...ind, unitLabel: unit, unit: unitKindOf(unit, ind.rule) };
    }
    indicators.push(ind);
  }

  // Rows the user added: an id in TT, a name and a requirement, and no names yet.
  const added: { id: string; row: number }[] = [];
  const used = new Set([...indicators, ...base.headings].map((x) => idKey(x.id)));
  for (const r of rows) {
    if (r.ids.length) continue;
    const id = r.tt.trim();
    const name = r.name.trim();
    if (!id || !name || !r.requirement.trim()) continue;
    if (!ID_PATTERN.test(id) || /(^|\.)(sp|sx)$/i.test(id)) { notes.push(`Dòng ${r.row}: "${id}" ở cột TT không dùng được làm mã chỉ tiêu (chữ hoặc số nối bằng dấu chấm).`); continue; }
    if (used.has(idKey(id))) { notes.push(`Dòng ${r.row}: mã "${id}" trùng một chỉ tiêu đã có — đổi mã ở cột TT.`); continue; }
    const req = parseRequirement(r.requirement);
    if (!req || req.rule === 'growth') { notes.push(`Dòng ${r.row}: không hiểu yêu cầu "${r.requirement.trim()}" của chỉ tiêu mới ${id}.`); continue; }
    const unitLabel = r.unit.trim();
    const unit = unitKindOf(unitLabel, req.rule);
    const ind = withRequirement({ id, tt: id, name, unit, unitLabel, rule: req.rule, nature: natureOfUnit(unit), plan: { kind: 'none' } }, req);
    indicators.push(ind);
    used.add(idKey(id));
    added.push({ id, row: r.row });
    notes.push(`Dòng ${r.row}: thêm chỉ tiêu mới ${id} "${name}" (${req.rule}).`);
  }

  const keep = new Set(indicators.map((i) => i.id));
  const plan: Plan = {
    ...base,
    indicators: indicators.map((i) => ({
      ...i,
      ...(i.components ? { components: i.components.filter((c) => keep.has(c)) } : {}),
      ...(i.partOf && !keep.has(i.partOf) ? { partOf: undefined } : {}),
    })).map((i) => {
      if (i.components && i.components.length === 0) delete i.components;
      if (i.partOf === undefined) delete i.partOf;
      return i;
    }),
    order: [...base.order.filter((id) => keep.has(id) || base.headings.some((h) => h.id === id)), ...added.map((a) => a.id)],
  };
  return { plan, stored, notes, added, dropped };
}
