// `chitieu adopt` and `chitieu check` on the user's own table: fixture tables (test/fixtures/tables) written
// as real .xlsx files — by ExcelJS, and one by LibreOffice from HTML — recognised as built, checked with
// the template's verdicts, and adopted into a copy whose only change is the names in workbook.xml.
import { promises as fs } from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { buildTable, type TableFixture } from '../fixtures/tables/build';
import { LAYOUTS } from '../fixtures/tables/layouts';
import { convertToXlsxWithLibreOffice } from '../support/libreoffice';
import { fileHash, readXlsx, run, templateFilledWith, tmpDir } from '../support/xlsx';
import { openPackage } from '../../src/xlsx/package';
import { cellName, rowKey } from '../../src/core/names';
import { columnLetter } from '../../src/core/recognize';
import type { Report } from '../../src/core/types';
import type { AdoptJson } from '../../src/core/recognize';

jest.setTimeout(240_000);

const dir = tmpDir();
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const fixture = (name: string): TableFixture => buildTable(LAYOUTS.find((l) => l.name === name)!);

/** The fixture's grid as a sheet of a workbook whose first sheet is a cover page with no table. */
async function writeWithExcelJS(t: TableFixture, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('Bìa');
  cover.getCell('A1').value = 'Hồ sơ báo cáo kinh tế - xã hội';
  cover.getCell('A2').value = 'Kèm theo biểu số liệu ở trang sau.';
  const ws = wb.addWorksheet('Biểu 01');
  const top = t.grid.origin?.row ?? 1;
  const left = t.grid.origin?.col ?? 1;
  t.grid.cells.forEach((row, r) => row.forEach((v, c) => {
    if (v === null) return;
    const cell = ws.getCell(top + r, left + c);
    cell.value = typeof v === 'object' && v !== null && 'error' in v ? { error: v.error } as ExcelJS.CellErrorValue : v as ExcelJS.CellValue;
    const f = t.grid.formats?.[r]?.[c];
    if (f) cell.numFmt = f;
    if (r < 3) cell.font = { bold: true };
  }));
  for (const m of t.grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  ws.getColumn(left + 1).width = 48;
  await wb.xlsx.writeFile(file);
  return file;
}

async function writePlan(t: TableFixture, file: string): Promise<string> {
  await fs.writeFile(file, JSON.stringify(t.plan, null, 2));
  return file;
}

/** Every zip part of a file, by name. */
function parts(bytes: Buffer): Map<string, Buffer> {
  const zip = openPackage(bytes).zip;
  return new Map(zip.entries.map((e) => [e.name, Buffer.from(zip.read(e.name)!)]));
}

interface Case {
  layout: string;
  writer: 'exceljs' | 'libreoffice';
  withPlan: boolean;
}

const CASES: Case[] = [
  { layout: 'seed-mot-dong', writer: 'exceljs', withPlan: true },
  { layout: 'seed-hai-tang', writer: 'exceljs', withPlan: true },
  { layout: 'phuong-phan-tram-kieu-so', writer: 'exceljs', withPlan: true },
  { layout: 'tinh-ten-rut-gon', writer: 'exceljs', withPlan: true },
  { layout: 'xa-la-ma-khong-ke-hoach', writer: 'libreoffice', withPlan: false },
];

describe.each(CASES)('$layout ($writer)', ({ layout, writer, withPlan }) => {
  const t = fixture(layout);
  let file = '';
  let planArgs: string[] = [];
  let before = '';
  let sheet = '';

  beforeAll(async () => {
    if (writer === 'exceljs') file = await writeWithExcelJS(t, path.join(dir, `${layout}.xlsx`));
    else {
      const html = path.join(dir, `${layout}.html`);
      await fs.writeFile(html, t.html);
      file = await convertToXlsxWithLibreOffice(html, 'HTML (StarCalc)', dir);
    }
    planArgs = withPlan ? ['--plan', await writePlan(t, path.join(dir, `${layout}.plan.json`))] : [];
    before = fileHash(await fs.readFile(file));
    sheet = writer === 'exceljs' ? 'Biểu 01' : (await readXlsx(file)).worksheets[0]!.name;
  });

  it('adopt --json prints the mapping the table was built with and writes a copy changed only in its names', async () => {
    const copy = path.join(dir, `${layout}-adopted.xlsx`);
    const r = await run('adopt', file, ...planArgs, '--out', copy, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as AdoptJson;
    expect(Object.keys(j)).toEqual(['sheet', 'columns', 'rows', 'unmatched']);
    expect(j.sheet).toBe(sheet);
    expect(j.columns).toEqual(t.expected.columns);
    expect(j.rows.map((x) => [x.row, x.id, x.rule])).toEqual(t.expected.rows.map((x) => [x.row, x.id, x.rule]));
    expect(j.unmatched.map((u) => u.row)).toEqual(t.expected.unmatched);
    expect(fileHash(await fs.readFile(file))).toBe(before);

    // Every part identical but workbook.xml; in it, only the added <definedName> elements.
    const a = parts(await fs.readFile(file));
    const b = parts(await fs.readFile(copy));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const changed = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
    expect(changed).toEqual(['xl/workbook.xml']);
    const oldXml = a.get('xl/workbook.xml')!.toString('utf8');
    const newXml = b.get('xl/workbook.xml')!.toString('utf8');
    const added = [...newXml.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)<\/definedName>/g)]
      .filter((m) => !oldXml.includes(m[0]));
    const stripped = added.reduce((x, m) => x.replace(m[0], ''), newXml).replace('<definedNames></definedNames>', '');
    expect(stripped).toBe(oldXml);
    const sheetIndex = openPackage(await fs.readFile(copy)).sheets.findIndex((s) => s.name === sheet);
    expect(new Set(added.map((m) => m[2]))).toEqual(new Set([String(sheetIndex)]));
    // Each indicator row's TH cell carries its name, on the row the table has it.
    const th = new Map(added.map((m) => [m[1]!, m[3]!]));
    for (const e of t.expected.rows) {
      const name = cellName('TH', e.id, e.measure).replace(/[^A-Za-z0-9_.]/g, '_');
      expect(th.get(name)).toMatch(new RegExp(`!\\$${t.expected.columns.TH}\\$${e.row}$`));
    }
  });

  it('check recognises on the fly: says so, verdicts as built, stated mismatches, exit status', async () => {
    const r = await run('check', file, ...planArgs, '--json');
    expect(r.err.split('\n')[0]).toBe(`Nhận dạng bảng của người dùng ở sheet "${sheet}": ${t.expected.rows.length} chỉ tiêu, ${Object.keys(t.expected.columns).length} cột${t.expected.unmatched.length ? `, ${t.expected.unmatched.length} dòng không khớp (xem: chitieu adopt)` : ''}.`);
    const report = JSON.parse(r.out) as Report;
    for (const e of t.expected.rows.filter((x) => x.status)) {
      const got = report.indicators.find((i) => rowKey(i.id, i.measure) === rowKey(e.id, e.measure));
      expect([e.row, e.id, got?.status]).toEqual([e.row, e.id, e.status]);
    }
    const stated = report.findings.filter((f) => f.code === 'stated-mismatch');
    expect(stated.map((f) => f.cell).sort()).toEqual(t.expected.mismatches.map((m) => `${t.expected.columns[m.col]}${m.row}`).sort());
    expect(stated.every((f) => f.severity === 'error' && f.sheet === sheet)).toBe(true);
    expect(r.code).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0);
    expect(fileHash(await fs.readFile(file))).toBe(before);

    // The readable report: the first line says what was recognised, the rows carry the table's own names.
    const text = await run('check', file, ...planArgs);
    expect(text.out.split('\n')[0]).toMatch(/^Nhận dạng bảng của người dùng ở sheet/);
    expect(text.out).toMatch(/Kiểm tra: .* — kỳ báo cáo: năm/);
    expect(text.code).toBe(r.code);
  });

  it('check on the adopted copy finds the table by its names and says the same', async () => {
    const copy = path.join(dir, `${layout}-adopted.xlsx`);
    const onCopy = await run('check', copy, ...planArgs, '--json');
    const onFile = await run('check', file, ...planArgs, '--json');
    expect(onCopy.err).toMatch(/theo tên ô đã gắn bằng chitieu adopt/);
    expect(JSON.parse(onCopy.out)).toEqual(JSON.parse(onFile.out));
    expect(onCopy.code).toBe(onFile.code);
    const bySheet = await run('check', copy, '--sheet', sheet, ...planArgs, '--json');
    expect(JSON.parse(bySheet.out)).toEqual(JSON.parse(onFile.out));
  });
});

