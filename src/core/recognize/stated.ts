// Results a table states as typed values — a "% so KH" (PT), a "so cùng kỳ" or growth (CS), an "Đánh giá"
// word (DG) — recomputed from the row's own KH, TN and TH. A stated % written with d decimals agrees when
// it is within half a unit of its last digit of the computed one (so 98,46 → "98,5" and "98" both agree);
// a disagreement beyond that is a `stated-mismatch`.
import { cellName } from '../names';
import { decimalsOfFormat, decimalsOfValue } from '../precision';
import { STATUS_TEXT } from '../rules';
import type { Finding, RawValue, Status } from '../types';
import { fold } from './normalize';
import { fmt } from '../format';
import { readCellText } from '../vnNumber';
import { figureOf } from './planTargets';
import { verdictOf, type RowFigures } from './verdict';
import type { GrowthForm, Recognition, RecognizedRow, SheetGrid, TableColumn } from './types';
import { columnNumber, GridReader } from './grid';


interface Read {
  value: number | boolean | null;
  decimals: number;
  text: string;
}

/** A cell as a number (or Đạt/Chưa đạt, or the x of "x/N"), with the decimals it is written with. */
export function readFigure(v: RawValue | undefined, format: string | null = null): Read {
  if (v === undefined || v === null) return { value: null, decimals: 0, text: '' };
  if (typeof v === 'number') {
    const pct = !!format && /%/.test(format.replace(/"[^"]*"/g, ''));
    const d = decimalsOfFormat(format) ?? decimalsOfValue(pct ? v * 100 : v);
    return { value: pct ? v * 100 : v, decimals: d, text: fmt(pct ? v * 100 : v, d) };
  }
  if (typeof v === 'boolean') return { value: v, decimals: 0, text: v ? 'Đạt' : 'Chưa đạt' };
  if (typeof v !== 'string') return { value: null, decimals: 0, text: v.error };
  const r = readCellText(v);
  switch (r.kind) {
    case 'number':
    case 'comparison':
      return { value: r.value, decimals: r.decimals, text: v.trim() };
    case 'fraction':
      return { value: r.numerator, decimals: 0, text: v.trim() };
    case 'pass':
      return { value: r.achieved, decimals: 0, text: v.trim() };
    default:
      return { value: null, decimals: 0, text: v.trim() };
  }
}

/** The verdict a word states: "Vượt", "Vượt KH", "Đạt", "Hoàn thành", "Chưa đạt", "Không đạt" … */
export function statedVerdict(text: string): Status | null {
  const f = fold(text).replace(/[.!]+$/, '');
  if (!f) return null;
  if (/^(khong|chua)\s+(dat|hoan thanh)/.test(f)) return 'chua-dat';
  if (/^(hoan thanh\s+)?vuot/.test(f)) return 'vuot';
  if (/^(dat|hoan thanh)(\s|$)/.test(f)) return 'dat';
  return null;
}

/** Rules whose verdict is never "vượt": a stated "Vượt" on them is read as "đạt". */
const NO_EXCEEDING = new Set(['gt', 'lt', 'decrease', 'increase', 'criteria', 'pass']);

export function figuresOf(row: RecognizedRow, format: (col: TableColumn) => string | null = () => null): RowFigures {
  const kh = readFigure(row.values.KH, format('KH'));
  const khtt = readFigure(row.values.KHTT, format('KHTT'));
  const tn = readFigure(row.values.TN, format('TN'));
  const th = readFigure(row.values.TH, format('TH'));
  const planFromPlan = figureOf(row.target);
  const plan = typeof kh.value === 'number' ? kh.value : planFromPlan;
  const indexRead = typeof khtt.value === 'number' ? khtt : row.planIndex !== null ? readFigure(row.planIndex) : null;
  return {
    rule: row.rule,
    target: row.target,
    plan,
    planDecimals: typeof kh.value === 'number' ? kh.decimals
      : row.target && typeof row.target === 'object' ? Math.max(decimalsOfValue(row.target.tu), decimalsOfValue(row.target.den))
        : planFromPlan !== null ? decimalsOfValue(planFromPlan) : 0,
    planIndex: indexRead && typeof indexRead.value === 'number' ? indexRead.value : null,
    planIndexDecimals: indexRead?.decimals ?? 0,
    previous: typeof tn.value === 'number' ? tn.value : null,
    unit: row.unit,
    actual: row.rule === 'pass' ? (typeof th.value === 'boolean' ? th.value : null) : typeof th.value === 'number' ? th.value : null,
  };
}

function agrees(computed: number, stated: number, decimals: number): boolean {
  return Math.abs(computed - stated) <= 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(stated));
}

export interface StatedContext {
  sheet: string;
  growthForm: GrowthForm | null;
  /** The en-US number format of a row's cell in a column (a % format says the value is a fraction). */
  format?: (row: number, col: TableColumn) => string | null;
}

