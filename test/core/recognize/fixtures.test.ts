// Recognition over the fixture set: every table built from a layout is recognised back to the mapping
// it was built with — columns, header rows, each row's plan entry and rule, headings, rows left out, the
// stated results made wrong on purpose and nothing else.
import { buildTables } from '../../fixtures/tables/layouts';
import { checkStated, figuresOf, gridFormats, recognizeTable, toAdoptJson, verdictOf } from '../../../src/core/recognize';

const tables = buildTables();

test('the fixture set has at least 12 tables from 4 plans, in both modes', () => {
  expect(tables.length).toBeGreaterThanOrEqual(12);
  expect(tables.filter((t) => t.plan === null).length).toBeGreaterThanOrEqual(3);
  // Layouts differ: no two tables have the same header, and the column orders are many.
  const header = (t: (typeof tables)[number]) => JSON.stringify(t.expected.headerRows.map((r) => t.grid.cells[r - 1]));
  expect(new Set(tables.map(header)).size).toBe(tables.length);
  expect(new Set(tables.map((t) => JSON.stringify(t.expected.columns))).size).toBeGreaterThanOrEqual(10);
  expect(new Set(tables.map((t) => t.plan?.donVi ?? 'own')).size).toBeGreaterThanOrEqual(4);
});

describe.each(tables.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  const result = recognizeTable(t.grid, { plan: t.plan });
  if (!result.ok) throw new Error(`${t.name}: ${result.reason}`);
  const rec = result.table;

  test('columns and header rows', () => {
    expect(rec.columns.letters).toEqual(t.expected.columns);
    expect(rec.headerRows).toEqual(t.expected.headerRows);
    expect(rec.numberRow).toBe(t.expected.numberRow);
    expect(rec.firstRow).toBe(t.expected.firstRow);
    expect(rec.lastRow).toBe(t.expected.lastRow);
  });

  test('each indicator row gets its plan entry and rule', () => {
    const got = rec.rows.map((r) => ({ row: r.row, id: r.id, measure: r.measure, rule: r.rule }));
    expect(got).toEqual(t.expected.rows.map(({ row, id, measure, rule }) => ({ row, id, measure, rule })));
  });

  test('headings keep their place, rows of no plan entry are left out with a reason', () => {
    expect(rec.headings.map((h) => ({ row: h.row, id: h.id }))).toEqual(t.expected.headings);
    expect(rec.unmatched.map((u) => u.row)).toEqual(t.expected.unmatched);
    for (const u of rec.unmatched) expect(u.reason).toMatch(/kế hoạch/);
    expect(rec.moreTables).toEqual(t.expected.moreTables);
  });

  test('stated results: exactly the ones made wrong are stated-mismatch', () => {
    const findings = checkStated(rec, gridFormats(t.grid, rec));
    const got = findings.map((f) => ({ row: Number(f.cell!.replace(/^[A-Z]+/, '')), col: f.name!.slice(0, 2) }));
    expect(got).toEqual(t.expected.mismatches);
    for (const f of findings) {
      expect(f.code).toBe('stated-mismatch');
      expect(f.severity).toBe('error');
      expect(f.message).toMatch(/bảng ghi/);
    }
  });

  test('verdicts from the recognised cells are the ones the figures were built for', () => {
    for (const e of t.expected.rows) {
      const r = rec.rows.find((x) => x.row === e.row)!;
      expect({ row: e.row, status: verdictOf(figuresOf(r)) }).toEqual({ row: e.row, status: e.status });
    }
  });

  test('adopt JSON is the contract shape', () => {
    const j = toAdoptJson(rec);
    expect(Object.keys(j)).toEqual(['sheet', 'columns', 'rows', 'unmatched']);
    expect(j.rows.every((r) => Object.keys(r).join() === 'row,id,name,rule')).toBe(true);
  });
});
