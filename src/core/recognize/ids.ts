// Ids for rows read without a plan, made from the table's own numbering (TT) as the contract asks for
// plans of any unit: "1", "1.2", "2.a", "III.4". Roman numerals open groups; "-" and "+" rows, and
// rows without a TT, number on under the row they belong to. Every id is unique within the table.
import type { BodyRow } from './body';

const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

export function isRoman(tt: string | null): boolean {
  return !!tt && ROMAN.test(tt.replace(/[.)\s]+$/, ''));
}

function cleanTt(tt: string | null): string {
  return (tt ?? '').trim().replace(/[.)]+$/, '');
}

/** Ids for every row (headings too), in order. */
export function assignIds(rows: readonly BodyRow[]): string[] {
  const used = new Set<string>();
  const unique = (id: string): string => {
    // A repeated TT gets a letter ("3b"), never "_2": names write dots as "_", so "3_2" would read as 3.2.
    let out = id;
    for (let n = 1; used.has(out); n++) out = `${id}${String.fromCharCode(97 + n)}`;
    used.add(out);
    return out;
  };
  const hasGroups = rows.filter((r) => isRoman(cleanTt(r.tt))).length > 1;
  let group = '';
  let top: string | null = null; // last numbered row ("1", "2.a")
  let dash: string | null = null; // last "-" row under it
  const counters = new Map<string, number>();
  const next = (parent: string) => {
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    return parent ? `${parent}.${n}` : String(n);
  };
  return rows.map((r) => {
    const tt = cleanTt(r.tt);
    if (isRoman(tt)) {
      group = hasGroups ? tt : '';
      top = null;
      dash = null;
      return unique(tt);
    }
    const inGroup = (x: string) => (group ? `${group}.${x}` : x);
    if (/^\d+(\.\d+)*$/.test(tt)) {
      top = inGroup(tt);
      dash = null;
      return unique(top);
    }
    if (/^[a-zđ]$/i.test(tt)) {
      const id = top ? `${top}.${tt.toLowerCase()}` : inGroup(tt.toLowerCase());
      dash = id;
      return unique(id);
    }
    const mark = tt || (/^\s*([-+*•])/.exec(r.name)?.[1] ?? '');
    if (mark === '+' && dash) return unique(next(dash));
    const parent = top ?? group;
    const id = next(parent);
    if (mark === '-' || mark === '*' || mark === '•' || !mark) dash = id;
    return unique(id);
  });
}
