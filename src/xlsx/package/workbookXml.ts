// xl/workbook.xml: the sheets in order (name, relationship id, visibility), the defined names with their
// scope (localSheetId = index of the sheet in this order), and the date system.
import { attrLocal, decodeXml, scanXml, XmlError } from './xml';

export interface SheetEntry {
  name: string;
  /** Position among the workbook's sheets (what localSheetId counts). */
  index: number;
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface DefinedNameEntry {
  name: string;
  /** The formula text, e.g. `'Báo cáo'!$G$12`. */
  formula: string;
  localSheetId?: number;
  hidden: boolean;
}

export interface WorkbookXml {
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
  date1904: boolean;
}

/** Names beyond this are not a workbook a person made: refused rather than held in memory. */
export const MAX_DEFINED_NAMES = 200_000;

export function parseWorkbookXml(xml: string, part: string): WorkbookXml {
  const out: WorkbookXml = { sheets: [], definedNames: [], date1904: false };
  let current: DefinedNameEntry | null = null;
  let text = '';
  scanXml(xml, {
    open(tag, attrs) {
      if (tag.name === 'sheet') {
        const a = attrs();
        const state = a.get('state');
        out.sheets.push({
          name: a.get('name') ?? '', index: out.sheets.length, rid: attrLocal(a, 'id', true) ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        });
      } else if (tag.name === 'workbookPr') {
        const v = attrs().get('date1904');
        out.date1904 = v === '1' || v === 'true';
      } else if (tag.name === 'definedName') {
        if (out.definedNames.length >= MAX_DEFINED_NAMES) throw new XmlError(`${part} có hơn ${MAX_DEFINED_NAMES} tên ô`);
        const a = attrs();
        const local = a.get('localSheetId');
        const hidden = a.get('hidden');
        current = { name: a.get('name') ?? '', formula: '', hidden: hidden === '1' || hidden === 'true' };
        if (local !== undefined && /^\d+$/.test(local)) current.localSheetId = Number(local);
        text = '';
        if (tag.selfClosing) { out.definedNames.push(current); current = null; }
      }
    },
    text(s, e, cdata) {
      if (current) text += cdata ? xml.slice(s, e) : decodeXml(xml.slice(s, e), part);
    },
    close(name) {
      if (name === 'definedName' && current) {
        current.formula = text.trim();
        out.definedNames.push(current);
        current = null;
      }
    },
  }, part);
  return out;
}