describe('verdicts equal the template\'s on the same figures', () => {
  it.each(['seed-mot-dong', 'seed-hai-tang'])('%s', async (layout) => {
    const t = fixture(layout);
    const file = path.join(dir, `${layout}.xlsx`);
    const plan = path.join(dir, `${layout}.plan.json`);
    const own = JSON.parse((await run('check', file, '--plan', plan, '--json')).out) as Report;
    // The same figures typed into the template (KH, TN, TH of each recognised row, by name).
    const top = t.grid.origin?.row ?? 1;
    const left = t.grid.origin?.col ?? 1;
    const at = (row: number, letter: string | undefined) => {
      if (!letter) return undefined;
      const c = [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return t.grid.cells[row - top]?.[c - left] ?? null;
    };
    const entries: Record<string, unknown> = {};
    for (const e of t.expected.rows) {
      for (const col of ['KH', 'TN', 'TH'] as const) {
        const v = at(e.row, t.expected.columns[col]);
        if (v !== undefined) entries[cellName(col, e.id, e.measure)] = v;
      }
    }
    const template = await templateFilledWith(dir, entries as never, `${layout}-template.xlsx`);
    const tpl = JSON.parse((await run('check', template, '--json')).out) as Report;
    let compared = 0;
    for (const e of t.expected.rows) {
      const a = own.indicators.find((i) => rowKey(i.id, i.measure) === rowKey(e.id, e.measure));
      const b = tpl.indicators.find((i) => rowKey(i.id, i.measure) === rowKey(e.id, e.measure));
      expect([e.id, e.measure, a?.status]).toEqual([e.id, e.measure, b?.status]);
      compared++;
    }
    expect(compared).toBe(t.expected.rows.length);
    expect(compared).toBeGreaterThan(30);
    // Findings the engine gives on a cell are given on the table's cell for the same row and column.
    const codes = (r: Report) => r.findings.filter((f) => !['stated-mismatch', 'missing-cell', 'missing', 'missing-plan'].includes(f.code) && t.expected.rows.some((e) => e.id === f.id))
      .map((f) => `${f.name}:${f.code}`).sort();
    expect(codes(own)).toEqual(codes(tpl));
  });
});

describe('check --out on the user\'s own table', () => {
  it('flags the table\'s own cells: status in an empty Đánh giá cell, notes in Ghi chú, fills and comments; the input is untouched', async () => {
    const t = fixture('seed-hai-tang');
    const file = path.join(dir, 'seed-hai-tang.xlsx');
    const plan = path.join(dir, 'seed-hai-tang.plan.json');
    const before = fileHash(await fs.readFile(file));
    const out = path.join(dir, 'seed-hai-tang-flagged.xlsx');
    const r = await run('check', file, '--plan', plan, '--out', out);
    expect(r.out).toMatch(/Đã ghi bản sao có đánh dấu/);
    expect(fileHash(await fs.readFile(file))).toBe(before);
    const report = JSON.parse((await run('check', file, '--plan', plan, '--json')).out) as Report;
    const wb = await readXlsx(out);
    const ws = wb.getWorksheet('Biểu 01')!;
    const mismatch = report.findings.find((f) => f.code === 'stated-mismatch')!;
    const cell = ws.getCell(mismatch.cell!);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FF9999$/);
    const gc = t.expected.columns.GC!;
    const row = Number(/\d+/.exec(mismatch.cell!)![0]);
    expect(String(ws.getCell(`${gc}${row}`).value ?? '')).toMatch(/\[chitieu\] Lỗi: /);
    // Values of every cell of the table kept.
    const top = t.grid.origin?.row ?? 1;
    t.grid.cells.forEach((cells, i) => cells.forEach((v, c) => {
      if (typeof v !== 'number') return;
      expect(ws.getCell(`${columnLetter(c + 1)}${top + i}`).value).toBe(v);
    }));
  });
});

