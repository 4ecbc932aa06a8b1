// `check --out` on a workbook where the user added indicator rows: the copy gets the template's live
// formulas in their empty formula cells (H growth, I %, J status), with the engine's results cached;
// LibreOffice, recomputing every formula, gets the engine's figures; a cell the user typed is kept (and a
// plan note says so); every other cell and part of the copy is what the copy was without this feature.
import fs from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { recalculateWithLibreOffice } from '../support/libreoffice';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';
import { checkWorkbook } from '../../src/core/engine';
import { STATUS_TEXT, UNJUDGED_TEXT } from '../../src/core/rules';
import type { Report } from '../../src/core/types';
import { rawValue } from '../../src/xlsx/cellValue';
import { namedCells } from '../../src/xlsx/definedNames';
import { flaggedCopy } from '../../src/xlsx/flags';
import { loadPackage } from '../../src/xlsx/io';
import { scanSheet } from '../../src/xlsx/package/sheetCells';
import { readSnapshot } from '../../src/xlsx/snapshot';
import { nameAddedRows, readWorkbookPlan, rewriteStoredPlan } from '../../src/xlsx/workbookPlan';

jest.setTimeout(240_000);
const dir = tmpDir();
const PLAN = path.join(__dirname, '../fixtures/plans/xa-nho-2026.json');
const SHEET = 'Chỉ tiêu KT-XH';

/** Rows typed below the table: TT, name, ĐVT, KH, (E), TN, TH, …, M = requirement; J typed on one. */
const ADDED: { id: string; cells: Record<string, string | number> }[] = [
  { id: '21', cells: { B: 'Tỷ lệ hộ dùng nhà tiêu hợp vệ sinh', C: '%', D: 90, G: 85, M: '≥ 90' } },
  { id: '22', cells: { B: 'Lao động được giải quyết việc làm', C: 'người', D: 300, F: 280, G: 310, M: '≥ 300' } },
  { id: '23', cells: { B: 'Tỷ lệ hộ nghèo đa chiều', C: '%', D: 1.5, G: 1.2, M: 'dưới 1,5' } },
  { id: '24', cells: { B: 'Tỷ lệ trường đạt chuẩn', C: '%', D: 25, G: 28, M: '25 – 27' } },
  { id: '25', cells: { B: 'Số hộ khá', C: 'hộ', F: 120, G: 131, M: 'tăng' } },
  // The user wrote a verdict of their own into J: it stays.
  { id: '26', cells: { B: 'Tỷ lệ che phủ rừng', C: '%', D: 40, G: 41, J: 'Đạt (sơ bộ)', M: '≥ 40' } },
];

/** The number format the user gave row 24's empty % cell. */
const USER_FORMAT = '#,##0.0';

let file = '';
let copy = '';
let firstAdded = 0;
let report: Report & { planNotes?: string[] };
const rowOf = (id: string) => firstAdded + ADDED.findIndex((a) => a.id === id);

beforeAll(async () => {
  const blank = path.join(dir, 'blank.xlsx');
  expect((await run('template', '--plan', PLAN, '--out', blank)).code).toBe(0);
  const wb = await readXlsx(blank);
  fillByName(wb, { TH_1: 13000, TH_2: 8.5, TH_4: 1.2 });
  const ws = wb.getWorksheet(SHEET)!;
  firstAdded = ws.rowCount + 1;
  ADDED.forEach((a, i) => {
    ws.getCell(`A${firstAdded + i}`).value = a.id;
    for (const [col, v] of Object.entries(a.cells)) ws.getCell(`${col}${firstAdded + i}`).value = v;
  });
  // Formats the user set on empty formula cells: a number format (kept), a bold font with General (kept,
  // the number format added to it).
  ws.getCell(`I${rowOf('24')}`).numFmt = USER_FORMAT;
  ws.getCell(`H${rowOf('25')}`).font = { bold: true };
  file = path.join(dir, 'them-dong.xlsx');
  await wb.xlsx.writeFile(file);
  copy = path.join(dir, 'them-dong-danh-dau.xlsx');
  const r = await run('check', file, '--out', copy, '--json');
  report = JSON.parse(r.out) as typeof report;
});

const statusText = (id: string) => {
  const i = report.indicators.find((x) => x.id === id)!;
  return i.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[i.status];
};
const valueAt = (wb: ExcelJS.Workbook, address: string) => {
  const v = rawValue(wb.getWorksheet(SHEET)!.getCell(address).value);
  return v === '' ? null : v;
};
/** H, I, J of an added row as the engine says they should read (null: the formula shows ""). */
const engineRow = (id: string) => {
  const i = report.indicators.find((x) => x.id === id)!;
  return { growth: i.growth, percent: i.percentOfPlan, status: statusText(id) };
};

