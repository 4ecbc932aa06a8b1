// `chitieu merge`: three units' files and two broken ones into one template that `check` accepts.
import { promises as fs } from 'fs';
import path from 'path';
import { realisticEntries } from '../../src/template/samples';
import type { Entries } from '../../src/template/inMemory';
import type { Report } from '../../src/core/types';
import { namedCells } from '../../src/xlsx/definedNames';
import { fileHash, readXlsx, run, templateFilledWith, tmpDir } from '../support/xlsx';

const dir = tmpDir();

interface MergeJson {
  out: string;
  written: boolean;
  period: string;
  year: number | null;
  baseYear: number;
  included: { file: string; unit: string; warnings: number }[];
  excluded: { file: string; unit: string | null; reason: string; message: string; errors: { cell: string | null; name: string | null; code: string }[] }[];
  levelsKept: string[];
  levelsLeftEmpty: string[];
  incomplete: { name: string; missingFrom: string[] }[];
  passNotMet: { id: string; units: string[] }[];
  averaged: { name: string; weight: string }[];
  weightsMissing: { id: string; weight: string; missingFrom: string[] }[];
  mergedErrors: number;
}

// Weights (quyền số): every unit gives its households for 16 (poverty rate), only A and B their population for 9.
const unitA: Entries = { ...realisticEntries(11), QS_16: 1200, QS_9: 8000, TN_16: 6.2, TH_16: 4.5 };
const unitB: Entries = { ...realisticEntries(12), TH_6: 'Chưa đạt', QS_16: 800, QS_9: 5000, TN_16: 3.1, TH_16: 1.9 };
// Unit C has its own plan for 1.1 (sp): a lower value and index; the total follows its parts.
const unitC: Entries = { ...realisticEntries(13), KH_1_1_SP: 1625490, KH_1_SP: 6786145, KHTT_1_1_SP: 105, QS_16: 2000, TN_16: 8.4, TH_16: 6.6 };
const unitSlip: Entries = { ...realisticEntries(14), TH_2: 4449000000000 };

let files: { a: string; b: string; c: string; slip: string; corrupt: string };
let out: string;
let result: { code: number; out: string; err: string };
let json: MergeJson;
const hashesBefore = new Map<string, string>();

