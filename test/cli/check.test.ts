// `chitieu template` and `chitieu check` on real .xlsx files, in-process.
import { promises as fs } from 'fs';
import path from 'path';
import { atPlanEntries } from '../../src/template/samples';
import { fileHash, readXlsx, run, templateFilledWith, tmpDir, userValuesHash, fillByName } from '../support/xlsx';
import { indicatorKeys } from '../../src/core/catalog';
import type { Report } from '../../src/core/types';

const dir = tmpDir();

describe('chitieu template', () => {
  it('writes a new .xlsx and refuses to overwrite it', async () => {
    const out = path.join(dir, 'mau.xlsx');
    const first = await run('template', '--out', out, '--period', '6t', '--year', '2023');
    expect(first.code).toBe(0);
    const before = await fs.readFile(out);
    const second = await run('template', '--out', out);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/đã có; không ghi đè/);
    expect(second.err.trim().split('\n')).toHaveLength(1);
    expect(fileHash(await fs.readFile(out))).toBe(fileHash(before));
    const wb = await readXlsx(out);
    const period = wb.definedNames.getRanges('KY_BAO_CAO');
    expect(period.ranges).toHaveLength(1);
  });
  it('refuses bad options with one line and status 2', async () => {
    expect((await run('template')).code).toBe(2);
    const r = await run('template', '--out', path.join(dir, 'x.xlsx'), '--period', 'quy');
    expect([r.code, r.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(r.err).toMatch(/--period/);
  });
});

describe('chitieu check', () => {
  it('on a template filled exactly at plan: no error, no shortfall, exit 0', async () => {
    const file = await templateFilledWith(dir, atPlanEntries(), 'dat.xlsx');
    const r = await run('check', file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.period).toBe('nam');
    expect(report.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(report.indicators).toHaveLength(indicatorKeys().length + 1);
    expect(Object.keys(report.indicators[0]!)).toEqual(expect.arrayContaining(['id', 'measure', 'plan', 'planGrowth', 'previous', 'actual', 'growth', 'percentOfPlan', 'contribution', 'status']));
  });

  it('finds the unit slip, says where, and exits 1', async () => {
    const file = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000 }, 'slip.xlsx');
    const r = await run('check', file, '--json');
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.out) as Report).findings.find((x) => x.code === 'unit-slip')!;
    expect(f).toMatchObject({ id: '2', measure: null, name: 'TH_2', severity: 'error' });
    expect(f.cell).toMatch(/^G\d+$/);
    const table = await run('check', file);
    expect(table.out).toMatch(/LỖI \(1\)/);
    expect(table.out).toMatch(/Tổng mức bán lẻ/);
  });

  it('still finds every indicator after the user inserts rows in the middle', async () => {
    const file = await templateFilledWith(dir, atPlanEntries(), 'insert.xlsx');
    const wb = await readXlsx(file);
    const ws = wb.worksheets[0]!;
    ws.spliceRows(20, 0, ['', 'Dòng người dùng chèn thêm'], []);
    fillByName(wb, { TH_2: 4500 });
    const moved = path.join(dir, 'insert-moved.xlsx');
    await wb.xlsx.writeFile(moved);
    const r = await run('check', moved, '--json');
    const report = JSON.parse(r.out) as Report;
    expect(report.findings.filter((f) => f.code === 'missing-cell' || f.code === 'missing')).toEqual([]);
    expect(report.indicators.find((i) => i.id === '2')!.status).toBe('vuot');
    expect(report.indicators.filter((i) => i.status === 'khong-du-lieu')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--out writes a flagged copy, leaves every input value unchanged and never touches FILE', async () => {
    const entries = { ...atPlanEntries(), TH_2: 4449000000000, TH_4: 883.3, GC_4: 'Số liệu của Chi cục Thuế' };
    const file = await templateFilledWith(dir, entries, 'flag.xlsx');
    const before = await fs.readFile(file);
    const out = path.join(dir, 'flag-danh-dau.xlsx');
    const r = await run('check', file, '--out', out);
    expect(r.code).toBe(1);
    expect(fileHash(await fs.readFile(file))).toBe(fileHash(before));
    const [orig, copy] = [await readXlsx(file), await readXlsx(out)];
    expect(userValuesHash(copy)).toBe(userValuesHash(orig));
    const cellOf = (wb: typeof copy, name: string) => {
      const r0 = wb.definedNames.getRanges(name).ranges[0]!;
      const [sheet, addr] = r0.split('!');
      return wb.getWorksheet(sheet!.replace(/^'|'$/g, ''))!.getCell(addr!.replace(/\$/g, ''));
    };
    const th4 = cellOf(copy, 'TH_4');
    expect(th4.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF8CBAD' } });
    expect(String(th4.note)).toMatch(/Chưa đạt: .*thiếu 44,518 tỷ đồng/);
    expect(cellOf(copy, 'TH_2').fill).toMatchObject({ fgColor: { argb: 'FFFF9999' } });
    const status = cellOf(copy, 'DG_4').value as { formula: string; result: string };
    expect(status.formula).toMatch(/TH_4/);
    expect(status.result).toBe('Chưa đạt');
    const note = String(cellOf(copy, 'GC_4').value);
    expect(note.startsWith('Số liệu của Chi cục Thuế\n[chitieu] ')).toBe(true);
    // The copy is checked again the same way (flags are not data).
    const again = await run('check', out, '--json');
    expect(JSON.parse(again.out)).toEqual(JSON.parse((await run('check', file, '--json')).out));
    // --out never replaces a file.
    expect((await run('check', file, '--out', out)).code).toBe(2);
    expect((await run('check', file, '--out', file)).code).toBe(2);
  });

  it('exit 2 with one clear line for a missing, non-xlsx, corrupt or template-less file', async () => {
    const text = path.join(dir, 'ghi-chu.xlsx');
    await fs.writeFile(text, 'đây không phải Excel');
    const valid = await fs.readFile(await templateFilledWith(dir, {}, 'trunc-src.xlsx'));
    const truncated = path.join(dir, 'cut.xlsx');
    await fs.writeFile(truncated, valid.subarray(0, Math.floor(valid.length / 2)));
    const empty = path.join(dir, 'empty.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'xin chào';
    await wb.xlsx.writeFile(empty);
    const cases: [string, RegExp][] = [
      [path.join(dir, 'khong-co.xlsx'), /không tìm thấy tệp/],
      [text, /không phải tệp Excel/],
      [truncated, /bị hỏng/],
      [empty, /không có biểu chỉ tiêu/],
      [dir, /không phải là một tệp/],
    ];
    for (const [file, msg] of cases) {
      const r = await run('check', file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('chitieu describe', () => {
  it('maps each id and measure to its cells from the defined names', async () => {
    const file = await templateFilledWith(dir, {}, 'describe.xlsx');
    const r = await run('describe', file, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { indicators: { id: string; measure: string | null; cells: Record<string, string> }[] };
    const row = d.indicators.find((i) => i.id === '1.2.1' && i.measure === 'sx')!;
    expect(Object.keys(row.cells).sort()).toEqual(['CS', 'DG', 'GC', 'KH', 'KHTT', 'PT', 'TH', 'TN', 'YC']);
    const rowNo = row.cells.TH!.replace(/\D/g, '');
    expect(Object.values(row.cells).every((a) => a.endsWith(rowNo))).toBe(true);
    expect(d.indicators).toHaveLength(indicatorKeys().length + 1);
  });
});
