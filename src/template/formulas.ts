// Live Excel formulas of the template, so the workbook judges itself where the add-in is not installed.
// They compute what src/core/rules.ts computes (same rounding at the plan's written precision); the
// LibreOffice test holds the two equal on every indicator. Formulas refer to cells by defined name, which
// reads well in Excel's formula bar and survives rows inserted by the user or spliced by ExcelJS.
import type { Indicator } from '../core/catalog';
import { cellName, TITLE_NAMES } from '../core/names';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../core/rules';
import type { Measure } from '../core/types';
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
  const KH = n('KH'), KHTT = n('KHTT'), TN = n('TN'), TH = n('TH');
  const d = planDecimals;
  const pace = ind.nature === 'flow' ? PACE : '1';
  const paced = ind.nature === 'flow' ? `ROUND(${TH}/${pace},${d})` : `ROUND(${TH},${d})`;
  const has = (...cells: string[]) => (cells.length === 1 ? `ISNUMBER(${cells[0]})` : `AND(${cells.map((c) => `ISNUMBER(${c})`).join(',')})`);
  const ordered = (better: string, equal: string) => `IF(${better},${VUOT},IF(${equal},${DAT},${CHUA}))`;

  let growth: string | null = null;
  let percent: string | null = null;
  let status: string;
  // A range target: KH holds the end to reach, the plan the other end, beyond which the row is "Vượt".
  const p = ind.plan;
  const other = p.kind === 'range' ? (ind.rule === 'max' || ind.rule === 'lt' ? p.from.value : p.to.value) : null;
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
