// A row the user adds gets the template's own formulas for its rule: for every row of several plans, the
// added-row formulas are the template's with each name (KH_<id>, TH_<id> …) read as the row's address.
import fs from 'fs';
import path from 'path';
import { cellName } from '../../src/core/names';
import { planFromJson } from '../../src/core/planRead';
import { addedRowFormulas } from '../../src/template/addedRow';
import { buildTemplate } from '../../src/template/model';

const PLANS = ['xa-nho-2026', 'tran-va-khoang-2026', 'tinh-2026', 'quy-2026'];
const LETTERS = { KH: 'D', KHTT: 'E', TN: 'F', TH: 'G', CS: 'H', PT: 'I', DG: 'J' } as const;

const RULES = new Set<string>();

describe.each(PLANS)('plan %s', (name) => {
  const plan = planFromJson(fs.readFileSync(path.join(__dirname, '../fixtures/plans', `${name}.json`), 'utf8'));
  const model = buildTemplate({ indicators: plan.indicators, headings: plan.headings, order: plan.order, year: 2026 });
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const rows = model.rows.filter((r) => r.key && r.key.measure === null && !['growth', 'indexed'].includes(byId.get(r.key.id)!.plan.kind));

  for (const r of rows) RULES.add(byId.get(r.key!.id)!.rule);

  it.each(rows.map((r) => [r.key!.id, r] as const))('row %s: the template\'s formulas, by address', (id, row) => {
    const ind = byId.get(id)!;
    const byAddress = (formula: string) => (['KH', 'KHTT', 'TN', 'TH'] as const).reduce(
      (f, c) => f.replace(new RegExp(`\\b${cellName(c, id)}(?![A-Za-z0-9_])`, 'g'), `${LETTERS[c]}${row.row}`), formula);
    const kh = row.cells.plan!;
    const got = addedRowFormulas(ind, row.row, {}, { address: `D${row.row}`, sheet: model.sheetName, value: kh.value ?? null, ...(kh.numFmt ? { numberFormat: kh.numFmt } : {}) });
    const want = (['growth', 'percent', 'status'] as const).flatMap((k) => {
      const f = row.cells[k]?.formula;
      return f ? [{ column: ({ growth: 'CS', percent: 'PT', status: 'DG' } as const)[k], address: `${LETTERS[({ growth: 'CS', percent: 'PT', status: 'DG' } as const)[k]]}${row.row}`, formula: byAddress(f) }] : [];
    });
    expect(got).toEqual(want);
    // Nothing left that names a cell: the formulas work before the row's names exist.
    for (const g of got) expect(g.formula).not.toMatch(/\b(KH|KHTT|TN|TH)_/);
  });
});

it('the plans cover the rules a user can type for an added row', () => {
  expect([...RULES].sort()).toEqual(expect.arrayContaining(['criteria', 'decrease', 'increase', 'info', 'lt', 'max', 'min', 'pass', 'reduce']));
});

it('a column the user moved: the formulas follow the letters read from the sheet', () => {
  const plan = planFromJson(fs.readFileSync(path.join(__dirname, '../fixtures/plans/xa-nho-2026.json'), 'utf8'));
  const ind = { ...plan.indicators.find((i) => i.rule === 'min' && i.nature === 'level')! };
  const got = addedRowFormulas(ind, 40, { KH: 'E', TH: 'H', PT: 'J', DG: 'K' }, { address: 'E40', sheet: 'x', value: 90.5 });
  expect(got.map((g) => g.address)).toEqual(['J40', 'K40']);
  expect(got[1]!.formula).toContain('ROUND(H40,1)>E40');
});
