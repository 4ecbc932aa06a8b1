// A plan other than the seed one, as a JSON file (`chitieu template --plan PLAN.json`): another year's or
// another unit's figures for the catalog's indicators. Pure: text in, validated plan out, or a PlanError
// whose one-line Vietnamese message names the field ("chiTieu['2'].keHoach" phải là số …).
// The schema is documented in README ("Kế hoạch khác") and docs/plan-example.json is made from the seed.
import { isObject, planFromJson, readPeriodPlans, shown } from './planRead';
import type { Plan } from './plan';
import { INDICATORS, indicatorName, MEASURES, SEED_PLAN, type GrowthPlan, type Indicator, type IndicatorPlan, type PlanFigure } from './catalog';
import { UNITS } from './units';
import type { Measure, Period } from './types';
import { decimalsOfValue } from './precision';
import { fmt } from './format';
import { formatVietnameseNumber, readCellText, roundTo } from './vnNumber';
import { parsePeriodOption } from './period';

import { PlanError } from './planError';

export { PlanError };

/** The plan as the template builder takes it: figures by id, and the title block. */
export interface PlanFile {
  year?: number;
  unit?: string;
  /** Base year of constant prices; 2010 when the file does not say. */
  baseYear: number;
  period?: Period;
  plan: Record<string, IndicatorPlan>;
}

export const DEFAULT_BASE_YEAR = 2010;

const TOP_FIELDS = ['nam', 'donVi', 'namGocGia', 'kyBaoCao', 'chiTieu', 'ghiChu'] as const;
const ENTRY_FIELDS = ['donViTinh', 'keHoach', 'sp', 'sx', 'tenChiTieu', 'ghiChu', 'keHoachKy'] as const;
const MEASURE_FIELDS = ['keHoach', 'chiSo'] as const;

const field = (id: string, ...rest: string[]) => `"chiTieu['${id}']${rest.map((r) => '.' + r).join('')}"`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };


