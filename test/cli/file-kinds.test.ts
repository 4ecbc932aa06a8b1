// Files that are not plain Transitional .xlsx: one clear line for what cannot be read (encrypted, .xls,
// .ods), and the same report for what can (OOXML Strict, relationship parts with a namespace prefix).
import { promises as fs } from 'fs';
import path from 'path';
import type { Report } from '../../src/core/types';
import { atPlanEntries } from '../../src/template/samples';
import { openZip, writeZip } from '../../src/xlsx/package/zip';
import { run, templateFilledWith, tmpDir } from '../support/xlsx';

const dir = tmpDir();
let filled: Buffer;
let expected: Report;
beforeAll(async () => {
  const f = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000 }, 'goc.xlsx');
  filled = await fs.readFile(f);
  expected = JSON.parse((await run('check', f, '--json')).out) as Report;
}, 30_000);

const write = async (name: string, data: Buffer | Uint8Array) => {
  const f = path.join(dir, name);
  await fs.writeFile(f, data);
  return f;
};
/** The filled template with every XML part passed through `edit`. */
const rewritten = (edit: (name: string, xml: string) => string): Uint8Array => {
  const z = openZip(filled);
  const replaced = new Map<string, Uint8Array | null>();
  for (const e of z.entries) if (/\.(xml|rels)$/.test(e.name)) replaced.set(e.name, Buffer.from(edit(e.name, z.text(e.name)!), 'utf8'));
  return writeZip(z, replaced, new Map());
};
const oneLine = (r: { code: number; err: string }, re: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^chitieu: [^\n]+\n$/);
  expect(r.err).toMatch(re);
  expect(r.err).not.toMatch(/[{}]|Error/);
};

describe('what the file is', () => {
  const cfb = (extra: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(extra, 'utf16le'), Buffer.alloc(512)]);

  it('an encrypted workbook (OLE file with EncryptionInfo) says it has a password', async () => {
    oneLine(await run('check', await write('mat-khau.xlsx', cfb('EncryptionInfo\0EncryptedPackage'))), /đặt mật khẩu mở.*gỡ mật khẩu/);
  });

  it('an old binary .xls, whatever its name, says so', async () => {
    oneLine(await run('check', await write('cu.xlsx', cfb('Workbook'))), /\.xls cũ \(định dạng nhị phân\).*lưu lại dạng \.xlsx/);
  });

  it('an .ods says it is .ods and how to save it as .xlsx', async () => {
    const ods = writeZip(openZip(filled), new Map(openZip(filled).entries.map((e) => [e.name, null])), new Map([['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')], ['content.xml', Buffer.from('<office:document-content/>')]]));
    oneLine(await run('check', await write('bang-tinh.xlsx', ods)), /\.ods\).*LibreOffice Calc.*Lưu thành.*Excel 2007-365 \(\.xlsx\)/);
  });

  it('OOXML Strict (purl.oclc.org namespaces) is read, and flagged, like Transitional', async () => {
    const strict = rewritten((_n, x) => x
      .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
      .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships'));
    const f = await write('strict.xlsx', strict);
    const r = await run('check', f, '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(expected);
    const out = path.join(dir, 'strict-danh-dau.xlsx');
    expect((await run('check', f, '--out', out)).code).toBe(1);
    expect(JSON.parse((await run('check', out, '--json')).out)).toEqual(expected);
  });

  it('relationship parts written with a namespace prefix are read', async () => {
    const prefixed = rewritten((n, x) => (n.endsWith('.rels') ? x.replace(/<(\/?)Relationships\b/g, '<$1pr:Relationships').replace(/<Relationship\b/g, '<pr:Relationship').replace('xmlns=', 'xmlns:pr=') : x));
    const r = await run('check', await write('prefix.xlsx', prefixed), '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(expected);
  });
});