describe('no table, overwriting, usage', () => {
  it('exits 2 with one line when no sheet holds a table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chép').getCell('B2').value = 'Danh sách cán bộ trực Tết';
    wb.getWorksheet('Ghi chép')!.getCell('B3').value = 123;
    const file = path.join(dir, 'khong-bang.xlsx');
    await wb.xlsx.writeFile(file);
    for (const argv of [['adopt', file, '--out', path.join(dir, 'x.xlsx')], ['check', file], ['check', file, '--json']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(argv[0] === 'adopt' ? /^chitieu: Không tìm thấy bảng chỉ tiêu trên sheet "Ghi chép"/
        : /^chitieu: không có biểu chỉ tiêu .* không tìm thấy bảng chỉ tiêu trên sheet "Ghi chép"/);
    }
    await expect(fs.stat(path.join(dir, 'x.xlsx'))).rejects.toThrow();
    // A table with no actual column: adopted (names on its plan cells), but nothing for check to check.
    const planOnly = new ExcelJS.Workbook();
    const ws = planOnly.addWorksheet('Kế hoạch');
    ws.addRow(['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch 2026']);
    ws.addRow([1, 'Tổng thu ngân sách trên địa bàn', 'Tỷ đồng', 45]);
    const planFile = path.join(dir, 'chi-ke-hoach.xlsx');
    await planOnly.xlsx.writeFile(planFile);
    const c = await run('check', planFile);
    expect([c.code, c.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(c.err).toMatch(/không có cột Thực hiện/);
    expect((await run('adopt', planFile, '--out', path.join(dir, 'chi-ke-hoach-ten.xlsx'))).code).toBe(0);
  });

  it('refuses to overwrite --out, needs --out, and a --sheet that exists', async () => {
    const file = path.join(dir, 'seed-mot-dong.xlsx');
    const plan = path.join(dir, 'seed-mot-dong.plan.json');
    const out = path.join(dir, 'seed-mot-dong-adopted.xlsx');
    const kept = fileHash(await fs.readFile(out));
    const again = await run('adopt', file, '--plan', plan, '--out', out);
    expect([again.code, again.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(again.err).toMatch(/đã có; không ghi đè/);
    expect(fileHash(await fs.readFile(out))).toBe(kept);
    expect((await run('adopt', file)).code).toBe(2);
    const noSheet = await run('adopt', file, '--sheet', 'Không có', '--out', path.join(dir, 'y.xlsx'));
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toMatch(/không có trang "Không có"/);
    // Adopting an adopted copy again would replace the user's names: refused.
    const twice = await run('adopt', out, '--plan', plan, '--out', path.join(dir, 'z.xlsx'));
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/đã có tên ô/);
  });

  it('the readable summary of adopt names the columns, the rows and the rows left out with their reason', async () => {
    const t = fixture('seed-dao-cot');
    const file = await writeWithExcelJS(t, path.join(dir, 'seed-dao-cot.xlsx'));
    const plan = await writePlan(t, path.join(dir, 'seed-dao-cot.plan.json'));
    const r = await run('adopt', file, '--plan', plan, '--out', path.join(dir, 'seed-dao-cot-adopted.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/trang "Biểu 01": tiêu đề ở dòng \d+/);
    expect(r.out).toMatch(new RegExp(`Dòng chỉ tiêu khớp \\(${t.expected.rows.length}\\)`));
    expect(t.expected.unmatched.length).toBeGreaterThan(0);
    expect(r.out).toMatch(new RegExp(`Dòng không khớp \\(${t.expected.unmatched.length}\\):\\n  dòng ${t.expected.unmatched[0]} "[^"]+": \\S`));
    expect(r.out).toMatch(/Đã ghi bản sao .*mọi giá trị, định dạng và ô gộp giữ nguyên/);
  });

  it('the built command: exit status and one line on standard error', () => {
    const built = path.join(__dirname, '..', '..', 'bin', 'chitieu.js');
    const r = spawnSync(process.execPath, [built, 'check', path.join(dir, 'khong-bang.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const ok = spawnSync(process.execPath, [built, 'adopt', path.join(dir, 'seed-mot-dong.xlsx'), '--plan', path.join(dir, 'seed-mot-dong.plan.json'), '--out', path.join(dir, 'built.xlsx'), '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as AdoptJson).rows.length).toBe(fixture('seed-mot-dong').expected.rows.length);
  });
});
