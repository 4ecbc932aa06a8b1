// The plan model back into the plan JSON of the contract: what `chitieu plan` and `template --plan` share,
// what the workbook stores in its hidden plan sheet. planFromJson(planJsonText(p)) gives p back.
import { type Heading, type Indicator, type Plan, type PlanFigure } from './plan';
import type { PlanEntryJson, PlanJson, PlanRange, PlanTarget } from './planJson';
import { decimalsOfValue } from './precision';
import { readCellText } from './vnNumber';
import { periodCode } from './period';

/** A figure as JSON: the number, or its text where the number alone would lose the written precision. */
function figure(f: PlanFigure): number | string {
  const t = f.text.replace(/^[<>]\s*/, '');
  const written = readCellText(t);
  if (written.kind !== 'number') return f.value;
  const plain = String(f.value).replace('.', ',');
  return written.decimals !== decimalsOfValue(f.value) || (t !== plain && /^0\d/.test(t)) ? t : f.value;
}

function targetOf(ind: Indicator): Pick<PlanEntryJson, 'keHoach' | 'chiSo' | 'sp' | 'sx'> {
  const p = ind.plan;
  switch (p.kind) {
    case 'growth': return { sp: { keHoach: figure(p.sp.value), chiSo: figure(p.sp.index) }, sx: { keHoach: figure(p.sx.value), chiSo: figure(p.sx.index) } };
    case 'indexed': return { keHoach: figure(p.value), chiSo: figure(p.index) };
    case 'number': return { keHoach: figure(p.value) };
    case 'range': return { keHoach: { tu: figure(p.from), den: figure(p.to) } as PlanTarget };
    case 'criteria': return { keHoach: p.text };
    case 'pass': return { keHoach: p.text };
    case 'decrease': return { keHoach: null };
    case 'none': return { keHoach: null };
  }
}

/** keHoachKy in the order the plan gave its periods. */
function periodPlansOf(periods: NonNullable<Indicator['periodPlans']>): NonNullable<PlanEntryJson['keHoachKy']> {
  const out: NonNullable<PlanEntryJson['keHoachKy']> = {};
  for (const [key, t] of Object.entries(periods)) {
    if (t) out[key] = t.kind === 'number' ? figure(t.value) : { tu: figure(t.from), den: figure(t.to) } as PlanRange;
  }
  return out;
}

function entryOf(ind: Indicator): PlanEntryJson {
  const e: PlanEntryJson = { tenChiTieu: ind.name, donViTinh: ind.unitLabel, quyTac: ind.rule, ...targetOf(ind) };
  // Absent when the plan gives no period figure, so plans without one write back as before.
  if (ind.periodPlans) e.keHoachKy = periodPlansOf(ind.periodPlans);
  if (ind.approximate) e.khoang = true;
  e.tinhChat = ind.nature === 'flow' ? 'cong-don' : 'thoi-diem';
  if (ind.tt !== ind.id) e.tt = ind.tt;
  if (ind.heading !== undefined) e.nhom = ind.heading;
  if (ind.components) e.thanhPhan = [...ind.components];
  if (ind.partOf !== undefined) e.thuoc = ind.partOf;
  if (ind.weight !== undefined) e.quyenSo = ind.weight;
  if (ind.note !== undefined) e.ghiChu = ind.note;
  return e;
}

function headingEntry(h: Heading): PlanEntryJson {
  const e: PlanEntryJson = { tenChiTieu: h.name, donViTinh: '', tieuDe: true };
  if (h.tt !== h.id) e.tt = h.tt;
  if (h.allOf) e.tatCa = true;
  if (h.heading !== undefined) e.nhom = h.heading;
  return e;
}

/** The plan as a JSON object (key order of `chiTieu` is JavaScript's: use planJsonText to keep the plan's order). */
export function planToJson(plan: Plan): PlanJson {
  const out: PlanJson = { chiTieu: {} };
  if (plan.year !== undefined) out.nam = plan.year;
  if (plan.unit !== undefined) out.donVi = plan.unit;
  out.namGocGia = plan.baseYear;
  if (plan.period !== undefined) out.kyBaoCao = periodCode(plan.period);
  if (plan.note !== undefined) out.ghiChu = plan.note;
  const inds = new Map(plan.indicators.map((i) => [i.id, i]));
  const heads = new Map(plan.headings.map((h) => [h.id, h]));
  for (const id of plan.order) {
    const ind = inds.get(id);
    const h = heads.get(id);
    if (ind) out.chiTieu[id] = entryOf(ind);
    else if (h) out.chiTieu[id] = headingEntry(h);
  }
  return out;
}

/** The plan JSON as text, one entry a line, ids in the plan's order. */
export function planJsonText(plan: Plan): string {
  const obj = planToJson(plan);
  const { chiTieu, ...head } = obj;
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const entries = plan.order.filter((id) => chiTieu[id]).map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(chiTieu[id])}`);
  return `{\n${top.join('\n')}${top.length ? '\n' : ''}  "chiTieu": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** The plan as PlanJson with its order in `thuTu` (JavaScript reorders keys such as "1", "1.1"): what an insert request carries. */
export function planJsonWithOrder(plan: Plan): PlanJson {
  return { ...planToJson(plan), thuTu: [...plan.order] };
}
