// `chitieu plan FILE [--out PLAN.json] [--json]` end to end: a .txt as pasted (BOM, CRLF), a .docx built
// here (paragraphs, a table, Word's tab stops and tracked deletions) and a .docx written by LibreOffice.
import { promises as fs } from 'fs';
import path from 'path';
import { zipOf } from '../support/zip';
import type { PlanJson } from '../../src/core/planJson';
import { convertWithLibreOffice } from '../support/libreoffice';
import { run, tmpDir } from '../support/xlsx';

const dir = tmpDir();
const write = async (name: string, data: string | Uint8Array) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
};

const RESOLUTION = [
  'CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026',
  'I. Về kinh tế (4 chỉ tiêu)',
  '1. Tổng giá trị sản xuất (giá so sánh 2010) đạt 20.789.767 triệu đồng, tăng 13,32% so với năm 2025;',
  '2. Sản lượng ngô: 1.250 tấn; sản lượng sắn: 30 tấn',
  '3. Diện tích gieo trồng 600 ha, trong đó: + Lúa 420 ha + Rau màu: 180 ha',
  'II. Về xã hội',
  '1. Tỷ lệ hộ nghèo giảm còn dưới 1,3%',
  '2. Tỷ lệ hộ nghèo 2%',
  '3. Duy trì phổ cập giáo dục mầm non 5 tuổi',
];

const json = (out: string) => JSON.parse(out) as PlanJson;

