// A plan JSON (CONTRACT.md "Plans of any unit", schemas/plan.schema.json) into the plan model. Pure: text
// in, a Plan out, or a PlanError whose one-line Vietnamese message names the field
// (`chiTieu['2.a'].keHoach` …). Any text — junk included — ends in one of the two, never in a crash.
import { PlanError } from './planError';
import { keyOrderAt } from './jsonKeyOrder';
import { idKey, MEASURES, type GrowthPlan, type Heading, type Indicator, type IndicatorPlan, type PeriodTarget, type Plan, type PlanFigure } from './plan';
import { PERIOD_PLAN_KEY } from './periodPlan';
import { PLAN_RULES, type PlanRule } from './planJson';
import { natureOfUnit, unitKindOf, UNITS } from './units';
import { decimalsOfValue } from './precision';
import { formatVietnameseNumber, readCellText, roundTo } from './vnNumber';
import { parsePeriodOption } from './period';
import { fmt } from './format';
import type { Measure, Nature, Period } from './types';

export const DEFAULT_BASE_YEAR = 2010;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const TOP_FIELDS = ['$schema', 'nam', 'donVi', 'namGocGia', 'kyBaoCao', 'ghiChu', 'chiTieu', 'thuTu', 'khongDoc'] as const;
const ENTRY_FIELDS = [
  'tenChiTieu', 'donViTinh', 'quyTac', 'keHoach', 'chiSo', 'khoang', 'tinhChat', 'sp', 'sx', 'ghiChu', 'dong',
  'nhom', 'thanhPhan', 'thuoc', 'quyenSo', 'tieuDe', 'tatCa', 'tt', 'keHoachKy',
] as const;
/** An id: the plan's numbering, segments of letters or digits joined by dots (1, 1.2, 2.a, III.4, QP.2.1). */
export const ID_PATTERN = /^[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*$/u;
const MAX_ID_LENGTH = 40;

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function shown(v: unknown): string {
  if (v === undefined) return 'không có';
  if (v === null) return 'null';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 39) + '…' : v}"`;
  if (Array.isArray(v)) return 'một mảng';
  if (typeof v === 'object') return 'một đối tượng';
  return String(v);
}

const field = (id: string, ...rest: string[]) => `chiTieu['${id}']${rest.map((r) => '.' + r).join('')}`;

