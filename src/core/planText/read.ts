// readPlanText: the list of targets as a resolution writes it → plan JSON (CONTRACT.md "Plans of any
// unit"). Ids follow the text's numbering (1, 1.2, 2.a, III.4 …) or are given in order (1, 2, … and 1.1 …
// for parts); headings become heading entries; "trong đó" rows are parts of the row above.
import type { PlanEntryJson, PlanJson } from '../planJson';
import { fold, tidy } from './fold';
import { splitLines, type SourceLine } from './lines';
import { readSegment, cleanName, type Entry, type SegmentReading } from './segment';

const TRONG_DO = /(^|[^a-z])trong do\s*:?\s*/;

class Ids {
  private used = new Set<string>();
  private children = new Map<string, number>();
  private top = 0;

  /** Has this number (or a part of it: "3" for "3.1") been given already? */
  taken(id: string): boolean {
    return this.used.has(id) || [...this.used].some((u) => u.startsWith(id + '.'));
  }

  take(id: string, prefix?: string): string {
    let out = prefix ? `${prefix}.${id}` : id;
    for (let k = 2; this.used.has(out); k++) out = `${id}.${k}`;
    this.used.add(out);
    const n = /^\d+(\.|$)/.test(out) ? Number(out.split('.')[0]) : NaN;
    if (n > this.top) this.top = n;
    return out;
  }

  nextTop(): string {
    let n = this.top + 1;
    while (this.used.has(String(n))) n++;
    return this.take(String(n));
  }

  child(parent: string): string {
    let k = this.children.get(parent) ?? 0;
    let id: string;
    do id = `${parent}.${++k}`;
    while (this.used.has(id));
    this.children.set(parent, k);
    return this.take(id);
  }
}

interface State {
  ids: Ids;
  /** The last roman (or A, B) heading. */
  section?: string;
  /** The section restarts the numbering (1, 2 … again): its ids become "II.1", "II.2" …; undecided until
   *  its first numbered line. */
  prefix?: string | null;
  /** A numbered heading without a figure ("8. Tỷ lệ trẻ em suy dinh dưỡng:"): later bullets nest in it. */
  container?: string;
  /** The container is a "- …:" heading (not a numbered one). */
  dashContainer?: boolean;
  /** The last entry that bullets and "trong đó" parts may belong to. */
  lastEntry?: string;
  lastNumbered?: string;
  /** After "trong đó:" with nothing after it: the whole the next "+" lines are parts of. */
  partsOf?: string;
}

