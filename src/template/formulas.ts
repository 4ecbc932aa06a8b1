// Live Excel formulas of the template, so the workbook judges itself where the add-in is not installed.
// They compute what src/core/rules.ts computes (same rounding at the plan's written precision); the
// LibreOffice test holds the two equal on every indicator. Formulas refer to cells by defined name, which
// reads well in Excel's formula bar and survives rows inserted by the user or spliced by ExcelJS.
import type { Indicator } from '../core/catalog';
import { cellName, TITLE_NAMES } from '../core/names';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../core/rules';
import type { Measure, Period } from '../core/types';
import { periodGoal, type PeriodGoal } from '../core/periodPlan';
import { periodText } from '../core/period';
import { paceFormula } from './layout';

const ND = `"${STATUS_TEXT['khong-du-lieu']}"`;
const VUOT = `"${STATUS_TEXT.vuot}"`;
const DAT = `"${STATUS_TEXT.dat}"`;
const CHUA = `"${STATUS_TEXT['chua-dat']}"`;

/** 0,5 in a 6-month report for flows (judged against half the annual plan), else 1. */
const PACE = paceFormula(TITLE_NAMES.period);

export interface RowFormulas {
  growth: string | null;
  percent: string | null;
  status: string;
}

/** An input cell a row's formulas refer to. */
export type FormulaInput = 'KH' | 'KHTT' | 'TN' | 'TH';

/**
 * `ref`: how a formula refers to the row's input cells — by defined name (the template), or by A1 address
 * (a row the user added, whose names are queued in the same batch as its formulas: see addedRow.ts).
 */
export function rowFormulas(ind: Indicator, measure: Measure | null, planDecimals: number, indexDecimals: number, ref?: (c: FormulaInput) => string): RowFormulas {
  const n = ref ?? ((c: FormulaInput) => cellName(c, ind.id, measure));
  const p = ind.plan;
  const yearOther = p.kind === 'range' ? (ind.rule === 'max' || ind.rule === 'lt' ? p.from.value : p.to.value) : null;
  const year = formulasAt(n, { KH: n('KH'), paced: ind.nature === 'flow', d: planDecimals, other: yearOther }, ind, indexDecimals);
  // The plan's own figures for periods (keHoachKy): the period cell picks the target, as the engine does
  // (src/core/periodPlan.ts): that figure, not paced, at its written precision; other periods as the year's.
  const goals = Object.keys(ind.periodPlans ?? {}).map((k) => periodGoal(ind, k as Period)).filter((g): g is PeriodGoal => g !== null);
  if (goals.length === 0) return year;
  // The period cell may say it plainly or as an estimate / official figure ("Ước thực hiện 9 tháng").
  const when = (g: PeriodGoal) => `OR(${[undefined, true, false].map((e) => `${TITLE_NAMES.period}="${periodText(g.period, e)}"`).join(',')})`;
  const at = goals.map((g) => ({ when: when(g), f: formulasAt(n, { KH: String(g.value), paced: false, d: g.decimals, other: g.other }, ind, indexDecimals) }));
  const pick = (key: keyof RowFormulas): string | null => {
    const fallback = year[key];
    if (at.every((a) => a.f[key] === fallback)) return fallback;
    return at.reduceRight<string>((inner, a) => `IF(${a.when},${a.f[key] ?? '""'},${inner})`, fallback ?? '""');
  };
  return { growth: pick('growth'), percent: pick('percent'), status: pick('status')! };
}

/** What the row's formulas compare with: the plan cell (or a period's figure), paced or not, its precision, a range's other end. */
interface Target { KH: string; paced: boolean; d: number; other: number | null }

