// A cell element's value as the engine's RawValue, the way ExcelJS gave it before (so checks read the same):
// a formula gives its cached result, rich text its plain text, an error its code, a number in a date
// format a date written as YYYY-MM-DD (#### when outside the calendar, as Excel shows it).
import type { RawValue } from '../../core/types';
import type { SharedStrings } from './sharedStrings';
import type { RawCell } from './sheetCells';

export interface ValueContext {
  shared: SharedStrings | null;
  numFmt: (style: number) => string | undefined;
  date1904: boolean;
}

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

function dateText(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? '#######' : d.toISOString().slice(0, 10);
}

export function cellRawValue(c: RawCell, ctx: ValueContext): RawValue {
  const v = c.v;
  switch (c.type) {
    case 's': {
      if (v === null) return null;
      const t = ctx.shared?.text(Number(v));
      return t === undefined ? null : t;
    }
    case 'inlineStr':
      return c.inline ?? v ?? null;
    case 'str':
      return v;
    case 'b':
      return v === null ? null : v === '1' || v === 'true';
    case 'e':
      return v === null ? null : { error: v };
    case 'd': {
      if (v === null) return null;
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10);
    }
    default: {
      if (v === null) return c.inline ?? null;
      // parseFloat, as ExcelJS read it: "NaN" and "Infinity" (which ExcelJS writes) stay not-a-number.
      const n = parseFloat(v);
      return isDateFormat(ctx.numFmt(c.style)) ? dateText(n, ctx.date1904) : n;
    }
  }
}