export function readPlanText(text: string): PlanJson {
  const chiTieu: Record<string, PlanEntryJson> = {};
  const khongDoc: { dong: number; van: string }[] = [];
  const st: State = { ids: new Ids() };
  let baseYear: number | undefined;
  let nam: number | undefined;

  const add = (id: string, e: Entry, dong: number, extra: Partial<PlanEntryJson> = {}) => {
    const nhom = st.container && id !== st.container && id.startsWith(st.container + '.') ? st.container : st.section !== id ? st.section : undefined;
    chiTieu[id] = { ...e, ...extra, ...(nhom && !extra.thuoc ? { nhom } : {}), dong };
  };

  for (const line of splitLines(tidy(text)).flatMap(inlineNumbered)) {
    const { marker, body, dong } = line;
    // "trong đó" inside brackets is a remark ("3.200 con (trong đó bò lai 60%)"), not parts.
    const f = fold(body).replace(/\([^()]*\)/g, (b) => ' '.repeat(b.length));
    const td = TRONG_DO.exec(f);
    const wholeText = td ? body.slice(0, td.index + td[1]!.length) : body;
    const partsText = td ? body.slice(td.index + td[0].length) : '';
    // A line that ends with ":" introduces what follows ("4. Nhóm chỉ tiêu 4:", "- Tỷ lệ trẻ em dưới 5 tuổi:"):
    // a heading, even when its name holds a number.
    const introduces = !td && /:\s*$/.test(body);
    const segs = introduces ? [] : wholeText.split(/;\s*/).map((s) => s.trim()).filter((s) => s !== '');
    const readings = segs.map((s) => ({ s, r: readSegment(s) }));
    const flat: { s: string; r: SegmentReading }[] = readings.flatMap(({ s, r }) => r.map((x) => ({ s, r: x })));
    const targets = flat.filter((x) => x.r.kind === 'target');
    const unread = flat.filter((x) => x.r.kind === 'unread');
    const several = segs.length > 1;
    for (const u of unread) khongDoc.push({ dong, van: several ? u.s : line.raw });
    for (const t of targets) if (t.r.kind === 'target' && t.r.baseYear) baseYear = t.r.baseYear;

    if (targets.length === 0 && unread.length === 0) {
      // "Các chỉ tiêu chủ yếu năm 2026", "Kế hoạch năm 2026": the plan's year, from the first such line.
      const year = /(?:chỉ tiêu|kế hoạch|nghị quyết|mục tiêu)[^\d]*năm (20\d\d)\b/i.exec(body);
      if (year && nam === undefined) nam = Number(year[1]);
      if (td && !partsText.trim()) {
        st.partsOf = st.lastEntry ?? st.container;
        continue;
      }
      if (!partsText.trim()) {
        heading(line, st, chiTieu, dong);
        continue;
      }
    }

    // Ids for the targets of this line.
    let parent: string | undefined;
    targets.forEach((t, i) => {
      if (t.r.kind !== 'target') return;
      const e = t.r.entry;
      const one = targets.length === 1;
      let id: string;
      let extra: Partial<PlanEntryJson> = {};
      switch (marker.kind) {
        case 'number':
        case 'roman':
        case 'upper':
          if (marker.kind !== 'number') id = st.ids.take(marker.id);
          else {
            const base = one ? marker.id : `${marker.id}.1`;
            const pre = sectionPrefix(st, marker.id);
            id = i === 0 ? st.ids.take(base, pre) : st.ids.child(pre ? `${pre}.${marker.id}` : marker.id);
          }
          if (i === 0) {
            st.container = undefined;
            st.dashContainer = false;
            st.partsOf = undefined;
            st.lastNumbered = marker.id;
          }
          break;
        case 'letter': {
          const p = st.lastNumbered ?? st.container;
          id = p ? st.ids.take(`${p}.${marker.letter}${one ? '' : `.${i + 1}`}`) : st.ids.nextTop();
          break;
        }
        case 'plus': {
          const p = st.partsOf ?? st.lastEntry ?? st.container;
          id = p ? st.ids.child(p) : st.ids.nextTop();
          if (st.partsOf) extra = { thuoc: st.partsOf };
          break;
        }
        default:
          st.partsOf = undefined;
          id = st.container ? st.ids.child(st.container) : st.ids.nextTop();
      }
      add(id, e, dong, extra);
      if (marker.kind !== 'plus' && marker.kind !== 'letter') st.lastEntry = id;
      if (i === 0) parent = id;
    });

    // Inline parts: "…, trong đó: + Lúa 420 ha + Rau màu: 180 ha", "trong đó thu tiền sử dụng đất 420 tỷ đồng".
    if (td) {
      const whole = parent ?? st.lastEntry ?? st.container;
      // Parts are split on ";" and "+"; commas only where each side has its own figure (readSegment).
      const parts = partsText.split(/;\s*|\s\+\s*|^\+\s*/u).map((s) => s.trim()).filter((s) => s !== '');
      for (const p of parts) {
        for (const r of readSegment(p)) {
          if (r.kind === 'unread') khongDoc.push({ dong, van: p });
          if (r.kind !== 'target') continue;
          const id = whole ? st.ids.child(whole) : st.ids.nextTop();
          add(id, r.entry, dong, whole ? { thuoc: whole } : {});
        }
      }
      if (!partsText.trim() && whole) st.partsOf = whole;
    }
  }
  return { ...(nam ? { nam } : {}), ...(baseYear ? { namGocGia: baseYear } : {}), chiTieu, khongDoc };
}

