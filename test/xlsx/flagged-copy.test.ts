// The flagged copy is the user's package patched, not rebuilt: on a workbook LibreOffice made with a chart,
// a pivot table, a shape, an image, comments, a hyperlink and rich text in Ghi chú, protection, fit-to-page
// and custom properties, every part but the expected ones keeps its bytes; in the template sheet only the
// flagged, status and note cells change; no cell without a finding changes its fill; LibreOffice opens the
// copy and recomputes it to the same results.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { deflateSync } from 'zlib';
import ExcelJS from 'exceljs';
import { planFlags } from '../../src/core/flags';
import type { Report } from '../../src/core/types';
import { atPlanEntries } from '../../src/template/samples';
import { namedCellsOf, openPackage } from '../../src/xlsx/package';
import { scanSheet } from '../../src/xlsx/package/sheetCells';
import { crc32, openZip } from '../../src/xlsx/package/zip';
import { recalculateWithLibreOffice } from '../support/libreoffice';
import { run, templateFilledWith, tmpDir } from '../support/xlsx';

jest.setTimeout(300_000);
const dir = tmpDir();

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(8, 0); ihdr.writeUInt32BE(8, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [200, 30, 30]).flat()])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

let input: string;
let copy: string;
let names: Map<string, { sheet: string; address: string }>;
let report: Report;
const SPEC_ROWS = { hyperlinkNote: 'GC_2', richNote: 'GC_4', flaggedComment: 'TH_2', quietComment: 'KH_3' };

beforeAll(async () => {
  const filled = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000, TH_4: 883.3 }, 'don-vi.xlsx');
  const pkg = openPackage(await fs.readFile(filled));
  names = namedCellsOf(pkg).workbook;
  const at = (n: string) => names.get(n)!.address;
  const image = path.join(dir, 'dau.png');
  await fs.writeFile(image, png());
  const spec = path.join(dir, 'spec.json');
  await fs.writeFile(spec, JSON.stringify({
    sheet: names.get('TH_2')!.sheet, image,
    comments: { [at(SPEC_ROWS.flaggedComment)]: 'Số của Chi cục Thống kê', [at(SPEC_ROWS.quietComment)]: 'KH giao đầu năm' },
    hyperlinkNote: at(SPEC_ROWS.hyperlinkNote), richNote: at(SPEC_ROWS.richNote),
  }));
  input = path.join(dir, 'libreoffice.xlsx');
  // Debian's python3 (with python3-uno), whatever python3 comes first on PATH.
  execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'support', 'richWorkbook.py'), filled, input, spec], { stdio: 'pipe', timeout: 180_000 });
  copy = path.join(dir, 'libreoffice-danh-dau.xlsx');
  const r = await run('check', input, '--out', copy);
  expect(r.code).toBe(1);
  report = JSON.parse((await run('check', input, '--json')).out) as Report;
});

const changedCells = (): Set<string> => {
  const plan = planFlags(report);
  const out = new Set<string>();
  for (const m of plan.cells) out.add(names.get(m.name)!.address);
  for (const r of plan.rows) {
    out.add(names.get(r.statusName)!.address);
    if (r.note) out.add(names.get(r.noteName)!.address);
  }
  return out;
};

