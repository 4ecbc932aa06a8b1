// A sheet that already has a comments part written sparsely — an empty `<commentList/>`, no `<authors>` or
// an empty `<authors/>`, a namespace prefix on every element — still gets our comment on a flagged cell,
// in a part that stays well-formed, with the user's authors kept in place.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { atPlanEntries } from '../../src/template/samples';
import { namedCellsOf, openPackage } from '../../src/xlsx/package';
import { openZip, writeZip } from '../../src/xlsx/package/zip';
import { run, templateFilledWith, tmpDir } from '../support/xlsx';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';

const dir = tmpDir();
let filled: Buffer;
let th2: string;

beforeAll(async () => {
  // TH_2 typed in đồng instead of triệu đồng: a unit-slip error, so TH_2's cell gets a comment.
  const f = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000 }, 'goc.xlsx');
  filled = await fs.readFile(f);
  th2 = namedCellsOf(openPackage(filled)).workbook.get('TH_2')!.address;
}, 30_000);

/** The filled template with `commentsXml` as its sheet's comments part (and the relationship to it). */
async function withComments(name: string, commentsXml: string): Promise<string> {
  const z = openZip(filled);
  const pkg = openPackage(filled);
  const sheetPart = pkg.sheets[0]!.part!;
  const relsPart = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
  expect(z.has(relsPart)).toBe(false);
  const ct = z.text('[Content_Types].xml')!.replace('</Types>', `<Override PartName="/xl/comments1.xml" ContentType="${COMMENTS_TYPE}"/></Types>`);
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, writeZip(z, new Map([['[Content_Types].xml', Buffer.from(ct)]]), new Map([
    [relsPart, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${COMMENTS_REL}" Target="../comments1.xml"/></Relationships>`)],
    ['xl/comments1.xml', Buffer.from(commentsXml)],
  ])));
  return file;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const cases: [string, string, string[]][] = [
  ['no-authors', `${HEAD}<comments xmlns="${SML}"><commentList/></comments>`, ['chitieu']],
  ['empty-authors', `${HEAD}<comments xmlns="${SML}"><authors/><commentList/></comments>`, ['chitieu']],
  ['prefixed', `${HEAD}<x:comments xmlns:x="${SML}"><x:authors><x:author>Lan</x:author></x:authors><x:commentList/></x:comments>`, ['Lan', 'chitieu']],
];

describe.each(cases)('a comments part with %s', (name, xml, authors) => {
  it('gets our comment on the flagged cell, inside the list, by author "chitieu"; the part stays well-formed', async () => {
    const input = await withComments(name, xml);
    const before = await fs.readFile(input);
    const out = path.join(dir, `${name}-danh-dau.xlsx`);
    const r = await run('check', input, '--out', out);
    expect([r.code, r.err]).toEqual([1, '']);
    expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);

    const comments = openZip(await fs.readFile(out)).text('xl/comments1.xml')!;
    // An independent parser agrees it is XML.
    expect(() => execFileSync('xmllint', ['--noout', '-'], { input: comments, stdio: ['pipe', 'ignore', 'pipe'] })).not.toThrow();
    const p = name === 'prefixed' ? 'x:' : '';
    expect([...comments.matchAll(new RegExp(`<${p}author>([^<]*)</${p}author>`, 'g'))].map((m) => m[1])).toEqual(authors);
    const list = new RegExp(`<${p}commentList>([\\s\\S]*)</${p}commentList>`).exec(comments)?.[1] ?? '';
    const ours = new RegExp(`<${p}comment ref="${th2}" authorId="(\\d+)"><${p}text><${p}r><${p}t xml:space="preserve">\\[chitieu\\] [^<]+</${p}t></${p}r></${p}text></${p}comment>`).exec(list);
    expect(ours).not.toBeNull();
    expect(authors[Number(ours![1])]).toBe('chitieu');
    // Nothing unprefixed slipped into a prefixed part.
    if (p) expect(comments).not.toMatch(/<(?!x:|\/x:|\?xml)[a-z]/);

    // The copy still reads and checks the same.
    const again = await run('check', out, '--json');
    expect(again.code).toBe(1);
  });
});
