// en-US number format codes (the Office API and ExcelJS both speak en-US; Excel shows them with the
// user's separators). A plan's format carries its written precision, which the checks compare at.
import type { Indicator } from '../core/catalog';

export function decimalsFormat(decimals: number, thousands: boolean): string {
  const int = thousands ? '#,##0' : '0';
  return decimals > 0 ? `${int}.${'0'.repeat(decimals)}` : int;
}

const THOUSANDS_UNITS = new Set(['trieu-dong', 'ty-dong', 'trieu-usd', 'trieu-dong-ha', 'people', 'count', 'points']);

/** Format of the KH, TN and TH cells of a row. */
export function valueFormat(ind: Indicator, decimals: number): string {
  if (ind.plan.kind === 'criteria') return `0"/${ind.plan.of}"`;
  return decimalsFormat(decimals, THOUSANDS_UNITS.has(ind.unit));
}

/** Format of the KH cell: "> 90" keeps its sign on screen while the cell holds the number 90. */
export function planFormat(ind: Indicator, decimals: number): string {
  if (ind.rule === 'gt') return `"> "${decimalsFormat(decimals, false)}`;
  return valueFormat(ind, decimals);
}

export const RATIO_FORMAT = '0.00';
export const YEAR_FORMAT = '0';
