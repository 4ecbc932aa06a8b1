// The text of a Word .docx (a resolution as sent): one line per paragraph, a table row as one line with
// its cells separated by tabs (the plan-text reader reads those as TT / name / unit / figure). Only
// word/document.xml is unpacked, by the package layer's zip reader (src/xlsx/package/zip.ts); Word's automatic list numbers are not in the text (they are
// drawn by Word), so such lists come out without their numbers and get ids in order.
import { openZip, ZipError } from './package/zip';
import { declaredUnpackedSize } from './zipGuard';

export class DocxProblem extends Error {}

const MAX_DOCUMENT_XML = 64 * 1024 * 1024;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!);
}

/** The paragraphs of a .docx as text lines. Throws DocxProblem when the bytes are not a readable .docx. */
export function docxText(data: Uint8Array): string {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new DocxProblem('không phải tệp Word .docx (không phải tệp nén)');
  const declared = declaredUnpackedSize(buf);
  if (declared === null) throw new DocxProblem('tệp .docx bị hỏng (không đọc được mục lục tệp nén)');
  let xml: Uint8Array | null;
  try {
    const zip = openZip(data);
    const entry = zip.entry('word/document.xml');
    if (entry && entry.size > MAX_DOCUMENT_XML) throw new DocxProblem(`nội dung .docx giải nén quá lớn (${(entry.size / 1048576).toFixed(0)} MB)`);
    xml = zip.read('word/document.xml');
  } catch (err) {
    if (err instanceof DocxProblem) throw err;
    if (err instanceof ZipError) throw new DocxProblem(`tệp .docx bị hỏng (${err.message})`);
    throw err;
  }
  if (!xml) throw new DocxProblem('tệp nén không có word/document.xml — không phải tệp Word .docx');
  return documentText(new TextDecoder('utf-8').decode(xml));
}

/** word/document.xml → lines. Deleted text of tracked changes is left out. */
export function documentText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  let cell: string[] | null = null; // the paragraphs of the table cell being read
  let row: string[] | null = null; // the cells of the table row being read
  let para = '';
  let inText = false;
  let deleted = 0;
  let tabStops = false; // <w:tabs><w:tab w:pos=…/></w:tabs> defines tab stops, not tabs
  const re = /<(\/?)(w:p|w:tr|w:tc|w:t|w:tabs|w:tab|w:br|w:cr|w:del|w:delText)(?=[\s/>])[^>]*?(\/?)>|<[^>]*>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const [, close, tag, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && !deleted) para += decode(text);
      continue;
    }
    if (!tag) continue;
    const opening = !close && !selfClose;
    switch (tag) {
      case 'w:t': inText = opening; break;
      case 'w:del': case 'w:delText': if (!selfClose) deleted += close ? -1 : 1; break;
      case 'w:tabs': tabStops = opening; break;
      case 'w:tab': if (!close && !deleted && !tabStops) para += '\t'; break;
      case 'w:br': case 'w:cr': if (!close && !deleted) para += '\n'; break;
      case 'w:p':
        if (close || selfClose) {
          if (cell) cell.push(para);
          else line += para;
          if (!cell) { lines.push(line); line = ''; }
          para = '';
        }
        break;
      case 'w:tc':
        if (opening) cell = [];
        else if (close && cell) { row?.push(cell.join(' ').replace(/[\t\n]+/g, ' ').trim()); cell = null; }
        break;
      case 'w:tr':
        if (opening) row = [];
        else if (close && row) { lines.push(row.join('\t')); row = null; }
        break;
    }
  }
  return lines.join('\n') + '\n';
}
