// Adversarial .xlsx files, built at run time from a real template by patching its parts (nothing committed):
// whole-sheet data validation, a 1M-cell sheet, 100k defined names, a very long string in a note, an XML
// nesting bomb (in a part that is read, and in one that is not), and an entity-expansion DOCTYPE.
import { promises as fs } from 'fs';
import path from 'path';
import { namedCellsOf, openPackage } from '../../src/xlsx/package';
import { writeZip } from '../../src/xlsx/package/zip';

export interface Adversary {
  name: string;
  file: string;
  /** What `check --json` must answer: findings (0/1) or one line (2) matching `message`. */
  expect: { code: 0 | 1 } | { code: 2; message: RegExp };
}

const enc = new TextEncoder();

/** Builds the set in `dir` from the bytes of a template filled at plan but for a unit slip in TH_2 (exit 1). */
export async function buildAdversaries(dir: string, template: Buffer): Promise<Adversary[]> {
  const pkg = openPackage(template);
  const sheet = pkg.sheets[0]!;
  const sheetPart = sheet.part!;
  const sheetXml = pkg.sheetXml(sheet.name);
  const write = async (name: string, parts: Record<string, string>, expect: Adversary['expect']): Promise<Adversary> => {
    const replaced = new Map<string, Uint8Array | null>();
    const added = new Map<string, Uint8Array>();
    for (const [p, text] of Object.entries(parts)) (pkg.zip.has(p) ? replaced : added).set(p, enc.encode(text));
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, writeZip(pkg.zip, replaced, added));
    return { name, file, expect };
  };
  const beforeEnd = (xml: string, tag: string, insert: string) => {
    const i = xml.lastIndexOf(`</${tag}>`);
    return xml.slice(0, i) + insert + xml.slice(i);
  };
  const out: Adversary[] = [];

  // 1. Validation over whole columns and the whole sheet, as Excel writes when a user validates a column.
  const rules = ['A1:XFD1048576', ...'DEFGHIJKLMNO'.split('').map((c) => `${c}:${c}`)]
    .map((sq) => `<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="${sq}"><formula1>0</formula1><formula2>1E+300</formula2></dataValidation>`).join('');
  const withRules = /<dataValidations\b[^>]*>/.test(sheetXml)
    ? sheetXml.replace(/<dataValidations\b[^>]*>/, (m) => m.replace(/count="\d+"/, 'count="999"') + rules)
    : sheetXml.replace(/<\/sheetData>/, `</sheetData><dataValidations count="13">${rules}</dataValidations>`);
  out.push(await write('whole-sheet-validation', { [sheetPart]: withRules }, { code: 1 }));

  // 2. A million cells below the template (100 000 rows × 10 columns).
  const rows: string[] = [];
  for (let r = 1000; r < 101_000; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 10; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 10 + c}</v></c>`;
    rows.push(row + '</row>');
  }
  out.push(await write('million-cells', { [sheetPart]: beforeEnd(sheetXml, 'sheetData', rows.join('')) }, { code: 1 }));

  // 3. 100 000 defined names (each a cell of the sheet).
  const wbXml = pkg.zip.text(pkg.workbookPart)!;
  const q = `'${sheet.name.replace(/'/g, "''")}'`;
  let names = '';
  for (let i = 0; i < 100_000; i++) names += `<definedName name="Ten_${i}">${q}!$A$${(i % 50000) + 1}</definedName>`;
  out.push(await write('hundred-thousand-names', { [pkg.workbookPart]: beforeEnd(wbXml, 'definedNames', names) }, { code: 1 }));

  // 4. A 5-million-character note (shared string) in Ghi chú of row 2, which has an error (unit slip
  //    typed into the template given): read, and written again with the finding after it.
  const gc = namedCellsOf(pkg).workbook.get('GC_2')!.address;
  const ssPart = pkg.workbookPartOf('sharedStrings')!;
  const ss = pkg.zip.text(ssPart)!;
  const long = 'Ghi chú rất dài. '.repeat(300_000);
  const longIndex = pkg.sharedStrings!.count;
  const ssLong = beforeEnd(ss, 'sst', `<si><t>${long}</t></si>`).replace(/uniqueCount="\d+"/, `uniqueCount="${longIndex + 1}"`);
  out.push(await write('very-long-string', { [ssPart]: ssLong, [sheetPart]: sheetXml.replace(new RegExp(`<c r="${gc}"([^>]*?)(/>|>[\\s\\S]*?</c>)`), (_m, attrs: string) => `<c r="${gc}"${attrs.replace(/\st="[^"]*"/, '')} t="s"><v>${longIndex}</v></c>`) }, { code: 1 }));

  // 5. Nesting bombs: 1 000 000 levels inside a cell (a part we read), and in a custom XML part we never read.
  const bomb = '<x>'.repeat(1_000_000) + '</x>'.repeat(1_000_000);
  out.push(await write('nesting-bomb-in-sheet', { [sheetPart]: sheetXml.replace(/<\/sheetData>/, `<row r="999"><c r="A999"><extLst>${bomb}</extLst></c></row></sheetData>`) }, { code: 2, message: /bị hỏng.*lồng sâu hơn/ }));
  out.push(await write('nesting-bomb-elsewhere', { 'customXml/item1.xml': bomb }, { code: 1 }));

  // 6. Entity expansion ("billion laughs") in the shared strings.
  const laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "hahahahahahahahahaha">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') + ']>';
  out.push(await write('entity-expansion', { [ssPart]: laughs + ss.replace(/^<\?xml[^>]*\?>/, '').replace(/<t>([^<]*)<\/t>/, '<t>&j;</t>') }, { code: 2, message: /bị hỏng.*DOCTYPE/ }));
  return out;
}