/** The `stated-mismatch` findings of one recognised row. */
export function statedFindings(row: RecognizedRow, ctx: StatedContext): Finding[] {
  const format = (c: TableColumn) => ctx.format?.(row.row, c) ?? null;
  const f = figuresOf(row, format);
  const out: Finding[] = [];
  const name = row.name.replace(/^[-+*•\s]*(trong\s+đó\s*:?\s*)?/i, '').trim();
  const push = (col: 'PT' | 'CS' | 'DG', message: string) => out.push({
    id: row.id, measure: row.measure, cell: row.cells[col] ?? null, name: cellName(col, row.id, row.measure),
    code: 'stated-mismatch', severity: 'error', message, sheet: ctx.sheet,
  });
  const th = typeof f.actual === 'number' ? f.actual : null;
  const thText = readFigure(row.values.TH, format('TH')).text;

  const pt = readFigure(row.values.PT, format('PT'));
  if (typeof pt.value === 'number' && th !== null && f.plan && ['min', 'max', 'gt', 'lt', 'growth'].includes(f.rule)) {
    const computed = (th / f.plan) * 100;
    // A % typed as a fraction of one ("0,98" in a General cell) is still the same statement.
    const ok = agrees(computed, pt.value, pt.decimals) || (pt.value <= 5 && agrees(computed, pt.value * 100, Math.max(0, pt.decimals - 2)));
    if (!ok) {
      push('PT', `${name}: bảng ghi ${pt.text}% kế hoạch nhưng thực hiện ${thText} so với kế hoạch ${fmt(f.plan)} là ${fmt(computed, Math.max(1, pt.decimals))}%.`);
    }
  }

  const cs = readFigure(row.values.CS, format('CS'));
  if (typeof cs.value === 'number' && th !== null && f.previous) {
    const index = (th / f.previous) * 100;
    const rate = index - 100;
    const tnText = readFigure(row.values.TN, format('TN')).text;
    const asIndex = agrees(index, cs.value, cs.decimals);
    const asRate = agrees(rate, cs.value, cs.decimals);
    const ok = ctx.growthForm === 'index' ? asIndex : ctx.growthForm === 'rate' ? asRate : asIndex || asRate;
    if (!ok) {
      const said = ctx.growthForm === 'rate' ? `tăng ${fmt(rate, Math.max(1, cs.decimals))}%` : `bằng ${fmt(index, Math.max(1, cs.decimals))}%`;
      push('CS', `${name}: bảng ghi so với cùng kỳ ${cs.text}% nhưng thực hiện ${thText} so với cùng kỳ ${tnText} ${said}.`);
    }
  }

  const dgText = typeof row.values.DG === 'string' ? row.values.DG : '';
  const stated = statedVerdict(dgText);
  const computed = stated ? verdictOf(f) : null;
  if (stated && computed && computed !== 'khong-du-lieu') {
    const ok = stated === 'dat' ? computed !== 'chua-dat'
      : stated === 'vuot' ? computed === 'vuot' || (computed === 'dat' && NO_EXCEEDING.has(f.rule))
        : computed === 'chua-dat';
    if (!ok) {
      const planText = row.values.KH !== undefined && row.values.KH !== null ? readFigure(row.values.KH, format('KH')).text : String(row.target ?? '');
      push('DG', `${name}: bảng ghi đánh giá "${dgText.trim()}" nhưng với thực hiện ${thText || '(trống)'} và kế hoạch ${planText} (${ruleWords(f.rule)}) kết quả là "${STATUS_TEXT[computed]}".`);
    }
  }
  return out;
}

function ruleWords(rule: RowFigures['rule']): string {
  switch (rule) {
    case 'max': return 'mức trần, càng thấp càng tốt';
    case 'lt': return 'phải dưới kế hoạch';
    case 'gt': return 'phải trên kế hoạch';
    case 'reduce': return 'mức giảm so với cùng kỳ';
    case 'decrease': return 'phải giảm so với cùng kỳ';
    case 'increase': return 'phải tăng so với cùng kỳ';
    case 'growth-rate': return 'tốc độ tăng so với cùng kỳ';
    case 'growth': return 'giá trị và chỉ số tăng trưởng';
    case 'criteria': return 'số tiêu chí đạt';
    case 'pass': return 'Đạt/Chưa đạt';
    default: return 'càng cao càng tốt';
  }
}

/** Every `stated-mismatch` of a recognised table. */
export function checkStated(rec: Recognition, format?: StatedContext['format']): Finding[] {
  return rec.rows.flatMap((r) => statedFindings(r, { sheet: rec.sheet, growthForm: rec.columns.growthForm, ...(format ? { format } : {}) }));
}

/** The number formats of a grid (if it carries them) as checkStated reads them. */
export function gridFormats(grid: SheetGrid, rec: Recognition): StatedContext['format'] {
  const g = new GridReader(grid);
  return (row, col) => {
    const letter = rec.columns.letters[col];
    return letter ? g.format(row, columnNumber(letter)) : null;
  };
}