describe('check --out writes live formulas into the rows the user added', () => {
  it('every added row is taken in and judged; the typed status is kept and told', () => {
    for (const a of ADDED) expect(report.planNotes).toContainEqual(expect.stringMatching(new RegExp(`thêm chỉ tiêu mới ${a.id} `)));
    expect(report.planNotes).toContainEqual(`Ô J${rowOf('26')} (đánh giá của chỉ tiêu mới 26) đã có nội dung: giữ nguyên, không ghi công thức vào ô này.`);
    expect(Object.fromEntries(ADDED.map((a) => [a.id, report.indicators.find((i) => i.id === a.id)!.status]))).toEqual({
      21: 'chua-dat', 22: 'vuot', 23: 'dat', 24: 'vuot', 25: 'dat', 26: 'vuot',
    });
  });

  it('the copy holds the formulas, named like template rows, with the engine\'s results cached', async () => {
    const wb = await readXlsx(copy);
    const ws = wb.getWorksheet(SHEET)!;
    const names = namedCells(wb);
    for (const a of ADDED) {
      const r = rowOf(a.id);
      for (const c of ['CS', 'PT', 'DG']) expect(names.get(`${c}_${a.id}`)?.address).toBe(`${({ CS: 'H', PT: 'I', DG: 'J' } as Record<string, string>)[c]}${r}`);
      const want = engineRow(a.id);
      if (a.id === '26') {
        // The status the user typed stays; the % next to it is live.
        expect(ws.getCell(`J${r}`).value).toBe('Đạt (sơ bộ)');
        expect(valueAt(wb, `I${r}`)).toBe(want.percent);
        continue;
      }
      const status = ws.getCell(`J${r}`).value as ExcelJS.CellFormulaValue;
      expect(status.formula).toMatch(new RegExp(`G${r}`));
      expect({ growth: valueAt(wb, `H${r}`), percent: valueAt(wb, `I${r}`), status: valueAt(wb, `J${r}`) }).toEqual(want);
    }
    // A level has no growth index (H stays empty, as in the template); a flow has one.
    expect(ws.getCell(`H${rowOf('21')}`).value).toBeNull();
    expect((ws.getCell(`H${rowOf('22')}`).value as ExcelJS.CellFormulaValue).formula).toBe(`IF(AND(ISNUMBER(G${rowOf('22')}),ISNUMBER(F${rowOf('22')})),IFERROR(ROUND(G${rowOf('22')}/F${rowOf('22')}*100,2),""),"")`);
  });

  it('LibreOffice, recomputing every formula, gets the engine\'s growth, % and verdict on each added row', async () => {
    const wb = await readXlsx(await recalculateWithLibreOffice(copy, path.join(dir, 'lo')));
    const mismatches: string[] = [];
    for (const a of ADDED) {
      const r = rowOf(a.id);
      const got = { growth: valueAt(wb, `H${r}`), percent: valueAt(wb, `I${r}`), status: a.id === '26' ? statusText('26') : valueAt(wb, `J${r}`) };
      if (JSON.stringify(got) !== JSON.stringify(engineRow(a.id))) mismatches.push(`${a.id}: LibreOffice ${JSON.stringify(got)} ≠ engine ${JSON.stringify(engineRow(a.id))}`);
    }
    expect(mismatches).toEqual([]);
    expect(valueAt(wb, `J${rowOf('26')}`)).toBe('Đạt (sơ bộ)');
  });

  it('nothing else changes: every part and every other cell is what the copy was without the formulas; shared strings untouched', async () => {
    // The copy as it was made before this feature: the same steps, without the formulas.
    const pkg = await loadPackage(file);
    const { snapshot, cells } = readSnapshot(pkg);
    const wp = readWorkbookPlan(pkg, snapshot, cells);
    const r = checkWorkbook(snapshot, { indicators: wp.plan.indicators, headings: wp.plan.headings });
    const before = path.join(dir, 'truoc.xlsx');
    fs.writeFileSync(before, flaggedCopy(pkg, cells, r, (patch) => { nameAddedRows(patch, wp, cells); rewriteStoredPlan(patch, pkg, wp); }));
    const [a, b, orig] = await Promise.all([loadPackage(before), loadPackage(copy), Promise.resolve(pkg)]);
    const part = a.sheet(SHEET)!.part!;
    const names = a.zip.entries.map((e) => e.name);
    expect(b.zip.entries.map((e) => e.name)).toEqual(names);
    const stylesPart = a.workbookPartOf('styles')!;
    for (const n of names) if (n !== part && n !== stylesPart) expect([n, Buffer.from(b.zip.read(n)!).equals(Buffer.from(a.zip.read(n)!))]).toEqual([n, true]);
    // styles.xml: the user's cell formats untouched; the copy's appended formats are the flags' (as without
    // this feature, maybe at other indexes) and a number-format copy for each kind of added cell.
    const xfs = (p: typeof a, from = 0) => Array.from({ length: p.styles!.xfCount - from }, (_, i) => p.styles!.xfXml(from + i));
    const own = orig.styles!.xfCount;
    expect(xfs(b).slice(0, own)).toEqual(xfs(orig));
    const flagsOnly = xfs(a, own);
    const appended = xfs(b, own);
    expect(appended.filter((x) => !flagsOnly.includes(x))).toEqual([
      expect.stringMatching(/^<xf numFmtId="2" fontId="0" [^>]*applyNumberFormat="1"\/>$/),
      expect.stringMatching(/^<xf numFmtId="2" fontId="[1-9]\d*" [^>]*applyNumberFormat="1"\/>$/), // the bold cell's
    ]);
    expect(flagsOnly.filter((x) => !appended.includes(x))).toEqual([]);
    const shared = names.find((n) => /sharedStrings\.xml$/.test(n));
    if (shared) expect(Buffer.from(b.zip.read(shared)!).equals(Buffer.from(orig.zip.read(shared)!))).toBe(true);
    // In the sheet: only the added rows' formula cells differ.
    const typed = `J${rowOf('26')}`;
    const formulaCells = new Set(ADDED.flatMap((x) => ['H', 'I', 'J'].map((c) => `${c}${rowOf(x.id)}`)).filter((ref) => ref !== typed));
    // A cell's style by what it is, not its index (the two copies append their formats in another order).
    const styled = (p: typeof a, xml: string) => xml.replace(/(<c\b[^>]*?\ss=")(\d+)(")/g, (_m, l: string, n: string, r: string) => `${l}${p.styles!.xfXml(Number(n))}${r}`);
    const cellsOf = (p: typeof a) => {
      const xml = p.partText(part)!;
      const scan = scanSheet(xml, part);
      return new Map([...scan.cells].map(([ref, c]) => [ref, styled(p, xml.slice(c.start, c.end))]));
    };
    const [ca, cb] = [cellsOf(a), cellsOf(b)];
    const changed = [...new Set([...ca.keys(), ...cb.keys()])].filter((ref) => ca.get(ref) !== cb.get(ref));
    expect(changed.filter((ref) => !formulaCells.has(ref))).toEqual([]);
    expect(changed.filter((ref) => /^[HI]/.test(ref)).length).toBeGreaterThan(0);
    const strip = (xml: string) => xml.replace(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (m, ref: string) => (formulaCells.has(ref) ? '' : m));
    expect(styled(b, strip(b.partText(part)!)) === styled(a, strip(a.partText(part)!))).toBe(true);
  });

  it('the new growth and % cells show the template\'s number format; a format the user set stays, and so does the rest of a cell\'s look', async () => {
    const [orig, made] = await Promise.all([loadPackage(file), loadPackage(copy)]);
    const { cells } = readSnapshot(orig);
    const templateAt = (name: string) => orig.readCells(SHEET, [cells.get(name)!.address]).get(cells.get(name)!.address)!;
    const want = { H: templateAt('CS_1').numFmt, I: templateAt('PT_1').numFmt };
    expect(want).toEqual({ H: '0.00', I: '0.00' });
    const refs = ADDED.flatMap((a) => ['H', 'I'].map((c) => `${c}${rowOf(a.id)}`));
    const [before, after] = [orig.readCells(SHEET, refs), made.readCells(SHEET, refs)];
    const shown = Object.fromEntries(refs.filter((r) => after.get(r)?.hasFormula).map((r) => [r, after.get(r)!.numFmt]));
    const expected = Object.fromEntries(Object.keys(shown).map((r) => [r, r === `I${rowOf('24')}` ? USER_FORMAT : want[r[0] as 'H' | 'I']]));
    expect(shown).toEqual(expected);
    expect(Object.keys(shown)).toEqual(expect.arrayContaining([`H${rowOf('22')}`, `H${rowOf('25')}`, `I${rowOf('21')}`, `I${rowOf('24')}`]));
    // The user's format is kept as it was: the same cell format, not a copy.
    expect(after.get(`I${rowOf('24')}`)!.style).toBe(before.get(`I${rowOf('24')}`)!.style);
    // The bold General cell: bold still (its own format copied, with the number format only).
    const fontOf = (pkg: typeof orig, s: number) => /fontId="(\d+)"/.exec(pkg.styles!.xfXml(s))![1];
    const bold = `H${rowOf('25')}`;
    expect(before.get(bold)!.style).not.toBe(0);
    expect(fontOf(made, after.get(bold)!.style)).toBe(fontOf(orig, before.get(bold)!.style));
    // LibreOffice reads the same formats back.
    const lo = (await readXlsx(await recalculateWithLibreOffice(copy, path.join(dir, 'lo-fmt')))).getWorksheet(SHEET)!;
    expect(Object.fromEntries(Object.keys(shown).map((r) => [r, lo.getCell(r).numFmt]))).toEqual(expected);
    expect(lo.getCell(bold).font?.bold).toBe(true);
  });

  it('the copy checked again judges the added rows alike, with nothing left to take in', async () => {
    const again = JSON.parse((await run('check', copy, '--json')).out) as typeof report;
    expect(again.planNotes ?? []).toEqual([]);
    for (const a of ADDED) expect(again.indicators.find((i) => i.id === a.id)!.status).toBe(report.indicators.find((i) => i.id === a.id)!.status);
  });
});
