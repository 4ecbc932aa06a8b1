// Text as pasted from Word or a PDF, made regular, and a folded twin for matching words: lower case, no
// accents, đ → d, ONE character for each character of the input, so a match in the folded text is a
// position in the original text too.

/** Word-paste artefacts made plain: NBSP and other spaces, tabs kept (they separate table cells). */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00A0\u202F\u2009\u2007\u200A\u3000]/g, ' ')
    .replace(/\u200B|\u200C|\u200D|\uFEFF|\u00AD/g, '')
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/…/g, '...');
}

/** Lower case, no accents, đ → d, same length as the (NFC) input. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    const lower = base.toLowerCase();
    const c = lower === 'đ' ? 'd' : lower;
    // Characters outside the BMP are two code units: keep the length equal with a filler.
    out += ch.length === 2 ? c.padEnd(2, ' ').slice(0, 2) : c.length === 1 ? c : ch;
  }
  return out;
}

/** Collapse runs of spaces and trim, for names as shown. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