function formulasAt(n: (c: FormulaInput) => string, target: Target, ind: Indicator, indexDecimals: number): RowFormulas {
  const KHTT = n('KHTT'), TN = n('TN'), TH = n('TH');
  const { KH, d, other } = target;
  const pace = target.paced ? PACE : '1';
  const paced = target.paced ? `ROUND(${TH}/${pace},${d})` : `ROUND(${TH},${d})`;
  // A period's figure is a number in the formula, not a cell: nothing to test there.
  const has = (...all: string[]) => {
    const cells = all.filter((c) => !/^-?[\d.]+$/.test(c));
    return cells.length === 1 ? `ISNUMBER(${cells[0]})` : `AND(${cells.map((c) => `ISNUMBER(${c})`).join(',')})`;
  };
  const ordered = (better: string, equal: string) => `IF(${better},${VUOT},IF(${equal},${DAT},${CHUA}))`;

  let growth: string | null = null;
  let percent: string | null = null;
  let status: string;
  // A range target: KH holds the end to reach, `other` the other end, beyond which the row is "Vượt".
  const upward = (value: string, strict: boolean) => other === null
    ? (strict ? `IF(${value}>${KH},${DAT},${CHUA})` : ordered(`${value}>${KH}`, `${value}=${KH}`))
    : ordered(`${value}>${other}`, `${value}>${strict ? '' : '='}${KH}`);
  const downward = (value: string, strict: boolean) => other === null
    ? (strict ? `IF(${value}<${KH},${DAT},${CHUA})` : ordered(`${value}<${KH}`, `${value}=${KH}`))
    : ordered(`${value}<${other}`, `${value}<${strict ? '' : '='}${KH}`);
  switch (ind.rule) {
    case 'growth': {
      // One value and its index, or one of the two measures: the same formula.
      const prev = `IF(ISNUMBER(${TN}),${TN},${KH}/${KHTT}*100*${pace})`;
      growth = `IF(${has(TH)},IFERROR(ROUND(${TH}/${prev}*100,2),""),"")`;
      percent = `IF(${has(TH, KH)},IFERROR(ROUND(${TH}/${KH}*100,2),""),"")`;
      const g = `ROUND(${TH}/${prev}*100,${indexDecimals})`;
      status = `IF(${has(TH, KH, KHTT)},IFERROR(IF(AND(${paced}>=${KH},${g}>=${KHTT}),IF(OR(${paced}>${KH},${g}>${KHTT}),${VUOT},${DAT}),${CHUA}),${ND}),${ND})`;
      break;
    }
    case 'min':
      status = `IF(${has(TH, KH)},${upward(paced, false)},${ND})`;
      break;
    case 'max':
      status = `IF(${has(TH, KH)},${downward(`ROUND(${TH},${d})`, false)},${ND})`;
      break;
    case 'gt':
      status = `IF(${has(TH, KH)},${upward(`ROUND(${TH},${d})`, true)},${ND})`;
      break;
    case 'lt':
      status = `IF(${has(TH, KH)},${downward(`ROUND(${TH},${d})`, true)},${ND})`;
      break;
    case 'increase':
      status = `IF(${has(TH, TN)},IF(${TH}>${TN},${DAT},${CHUA}),${ND})`;
      break;
    case 'growth-rate':
      if (ind.unit === 'percent') {
        status = `IF(${has(TH, KH)},${upward(`ROUND(${TH},${d})`, false)},${ND})`;
      } else {
        const rate = `ROUND((${TH}/${TN}-1)*100,${d})`;
        status = `IF(${has(TH, TN, KH)},IFERROR(${upward(rate, false)},${ND}),${ND})`;
        growth = `IF(${has(TH, TN)},IFERROR(ROUND(${TH}/${TN}*100,2),""),"")`;
      }
      break;
    case 'structure':
    case 'info':
      status = `"${UNJUDGED_TEXT}"`;
      break;
    case 'reduce':
      status = `IF(${has(TH, TN, KH)},${other === null ? ordered(`ROUND(${TN}-${TH},${d})>${KH}`, `ROUND(${TN}-${TH},${d})=${KH}`) : ordered(`ROUND(${TN}-${TH},${d})>${other}`, `ROUND(${TN}-${TH},${d})>=${KH}`)},${ND})`;
      percent = `IF(${has(TH, TN, KH)},IFERROR(ROUND((${TN}-${TH})/${KH}*100,2),""),"")`;
      break;
    case 'decrease':
      status = `IF(${has(TH, TN)},IF(${TH}<${TN},${DAT},${CHUA}),${ND})`;
      break;
    case 'criteria':
      status = `IF(${has(TH, KH)},IF(${TH}>=${KH},${DAT},${CHUA}),${ND})`;
      break;
    case 'pass':
      status = `IF(${TH}=${DAT},${DAT},IF(${TH}=${CHUA},${CHUA},${ND}))`;
      break;
  }
  if (percent === null && ['min', 'max', 'gt', 'lt', 'criteria'].includes(ind.rule)) {
    percent = `IF(${has(TH, KH)},IFERROR(ROUND(${TH}/${KH}*100,2),""),"")`;
  }
  if (growth === null && ind.nature === 'flow' && ind.rule !== 'pass' && !(ind.rule === 'growth-rate' && ind.unit === 'percent')) {
    growth = `IF(${has(TH, TN)},IFERROR(ROUND(${TH}/${TN}*100,2),""),"")`;
  }
  return { growth, percent, status };
}

/** "Giảm cả 3 mặt": the heading's status from its members' status cells. */
export function allOfFormula(members: readonly { id: string; measure: Measure | null }[]): string {
  const dg = members.map((m) => cellName('DG', m.id, m.measure));
  const anyShort = `OR(${dg.map((c) => `${c}=${CHUA}`).join(',')})`;
  const allMet = `AND(${dg.map((c) => `OR(${c}=${DAT},${c}=${VUOT})`).join(',')})`;
  return `IF(${anyShort},${CHUA},IF(${allMet},${DAT},${ND}))`;
}
