// Vietnamese text folded for comparison: no diacritics (so "hoá"/"hóa" and "oà"/"òa" agree), đ → d, lower
// case, "tỉ"/"tỷ" and "kĩ"/"kỹ" spelled one way, the usual abbreviations of report tables spelled out, and
// list marks ("-", "+", "*", "1.", "a)", "Trong đó:") taken off the front.

/** Lower case, no accents, đ → d, punctuation as spaces, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Abbreviations as report tables write them (folded), and what they stand for (folded). */
const ABBREVIATIONS: Record<string, string> = {
  gtsx: 'gia tri san xuat',
  gtsp: 'gia tri san pham',
  nlts: 'nong lam thuy san',
  nltsan: 'nong lam thuy san',
  tm: 'thuong mai',
  dv: 'dich vu',
  tmdv: 'thuong mai dich vu',
  cn: 'cong nghiep',
  xd: 'xay dung',
  cnxd: 'cong nghiep xay dung',
  ttcn: 'tieu thu cong nghiep',
  bhyt: 'bao hiem y te',
  bhxh: 'bao hiem xa hoi',
  bhtn: 'bao hiem that nghiep',
  ntm: 'nong thon moi',
  kt: 'kinh te',
  xh: 'xa hoi',
  ktxh: 'kinh te xa hoi',
  hdnd: 'hoi dong nhan dan',
  ubnd: 'uy ban nhan dan',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  th: 'tieu hoc',
  mn: 'mam non',
  ns: 'ngan sach',
  nsnn: 'ngan sach nha nuoc',
  nsdp: 'ngan sach dia phuong',
  dtpt: 'dau tu phat trien',
  ld: 'lao dong',
  tl: 'ty le',
  sx: 'san xuat',
  sp: 'san pham',
  gt: 'gia tri',
  hgd: 'ho gia dinh',
  qg: 'quoc gia',
  dvc: 'dich vu cong',
  cntt: 'cong nghe thong tin',
  tnxh: 'te nan xa hoi',
  attt: 'an toan trat tu',
  tngt: 'tai nan giao thong',
  sdd: 'suy dinh duong',
  vsmt: 've sinh moi truong',
  ctr: 'chat thai ran',
  tyt: 'tram y te',
  tr: 'trieu',
  trd: 'trieu dong',
  hvs: 'hop ve sinh',
};

/** Words that carry no meaning for matching a row to an indicator ("chỉ tiêu" heads every name). */
const STOP = new Set(['va', 'cac', 'cua', 'nhung', 'la', 'voi', 'o', 'cho', 'duoc', 'the', 'so', 'tong', 'nam', 'dat', 'theo', 'tren', 'dia', 'ban', 'trong', 'do', 'chi', 'tieu']);

/** "ti" → "ty", "ki" → "ky", "si" → "sy", "li" → "ly", "mi" → "my", "qui" → "quy": one spelling of each. */
function oneSpelling(word: string): string {
  return /^(k|l|m|s|t|qu|h)i$/.test(word) ? word.slice(0, -1) + 'y' : word;
}

/** A row label without its list marks: "- Trong đó: + Công nghiệp" → "Công nghiệp". */
export function stripMarks(text: string): string {
  let t = text.normalize('NFC').trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t
      .replace(/^[-–—+*•·◦▪●>]+\s*/, '')
      .replace(/^trong\s+đó\s*[:,-]?\s*/i, '')
      .replace(/^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/]\s+/i, '')
      .trim();
    if (t === before) break;
  }
  return t;
}

/** Does the label say it is a part of the row above ("Trong đó: …")? */
export function isPartLabel(text: string): boolean {
  return /^[-+*•\s]*trong\s+đó\b/i.test(text.normalize('NFC').trim());
}

/** Folded words of a label with abbreviations spelled out, in order (stop words kept). */
export function words(text: string): string[] {
  const f = fold(stripMarks(text))
    .replace(/(\w+)-(\w+)/g, '$1$2 $1 $2') // "tm-dv" → "tmdv tm dv": either spelling finds its expansion
    .replace(/[^a-z0-9%‰/]+/g, ' ')
    .trim();
  if (!f) return [];
  const out: string[] = [];
  for (const w of f.split(' ')) {
    const expanded = ABBREVIATIONS[w];
    if (expanded) out.push(...expanded.split(' '));
    else out.push(oneSpelling(w));
  }
  return out;
}

/** The set of meaningful words of a label: what two names are compared by. */
export function tokenSet(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP.has(w) && w !== '/'));
}

/** Similarity of two labels, 0–1: a mix of Dice and containment, so a shortened name still matches. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const dice = (2 * common) / (a.size + b.size);
  const contained = common / Math.min(a.size, b.size);
  return 0.6 * dice + 0.4 * contained;
}

/** A unit as folded words ("Tr. đồng" → "trieu dong", "tỉ đ" → "ty dong", "%" → "%"). */
export function foldUnit(unit: string | null | undefined): string {
  if (!unit) return '';
  const f = fold(unit).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return f
    .replace(/^(tr|trieu)\s*d(ong)?\b/, 'trieu dong')
    .replace(/^(ty|ti)\s*d(ong)?\b/, 'ty dong')
    .replace(/^tr\s*usd/, 'trieu usd')
    .replace(/^ng$/, 'nguoi')
    .replace(/^phan tram$/, '%')
    .replace(/\s+/g, ' ');
}