/** Reads a plan JSON text into the plan model, ids in the order of the text. */
export function planFromJson(text: string): Plan {
  if (typeof text !== 'string') throw new PlanError('kế hoạch phải là văn bản JSON');
  const clean = text.replace(/^\uFEFF/, '');
  let root: Json;
  try {
    root = JSON.parse(clean) as Json;
  } catch (err) {
    throw new PlanError(`không phải JSON hợp lệ (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
  }
  return planFromObject(root, keyOrderAt(clean, ['chiTieu']));
}

/** The same from a parsed object; `order` gives the ids' order (JSON.parse's order otherwise). */
export function planFromObject(root: unknown, order?: readonly string[]): Plan {
  const r = root as Json;
  if (!isObject(r)) throw new PlanError('kế hoạch phải là một đối tượng JSON { "chiTieu": { … } }');
  for (const k of Object.keys(r)) {
    if (!(TOP_FIELDS as readonly string[]).includes(k)) throw new PlanError(`trường "${k}" không có trong lược đồ kế hoạch (các trường: ${TOP_FIELDS.slice(1).join(', ')})`);
  }
  const plan: Plan = { baseYear: DEFAULT_BASE_YEAR, indicators: [], headings: [], order: [] };
  const year = optionalInt(r, 'nam', 2000, 2100);
  if (year !== undefined) plan.year = year;
  const baseYear = optionalInt(r, 'namGocGia', 1990, 2100);
  if (baseYear !== undefined) plan.baseYear = baseYear;
  if (year !== undefined && plan.baseYear > year) throw new PlanError(`"namGocGia" (${plan.baseYear}) không thể sau "nam" (${year})`);
  const unit = optionalString(r.donVi, '"donVi"');
  if (unit?.trim()) plan.unit = unit.trim();
  if (r.kyBaoCao !== undefined) {
    const p = typeof r.kyBaoCao === 'string' ? parsePeriodOption(r.kyBaoCao) : null;
    if (!p) throw new PlanError(`"kyBaoCao" phải là một kỳ báo cáo ("nam", "6t", "9t", "q1" …), đang là ${shown(r.kyBaoCao)}`);
    plan.period = p;
  }
  const note = optionalString(r.ghiChu, '"ghiChu"');
  if (note) plan.note = note;
  if (r.khongDoc !== undefined && !Array.isArray(r.khongDoc)) throw new PlanError(`"khongDoc" phải là một mảng, đang là ${shown(r.khongDoc)}`);

  const entries = r.chiTieu;
  if (entries === undefined) throw new PlanError('thiếu trường "chiTieu" (các chỉ tiêu theo mã)');
  if (!isObject(entries)) throw new PlanError(`"chiTieu" phải là một đối tượng theo mã chỉ tiêu ({ "1": { … } }), đang là ${shown(entries)}`);
  const ids = orderedIds(entries, r.thuTu !== undefined ? explicitOrder(r.thuTu, entries) : order);
  if (ids.length === 0) throw new PlanError('"chiTieu" không có chỉ tiêu nào');

  const seen = new Map<string, string>();
  for (const id of ids) {
    if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
      throw new PlanError(`${field(id)}: mã "${id}" không dùng được — mã gồm chữ hoặc số nối bằng dấu chấm (1, 1.2, 2.a, III.4), tối đa ${MAX_ID_LENGTH} ký tự`);
    }
    const last = id.split('.').pop()!.toLowerCase();
    if (last === 'sp' || last === 'sx') throw new PlanError(`${field(id)}: mã không được kết thúc bằng "${last}" (dành cho thước đo sp/sx)`);
    const other = seen.get(idKey(id));
    if (other !== undefined) throw new PlanError(`${field(id)}: trùng mã với "${other}" (tên ô trong Excel không phân biệt chữ hoa, chữ thường)`);
    seen.set(idKey(id), id);
  }

  for (const id of ids) {
    const e = entries[id];
    if (!isObject(e)) throw new PlanError(`${field(id)} phải là một đối tượng { "tenChiTieu": …, "donViTinh": …, "quyTac": …, "keHoach": … }, đang là ${shown(e)}`);
    for (const k of Object.keys(e)) {
      if (!(ENTRY_FIELDS as readonly string[]).includes(k)) throw new PlanError(`${field(id, k)}: trường không có trong lược đồ (các trường: ${ENTRY_FIELDS.join(', ')})`);
    }
    const name = requiredString(e.tenChiTieu, field(id, 'tenChiTieu'), 'tên chỉ tiêu');
    const tt = optionalString(e.tt, field(id, 'tt'))?.trim() || id;
    const heading = optionalString(e.nhom, field(id, 'nhom'));
    if (e.dong !== undefined && !(typeof e.dong === 'number' && Number.isInteger(e.dong) && e.dong > 0)) throw new PlanError(`${field(id, 'dong')} phải là số dòng nguyên dương, đang là ${shown(e.dong)}`);
    optionalBool(e.tatCa, field(id, 'tatCa'));
    if (optionalBool(e.tieuDe, field(id, 'tieuDe'))) {
      for (const k of ['quyTac', 'keHoach', 'chiSo', 'sp', 'sx', 'thanhPhan', 'thuoc', 'khoang', 'keHoachKy'] as const) {
        if (e[k] !== undefined) throw new PlanError(`${field(id, k)}: dòng tiêu đề ("tieuDe": true) không có quy tắc hay số kế hoạch`);
      }
      const h: Heading = { id, tt, name };
      if (e.tatCa === true) h.allOf = true;
      if (heading) h.heading = heading;
      plan.headings.push(h);
    } else {
      if (e.tatCa !== undefined) throw new PlanError(`${field(id, 'tatCa')}: chỉ dùng cho dòng tiêu đề ("tieuDe": true)`);
      const ind = readIndicator(id, tt, name, e);
      if (heading) ind.heading = heading;
      plan.indicators.push(ind);
    }
    plan.order.push(id);
  }
  checkStructure(plan);
  return plan;
}

function explicitOrder(v: Json, entries: JsonObject): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new PlanError(`"thuTu" phải là mảng các mã chỉ tiêu theo thứ tự, đang là ${shown(v)}`);
  const ids = v as string[];
  const missing = Object.keys(entries).find((k) => !ids.includes(k));
  if (missing !== undefined) throw new PlanError(`"thuTu" thiếu mã "${missing}" của "chiTieu"`);
  const extra = ids.find((k) => !(k in entries));
  if (extra !== undefined) throw new PlanError(`"thuTu" có mã "${extra}" không có trong "chiTieu"`);
  return ids;
}

function orderedIds(entries: JsonObject, order: readonly string[] | undefined): string[] {
  const keys = Object.keys(entries);
  if (!order || order.length === 0) return keys;
  const dup = order.find((k, i) => order.indexOf(k) !== i);
  if (dup !== undefined) throw new PlanError(`${field(dup)}: mã chỉ tiêu lặp lại hai lần trong "chiTieu"`);
  const set = new Set(keys);
  return order.length === keys.length && order.every((k) => set.has(k)) ? [...order] : keys;
}

function optionalInt(root: JsonObject, key: string, min: number, max: number): number | undefined {
  const v = root[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new PlanError(`"${key}" phải là năm (số nguyên từ ${min} đến ${max}), đang là ${shown(v)}`);
  return v;
}

function optionalString(v: Json | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new PlanError(`${name} phải là chuỗi, đang là ${shown(v)}`);
  return v;
}

function requiredString(v: Json | undefined, name: string, what: string): string {
  if (v === undefined) throw new PlanError(`thiếu ${name} (${what})`);
  const s = optionalString(v, name)!.trim();
  if (!s) throw new PlanError(`${name} không được để trống (${what})`);
  return s;
}

function optionalBool(v: Json | undefined, name: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new PlanError(`${name} phải là true hoặc false, đang là ${shown(v)}`);
  return v;
}

/** The rule a plan entry without quyTac implies: by its target's form. */
function impliedRule(e: JsonObject): PlanRule {
  if (e.sp !== undefined || e.sx !== undefined || e.chiSo !== undefined) return 'growth';
  const v = e.keHoach;
  if (v === undefined || v === null) return 'info';
  if (typeof v === 'string') {
    const r = readCellText(v);
    if (r.kind === 'pass') return 'pass';
    if (r.kind === 'fraction') return 'criteria';
    if (r.kind === 'decrease') return 'decrease';
    if (r.kind === 'comparison') return r.op === '>' ? 'gt' : r.op === '<' ? 'lt' : r.op === '<=' ? 'max' : 'min';
  }
  return 'min';
}

function readIndicator(id: string, tt: string, name: string, e: JsonObject): Indicator {
  let rule: PlanRule;
  if (e.quyTac === undefined) rule = impliedRule(e);
  else if (typeof e.quyTac === 'string' && (PLAN_RULES as readonly string[]).includes(e.quyTac)) rule = e.quyTac as PlanRule;
  else throw new PlanError(`${field(id, 'quyTac')} phải là một trong ${PLAN_RULES.join(', ')}; đang là ${shown(e.quyTac)}`);
  // A rule without a figure in a unit ("Duy trì phổ cập …", "Tai nạn giao thông giảm cả 3 mặt") may have no unit:
  // the reader of a resolution's text gives "" there.
  const unitless = rule === 'pass' || rule === 'decrease' || rule === 'increase';
  const unitLabel = unitless && (e.donViTinh === undefined || e.donViTinh === '')
    ? (rule === 'pass' ? 'Đạt/Chưa đạt' : '')
    : requiredString(e.donViTinh, field(id, 'donViTinh'), 'đơn vị tính như kế hoạch ghi, ví dụ "%", "tỷ đồng", "hộ"');
  const unit = unitKindOf(unitLabel, rule);
  let nature: Nature;
  if (e.tinhChat === undefined) nature = natureOfUnit(unit);
  else if (e.tinhChat === 'cong-don') nature = 'flow';
  else if (e.tinhChat === 'thoi-diem') nature = 'level';
  else throw new PlanError(`${field(id, 'tinhChat')} chỉ nhận "cong-don" (cộng dồn) hoặc "thoi-diem" (thời điểm), đang là ${shown(e.tinhChat)}`);
  const approximate = optionalBool(e.khoang, field(id, 'khoang'));
  const ind: Indicator = { id, tt, name, unit, unitLabel, rule, nature, plan: { kind: 'none' } };
  if (approximate) ind.approximate = true;
  ind.plan = readTarget(ind, e);
  const periods = readPeriodPlans(ind, e.keHoachKy);
  if (periods) ind.periodPlans = periods;
  if (e.thanhPhan !== undefined) {
    if (!Array.isArray(e.thanhPhan) || e.thanhPhan.length === 0 || e.thanhPhan.some((c) => typeof c !== 'string')) {
      throw new PlanError(`${field(id, 'thanhPhan')} phải là mảng các mã chỉ tiêu thành phần (["1.1", "1.2"]), đang là ${shown(e.thanhPhan)}`);
    }
    ind.components = e.thanhPhan as string[];
  }
  const partOf = optionalString(e.thuoc, field(id, 'thuoc'));
  if (partOf !== undefined) ind.partOf = partOf;
  const weight = optionalString(e.quyenSo, field(id, 'quyenSo'))?.trim();
  if (weight) ind.weight = weight;
  const note = optionalString(e.ghiChu, field(id, 'ghiChu'));
  if (note) ind.note = note;
  return ind;
}

function readTarget(ind: Indicator, e: JsonObject): IndicatorPlan {
  const { id, rule } = ind;
  const v = e.keHoach;
  const noMeasures = () => {
    for (const m of MEASURES) if (e[m] !== undefined) throw new PlanError(`${field(id, m)}: chỉ dòng có quy tắc "growth" mới có thước đo ${m}`);
  };
  if (rule !== 'growth') {
    noMeasures();
    if (e.chiSo !== undefined) throw new PlanError(`${field(id, 'chiSo')}: chỉ số kế hoạch chỉ dùng với quy tắc "growth"`);
  }
  switch (rule) {
    case 'growth': {
      const hasMeasures = e.sp !== undefined || e.sx !== undefined;
      if (hasMeasures) {
        if (v !== undefined) throw new PlanError(`${field(id, 'keHoach')}: dòng có hai thước đo ghi "sp": { "keHoach", "chiSo" } và "sx": { "keHoach", "chiSo" }, không ghi keHoach riêng`);
        const plans = {} as Record<Measure, GrowthPlan>;
        for (const m of MEASURES) plans[m] = readMeasure(ind, m, e[m]);
        return { kind: 'growth', sp: plans.sp, sx: plans.sx };
      }
      const value = readFigure(v, field(id, 'keHoach'));
      unitRange(ind, value.value, field(id, 'keHoach'));
      return { kind: 'indexed', value, index: readIndex(e.chiSo, field(id, 'chiSo')) };
    }
    case 'pass': {
      if (v === undefined || v === null) return { kind: 'pass', text: 'Đạt' };
      const r = typeof v === 'string' ? readCellText(v) : null;
      if (r?.kind !== 'pass' || !r.achieved) throw new PlanError(`${field(id, 'keHoach')} của quy tắc "pass" chỉ nhận "Đạt", đang là ${shown(v)}`);
      return { kind: 'pass', text: 'Đạt' };
    }
    case 'decrease':
    case 'increase': {
      const word = rule === 'decrease' ? 'giảm' : 'tăng';
      if (v === undefined || v === null || (typeof v === 'string' && v.trim().toLowerCase().normalize('NFC') === word)) {
        return rule === 'decrease' ? { kind: 'decrease', text: 'Giảm' } : { kind: 'none' };
      }
      throw new PlanError(`${field(id, 'keHoach')}: quy tắc "${rule}" không có số kế hoạch (ghi null), đang là ${shown(v)}`);
    }
    case 'criteria': {
      if (v === undefined || v === null) throw new PlanError(`thiếu ${field(id, 'keHoach')} (số tiêu chí, ví dụ "9/9")`);
      if (typeof v === 'number') {
        if (!Number.isInteger(v) || v <= 0 || v > 1000) throw new PlanError(`${field(id, 'keHoach')} phải là số tiêu chí nguyên dương hoặc "x/N", đang là ${shown(v)}`);
        return { kind: 'criteria', required: v, of: v, text: `${v}/${v}` };
      }
      const r = typeof v === 'string' ? readCellText(v) : null;
      if (r?.kind !== 'fraction' || r.numerator <= 0 || r.numerator > r.denominator || r.denominator > 1000) {
        throw new PlanError(`${field(id, 'keHoach')} phải có dạng "x/N" (0 < x ≤ N), đang là ${shown(v)}`);
      }
      return { kind: 'criteria', required: r.numerator, of: r.denominator, text: `${r.numerator}/${r.denominator}` };
    }
    case 'info':
    case 'structure': {
      if (v === undefined || v === null) return { kind: 'none' };
      const value = readFigure(v, field(id, 'keHoach'));
      unitRange(ind, value.value, field(id, 'keHoach'));
      return { kind: 'number', value };
    }
    default: {
      // min, max, gt, lt, reduce, growth-rate: a number or a range.
      if (v === undefined || v === null) throw new PlanError(`thiếu ${field(id, 'keHoach')} (số kế hoạch của quy tắc "${rule}")`);
      if (isObject(v)) {
        for (const k of Object.keys(v)) if (k !== 'tu' && k !== 'den') throw new PlanError(`${field(id, 'keHoach', k)}: khoảng kế hoạch chỉ có "tu" và "den"`);
        const from = readFigure(v.tu, field(id, 'keHoach', 'tu'));
        const to = readFigure(v.den, field(id, 'keHoach', 'den'));
        if (!(from.value < to.value)) throw new PlanError(`${field(id, 'keHoach')}: "tu" (${from.text}) phải nhỏ hơn "den" (${to.text})`);
        if (rule !== 'growth-rate') { unitRange(ind, from.value, field(id, 'keHoach', 'tu')); unitRange(ind, to.value, field(id, 'keHoach', 'den')); }
        return { kind: 'range', from, to };
      }
      const read = readFigure(v, field(id, 'keHoach'), rule);
      if (rule !== 'growth-rate') unitRange(ind, read.value, field(id, 'keHoach'));
      // "> 90" keeps its sign in the plan's text (prompts, requirement words); the cell holds 90.
      const value = rule === 'gt' || rule === 'lt' ? { value: read.value, text: `${rule === 'gt' ? '>' : '<'} ${read.text}` } : read;
      if (rule === 'reduce' && !(value.value > 0)) throw new PlanError(`${field(id, 'keHoach')}: mức giảm phải lớn hơn 0, đang là ${value.text}`);
      return { kind: 'number', value };
    }
  }
}

/** Rules whose target is one figure or a range, which a period may restate (keHoachKy). */
const PERIOD_PLAN_RULES: ReadonlySet<PlanRule> = new Set(['min', 'max', 'gt', 'lt', 'reduce', 'growth-rate', 'growth']);

/** keHoachKy: the plan's own figures for report periods, by period code, in the text's order. */
export function readPeriodPlans(ind: Indicator, v: unknown): Partial<Record<Period, PeriodTarget>> | undefined {
  const { id } = ind;
  const at = field(id, 'keHoachKy');
  if (v === undefined) return undefined;
  if (!isObject(v as Json)) throw new PlanError(`${at} phải là một đối tượng theo kỳ ({ "6t": 2100, "9t": 3300 }), đang là ${shown(v)}`);
  return readPeriodEntries(ind, v as JsonObject, at);
}

function readPeriodEntries(ind: Indicator, v: JsonObject, at: string): Partial<Record<Period, PeriodTarget>> | undefined {
  const { id, rule } = ind;
  if (!PERIOD_PLAN_RULES.has(rule)) throw new PlanError(`${at}: quy tắc "${rule}" không có số kế hoạch nên không có kế hoạch kỳ`);
  if (ind.plan.kind === 'growth') throw new PlanError(`${at}: dòng có hai thước đo (sp, sx) chưa nhận kế hoạch kỳ — bỏ trường này`);
  const out: Partial<Record<Period, PeriodTarget>> = {};
  for (const [key, raw] of Object.entries(v)) {
    const name = field(id, 'keHoachKy', key);
    if (key === 'nam') throw new PlanError(`${name}: kế hoạch năm ghi ở "keHoach"; "keHoachKy" chỉ nhận các kỳ trong năm ("6t", "9t", "q3" …)`);
    if (!PERIOD_PLAN_KEY.test(key)) throw new PlanError(`${name}: "${key}" không phải mã kỳ — dùng "1t" … "11t" (cộng dồn n tháng) hoặc "q1" … "q4" (một quý)`);
    let target: PeriodTarget;
    if (isObject(raw)) {
      if (rule === 'growth') throw new PlanError(`${name}: dòng tăng trưởng có một số kế hoạch kỳ, không phải khoảng`);
      for (const k of Object.keys(raw)) if (k !== 'tu' && k !== 'den') throw new PlanError(`${name}.${k}: khoảng kế hoạch chỉ có "tu" và "den"`);
      const from = readFigure(raw.tu, `${name}.tu`);
      const to = readFigure(raw.den, `${name}.den`);
      if (!(from.value < to.value)) throw new PlanError(`${name}: "tu" (${from.text}) phải nhỏ hơn "den" (${to.text})`);
      if (rule !== 'growth-rate') { unitRange(ind, from.value, `${name}.tu`); unitRange(ind, to.value, `${name}.den`); }
      target = { kind: 'range', from, to };
    } else {
      const value = readFigure(raw, name, rule);
      if (rule !== 'growth-rate') unitRange(ind, value.value, name);
      if (rule === 'reduce' && !(value.value > 0)) throw new PlanError(`${name}: mức giảm phải lớn hơn 0, đang là ${value.text}`);
      target = { kind: 'number', value };
    }
    out[key as Period] = target;
  }
  return Object.keys(out).length ? out : undefined;
}

function readMeasure(ind: Indicator, m: Measure, v: Json | undefined): GrowthPlan {
  const id = ind.id;
  if (v === undefined) throw new PlanError(`thiếu ${field(id, m)} ({ "keHoach": …, "chiSo": … } của ${m === 'sp' ? 'giá trị sản phẩm' : 'giá trị sản xuất'})`);
  if (!isObject(v)) throw new PlanError(`${field(id, m)} phải là một đối tượng { "keHoach": …, "chiSo": … }, đang là ${shown(v)}`);
  for (const k of Object.keys(v)) if (k !== 'keHoach' && k !== 'chiSo') throw new PlanError(`${field(id, m, k)}: trường không có trong lược đồ (các trường: keHoach, chiSo)`);
  const value = readFigure(v.keHoach, field(id, m, 'keHoach'));
  unitRange(ind, value.value, field(id, m, 'keHoach'));
  return { value, index: readIndex(v.chiSo, field(id, m, 'chiSo')) };
}

function readIndex(v: Json | undefined, name: string): PlanFigure {
  const index = readFigure(v, name);
  if (!(index.value > 0 && index.value < 1000)) throw new PlanError(`${name} là chỉ số % so với năm trước (ví dụ 107,64), đang là ${fmt(index.value)}`);
  return index;
}

const VIETNAMESE_FORM = /^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$/;

/** A number, or a text written the Vietnamese way ("107,64", "1.725.490") whose precision is kept. */
export function readFigure(v: Json | undefined, name: string, rule?: PlanRule): PlanFigure {
  if (v === undefined || v === null) throw new PlanError(`thiếu ${name}`);
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) > 1e15) throw new PlanError(`${name} phải là số hữu hạn, đang là ${shown(v)}`);
    const d = decimalsOfValue(v);
    return { value: roundTo(v, d), text: formatVietnameseNumber(v, d) };
  }
  if (typeof v === 'string') {
    const r = readCellText(v);
    // A number written the Vietnamese way keeps its text ("01", "33,00"); any other form is rewritten so.
    const written = (t: string, value: number, decimals: number) => (VIETNAMESE_FORM.test(t) ? t : formatVietnameseNumber(value, decimals));
    if (r.kind === 'number' && Number.isFinite(r.value) && !r.ambiguous) return { value: r.value, text: written(v.trim(), r.value, r.decimals) };
    if (r.kind === 'number' && Number.isFinite(r.value)) return { value: r.value, text: formatVietnameseNumber(r.value, r.decimals) };
    const sign = rule === 'gt' ? '>' : rule === 'lt' ? '<' : null;
    if (sign && r.kind === 'comparison' && r.op === sign) return { value: r.value, text: formatVietnameseNumber(r.value, r.decimals) };
  }
  throw new PlanError(`${name} phải là số (ví dụ 4449 hoặc "927,818"), đang là ${shown(v)}`);
}

function unitRange(ind: Indicator, value: number, name: string): void {
  const u = UNITS[ind.unit];
  if (u.min !== undefined && value < u.min) throw new PlanError(`${name} không được âm, đang là ${fmt(value)}`);
  if (u.max !== undefined && value > u.max) throw new PlanError(`${name} là ${fmt(value)}${ind.unitLabel}, vượt mức tối đa ${fmt(u.max)}${ind.unitLabel}`);
}

const planValue = (p: IndicatorPlan, m: Measure | null): number | null =>
  p.kind === 'growth' ? p[m ?? 'sp'].value.value : p.kind === 'number' || p.kind === 'indexed' ? p.value.value : null;

/** References between rows, and the plan's own figures: components add up, parts within their whole, shares to 100. */
function checkStructure(plan: Plan): void {
  const byKey = new Map(plan.indicators.map((i) => [idKey(i.id), i]));
  const headingKeys = new Set(plan.headings.map((h) => idKey(h.id)));
  const resolve = (id: string) => byKey.get(idKey(id));
  for (const ind of plan.indicators) {
    if (ind.heading !== undefined && !headingKeys.has(idKey(ind.heading))) throw new PlanError(`${field(ind.id, 'nhom')}: không có dòng tiêu đề mã "${ind.heading}" ("tieuDe": true)`);
    if (ind.partOf !== undefined) {
      const whole = resolve(ind.partOf);
      if (!whole || whole === ind) throw new PlanError(`${field(ind.id, 'thuoc')}: không có chỉ tiêu mã "${ind.partOf}" để làm tổng`);
      ind.partOf = whole.id;
    }
    if (ind.components) {
      ind.components = ind.components.map((c, i) => {
        const part = resolve(c);
        if (!part || part === ind) throw new PlanError(`${field(ind.id, 'thanhPhan')}[${i}]: không có chỉ tiêu mã "${c}"`);
        return part.id;
      });
      if (new Set(ind.components).size !== ind.components.length) throw new PlanError(`${field(ind.id, 'thanhPhan')}: một thành phần được nêu hai lần`);
    }
  }
  for (const h of plan.headings) {
    if (h.heading !== undefined && !headingKeys.has(idKey(h.heading))) throw new PlanError(`${field(h.id, 'nhom')}: không có dòng tiêu đề mã "${h.heading}"`);
  }
  // No row may be its own component, however deep.
  const state = new Map<string, 1 | 2>();
  const visit = (ind: Indicator): void => {
    state.set(ind.id, 1);
    for (const c of ind.components ?? []) {
      const s = state.get(c);
      if (s === 1) throw new PlanError(`${field(ind.id, 'thanhPhan')}: vòng lặp — "${c}" vừa là thành phần vừa là tổng của "${ind.id}"`);
      if (s === undefined) visit(resolve(c)!);
    }
    state.set(ind.id, 2);
  };
  for (const ind of plan.indicators) if (!state.has(ind.id)) visit(ind);

  for (const ind of plan.indicators) {
    const measures: (Measure | null)[] = ind.plan.kind === 'growth' ? [...MEASURES] : [null];
    for (const m of measures) {
      const at = m ? [m, 'keHoach'] : ['keHoach'];
      const total = planValue(ind.plan, m);
      if (total !== null && ind.components && ind.rule !== 'structure') {
        const parts = ind.components.map((c) => resolve(c)!);
        const values = parts.map((p) => (p.unitLabel === ind.unitLabel && p.rule !== 'structure' ? planValue(p.plan, m) : null));
        if (values.every((x): x is number => x !== null)) {
          const sum = values.reduce((a, b) => a + b, 0);
          const decimals = Math.max(0, ...values.map(decimalsOfValue));
          const tolerance = Math.max(values.length * 0.5 * 10 ** -decimals, Math.abs(total) * 1e-4);
          if (Math.abs(sum - total) > tolerance) throw new PlanError(`${field(ind.id, ...at)} là ${fmt(total)} nhưng các thành phần ${ind.components.join(' + ')} cộng lại được ${fmt(sum)} — sửa cho khớp`);
        }
      }
      if (total !== null && ind.partOf) {
        const whole = resolve(ind.partOf)!;
        const w = whole.unitLabel === ind.unitLabel ? planValue(whole.plan, m) : null;
        if (w !== null && total > w && whole.rule !== 'structure') throw new PlanError(`${field(ind.id, ...at)} (${fmt(total)}) lớn hơn kế hoạch của chỉ tiêu ${whole.id} (${fmt(w)}) mà nó là một phần`);
      }
    }
  }
  for (const group of structureGroups(plan.indicators)) {
    const values = group.members.map((g) => planValue(g.plan, null));
    if (values.some((v) => v === null)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > SHARE_TOLERANCE) throw new PlanError(`${field(group.members[0]!.id, 'keHoach')}: các tỷ trọng cơ cấu ${group.members.map((g) => g.id).join(' + ')} cộng lại được ${fmt(sum)}%, phải bằng 100%`);
  }
}

/** Shares of a structure group may miss 100 by rounding: at most this many points. */
export const SHARE_TOLERANCE = 0.15;

export interface StructureGroup {
  /** The total's or heading's id the shares belong to. */
  of: string;
  members: Indicator[];
}

/**
 * Groups of structure shares ("cơ cấu kinh tế": nông nghiệp, công nghiệp, dịch vụ): the components of a
 * total when they are structure rows, or else the rows of a heading that holds only shares; two or more each.
 */
export function structureGroups(indicators: readonly Indicator[]): StructureGroup[] {
  const out: StructureGroup[] = [];
  const grouped = new Set<string>();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const ind of indicators) {
    const parts = (ind.components ?? []).map((c) => byId.get(c)).filter((p): p is Indicator => p?.rule === 'structure');
    if (parts.length >= 2 && parts.length === (ind.components ?? []).length) {
      out.push({ of: ind.id, members: parts });
      parts.forEach((p) => grouped.add(p.id));
    }
  }
  // Under a heading, only when every row of it is a share ("Cơ cấu kinh tế"): a section of a resolution
  // ("Về kinh tế") may hold shares of different wholes (of GRDP, of the labour force) that add up to nothing.
  const byHeading = new Map<string, Indicator[]>();
  const mixed = new Set<string>();
  for (const ind of indicators) {
    if (grouped.has(ind.id) || ind.heading === undefined || ind.partOf) continue;
    if (ind.rule !== 'structure') mixed.add(ind.heading);
    else byHeading.set(ind.heading, [...(byHeading.get(ind.heading) ?? []), ind]);
  }
  for (const [of, members] of byHeading) if (members.length >= 2 && !mixed.has(of)) out.push({ of, members });
  return out;
}
