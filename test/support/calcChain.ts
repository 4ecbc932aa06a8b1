// Gives an .xlsx a calculation chain as Excel writes one (xl/calcChain.xml listing every formula cell of
// every sheet, a workbook relationship, a content-type override), in two styles of XML: the files our
// writers make (ExcelJS) never have one, and a workbook saved by Excel always does.
import fs from 'fs';
import { openZip, writeZip } from '../../src/xlsx/package/zip';

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

/**
 * `excel`: relative target, self-closing elements, `i` only where the sheet changes (as Excel writes it);
 * `long`: absolute target, elements with closing tags, every entry with its sheet index.
 */
export type ChainStyle = 'excel' | 'long';

export function withCalcChain(input: string, output: string, style: ChainStyle): { entries: number } {
  const zip = openZip(new Uint8Array(fs.readFileSync(input)));
  const text = (name: string) => zip.text(name)!;
  // The sheets in workbook order (their `i` is the 1-based sheetId), their parts through the rels.
  const rels = text('xl/_rels/workbook.xml.rels');
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*?sheetId="(\d+)"[^>]*?r:id="([^"]+)"/g)].map((m) => ({ i: m[1]!, part: target(m[2]!).replace(/^\/?(xl\/)?/, 'xl/') }));
  const entries: string[] = [];
  for (const s of sheets) {
    let first = true;
    for (const m of text(s.part).matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>)[\s\S])*?<f[\s>]/g)) {
      const withSheet = style === 'long' || first;
      entries.push(style === 'long' ? `<c r="${m[1]}" i="${s.i}"></c>` : `<c r="${m[1]}"${withSheet ? ` i="${s.i}"` : ''}/>`);
      first = false;
    }
  }
  const chain = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join('')}</calcChain>`;
  const rel = style === 'long' ? `<Relationship Id="rIdChain" Type="${REL}" Target="/xl/calcChain.xml"></Relationship>` : `<Relationship Id="rIdChain" Type="${REL}" Target="calcChain.xml"/>`;
  const ct = text('[Content_Types].xml');
  const enc = (t: string) => new TextEncoder().encode(t);
  const replaced = new Map([
    ['xl/_rels/workbook.xml.rels', enc(rels.replace('</Relationships>', `${rel}</Relationships>`))],
    ['[Content_Types].xml', enc(ct.replace('</Types>', `<Override PartName="/xl/calcChain.xml" ContentType="${CT}"/></Types>`))],
  ]);
  fs.writeFileSync(output, writeZip(zip, replaced, new Map([['xl/calcChain.xml', enc(chain)]])));
  return { entries: entries.length };
}