describe('check --out on a workbook made by LibreOffice', () => {
  it('keeps every part byte for byte but the template sheet, styles, its comments and their drawing', async () => {
    const [a, b] = [openZip(await fs.readFile(input)), openZip(await fs.readFile(copy))];
    expect(b.entries.map((e) => e.name).sort()).toEqual(a.entries.map((e) => e.name).sort());
    for (const part of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/media/image1.png', 'docProps/custom.xml', 'xl/drawings/drawing1.xml']) {
      expect([part, a.has(part)]).toEqual([part, true]);
    }
    const pkg = openPackage(a.data);
    const sheetPart = pkg.sheet(names.get('TH_2')!.sheet)!.part!;
    const expected = new Set([sheetPart, pkg.workbookPartOf('styles')!, 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    const differing: string[] = [];
    for (const e of a.entries) {
      const same = Buffer.compare(Buffer.from(a.read(e.name)!), Buffer.from(b.read(e.name)!)) === 0;
      if (!same) differing.push(e.name);
      else {
        // Unchanged parts keep even their compressed bytes.
        const f = b.entry(e.name)!;
        expect([e.name, Buffer.compare(Buffer.from(a.data.subarray(e.dataStart, e.dataStart + e.compressedSize)), Buffer.from(b.data.subarray(f.dataStart, f.dataStart + f.compressedSize)))]).toEqual([e.name, 0]);
      }
    }
    expect(differing.sort()).toEqual([...expected].filter((p) => differing.includes(p)).sort());
    expect(differing).toEqual(expect.arrayContaining([sheetPart, pkg.workbookPartOf('styles')!, 'xl/comments1.xml']));

    // In the sheet, only the flagged, status and note cells differ; everything between them is as it was.
    const changed = changedCells();
    const strip = (xml: string) => {
      const scan = scanSheet(xml, sheetPart);
      let out = '';
      let pos = 0;
      for (const c of [...scan.cells.values()].sort((x, y) => x.start - y.start)) {
        out += xml.slice(pos, c.start) + (changed.has(c.ref) ? `<changed ${c.ref}/>` : xml.slice(c.start, c.end));
        pos = c.end;
      }
      return out + xml.slice(pos);
    };
    expect(strip(b.text(sheetPart)!)).toBe(strip(a.text(sheetPart)!));
    // Existing cell formats are untouched; new ones are appended.
    const [sa, sb] = [pkg.styles!, openPackage(b.data).styles!];
    expect(sb.xfCount).toBeGreaterThan(sa.xfCount);
    for (let i = 0; i < sa.xfCount; i++) expect(sb.xfXml(i)).toBe(sa.xfXml(i));
  });

  it('no cell without a finding changes its fill, on any sheet; findings carry the flag fill', async () => {
    const load = async (f: string) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f); return wb; };
    const [a, b] = [await load(input), await load(copy)];
    const plan = planFlags(report);
    const flagged = new Set(plan.cells.map((m) => `${names.get(m.name)!.sheet}!${names.get(m.name)!.address}`));
    let seen = 0;
    for (const ws of b.worksheets) {
      const orig = a.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
        seen++;
        const key = `${ws.name}!${cell.address}`;
        if (flagged.has(key)) expect([key, cell.fill?.type]).toEqual([key, 'pattern']);
        else expect([key, JSON.stringify(cell.fill ?? null)]).toEqual([key, JSON.stringify(orig.getCell(cell.address).fill ?? null)]);
      }));
    }
    expect(seen).toBeGreaterThan(500);
    expect(flagged.size).toBeGreaterThan(0);
  });

  it('keeps the user\'s comment, hyperlink and rich text, with the findings after them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const ws = wb.getWorksheet(names.get('TH_2')!.sheet)!;
    const cell = (n: string) => ws.getCell(names.get(n)!.address);
    const noteText = (n: unknown) => (typeof n === 'string' ? n : ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join(''));
    expect(noteText(cell('TH_2').note)).toMatch(/^Số của Chi cục Thống kê\n\[chitieu\] Lỗi: /);
    expect(noteText(cell('KH_3').note)).toBe('KH giao đầu năm');
    // The hyperlink stays on the cell, its runs (the link's blue) stay, the findings come after them.
    const link = cell('GC_2').value as unknown as { text: { richText: { text: string }[] }; hyperlink: string };
    expect(link.hyperlink).toBe('https://www.gso.gov.vn/');
    expect(link.text.richText.map((r) => r.text).join('')).toMatch(/^Nguồn: Tổng cục Thống kê\n\[chitieu\] Lỗi: /);
    const rich = cell('GC_4').value as ExcelJS.CellRichTextValue;
    expect(rich.richText[0]!.text).toBe('Số ước, ');
    expect(rich.richText.find((r) => r.text === 'chưa chính thức')?.font?.bold).toBe(true);
    expect(rich.richText.map((r) => r.text).join('')).toMatch(/^Số ước, chưa chính thức\n\[chitieu\] Chưa đạt: /);
    expect((cell('DG_4').value as ExcelJS.CellFormulaValue).result).toBe('Chưa đạt');
  });

  it('LibreOffice opens the copy and recomputes it to the same results', async () => {
    const again = await recalculateWithLibreOffice(copy, path.join(dir, 'lo'));
    const r = await run('check', again, '--json');
    const after = JSON.parse(r.out) as Report;
    expect(after.indicators).toEqual(report.indicators);
    expect(after.findings.map((f) => [f.name, f.code])).toEqual(report.findings.map((f) => [f.name, f.code]));
    // What LibreOffice keeps of the copy is what it keeps of the input itself.
    const parts = async (f: string) => openZip(await fs.readFile(f)).entries.map((e) => e.name.replace(/\d+/g, 'N')).filter((n) => /chart|pivot|custom|media|drawing|comments/.test(n)).sort();
    const fromInput = await recalculateWithLibreOffice(input, path.join(dir, 'lo-in'));
    expect(await parts(again)).toEqual(await parts(fromInput));
    expect(openZip(await fs.readFile(again)).text('docProps/custom.xml')).toMatch(/DonViBaoCao/);
  });
});