describe('chitieu plan', () => {
  it('reads a pasted .txt (BOM, CRLF): --json gives the plan with dong and khongDoc, exit 1 for the unread line', async () => {
    const file = await write('nghi-quyet.txt', '\uFEFF' + RESOLUTION.join('\r\n') + '\r\n');
    const r = await run('plan', file, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const plan = json(r.out);
    expect(plan.namGocGia).toBe(2010);
    expect(plan.nam).toBe(2026);
    expect(plan.khongDoc).toEqual([{ dong: 8, van: '2. Tỷ lệ hộ nghèo 2%' }]);
    expect(plan.chiTieu['1']).toEqual({
      tenChiTieu: 'Tổng giá trị sản xuất (giá so sánh 2010)', donViTinh: 'triệu đồng', quyTac: 'growth', keHoach: 20789767,
      chiSo: 113.32, tinhChat: 'cong-don', nhom: 'I', dong: 3,
    });
    expect(plan.chiTieu['3.1']).toMatchObject({ tenChiTieu: 'Lúa', keHoach: 420, thuoc: '3', dong: 5 });
    expect(plan.chiTieu['II.1']).toMatchObject({ quyTac: 'lt', keHoach: 1.3, donViTinh: '%', dong: 7 });
    expect(plan.chiTieu['II.3']).toMatchObject({ quyTac: 'pass', keHoach: 'Đạt', dong: 9 });
    // Every entry carries its line; the output keeps the order of the text.
    for (const e of Object.values(plan.chiTieu)) expect(typeof e.dong).toBe('number');
    expect([...r.out.matchAll(/^ {4}"([^"]+)":/gm)].map((m) => m[1])).toEqual(['I', '1', '2.1', '2.2', '3', '3.1', '3.2', 'II', 'II.1', 'II.3']);
  });

  it('prints a readable table with each rule in words and the unread lines; exit 0 when all is read', async () => {
    const file = await write('bang.txt', RESOLUTION.join('\n'));
    const r = await run('plan', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Kế hoạch năm 2026 đọc từ .*bang\.txt: 8 chỉ tiêu, 1 dòng chưa đọc được; giá so sánh 2010\./);
    expect(r.out).toMatch(/II\.1 +Tỷ lệ hộ nghèo +% +dưới 1,3% +7\n/);
    expect(r.out).toMatch(/2\.1 +Sản lượng ngô +tấn +từ 1\.250 tấn trở lên +4\n/);
    expect(r.out).toMatch(/I +VỀ KINH TẾ {2}\(dòng 2\)/);
    expect(r.out).toMatch(/CHƯA ĐỌC ĐƯỢC \(1\)[^\n]*\n {2}dòng 8: 2\. Tỷ lệ hộ nghèo 2%\n$/);
    const clean = await write('sach.txt', RESOLUTION.filter((l) => !l.includes('hộ nghèo 2%')).join('\n'));
    const ok = await run('plan', clean);
    expect(ok.code).toBe(0);
    expect(ok.out).not.toMatch(/CHƯA ĐỌC/);
  });

  it('--out writes the plan without reading marks and never overwrites', async () => {
    const file = await write('ra.txt', RESOLUTION.join('\n'));
    const out = path.join(dir, 'ke-hoach.json');
    const r = await run('plan', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Đã ghi kế hoạch: ${out}`);
    const text = await fs.readFile(out, 'utf8');
    const plan = json(text);
    expect(plan.khongDoc).toBeUndefined();
    expect(Object.values(plan.chiTieu).some((e) => 'dong' in e)).toBe(false);
    expect(plan.chiTieu['2.1']).toEqual({ tenChiTieu: 'Sản lượng ngô', donViTinh: 'tấn', quyTac: 'min', keHoach: 1250, tinhChat: 'cong-don', nhom: 'I' });
    const again = await run('plan', file, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^chitieu: tệp ".*ke-hoach\.json" đã có; không ghi đè/);
    expect(await fs.readFile(out, 'utf8')).toBe(text);
  });

  it.each([
    ['missing', async () => path.join(dir, 'khong-co.txt'), /không tìm thấy tệp/],
    ['not UTF-8', async () => write('cp1258.txt', Buffer.from([0x54, 0xfd, 0x20, 0x6c, 0xea, 0x20, 0x34, 0x38, 0x25])), /không phải văn bản UTF-8/],
    ['a PDF', async () => write('nq.pdf', '%PDF-1.4\n...'), /là tệp PDF/],
    ['a spreadsheet', async () => write('bieu.xlsx', zipOf({ 'xl/workbook.xml': '<workbook/>' })), /là bảng tính/],
    ['a zip that is no .docx', async () => write('la.docx', zipOf({ 'a.txt': 'x' })), /không có word\/document\.xml/],
    ['a broken .docx', async () => write('hong.docx', Buffer.from('PK\u0003\u0004 not really a zip')), /bị hỏng/],
    ['no targets at all', async () => write('van-xuoi.txt', 'Căn cứ Luật Tổ chức chính quyền địa phương;\nPhấn đấu hoàn thành tốt nhiệm vụ năm 2026\n'), /không tìm thấy chỉ tiêu nào/],
  ])('exit 2 with one line for %s', async (_, make, message) => {
    const file = await make();
    const r = await run('plan', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await run('plan')).code).toBe(2);
    const f = await write('u.txt', 'Tỷ lệ che phủ rừng 48%');
    expect((await run('plan', f, f)).err).toMatch(/chỉ nhận một tệp/);
    expect((await run('plan', f, '--out', f)).code).toBe(2);
  });
});

/** A minimal Word document: paragraphs and rows as WordprocessingML. */
function docx(body: string): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  });
}
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string) => `<w:tc><w:p>${t(text)}</w:p></w:tc>`;

describe('chitieu plan on Word documents', () => {
  it('reads paragraphs, runs split mid-word, tabs, a table and leaves tracked deletions out', async () => {
    const body = [
      p(t('I. Về kinh tế')),
      p(t('1.'), '<w:r><w:tab/></w:r>', t('Tỷ lệ che phủ rừng đạt 4'), t('8%')),
      p(t('2. Thu ngân sách đạt '), '<w:del><w:r><w:delText>900</w:delText></w:r></w:del>', t('927,818 tỷ đồng')),
      p(t('3. Tổng thu &amp; chi: không quá 5 tỷ đồng')),
      `<w:tbl><w:tr>${tc('TT')}${tc('Chỉ tiêu')}${tc('ĐVT')}${tc('Kế hoạch')}</w:tr><w:tr>${tc('4')}${tc('Tỷ lệ dân số tham gia BHYT')}${tc('%')}${tc('95')}</w:tr><w:tr>${tc('5')}${tc('Huyện nông thôn mới')}${tc('Tiêu chí')}${tc('9/9')}</w:tr></w:tbl>`,
    ].join('');
    const file = await write('nghi-quyet.docx', docx(body));
    const r = await run('plan', file, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const plan = json(r.out);
    const rows = Object.entries(plan.chiTieu).map(([id, e]) => [id, e.tenChiTieu, e.donViTinh, e.quyTac ?? null, e.keHoach ?? null, e.dong]);
    expect(rows).toEqual(expect.arrayContaining([
      ['I', 'Về kinh tế', '', null, null, 1],
      ['1', 'Tỷ lệ che phủ rừng', '%', 'min', 48, 2],
      ['2', 'Thu ngân sách', 'tỷ đồng', 'min', 927.818, 3],
      ['3', 'Tổng thu & chi', 'tỷ đồng', 'max', 5, 4],
      ['4', 'Tỷ lệ dân số tham gia BHYT', '%', 'min', 95, 6],
      ['5', 'Huyện nông thôn mới', 'tiêu chí', 'criteria', '9/9', 7],
    ]));
    expect(rows).toHaveLength(6);
  });

  it('reads a .docx that LibreOffice wrote from the same text as the .txt, to the same plan', async () => {
    const txt = await write('lo-nguon.txt', '\uFEFF' + RESOLUTION.join('\r\n') + '\r\n');
    const out = path.join(dir, 'lo');
    await fs.mkdir(out);
    const doc = await convertWithLibreOffice(txt, 'docx:MS Word 2007 XML', out);
    const fromDocx = await run('plan', doc, '--json');
    const fromTxt = await run('plan', txt, '--json');
    expect(fromDocx.code).toBe(1);
    expect(json(fromDocx.out)).toEqual(json(fromTxt.out));
  }, 180_000);
});

describe('README', () => {
  it('shows the real run of docs/nghi-quyet-mau.txt', async () => {
    const root = path.join(__dirname, '../..');
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf8');
    const shown = /\$ npx chitieu plan docs\/nghi-quyet-mau\.txt\n([\s\S]*?)\$ echo \$\?\n(\d)\n```/.exec(readme);
    expect(shown).not.toBeNull();
    const sample = await fs.readFile(path.join(root, 'docs/nghi-quyet-mau.txt'), 'utf8');
    expect(readme).toContain('```text\n' + sample + '```');
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const r = await run('plan', 'docs/nghi-quyet-mau.txt');
      expect(r.out).toBe(shown![1]);
      expect(String(r.code)).toBe(shown![2]);
    } finally {
      process.chdir(cwd);
    }
  });
});
