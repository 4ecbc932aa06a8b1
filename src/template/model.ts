// The template as data: every cell of the sheet with its value or formula, format, style, defined name
// and validation. The ExcelJS writer and the Office.js inserter draw the same sheet from this.
import { HEADINGS, INDICATORS, MEASURE_NAMES, MEASURES, SEED_PLAN, type Heading, type Indicator, type IndicatorPlan } from '../core/catalog';
import { cellName, rowKey, TITLE_NAMES, type NamedColumn } from '../core/names';
import type { InputColumn, Measure, Period } from '../core/types';
import { allOfFormula, rowFormulas } from './formulas';
import { indexDecimals, planDecimals } from '../core/precision';
import { planFormat, RATIO_FORMAT, valueFormat, YEAR_FORMAT, decimalsFormat } from './formats';
import {
  COLUMN_ORDER, COLUMNS, DEFAULT_SHEET_NAME, FIRST_DATA_ROW, HEADER_ROW, LAST_COLUMN, NUMBER_ROW, PERIOD_TEXT, TITLE_ROWS, type ColumnKey,
} from './layout';
import { PERIOD_LIST, periodText } from '../core/period';
import { formatRequirement, requirementOf } from '../core/requirement';
import { planJsonText } from '../core/planWrite';
import { validationFor, weightValidation, type ValidationSpec } from './validation';

export type CellStyle = 'title' | 'label' | 'titleInput' | 'note' | 'header' | 'number' | 'section' | 'heading' | 'text' | 'input' | 'output' | 'status';

export interface TemplateCell {
  value?: string | number;
  formula?: string;
  numFmt?: string;
  style: CellStyle;
  name?: string;
  validation?: ValidationSpec;
}

export type RowKind = 'title' | 'header' | 'section' | 'heading' | 'indicator';

export interface TemplateRow {
  row: number;
  kind: RowKind;
  /** The indicator row this is (indicator rows only). */
  key?: { id: string; measure: Measure | null };
  cells: Partial<Record<ColumnKey, TemplateCell>>;
}

export interface ConditionalFormatSpec {
  /** A1 range it applies to. */
  range: string;
  /** Formula relative to the range's top-left cell, without "=". */
  formula: string;
  fill: string;
  fontColor: string;
}

export interface TemplateModel {
  sheetName: string;
  rows: TemplateRow[];
  lastRow: number;
  merges: string[];
  freeze: { rows: number; columns: number };
  conditionalFormats: ConditionalFormatSpec[];
  /** Every defined name and the cell it points to. */
  names: { name: string; address: string }[];
  /** The plan the template was built from, as plan JSON: stored in the workbook's hidden plan sheet. */
  planJson: string;
}

export interface TemplateOptions {
  year?: number;
  period?: Period;
  /** true: an estimate ("Ước thực hiện 9 tháng" in the period cell); false: stated official ("Chính thức …"). */
  estimate?: boolean;
  unit?: string;
  baseYear?: number;
  sheetName?: string;
  indicators?: readonly Indicator[];
  headings?: readonly Heading[];
  /** The plan's order of rows by id (headings and indicators); the seed's when the plan is the seed. */
  order?: readonly string[];
  /**
   * Another plan's figures (another year's or unit's), by indicator id: they replace the catalog's plan in
   * the KH/KHTT cells, their formats (written precision) and validation prompts. Ids not listed keep the
   * catalog's plan. Each override must be of the same kind as the catalog's plan (src/core/planFile.ts
   * validates a plan JSON into this).
   */
  plan?: PlanOverrides;
}

/** Plan figures by indicator id, replacing the catalog's (same `kind` as the catalog entry). */
export type PlanOverrides = Readonly<Record<string, IndicatorPlan>>;

/** The period cell's list: every period and its estimate, and the cell's own text when the list lacks it ("Chính thức 9 tháng"). */
function periodList(cell: string): string[] {
  const list = PERIOD_LIST.map((c) => periodText(c.period, c.estimate));
  return list.includes(cell) ? list : [...list, cell];
}

/** The catalog with another plan's figures in place of its own. */
export function withPlan(indicators: readonly Indicator[], plan: PlanOverrides | undefined): readonly Indicator[] {
  if (!plan) return indicators;
  return indicators.map((ind) => {
    const p = plan[ind.id];
    if (!p) return ind;
    if (p.kind !== ind.plan.kind) throw new Error(`plan of ${ind.id} is ${p.kind}, the catalog's is ${ind.plan.kind}`);
    return { ...ind, plan: p };
  });
}

