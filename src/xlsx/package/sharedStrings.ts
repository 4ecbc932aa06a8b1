// xl/sharedStrings.xml: the text of each shared string (runs joined, phonetic runs left out) and where its
// XML sits, so a note cell's rich text can be carried into the copy run by run.
import { decodeXml, scanXml } from './xml';

export interface SharedStrings {
  count: number;
  text(index: number): string | undefined;
  /** The inner XML of the `<si>` (its `<t>` or `<r>` runs), exactly as written. */
  innerXml(index: number): string | undefined;
  /** Whether the string is rich text (has `<r>` runs). */
  isRich(index: number): boolean;
}

export function parseSharedStrings(xml: string, part: string): SharedStrings {
  const texts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const rich: boolean[] = [];
  let inT = false;
  let inPhonetic = 0;
  let cur = '';
  let siDepth = -1;
  scanXml(xml, {
    open(tag) {
      if (tag.name === 'si' && siDepth < 0) {
        siDepth = tag.depth;
        cur = '';
        starts.push(tag.end);
        rich.push(false);
        if (tag.selfClosing) { texts.push(''); ends.push(tag.end); siDepth = -1; }
      } else if (siDepth >= 0) {
        if (tag.name === 'rPh') inPhonetic++;
        else if (tag.name === 'r') rich[rich.length - 1] = true;
        else if (tag.name === 't' && !tag.selfClosing) inT = true;
      }
    },
    text(s, e, cdata) {
      if (inT && !inPhonetic) cur += cdata ? xml.slice(s, e) : decodeXml(xml.slice(s, e), part);
    },
    close(name, start, _end, depth) {
      if (siDepth < 0) return;
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'si' && depth === siDepth) {
        texts.push(cur);
        ends.push(start);
        siDepth = -1;
      }
    },
  }, part);
  return {
    count: texts.length,
    text: (i) => texts[i],
    innerXml: (i) => (i >= 0 && i < starts.length ? xml.slice(starts[i], ends[i]) : undefined),
    isRich: (i) => rich[i] ?? false,
  };
}