/**
 * A paragraph numbered inline, as provinces write: "Các chỉ tiêu chủ yếu: (1) Tốc độ tăng trưởng … 8%;
 * (2) GRDP bình quân đầu người …" — one numbered line per "(n)", all on the paragraph's line number.
 */
function inlineNumbered(line: SourceLine): SourceLine[] {
  if (!/(^|[\s:;,.])\(1\)\s/.test(line.body) || !/[\s;,.]\(2\)\s/.test(line.body)) return [line];
  const pieces = line.body.split(/(?:^|(?<=[\s:;,.]))\((\d{1,2})\)\s+/);
  const out: SourceLine[] = [];
  if (pieces[0]!.trim()) out.push({ ...line, body: pieces[0]!.trim(), marker: line.marker });
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    out.push({ ...line, marker: { kind: 'number', id: pieces[i]! }, body: pieces[i + 1]!.trim().replace(/[;.]\s*$/, ''), raw: `(${pieces[i]}) ${pieces[i + 1]!.trim()}` });
  }
  return out;
}

/** Ids of a section that numbers from 1 again carry the section's id ("II.1"); decided at its first number. */
function sectionPrefix(st: State, id: string): string | undefined {
  if (/^[IVXL]+\./.test(id)) return undefined;
  if (st.prefix === undefined) st.prefix = st.section && st.ids.taken(id.split('.')[0]!) ? st.section : null;
  return st.prefix ?? undefined;
}

/** A line with no figure and no rule: a heading when it looks like one, else prose (skipped). */
function heading(line: SourceLine, st: State, chiTieu: Record<string, PlanEntryJson>, dong: number): void {
  const { marker, body } = line;
  const name = cleanName(body.replace(/\s*\([^()]*\)\s*$/, ''));
  if (!name) return;
  const entry = (): PlanEntryJson => ({ tenChiTieu: name, donViTinh: '', tieuDe: true, dong });
  if (marker.kind === 'roman' || marker.kind === 'upper') {
    const id = st.ids.take(marker.id);
    chiTieu[id] = entry();
    st.section = id;
    st.prefix = undefined;
    st.container = st.lastEntry = st.partsOf = st.lastNumbered = undefined;
    st.dashContainer = false;
    return;
  }
  if (marker.kind === 'number') {
    const id = st.ids.take(marker.id, sectionPrefix(st, marker.id));
    chiTieu[id] = { ...entry(), ...(st.section ? { nhom: st.section } : {}) };
    st.container = id;
    st.dashContainer = false;
    st.lastNumbered = marker.id;
    st.lastEntry = st.partsOf = undefined;
    return;
  }
  // An unnumbered line in capitals is the document's title, not a heading of the plan.
  if (marker.kind === 'dash' && body.trim().endsWith(':')) {
    // A "- …:" heading after another one is its sibling, not its part (ids would nest without end).
    const within = st.dashContainer ? parentOf(st.container!) : st.container;
    const id = within ? st.ids.child(within) : st.ids.nextTop();
    chiTieu[id] = { ...entry(), ...(st.section ? { nhom: st.section } : {}) };
    st.container = id;
    st.dashContainer = true;
    st.lastEntry = st.partsOf = undefined;
  }
}

function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  return dot > 0 ? id.slice(0, dot) : undefined;
}

/** The entries of a plan in the order of the text (JSON objects put integer-like keys first). */
export function entriesInOrder(plan: PlanJson): [string, PlanEntryJson][] {
  return Object.entries(plan.chiTieu)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e[1].dong ?? 0) - (b.e[1].dong ?? 0) || a.i - b.i)
    .map((x) => x.e);
}