/** Colours (ARGB-less hex, as Office.js wants them; the ExcelJS writer adds the alpha). */
export const COLORS = {
  headerFill: '#DDEBF7',
  sectionFill: '#F2F2F2',
  inputFill: '#FFF9E5',
  shortfallFill: '#F8CBAD',
  shortfallFont: '#9C0006',
  metFill: '#C6EFCE',
  metFont: '#006100',
  errorFill: '#FF9999',
  warningFill: '#FFE699',
};

/** Number format of each indicator row's actual (TH) cell, by row key ("1.2.1/sp"): for tables beside the template. */
export function actualFormats(model: TemplateModel): Map<string, string> {
  const formats = new Map<string, string>();
  for (const row of model.rows) {
    if (row.key && row.cells.actual?.numFmt) formats.set(rowKey(row.key.id, row.key.measure), row.cells.actual.numFmt);
  }
  return formats;
}

export function buildTemplate(options: TemplateOptions = {}): TemplateModel {
  const indicators = withPlan(options.indicators ?? INDICATORS, options.plan);
  const headings = options.headings ?? HEADINGS;
  const year = options.year ?? new Date().getFullYear();
  const baseYear = options.baseYear ?? 2010;
  const rows: TemplateRow[] = [];
  const merges: string[] = [];
  const L = (k: ColumnKey) => COLUMNS[k].letter;
  const periodCell = periodText(options.period ?? 'nam', options.estimate);

  // Title block.
  rows.push({ row: TITLE_ROWS.unit, kind: 'title', cells: {
    tt: { value: 'Đơn vị:', style: 'label' },
    name: { value: options.unit ?? '', style: 'titleInput', name: TITLE_NAMES.unit },
  } });
  rows.push({ row: TITLE_ROWS.title, kind: 'title', cells: {
    tt: { formula: `"BIỂU CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM "&${TITLE_NAMES.year}&IF(${TITLE_NAMES.period}="${PERIOD_TEXT.nam}",""," (BÁO CÁO "&UPPER(${TITLE_NAMES.period})&")")`, style: 'title' },
  } });
  merges.push(`A${TITLE_ROWS.title}:${LAST_COLUMN}${TITLE_ROWS.title}`);
  rows.push({ row: TITLE_ROWS.period, kind: 'title', cells: {
    tt: { value: 'Năm:', style: 'label' },
    name: { value: year, numFmt: YEAR_FORMAT, style: 'titleInput', name: TITLE_NAMES.year,
      validation: { type: 'whole', operator: 'between', min: 2000, max: 2100, promptTitle: 'Năm báo cáo', prompt: 'Năm của kế hoạch và số liệu báo cáo.', errorTitle: 'Năm không hợp lệ', error: 'Nhập năm từ 2000 đến 2100.' } },
    unit: { value: 'Kỳ báo cáo:', style: 'label' },
    plan: { value: periodCell, style: 'titleInput', name: TITLE_NAMES.period,
      validation: { type: 'list', list: periodList(periodCell), promptTitle: 'Kỳ báo cáo', prompt: 'Năm: đánh giá cả năm. N tháng, quý: chỉ tiêu cộng dồn (tiền, người, vụ) so với phần kế hoạch năm theo số tháng (6 tháng: một nửa). "Ước thực hiện …": số ước tính.', errorTitle: 'Kỳ báo cáo', error: 'Chọn một kỳ trong danh sách (Năm, 6 tháng, Ước thực hiện 9 tháng, Quý I …).' } },
    planIndex: { value: 'Giá so sánh năm:', style: 'label' },
    previous: { value: baseYear, numFmt: YEAR_FORMAT, style: 'titleInput', name: TITLE_NAMES.baseYear },
  } });
  rows.push({ row: TITLE_ROWS.note, kind: 'title', cells: {
    tt: { formula: `"Giá trị theo giá so sánh năm "&${TITLE_NAMES.baseYear}&". Nhập số vào các ô màu vàng, đúng đơn vị tính; các cột (8), (9), (10) tự tính; cột (12) Quyền số chỉ cần khi tổng hợp nhiều đơn vị."`, style: 'note' },
  } });
  merges.push(`A${TITLE_ROWS.note}:${LAST_COLUMN}${TITLE_ROWS.note}`);

  // Header and column numbers.
  const header: TemplateRow = { row: HEADER_ROW, kind: 'header', cells: {} };
  const numbers: TemplateRow = { row: NUMBER_ROW, kind: 'header', cells: {} };
  COLUMN_ORDER.forEach((k, i) => {
    header.cells[k] = { value: COLUMNS[k].header, style: 'header' };
    numbers.cells[k] = { value: `(${i + 1})`, style: 'number' };
  });
  rows.push(header, numbers);

  // Indicator rows.
  let r = FIRST_DATA_ROW;
  const push = (row: Omit<TemplateRow, 'row'>) => rows.push({ ...row, row: r++ });
  const section = (tt: string, text: string) => push({ kind: 'section', cells: { tt: { value: tt, style: 'section' }, name: { value: text, style: 'section' } } });
  const headingRow = (h: Heading, members: Indicator[]) => {
    const cells: TemplateRow['cells'] = { tt: { value: h.tt, style: 'heading' }, name: { value: h.name, style: 'heading' } };
    if (h.allOf) {
      cells.plan = { value: 'Giảm cả 3 mặt', style: 'output' };
      cells.status = { formula: allOfFormula(members.map((m) => ({ id: m.id, measure: null }))), style: 'status', name: cellName('DG', h.id) };
    }
    push({ kind: 'heading', cells });
  };

  const growthFamily = indicators.filter((i) => i.plan.kind === 'growth');
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const headingById = new Map(headings.map((h) => [h.id, h]));
  const membersOf = new Map<string, Indicator[]>();
  for (const i of indicators) if (i.heading !== undefined) membersOf.set(i.heading, [...(membersOf.get(i.heading) ?? []), i]);
  let familyDone = false;
  const order = options.order ?? (options.indicators ? undefined : SEED_PLAN.order);
  for (const id of rowOrder(indicators, headings, order)) {
    const h = headingById.get(id);
    if (h) {
      if (isSection(h)) section(h.tt, h.name);
      else headingRow(h, membersOf.get(h.id) ?? []);
      continue;
    }
    const ind = byId.get(id)!;
    if (ind.plan.kind === 'growth') {
      if (familyDone) continue;
      familyDone = true;
      const total = growthFamily[0]!;
      push({ kind: 'heading', cells: { tt: { value: total.tt, style: 'heading' }, name: { value: `${total.name} (giá so sánh ${baseYear})`, style: 'heading' } } });
      MEASURES.forEach((m, mi) => {
        for (const member of growthFamily) {
          const label = member === total ? `${String.fromCharCode(97 + mi)}` : member.tt;
          const name = member === total ? MEASURE_NAMES[m] : member.name;
          push(indicatorRow(member, m, label, name, member === total));
        }
      });
      continue;
    }
    push(indicatorRow(ind, null, ind.tt, ind.name, false));
  }

  const lastRow = r - 1;
  const names: TemplateModel['names'] = [];
  for (const row of rows) {
    for (const k of COLUMN_ORDER) {
      const c = row.cells[k];
      if (c?.name) names.push({ name: c.name, address: `${L(k)}${row.row}` });
    }
  }
  const statusRange = `${L('status')}${FIRST_DATA_ROW}:${L('status')}${lastRow}`;
  const first = `$${L('status')}${FIRST_DATA_ROW}`;
  return {
    sheetName: options.sheetName ?? DEFAULT_SHEET_NAME,
    rows,
    lastRow,
    merges,
    freeze: { rows: NUMBER_ROW, columns: 2 },
    planJson: planJsonText({
      ...(options.year !== undefined ? { year: options.year } : {}), ...(options.unit ? { unit: options.unit } : {}),
      ...(options.period ? { period: options.period } : {}),
      baseYear, indicators: [...indicators], headings: [...headings], order: rowOrder(indicators, headings, order),
    }),
    conditionalFormats: [
      { range: statusRange, formula: `${first}="Chưa đạt"`, fill: COLORS.shortfallFill, fontColor: COLORS.shortfallFont },
      { range: statusRange, formula: `OR(${first}="Đạt",${first}="Vượt")`, fill: COLORS.metFill, fontColor: COLORS.metFont },
    ],
    names,
  };
}

