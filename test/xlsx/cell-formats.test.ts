// The copy's cell formats for an added row's number format: an existing format that is exactly the one
// wanted is reused (styles.xml left as it was); else one copy is appended; a flag on that cell afterwards
// gives one format with both the number format and the fill, never an edit of an existing one.
import { openPackage } from '../../src/xlsx/package';
import { PackagePatch } from '../../src/xlsx/package';
import { zipOf } from '../support/zip';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf applyNumberFormat="1" borderId="0" fillId="0" fontId="0" numFmtId="2" xfId="0"></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

function pkg() {
  return openPackage(zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="2"/></row></sheetData></worksheet>',
  }), 'formats.xlsx');
}

describe('a number format for a cell of the copy', () => {
  it('reuses the existing format that is exactly General-plus-0.00 (attributes in another order): styles.xml unchanged', () => {
    const p = pkg();
    const patch = new PackagePatch(p);
    expect(patch.cellFormatWithNumFmt(0, 2)).toBe(1);
    patch.setCell('S', 'B1', { formula: '1+1', style: 1 });
    const out = openPackage(patch.toBytes(), 'out.xlsx');
    expect(out.zip.text('xl/styles.xml')).toBe(STYLES);
  });

  it('appends one copy of the cell\'s own format (bold kept) when none matches, the same for two cells', () => {
    const p = pkg();
    const patch = new PackagePatch(p);
    const s = patch.cellFormatWithNumFmt(2, 2);
    expect(s).toBe(3);
    expect(patch.cellFormatWithNumFmt(2, 2)).toBe(3);
    patch.setCell('S', 'A1', { style: s });
    const out = openPackage(patch.toBytes(), 'out.xlsx');
    expect(out.styles!.xfCount).toBe(4);
    expect(out.styles!.xfXml(3)).toBe('<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>');
    for (const i of [0, 1, 2]) expect(out.styles!.xfXml(i)).toBe(p.styles!.xfXml(i));
  });

  it('a flag on that cell afterwards: one format with the number format and the fill', () => {
    const p = pkg();
    const patch = new PackagePatch(p);
    const withFmt = patch.cellFormatWithNumFmt(2, 2);
    const flagged = patch.addCellFormat(withFmt, { fill: '#FFC7CE' });
    patch.setCell('S', 'A1', { style: flagged });
    const out = openPackage(patch.toBytes(), 'out.xlsx');
    expect(out.styles!.xfXml(flagged)).toBe('<xf numFmtId="2" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/>');
    expect(out.styles!.numFmt(flagged)).toBe('0.00');
  });
});
