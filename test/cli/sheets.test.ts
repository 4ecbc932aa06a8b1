// Files with several units' templates, one per sheet (sheet-scoped names, as Excel saves a workbook whose
// template sheet was copied, or the add-in's unit and consolidated sheets): check --sheet, a flagged copy
// that keeps every sheet's names, and merge taking each sheet as a unit.
import { promises as fs } from 'fs';
import path from 'path';
import type { Report } from '../../src/core/types';
import { loadWorkbook } from '../../src/xlsx/io';
import { readSnapshot, templatesOf } from '../../src/xlsx/snapshot';
import type { Entries } from '../../src/template/inMemory';
import { realisticEntries } from '../../src/template/samples';
import { fileHash, run, tmpDir } from '../support/xlsx';
import { unitSheetsFile, type UnitSheet } from '../support/unitSheets';

const dir = tmpDir();
const A: Entries = { ...realisticEntries(31), QS_16: 1000, TH_16: 4 };
const B: Entries = { ...realisticEntries(32), QS_16: 3000, TH_16: 2 };
const C: Entries = { ...realisticEntries(33), QS_16: 1000, TH_16: 3 };
const D: Entries = { ...realisticEntries(34), TH_2: 4_449_000_000_000 };
const units: UnitSheet[] = [
  { sheet: 'Xã A', unit: 'UBND xã A', entries: A },
  { sheet: 'Xã B', unit: 'UBND xã B', entries: B },
  { sheet: 'Xã C', unit: 'UBND xã C', entries: C },
  { sheet: 'Xã D', unit: 'UBND xã D', entries: D },
  { sheet: 'Tổng hợp', unit: 'Huyện (tổng hợp cũ)', entries: A, consolidated: true },
];
const n = (e: Entries, name: string) => e[name] as number;

let book: string;
let sheetsOnly: string;
beforeAll(async () => {
  book = await unitSheetsFile(dir, 'cac-xa.xlsx', units, { firstOnWorkbookNames: true });
  sheetsOnly = await unitSheetsFile(dir, 'chi-theo-trang.xlsx', units.slice(1, 3), { firstOnWorkbookNames: false });
});

describe('a workbook with a template on each sheet', () => {
  it('is read with each sheet\'s own names, not ExcelJS\'s folded ones', async () => {
    const wb = await loadWorkbook(book);
    expect(templatesOf(wb).map((t) => [t.sheet, t.scope, t.consolidated])).toEqual([
      ['Xã A', 'workbook', false], ['Xã B', 'sheet', false], ['Xã C', 'sheet', false], ['Xã D', 'sheet', false], ['Tổng hợp', 'sheet', true],
    ]);
    expect(readSnapshot(wb).snapshot.unit).toBe('UBND xã A');
    expect(readSnapshot(wb, undefined, 'Xã C').snapshot.cells.TH_2).toMatchObject({ sheet: 'Xã C', value: n(C, 'TH_2') });
  });

  it('check reads the workbook\'s template, or with --sheet that sheet\'s', async () => {
    const plain = JSON.parse((await run('check', book, '--json')).out) as Report;
    expect(plain.indicators.find((i) => i.id === '2')!.actual).toBe(n(A, 'TH_2'));
    const r = await run('check', book, '--json', '--sheet', 'Xã D');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as Report;
    expect(d.findings).toContainEqual(expect.objectContaining({ name: 'TH_2', code: 'unit-slip', sheet: 'Xã D' }));
    const s = await run('summary', book, '--sheet', 'Xã B');
    expect(s.out).toMatch(/UBND xã B/);
  });

  it('asks for --sheet, naming the sheets, when the templates are all on sheets of their own', async () => {
    const r = await run('check', sheetsOnly);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/trên từng trang \("Xã B", "Xã C"\); chọn một trang bằng --sheet/);
    const wrong = await run('check', sheetsOnly, '--sheet', 'Xã Z');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/không có trang "Xã Z".*"Xã B", "Xã C"/);
  });

  it('writes a flagged copy that keeps every sheet\'s own names, and never touches the file', async () => {
    const before = fileHash(await fs.readFile(book));
    const copy = path.join(dir, 'cac-xa-danh-dau.xlsx');
    expect((await run('check', book, '--sheet', 'Xã D', '--out', copy)).code).toBe(1);
    expect(fileHash(await fs.readFile(book))).toBe(before);
    const wb = await loadWorkbook(copy);
    expect(templatesOf(wb).map((t) => [t.sheet, t.scope])).toEqual([['Xã A', 'workbook'], ['Xã B', 'sheet'], ['Xã C', 'sheet'], ['Xã D', 'sheet'], ['Tổng hợp', 'sheet']]);
    const flagged = readSnapshot(wb, undefined, 'Xã D');
    const th2 = flagged.cells.get('TH_2')!;
    expect(wb.getWorksheet('Xã D')!.getCell(th2.address).fill).toMatchObject({ type: 'pattern' });
    const again = JSON.parse((await run('check', copy, '--json', '--sheet', 'Xã B')).out) as Report;
    expect(again.indicators.find((i) => i.id === '2')!.actual).toBe(n(B, 'TH_2'));
  });

  it('merge takes each unit sheet as a unit, leaves out the broken one by sheet and cell, and skips the old consolidation', async () => {
    const out = path.join(dir, 'TONG-HOP.xlsx');
    const r = await run('merge', book, '--out', out, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { included: { file: string; sheet?: string; unit: string }[]; excluded: { sheet?: string; errors: { cell: string | null; name: string | null }[] }[]; averaged: { name: string }[] };
    expect(j.included.map((u) => [u.sheet, u.unit])).toEqual([['Xã A', 'UBND xã A'], ['Xã B', 'UBND xã B'], ['Xã C', 'UBND xã C']]);
    expect(j.excluded).toEqual([expect.objectContaining({ sheet: 'Xã D', errors: [expect.objectContaining({ name: 'TH_2' })] })]);
    expect(j.averaged.map((a) => a.name)).toContain('TH_16');
    const merged = JSON.parse((await run('check', out, '--json')).out) as Report;
    expect(merged.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(merged.indicators.find((i) => i.id === '2')!.actual).toBeCloseTo(n(A, 'TH_2') + n(B, 'TH_2') + n(C, 'TH_2'), 6);
    expect(merged.indicators.find((i) => i.id === '16')!.actual).toBe(2.6);
    const text = await run('merge', book, '--out', path.join(dir, 'TONG-HOP-2.xlsx'));
    expect(text.out).toMatch(/cac-xa\.xlsx, trang "Xã D" \[G\d+ TH_2\] unit-slip/);
  });
});
