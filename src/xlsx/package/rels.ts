// Relationship parts (`_rels/*.rels`): which part a sheet, the styles or a comment part is. Elements are
// matched by local name (LibreOffice and others may write `<pr:Relationship>`), types by their last
// segment (Transitional and Strict OOXML name them under different namespaces).
import { scanXml } from './xml';

export interface Relationship {
  id: string;
  /** Last segment of the type URI: worksheet, styles, sharedStrings, comments, vmlDrawing, officeDocument… */
  kind: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string, part: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(tag, attrs) {
      if (tag.name !== 'Relationship') return;
      const a = attrs();
      const type = a.get('Type') ?? '';
      out.push({ id: a.get('Id') ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' });
    },
  }, part);
  return out;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target as a part name, relative to the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = decodeURI(target.replace(/\\/g, '/'));
  if (t.startsWith('/')) return t.slice(1);
  const dir = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  const parts: string[] = [];
  for (const seg of (dir + t).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** A relative target from one part to another (for relationships we add). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
