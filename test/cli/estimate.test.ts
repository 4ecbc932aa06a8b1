// "Ước thực hiện" through the command: template --period 9t-uoc writes the estimate in the title block;
// check and summary carry it (JSON "uoc" only when the workbook or --period says); merge keeps it when
// every unit agrees and says so when they do not. A workbook that says neither gives the JSON as before.
import path from 'path';
import type { Report } from '../../src/core/types';
import { realisticEntries } from '../../src/template/samples';
import { namedCells } from '../../src/xlsx/definedNames';
import { rawValue } from '../../src/xlsx/cellValue';
import { readXlsx, run, templateFilledWith, tmpDir } from '../support/xlsx';

jest.setTimeout(60_000);
const dir = tmpDir();

async function cellOf(file: string, name: string): Promise<unknown> {
  const wb = await readXlsx(file);
  const nc = namedCells(wb).get(name)!;
  return rawValue(wb.getWorksheet(nc.sheet)!.getCell(nc.address).value);
}

async function checkJson(file: string, ...extra: string[]): Promise<{ text: string; report: Report }> {
  const r = await run('check', file, '--json', ...extra);
  expect(r.err).toBe('');
  return { text: r.out, report: JSON.parse(r.out) as Report };
}

describe('template --period with ước', () => {
  it.each(['9t-uoc', 'uoc-9t', 'ước 9 tháng', 'Ước thực hiện 9 tháng'])('%s writes "Ước thực hiện 9 tháng" in the period cell', async (p) => {
    const file = path.join(dir, `t-${p.replace(/\W+/g, '_')}.xlsx`);
    const r = await run('template', '--out', file, '--year', '2026', '--period', p);
    expect(r.code).toBe(0);
    expect(await cellOf(file, 'KY_BAO_CAO')).toBe('Ước thực hiện 9 tháng');
  });

  it('keeps the seed\'s cell when --period says neither', async () => {
    const file = path.join(dir, 't-6t.xlsx');
    expect((await run('template', '--out', file, '--period', '6t')).code).toBe(0);
    expect(await cellOf(file, 'KY_BAO_CAO')).toBe('6 tháng');
  });

  it('refuses a period it cannot read, in one line naming the estimate form', async () => {
    const r = await run('template', '--out', path.join(dir, 'never.xlsx'), '--period', '9t-xyz');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--period .*-uoc.*"9t-xyz"/);
  });
});

