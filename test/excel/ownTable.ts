// A table of the user's own on the typed fake: a fixture grid (test/fixtures/tables) written into a sheet
// as a user would have typed it — values, number formats, merged header cells — and a 500-row one built
// from a commune plan repeated over many groups.
import type { PlanJson } from '../../src/core/planJson';
import { buildTable, type TableFixture } from '../fixtures/tables/build';
import { LAYOUTS } from '../fixtures/tables/layouts';
import { communePlan } from '../fixtures/tables/plans';
import { columnLetter } from '../../src/core/recognize';
import type { FakeExcel } from './fake';

function roman(n: number): string {
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of parts) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The commune plan's indicators repeated under `groups` roman headings (≈ 15 rows a group). */
export function bigCommunePlan(groups: number): PlanJson {
  const base = communePlan();
  const indicators = Object.entries(base.chiTieu).filter(([, e]) => !e.tieuDe);
  const chiTieu: PlanJson['chiTieu'] = {};
  for (let g = 1; g <= groups; g++) {
    const R = roman(g);
    chiTieu[R] = { tenChiTieu: `Nhóm chỉ tiêu ${g}`, donViTinh: '', tieuDe: true };
    const idOf = new Map<string, string>();
    let k = 0;
    for (const [id, e] of indicators) {
      const sub = id.split('.').length > 2;
      const nid = sub ? `${idOf.get(e.thuoc!)}.1` : `${R}.${++k}`;
      idOf.set(id, nid);
      chiTieu[nid] = { ...e, ...(e.thuoc ? { thuoc: idOf.get(e.thuoc)! } : {}) };
    }
  }
  return { ...base, chiTieu };
}

/** The own-mode commune layout (two-row merged header, A B 1 2 3 numbering), over a bigger plan. */
export function bigOwnTable(groups = 34): TableFixture {
  const layout = LAYOUTS.find((l) => l.name === 'xa-la-ma-khong-ke-hoach')!;
  return buildTable({ ...layout, name: 'xa-500-dong', plan: () => bigCommunePlan(groups), mismatch: [1, 6, 200, 400] });
}

export function ownFixture(name: string): TableFixture {
  return buildTable(LAYOUTS.find((l) => l.name === name)!);
}

/** Writes the fixture's grid into `sheet` of the fake, as typed: values, formats and merges. */
export function fillOwnTable(fake: FakeExcel, sheet: string, t: TableFixture): void {
  const top = t.grid.origin?.row ?? 1;
  const left = t.grid.origin?.col ?? 1;
  t.grid.cells.forEach((row, r) => row.forEach((v, c) => {
    const f = t.grid.formats?.[r]?.[c];
    if (v === null && !f) return;
    const address = `${columnLetter(left + c)}${top + r}`;
    const value = v === null ? undefined : typeof v === 'object' ? v.error : v;
    fake.setCell(sheet, address, { ...(value !== undefined ? { value } : {}), ...(typeof v === 'object' && v !== null ? { error: true } : {}), ...(f ? { numberFormat: f } : {}) });
  }));
  for (const m of t.grid.merges) fake.mergeAsUser(sheet, `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`);
}