function indicatorRow(ind: Indicator, measure: Measure | null, tt: string, name: string, isTotal: boolean): Omit<TemplateRow, 'row'> {
  const d = planDecimals(ind, measure);
  const di = indexDecimals(ind, measure);
  const n = (c: NamedColumn) => cellName(c, ind.id, measure);
  const f = rowFormulas(ind, measure, d, di);
  const valueFmt = valueFormat(ind, d);
  const planText = planTextOf(ind, measure);
  const input = (column: InputColumn, value: string | number | undefined, numFmt: string | undefined): TemplateCell => {
    const cell: TemplateCell = { style: 'input', name: n(column) };
    if (value !== undefined) cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    const v = validationFor(ind, column, planText);
    if (v) cell.validation = v;
    return cell;
  };
  const cells: TemplateRow['cells'] = {
    tt: { value: tt, style: isTotal ? 'heading' : 'text' },
    name: { value: name, style: isTotal ? 'heading' : 'text' },
    unit: { value: ind.unitLabel, style: 'text' },
    plan: input('KH', planValue(ind, measure), planFormat(ind, d)),
    previous: input('TN', undefined, ind.rule === 'pass' ? undefined : valueFmt),
    actual: input('TH', undefined, ind.rule === 'pass' ? undefined : valueFmt),
    status: { formula: f.status, style: 'status', name: n('DG') },
    // Text format: a note that starts with "-" or "=" stays text when the check appends to it.
    note: { style: 'input', name: n('GC'), numFmt: '@' },
  };
  cells.requirement = { value: formatRequirement(requirementOf(ind), ind.unitLabel), style: 'input', name: n('YC'), numFmt: '@' };
  if (ind.weight) cells.weight = { style: 'input', name: n('QS'), numFmt: '#,##0', validation: weightValidation(ind) };
  if (ind.plan.kind === 'growth' || ind.plan.kind === 'indexed') {
    const p = ind.plan.kind === 'growth' ? ind.plan[measure ?? 'sp'] : ind.plan;
    cells.planIndex = input('KHTT', p.index.value, decimalsFormat(di, false));
  }
  cells.growth = f.growth ? { formula: f.growth, numFmt: RATIO_FORMAT, style: 'output', name: n('CS') } : { style: 'output', name: n('CS') };
  cells.percent = f.percent ? { formula: f.percent, numFmt: RATIO_FORMAT, style: 'output', name: n('PT') } : { style: 'output', name: n('PT') };
  if (ind.rule === 'pass') {
    cells.plan = { value: 'Đạt', style: 'input', name: n('KH'), validation: validationFor(ind, 'KH', planText)! };
  }
  if (ind.rule === 'decrease') cells.plan = { value: 'Giảm', style: 'input', name: n('KH') };
  return { kind: 'indicator', key: { id: ind.id, measure }, cells };
}