/** Reads and validates a plan JSON. `source` names the file in messages. */
export function parsePlanFile(text: string, indicators: readonly Indicator[] = INDICATORS): PlanFile {
  let root: Json;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    throw new PlanError(`không phải JSON hợp lệ (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
  }
  if (!isObject(root)) throw new PlanError('phải là một đối tượng JSON { "chiTieu": { … } }');
  for (const k of Object.keys(root)) {
    if (!(TOP_FIELDS as readonly string[]).includes(k)) throw new PlanError(`trường "${k}" không có trong lược đồ kế hoạch (các trường: ${TOP_FIELDS.join(', ')})`);
  }
  const out: PlanFile = { baseYear: DEFAULT_BASE_YEAR, plan: {} };
  const year = optionalYear(root, 'nam', 2000, 2100);
  if (year !== undefined) out.year = year;
  const baseYear = optionalYear(root, 'namGocGia', 1990, 2100);
  if (baseYear !== undefined) out.baseYear = baseYear;
  if (year !== undefined && out.baseYear > year) throw new PlanError(`"namGocGia" (${out.baseYear}) không thể sau "nam" (${year})`);
  if (root.donVi !== undefined) {
    if (typeof root.donVi !== 'string') throw new PlanError(`"donVi" phải là chuỗi (tên đơn vị), đang là ${shown(root.donVi)}`);
    if (root.donVi.trim()) out.unit = root.donVi.trim();
  }
  if (root.kyBaoCao !== undefined) {
    const p = typeof root.kyBaoCao === 'string' ? parsePeriodOption(root.kyBaoCao) : null;
    if (!p) throw new PlanError(`"kyBaoCao" chỉ nhận "nam" hoặc "6t", đang là ${shown(root.kyBaoCao)}`);
    out.period = p;
  }
  if (root.ghiChu !== undefined && typeof root.ghiChu !== 'string') throw new PlanError(`"ghiChu" phải là chuỗi, đang là ${shown(root.ghiChu)}`);
  const entries = root.chiTieu;
  if (entries === undefined) throw new PlanError('thiếu trường "chiTieu" (kế hoạch theo mã chỉ tiêu)');
  if (!isObject(entries)) throw new PlanError(`"chiTieu" phải là một đối tượng theo mã chỉ tiêu ({ "2": { … } }), đang là ${shown(entries)}`);

  for (const id of Object.keys(entries)) {
    if (!indicators.some((i) => i.id === id)) throw new PlanError(`${field(id)}: không có chỉ tiêu mã "${id}" trong danh mục (dòng tiêu đề như 8, 15, 22 không có số kế hoạch)`);
  }
  for (const ind of indicators) {
    const entry = entries[ind.id];
    const optional = ind.plan.kind === 'pass' || ind.plan.kind === 'decrease';
    if (entry === undefined) {
      if (optional) continue;
      throw new PlanError(`thiếu ${field(ind.id)} (${indicatorName(ind)}, ${ind.unitLabel})`);
    }
    out.plan[ind.id] = readEntry(ind, entry);
  }
  checkSums(out.plan, indicators);
  return out;
}

function optionalYear(root: JsonObject, key: string, min: number, max: number): number | undefined {
  const v = root[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new PlanError(`"${key}" phải là năm (số nguyên từ ${min} đến ${max}), đang là ${shown(v)}`);
  return v;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

function unitMatches(ind: Indicator, text: string): boolean {
  const t = norm(text);
  return [ind.unitLabel, ind.unit, UNITS[ind.unit].label].some((u) => u && norm(u) === t);
}

function readEntry(ind: Indicator, entry: Json): IndicatorPlan {
  const id = ind.id;
  if (!isObject(entry)) throw new PlanError(`${field(id)} phải là một đối tượng { "donViTinh": …, "keHoach": … }, đang là ${shown(entry)}`);
  for (const k of Object.keys(entry)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(k)) throw new PlanError(`${field(id, k)}: trường không có trong lược đồ (các trường: ${ENTRY_FIELDS.join(', ')})`);
  }
  const p = ind.plan;
  const optional = p.kind === 'pass' || p.kind === 'decrease';
  const unit = entry.donViTinh;
  if (unit === undefined) {
    if (!optional) throw new PlanError(`thiếu ${field(id, 'donViTinh')} (chỉ tiêu ${id} tính bằng "${ind.unitLabel}")`);
  } else if (typeof unit !== 'string') {
    throw new PlanError(`${field(id, 'donViTinh')} phải là chuỗi, đang là ${shown(unit)}`);
  } else if (!unitMatches(ind, unit)) {
    throw new PlanError(`${field(id, 'donViTinh')} là "${unit}" nhưng chỉ tiêu ${id} tính bằng "${ind.unitLabel}" — đổi số liệu sang đơn vị này`);
  }
  if (entry.tenChiTieu !== undefined && typeof entry.tenChiTieu !== 'string') throw new PlanError(`${field(id, 'tenChiTieu')} phải là chuỗi, đang là ${shown(entry.tenChiTieu)}`);

  if (p.kind === 'growth') {
    if (entry.keHoach !== undefined) throw new PlanError(`${field(id, 'keHoach')}: chỉ tiêu ${id} có hai thước đo, hãy ghi "sp": { "keHoach", "chiSo" } và "sx": { "keHoach", "chiSo" }`);
    const plans = {} as Record<Measure, GrowthPlan>;
    for (const m of MEASURES) plans[m] = readMeasure(ind, m, entry[m]);
    return { kind: 'growth', sp: plans.sp, sx: plans.sx };
  }
  for (const m of MEASURES) {
    if (entry[m] !== undefined) throw new PlanError(`${field(id, m)}: chỉ tiêu ${id} không có thước đo "${m}" (chỉ chỉ tiêu 1 và các ngành của nó có)`);
  }
  const v = entry.keHoach;
  switch (p.kind) {
    case 'pass':
    case 'decrease': {
      if (v === undefined) return p;
      const r = typeof v === 'string' ? readCellText(v) : null;
      const ok = p.kind === 'pass' ? r?.kind === 'pass' && r.achieved : r?.kind === 'decrease';
      if (!ok) throw new PlanError(`${field(id, 'keHoach')} chỉ nhận "${p.text}", đang là ${shown(v)}`);
      return p;
    }
    case 'criteria': {
      if (v === undefined) throw new PlanError(`thiếu ${field(id, 'keHoach')} (số tiêu chí, ví dụ "9/9")`);
      if (typeof v === 'number') {
        if (!Number.isInteger(v) || v <= 0) throw new PlanError(`${field(id, 'keHoach')} phải là số tiêu chí nguyên dương hoặc "x/N", đang là ${shown(v)}`);
        return { kind: 'criteria', required: v, of: v, text: `${v}/${v}` };
      }
      const r = typeof v === 'string' ? readCellText(v) : null;
      if (r?.kind !== 'fraction' || r.numerator <= 0 || r.numerator > r.denominator) throw new PlanError(`${field(id, 'keHoach')} phải có dạng "x/N" (x ≤ N), đang là ${shown(v)}`);
      return { kind: 'criteria', required: r.numerator, of: r.denominator, text: `${r.numerator}/${r.denominator}` };
    }
    case 'number': {
      const fig = readFigure(v, field(id, 'keHoach'), ind.rule === 'gt');
      rangeCheck(ind, fig.value, field(id, 'keHoach'));
      return { kind: 'number', value: ind.rule === 'gt' ? { value: fig.value, text: `> ${fig.text}` } : fig };
    }
  }
  throw new PlanError(`${field(id)}: loại kế hoạch không đọc được`);
}

function readMeasure(ind: Indicator, m: Measure, v: Json | undefined): GrowthPlan {
  const id = ind.id;
  if (v === undefined) throw new PlanError(`thiếu ${field(id, m)} ({ "keHoach": …, "chiSo": … } của ${m === 'sp' ? 'giá trị sản phẩm' : 'giá trị sản xuất'})`);
  if (!isObject(v)) throw new PlanError(`${field(id, m)} phải là một đối tượng { "keHoach": …, "chiSo": … }, đang là ${shown(v)}`);
  for (const k of Object.keys(v)) {
    if (!(MEASURE_FIELDS as readonly string[]).includes(k)) throw new PlanError(`${field(id, m, k)}: trường không có trong lược đồ (các trường: keHoach, chiSo)`);
  }
  const value = readFigure(v.keHoach, field(id, m, 'keHoach'), false);
  rangeCheck(ind, value.value, field(id, m, 'keHoach'));
  const index = readFigure(v.chiSo, field(id, m, 'chiSo'), false);
  if (!(index.value > 0 && index.value < 1000)) throw new PlanError(`${field(id, m, 'chiSo')} là chỉ số % so với năm trước (ví dụ 107,64), đang là ${fmt(index.value)}`);
  return { value, index };
}

/** A number, or a text written the Vietnamese way ("107,64", "1.725.490") whose precision is kept. */
function readFigure(v: Json | undefined, name: string, allowGt: boolean): PlanFigure {
  if (v === undefined) throw new PlanError(`thiếu ${name}`);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new PlanError(`${name} phải là số hữu hạn`);
    const d = decimalsOfValue(v);
    return { value: roundTo(v, d), text: formatVietnameseNumber(v, d) };
  }
  if (typeof v === 'string') {
    const r = readCellText(v);
    if (r.kind === 'number') return { value: r.value, text: formatVietnameseNumber(r.value, r.decimals) };
    if (allowGt && r.kind === 'comparison' && r.op === '>') return { value: r.value, text: formatVietnameseNumber(r.value, r.decimals) };
  }
  throw new PlanError(`${name} phải là số (ví dụ 4449 hoặc "927,818"), đang là ${shown(v)}`);
}

function rangeCheck(ind: Indicator, value: number, name: string): void {
  const u = UNITS[ind.unit];
  if (value < (u.min ?? 0)) throw new PlanError(`${name} không được âm, đang là ${fmt(value)}`);
  if (u.max !== undefined && value > u.max) throw new PlanError(`${name} là ${fmt(value)}${ind.unitLabel}, vượt mức tối đa ${fmt(u.max)}${ind.unitLabel}`);
}

function planValue(p: IndicatorPlan | undefined, m: Measure | null): PlanFigure | null {
  if (!p) return null;
  if (p.kind === 'growth') return p[m ?? 'sp'].value;
  if (p.kind === 'number') return p.value;
  return null;
}

/** Components add up to their total and a "trong đó" never exceeds its whole — as `check` would say of KH. */
function checkSums(plan: Record<string, IndicatorPlan>, indicators: readonly Indicator[]): void {
  for (const ind of indicators) {
    const measures: (Measure | null)[] = ind.plan.kind === 'growth' ? [...MEASURES] : [null];
    for (const m of measures) {
      const total = planValue(plan[ind.id], m);
      const at = m ? [m, 'keHoach'] : ['keHoach'];
      if (total && ind.components) {
        const parts = ind.components.map((c) => planValue(plan[c], m));
        if (parts.every((x): x is PlanFigure => x !== null)) {
          const sum = parts.reduce((a, b) => a + b.value, 0);
          const decimals = Math.max(0, ...parts.map((x) => decimalsOfValue(x.value)));
          const tolerance = Math.max(parts.length * 0.5 * 10 ** -decimals, Math.abs(total.value) * 1e-4);
          if (Math.abs(sum - total.value) > tolerance) {
            throw new PlanError(`${field(ind.id, ...at)} là ${fmt(total.value)} nhưng các thành phần ${ind.components.join(' + ')} cộng lại được ${fmt(sum)} — sửa cho khớp`);
          }
        }
      }
      if (total && ind.partOf) {
        const whole = planValue(plan[ind.partOf], m);
        if (whole && total.value > whole.value) {
          throw new PlanError(`${field(ind.id, ...at)} (${fmt(total.value)}) lớn hơn kế hoạch của chỉ tiêu ${ind.partOf} (${fmt(whole.value)}) mà nó là một phần`);
        }
      }
    }
  }
}

/**
 * The plan JSON as text, indicators in the catalog's order (JSON.stringify would put the integer-like ids
 * "1", "2" … before "1.1"): what docs/plan-example.json holds for the seed plan.
 */
export function planFileText(indicators: readonly Indicator[] = INDICATORS, title: { year?: number; unit?: string; baseYear?: number } = {}): string {
  const obj = planFileOf(indicators, title);
  const { chiTieu, ...head } = obj;
  const entries = indicators.map((i) => `    ${JSON.stringify(i.id)}: ${JSON.stringify((chiTieu as JsonObject)[i.id])}`);
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${top.join('\n')}\n  "chiTieu": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** The seed plan (or any catalog) as a plan JSON object. */
export function planFileOf(indicators: readonly Indicator[] = INDICATORS, title: { year?: number; unit?: string; baseYear?: number } = {}): JsonObject {
  const figure = (f: PlanFigure): Json => {
    const t = f.text.replace(/^>\s*/, '');
    const written = readCellText(t);
    return written.kind === 'number' && written.decimals !== decimalsOfValue(f.value) ? t : f.value;
  };
  const chiTieu: JsonObject = {};
  for (const ind of indicators) {
    const e: JsonObject = { tenChiTieu: ind.name, donViTinh: ind.unitLabel };
    const p = ind.plan;
    if (p.kind === 'growth') {
      for (const m of MEASURES) e[m] = { keHoach: figure(p[m].value), chiSo: figure(p[m].index) };
    } else if (p.kind === 'number') {
      e.keHoach = figure(p.value);
    } else if (p.kind === 'criteria' || p.kind === 'pass' || p.kind === 'decrease') {
      e.keHoach = p.text;
    }
    chiTieu[ind.id] = e;
  }
  const out: JsonObject = {};
  if (title.year !== undefined) out.nam = title.year;
  if (title.unit !== undefined) out.donVi = title.unit;
  out.namGocGia = title.baseYear ?? DEFAULT_BASE_YEAR;
  out.chiTieu = chiTieu;
  return out;
}

/**
 * A plan file of either form: the seed's figures only (no "quyTac" anywhere and only the seed's ids —
 * the form of docs/plan-example.json, read as before), or a plan of any unit (planFromJson).
 */
export function readPlanFile(text: string): Plan {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return planFromJson(text); // its message names the JSON error
  }
  if (isSeedForm(root)) {
    const file = parsePlanFile(text);
    const entries = (root as { chiTieu: Record<string, { keHoachKy?: unknown } | null> }).chiTieu;
    // The seed's form may give period figures too (keHoachKy), read as in a plan of any unit.
    const indicators = withPlan(INDICATORS, file.plan).map((ind) => {
      const periods = readPeriodPlans(ind, entries[ind.id]?.keHoachKy);
      return periods ? { ...ind, periodPlans: periods } : ind;
    });
    return {
      ...SEED_PLAN, indicators: [...indicators], baseYear: file.baseYear,
      ...(file.year !== undefined ? { year: file.year } : {}), ...(file.unit !== undefined ? { unit: file.unit } : {}),
      ...(file.period !== undefined ? { period: file.period } : {}),
    };
  }
  return planFromJson(text);
}

function isSeedForm(root: unknown): boolean {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return false;
  const entries = (root as { chiTieu?: unknown }).chiTieu;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return false;
  // The plan of any unit names its rules; the seed's form never does. An empty "chiTieu" is neither: the plan
  // model's reader says it has no entries (a seed form without entries would list the missing ones).
  const values = Object.values(entries);
  return values.length > 0 && values.every((e) => typeof e !== 'object' || e === null || (!('quyTac' in e) && !('tieuDe' in e)));
}

/** The seed's indicators with another plan's figures in place of their own (same kind each). */
export function withPlan(indicators: readonly Indicator[], plan: Readonly<Record<string, IndicatorPlan>>): Indicator[] {
  return indicators.map((ind) => (plan[ind.id] ? { ...ind, plan: plan[ind.id]! } : ind));
}