describe('check and summary of an estimate', () => {
  let estimate: string;
  let plain: string;
  beforeAll(async () => {
    estimate = await templateFilledWith(dir, realisticEntries(5), 'uoc-9t.xlsx', ['--period', '9t-uoc']);
    plain = await templateFilledWith(dir, realisticEntries(5), 'plain-9t.xlsx', ['--period', '9t']);
  });

  it('the report says uoc: true right after period, and judges as the plain 9 months does', async () => {
    const e = await checkJson(estimate);
    const p = await checkJson(plain);
    expect(e.text).toMatch(/^\{\n {2}"period": "9t",\n {2}"uoc": true,\n {2}"indicators"/);
    expect(e.report.indicators).toEqual(p.report.indicators);
    expect(e.report.findings).toEqual(p.report.findings);
  });

  it('a workbook that says neither has no uoc field: its JSON is the plain report', async () => {
    const p = await checkJson(plain);
    expect(p.text).not.toMatch(/"uoc"/);
    expect(Object.keys(p.report).slice(0, 3)).toEqual(['period', 'indicators', 'findings']);
    expect(Object.keys(p.report)).not.toContain('uoc');
  });

  it('--period 6t keeps the cell\'s ước; --period 9t-ct states official; --period 9t-uoc makes a plain one an estimate', async () => {
    expect((await checkJson(estimate, '--period', '6t')).report).toMatchObject({ period: '6t', uoc: true });
    expect((await checkJson(estimate, '--period', '9t-ct')).report).toMatchObject({ period: '9t', uoc: false });
    expect((await checkJson(plain, '--period', '9t-uoc')).report).toMatchObject({ period: '9t', uoc: true });
  });

  it('the table names the period with its estimate', async () => {
    const r = await run('check', estimate);
    expect(r.out).toMatch(/kỳ báo cáo: ước thực hiện 9 tháng/);
  });

  it('the summary paragraph opens "Ước thực hiện 9 tháng năm 2023"; official figures open "Thực hiện"', async () => {
    const s = JSON.parse((await run('summary', estimate, '--json')).out) as { uoc?: boolean; paragraph: string };
    expect(s.uoc).toBe(true);
    expect(s.paragraph).toMatch(/^Ước thực hiện 9 tháng năm 2023 có \d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/);
    const o = JSON.parse((await run('summary', estimate, '--json', '--period', 'chính thức 9 tháng')).out) as { uoc?: boolean; paragraph: string };
    expect(o.uoc).toBe(false);
    expect(o.paragraph).toMatch(/^Thực hiện 9 tháng năm 2023 có/);
    const text = (await run('summary', estimate)).out;
    expect(text.split('\n')[0]).toMatch(/— ước thực hiện 9 tháng năm 2023 \(giá so sánh 2010\)$/);
    const unstated = JSON.parse((await run('summary', plain, '--json')).out) as Record<string, unknown>;
    expect(unstated).not.toHaveProperty('uoc');
  });
});

describe('merge', () => {
  const unitFile = (name: string, unit: string, seed: number, period: string) =>
    templateFilledWith(dir, realisticEntries(seed), name, ['--period', period, '--unit', unit]);

  it('units that all say ước: merged as an estimate, the merged file says so', async () => {
    const a = await unitFile('m-a.xlsx', 'Xã A', 21, '9t-uoc');
    const b = await unitFile('m-b.xlsx', 'Xã B', 22, '9t-uoc');
    const out = path.join(dir, 'm-ab.xlsx');
    const r = await run('merge', a, b, '--out', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).toMatchObject({ period: '9t', uoc: true });
    expect(json).not.toHaveProperty('estimateMixed');
    expect(await cellOf(out, 'KY_BAO_CAO')).toBe('Ước thực hiện 9 tháng');
    expect((await checkJson(out)).report.uoc).toBe(true);
  });

  it('ước mixed with chính thức: every unit merged, the total an estimate, and the units named by kind', async () => {
    const a = await unitFile('x-a.xlsx', 'Xã A', 31, '9t-uoc');
    const b = await unitFile('x-b.xlsx', 'Xã B', 32, '9t-ct');
    const out = path.join(dir, 'x-ab.xlsx');
    const j = await run('merge', a, b, '--out', out, '--json');
    const json = JSON.parse(j.out) as { uoc?: boolean; estimateMixed?: unknown; included: unknown[] };
    expect(json.included).toHaveLength(2);
    expect(json.uoc).toBe(true);
    expect(json.estimateMixed).toEqual({ estimate: ['Xã A'], official: ['Xã B'], unstated: [] });
    const text = await run('merge', a, b, '--out', path.join(dir, 'x-ab-2.xlsx'));
    expect(text.out).toMatch(/Chú ý: Các đơn vị báo cáo khác loại số liệu \(số ước thực hiện: Xã A; số chính thức: Xã B\) — số tổng hợp là số ước thực hiện\./);
    const wb = await readXlsx(out);
    const byUnit = wb.getWorksheet('Theo đơn vị')!;
    const heading = [1, 2, 3].map((r) => String(rawValue(byUnit.getCell(`A${r}`).value)));
    expect(heading.join('\n')).toMatch(/\(ƯỚC THỰC HIỆN 9 THÁNG\)/);
    expect(heading.join('\n')).toMatch(/khác loại số liệu/);
  });

  it('units that say neither: no uoc, no estimateMixed — the JSON as before', async () => {
    const a = await unitFile('n-a.xlsx', 'Xã A', 41, '9t');
    const b = await unitFile('n-b.xlsx', 'Xã B', 42, '9t');
    const r = await run('merge', a, b, '--out', path.join(dir, 'n-ab.xlsx'), '--json');
    expect(r.out).not.toMatch(/"uoc"|estimateMixed/);
    expect(Object.keys(JSON.parse(r.out) as object).slice(0, 4)).toEqual(['out', 'written', 'period', 'year']);
  });
});