/** A heading printed as a section of the table (I, II, III …: Roman numerals), not as a group of rows. */
export function isSection(h: Heading): boolean {
  return !h.allOf && /^[IVXLC]+\.?$/.test(h.tt);
}

/**
 * The order of the table's rows by id: the plan's own, or — for a list of indicators alone — each heading
 * just before its first indicator.
 */
export function rowOrder(indicators: readonly Indicator[], headings: readonly Heading[], order?: readonly string[]): string[] {
  const known = new Set([...indicators.map((i) => i.id), ...headings.map((h) => h.id)]);
  if (order) {
    const out = order.filter((id) => known.has(id));
    const listed = new Set(out);
    // Rows the order does not list (added since) go last, rather than vanish.
    for (const i of indicators) if (!listed.has(i.id)) out.push(i.id);
    return out;
  }
  const out: string[] = [];
  const done = new Set<string>();
  const headingIds = new Set(headings.map((h) => h.id));
  for (const ind of indicators) {
    if (ind.heading !== undefined && headingIds.has(ind.heading) && !done.has(ind.heading)) { out.push(ind.heading); done.add(ind.heading); }
    out.push(ind.id);
  }
  return out;
}

/** The figure the KH cell holds: for a range, the end that must be reached (the upper one for max/lt). */
export function planCellValue(ind: Indicator, measure: Measure | null): string | number | undefined {
  const p = ind.plan;
  switch (p.kind) {
    case 'growth': return p[measure ?? 'sp'].value.value;
    case 'indexed': return p.value.value;
    case 'number': return p.value.value;
    case 'range': return ind.rule === 'max' || ind.rule === 'lt' ? p.to.value : p.from.value;
    case 'criteria': return p.required;
    case 'pass': return p.text;
    case 'decrease': return p.text;
    case 'none': return undefined;
  }
}
const planValue = planCellValue;

function planTextOf(ind: Indicator, measure: Measure | null): string {
  const p = ind.plan;
  switch (p.kind) {
    case 'growth': return `${p[measure ?? 'sp'].value.text} (chỉ số ${p[measure ?? 'sp'].index.text}%)`;
    case 'indexed': return `${p.value.text} (chỉ số ${p.index.text}%)`;
    case 'number': return p.value.text;
    case 'range': return `${p.from.text} – ${p.to.text}`;
    case 'none': return '';
    default: return p.text;
  }
}