beforeAll(async () => {
  const a = await templateFilledWith(dir, unitA, 'xa-a.xlsx', ['--unit', 'UBND xã A']);
  const b = await templateFilledWith(dir, unitB, 'xa-b.xlsx', ['--unit', 'UBND xã B']);
  const c = await templateFilledWith(dir, unitC, 'xa-c.xlsx', ['--unit', 'UBND xã C']);
  const slip = await templateFilledWith(dir, unitSlip, 'xa-d.xlsx', ['--unit', 'UBND xã D']);
  const corrupt = path.join(dir, 'xa-e.xlsx');
  const bytes = await fs.readFile(a);
  await fs.writeFile(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
  files = { a, b, c, slip, corrupt };
  out = path.join(dir, 'TONG-HOP.xlsx');
  for (const f of Object.values(files)) hashesBefore.set(f, fileHash(await fs.readFile(f)));
  result = await run('merge', a, slip, b, corrupt, c, '--out', out, '--json');
  json = JSON.parse(result.out) as MergeJson;
});

const num = (e: Entries, name: string) => e[name] as number;

/** The merged file, and the value of its cell of a defined name. */
async function mergedCells() {
  const wb = await readXlsx(out);
  const names = namedCells(wb);
  const value = (name: string) => {
    const nc = names.get(name)!;
    return wb.getWorksheet(nc.sheet)!.getCell(nc.address).value;
  };
  return { wb, value };
}

describe('chitieu merge', () => {
  it('never changes a unit\'s file, merged or left out (byte for byte)', async () => {
    for (const [f, h] of hashesBefore) expect(fileHash(await fs.readFile(f))).toBe(h);
  });

  it('leaves out a unit with an error and a corrupt file, by file name and cell, and merges the others', () => {
    expect(result.code).toBe(1);
    expect(json.written).toBe(true);
    expect(json.included.map((u) => [path.basename(u.file), u.unit])).toEqual([['xa-a.xlsx', 'UBND xã A'], ['xa-b.xlsx', 'UBND xã B'], ['xa-c.xlsx', 'UBND xã C']]);
    const [slip, corrupt] = json.excluded;
    expect(slip).toMatchObject({ file: files.slip, unit: 'UBND xã D', reason: 'errors' });
    expect(slip!.errors).toEqual([expect.objectContaining({ name: 'TH_2', code: 'unit-slip', cell: expect.stringMatching(/^G\d+$/) })]);
    expect(corrupt).toMatchObject({ file: files.corrupt, unit: null, reason: 'unreadable' });
    expect(corrupt!.message).toMatch(/bị hỏng/);
  });

  it('prints which units it included and why the others are left out', async () => {
    const again = await run('merge', files.a, files.slip, files.b, files.corrupt, files.c, '--out', path.join(dir, 'TONG-HOP-2.xlsx'));
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Đã tổng hợp 3\/5 đơn vị/);
    expect(again.out).toMatch(/\+ UBND xã A \(.*xa-a\.xlsx\)/);
    expect(again.out).toMatch(/xa-d\.xlsx \[G\d+ TH_2\] unit-slip: /);
    expect(again.out).toMatch(/xa-e\.xlsx: tệp .* bị hỏng/);
  });

  it('sums the flows per cell and recomputes the plan index of indicator 1 as the implied index', async () => {
    const { wb, value } = await mergedCells();
    const units = [unitA, unitB, unitC];
    const sum = (name: string) => units.reduce((s, e) => s + num(e, name), 0);
    expect(value('KH_2')).toBe(3 * 4449);
    for (const name of ['TH_2', 'TH_4', 'TH_15_2', 'TN_QP_2_1', 'TH_QP_2_1', 'TH_1_2_1_SX', 'TN_1_SP']) {
      expect(value(name)).toBeCloseTo(sum(name), 6);
    }
    expect(value('KH_1_1_SP')).toBe(2 * 1725490 + 1625490);
    const implied = (2 * 1725490 + 1625490) / (2 * (1725490 / 103.5) * 100 + (1625490 / 105) * 100) * 100;
    expect(value('KHTT_1_1_SP')).toBeCloseTo(implied, 2);
    expect(value('KHTT_1_1_SP')).toBe(103.98);
    expect(value('KHTT_1_SX')).toBe(113.32); // all units share the plan: the implied index is the plan's
    expect(value('DON_VI')).toBe('Tổng hợp 3 đơn vị');
  });

  it('never sums levels: keeps what all units agree on, leaves the rest empty, shows them unit by unit', async () => {
    const { wb, value } = await mergedCells();
    expect(value('KH_9')).toBe(95);
    expect(json.levelsKept).toContain('KH_9');
    expect(new Set([unitA.TH_9, unitB.TH_9, unitC.TH_9]).size).toBeGreaterThan(1);
    expect(value('TH_9')).toBeNull();
    expect(json.levelsLeftEmpty).toContain('TH_9');
    expect(String(value('GC_9'))).toMatch(/không cộng/);
    // pass: "Chưa đạt" when any unit has not achieved it.
    expect(value('TH_6')).toBe('Chưa đạt');
    expect(json.passNotMet).toEqual([{ id: '6', units: ['UBND xã B'] }]);
    expect(value('TH_XD_1')).toBe('Đạt');

    const ws = wb.getWorksheet('Theo đơn vị')!;
    expect(ws).toBeDefined();
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(6, 9)).toEqual(['UBND xã A', 'UBND xã B', 'UBND xã C']);
    let row9 = 0;
    ws.eachRow((r, i) => { if (r.getCell(1).value === '9') row9 = i; });
    const r = ws.getRow(row9);
    expect([r.getCell(6).value, r.getCell(7).value, r.getCell(8).value]).toEqual([unitA.TH_9, unitB.TH_9, unitC.TH_9]);
    expect(r.getCell(5).value).toBeNull();
  });

  it('averages a rate by its weight where every unit gave one, and says which; not where a unit lacks it', async () => {
    const { wb, value } = await mergedCells();
    const mean = (name: string) => (num(unitA, name) * 1200 + num(unitB, name) * 800 + num(unitC, name) * 2000) / 4000;
    expect(value('TH_16')).toBeCloseTo(mean('TH_16'), 2);
    expect(value('TN_16')).toBeCloseTo(mean('TN_16'), 2);
    expect(value('TH_16')).toBe(5.03); // (4,5×1.200 + 1,9×800 + 6,6×2.000) ÷ 4.000 = 5,03 — not the sum 13
    expect(value('QS_16')).toBe(4000);
    expect(json.averaged).toEqual(expect.arrayContaining([{ name: 'TH_16', weight: 'Số hộ gia đình (hộ)' }, { name: 'TN_16', weight: 'Số hộ gia đình (hộ)' }]));
    expect(String(value('GC_16'))).toMatch(/bình quân theo quyền số \(số hộ gia đình \(hộ\)\) của 3 đơn vị/);
    // 9: C gave no population, so 9 is not averaged and the output names C.
    expect(json.weightsMissing).toEqual([{ id: '9', weight: 'Dân số (người)', missingFrom: ['UBND xã C'] }]);
    expect(json.averaged.map((a) => a.name)).not.toContain('TH_9');
    expect(value('TH_9')).toBeNull();
    const text = await run('merge', files.a, files.b, files.c, '--out', path.join(dir, 'TONG-HOP-W.xlsx'));
    expect(text.out).toMatch(/Bình quân theo quyền số .*TH_16 \(theo số hộ gia đình \(hộ\)\)/);
    expect(text.out).toMatch(/9: không tính bình quân vì thiếu quyền số \(dân số \(người\)\) ở UBND xã C/);
  });

  it('writes a template that `check` accepts with no error finding', async () => {
    expect(json.mergedErrors).toBe(0);
    const r = await run('check', out, '--json');
    const report = JSON.parse(r.out) as Report & { baseYear?: number };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(report.baseYear).toBe(2010);
    expect(report.indicators.find((i) => i.id === '2')!.actual).toBeCloseTo(num(unitA, 'TH_2') + num(unitB, 'TH_2') + num(unitC, 'TH_2'), 6);
    const s = await run('summary', out, '--json');
    expect(s.code).toBe(0);
  });

  it('refuses to overwrite --out, and writes nothing when no unit can be merged', async () => {
    const before = fileHash(await fs.readFile(out));
    const again = await run('merge', files.a, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/đã có; không ghi đè/);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(fileHash(await fs.readFile(out))).toBe(before);

    const none = path.join(dir, 'khong-co.xlsx');
    const broken = await run('merge', files.corrupt, files.slip, '--out', none);
    expect(broken.code).toBe(2);
    expect(broken.err.trim().split('\n')).toHaveLength(1);
    expect(broken.err).toMatch(/không có tệp đơn vị nào dùng được/);
    await expect(fs.stat(none)).rejects.toThrow();

    expect((await run('merge', files.a, '--json')).code).toBe(2);
    expect((await run('merge', files.a, files.a, '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
  });

  it('leaves out a unit of another period and a unit repeated under another file name', async () => {
    const six = await templateFilledWith(dir, realisticEntries(15), 'xa-6t.xlsx', ['--unit', 'UBND xã F', '--period', '6t']);
    const copy = path.join(dir, 'xa-a-ban-sao.xlsx');
    await fs.copyFile(files.a, copy);
    const r = await run('merge', files.a, six, copy, '--out', path.join(dir, 'TONG-HOP-3.xlsx'), '--json');
    const j = JSON.parse(r.out) as MergeJson;
    expect(r.code).toBe(1);
    expect(j.included).toHaveLength(1);
    expect(j.excluded.map((e) => e.reason)).toEqual(['mismatch', 'duplicate']);
    expect(j.excluded[0]!.message).toMatch(/kỳ báo cáo/);
  });
});
