// A workbook Excel saved has a calculation chain (xl/calcChain.xml). `check --out` on one where the user
// added rows writes formulas the chain does not list: the copy drops the chain (its relationship and
// content type too; Excel rebuilds it on opening), still opens in LibreOffice and computes the added rows'
// formulas to the engine's figures. A copy that adds no formula keeps the chain byte for byte.
import path from 'path';
import type ExcelJS from 'exceljs';
import { recalculateWithLibreOffice } from '../support/libreoffice';
import { withCalcChain, type ChainStyle } from '../support/calcChain';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../../src/core/rules';
import type { Report } from '../../src/core/types';
import { rawValue } from '../../src/xlsx/cellValue';
import { loadPackage } from '../../src/xlsx/io';

jest.setTimeout(240_000);
const dir = tmpDir();
const PLAN = path.join(__dirname, '../fixtures/plans/xa-nho-2026.json');
const SHEET = 'Chỉ tiêu KT-XH';
const CHAIN = 'xl/calcChain.xml';

/** A level in % and a flow in people, typed below the table. */
const ADDED = [
  { id: '21', cells: { B: 'Tỷ lệ hộ dùng nhà tiêu hợp vệ sinh', C: '%', D: 90, G: 85, M: '≥ 90' } },
  { id: '22', cells: { B: 'Lao động được giải quyết việc làm', C: 'người', D: 300, F: 280, G: 310, M: '≥ 300' } },
];

let blankFilled = '';
let withRows = '';
let firstAdded = 0;

beforeAll(async () => {
  const blank = path.join(dir, 'blank.xlsx');
  expect((await run('template', '--plan', PLAN, '--out', blank)).code).toBe(0);
  const wb = await readXlsx(blank);
  fillByName(wb, { TH_1: 13000, TH_2: 8.5 });
  blankFilled = path.join(dir, 'dien.xlsx');
  await wb.xlsx.writeFile(blankFilled);
  const ws = wb.getWorksheet(SHEET)!;
  firstAdded = ws.rowCount + 1;
  ADDED.forEach((a, i) => {
    ws.getCell(`A${firstAdded + i}`).value = a.id;
    for (const [col, v] of Object.entries(a.cells)) ws.getCell(`${col}${firstAdded + i}`).value = v;
  });
  withRows = path.join(dir, 'them-dong.xlsx');
  await wb.xlsx.writeFile(withRows);
});

const chainParts = async (file: string) => {
  const pkg = await loadPackage(file);
  return {
    part: pkg.zip.has(CHAIN),
    rel: /calcChain/.test(pkg.zip.text('xl/_rels/workbook.xml.rels')!),
    contentType: /calcChain/.test(pkg.zip.text('[Content_Types].xml')!),
  };
};

describe.each<ChainStyle>(['excel', 'long'])('a workbook with a calculation chain (%s style)', (style) => {
  let input = '';
  let copy = '';
  let report: Report;

  beforeAll(async () => {
    input = path.join(dir, `chain-${style}.xlsx`);
    expect(withCalcChain(withRows, input, style).entries).toBeGreaterThan(20);
    expect(await chainParts(input)).toEqual({ part: true, rel: true, contentType: true });
    copy = path.join(dir, `chain-${style}-danh-dau.xlsx`);
    const r = await run('check', input, '--out', copy, '--json');
    report = JSON.parse(r.out) as Report;
  });

  it('the copy adds the rows\' formulas and has no calculation chain, relationship or content type left for it', async () => {
    expect(await chainParts(copy)).toEqual({ part: false, rel: false, contentType: false });
    // The workbook's other relationships are all there.
    const [a, b] = await Promise.all([loadPackage(input), loadPackage(copy)]);
    const relIds = (p: typeof a) => [...p.zip.text('xl/_rels/workbook.xml.rels')!.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(relIds(b)).toEqual(relIds(a).filter((id) => id !== 'rIdChain'));
    // Every other part of the workbook is still there (the flags' comments are added).
    const names = new Set(b.zip.entries.map((e) => e.name));
    expect(a.zip.entries.map((e) => e.name).filter((n) => !names.has(n))).toEqual([CHAIN]);
  });

  it('LibreOffice opens the copy and computes the added rows\' growth, % and verdict to the engine\'s figures', async () => {
    const wb = await readXlsx(await recalculateWithLibreOffice(copy, path.join(dir, `lo-${style}`)));
    const at = (ws: ExcelJS.Worksheet, ref: string) => { const v = rawValue(ws.getCell(ref).value); return v === '' ? null : v; };
    const ws = wb.getWorksheet(SHEET)!;
    const got = ADDED.map((a, i) => ({ id: a.id, growth: at(ws, `H${firstAdded + i}`), percent: at(ws, `I${firstAdded + i}`), status: at(ws, `J${firstAdded + i}`) }));
    const want = ADDED.map((a) => {
      const r = report.indicators.find((x) => x.id === a.id)!;
      return { id: a.id, growth: r.growth, percent: r.percentOfPlan, status: r.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[r.status] };
    });
    expect(got).toEqual(want);
    expect(want.map((w) => w.status)).toEqual([STATUS_TEXT['chua-dat'], STATUS_TEXT.vuot]);
  });

  it('the copy checked again: same verdicts, nothing left to take in', async () => {
    const again = JSON.parse((await run('check', copy, '--json')).out) as Report & { planNotes?: string[] };
    expect(again.planNotes ?? []).toEqual([]);
    for (const a of ADDED) expect(again.indicators.find((i) => i.id === a.id)!.status).toBe(report.indicators.find((i) => i.id === a.id)!.status);
  });
});

it('a copy that adds no formula (no row added) keeps the calculation chain as it was', async () => {
  const input = path.join(dir, 'chain-no-rows.xlsx');
  withCalcChain(blankFilled, input, 'excel');
  const copy = path.join(dir, 'chain-no-rows-danh-dau.xlsx');
  await run('check', input, '--out', copy);
  const [a, b] = await Promise.all([loadPackage(input), loadPackage(copy)]);
  expect(Buffer.from(b.zip.read(CHAIN)!).equals(Buffer.from(a.zip.read(CHAIN)!))).toBe(true);
  for (const part of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) expect(b.zip.text(part)).toBe(a.zip.text(part));
});
