// The flagged copy of `check --out`: the user's package with only what the flags change rewritten.
// Status cells show the engine's verdict (a live formula keeps its formula and gets the verdict as its
// cached result); a finding's cell gets a new cell format — a copy of its own with the flag fill, never an
// edit of a format other cells share — and a comment (added after the user's own comment, if any); the
// note column (Ghi chú) gets the row's findings after what the user wrote, rich text runs kept. A note
// cell holding a formula is left alone: the findings go to its comment instead.
import { FLAG_FILL, NOTE_PREFIX, planFlags } from '../core/flags';
import type { Report } from '../core/types';
import type { NamedCell } from './definedNames';
import { PackagePatch, type CellRead, type XlsxPackage } from './package';
import { tXml } from './package/patch';

interface Look { fill?: string; wrapTop?: boolean }

/** `prepare` runs first on the patch (e.g. names for rows the user added, which it also adds to `cells`). */
export function flaggedCopy(pkg: XlsxPackage, cells: Map<string, NamedCell>, report: Report, prepare?: (patch: PackagePatch) => void): Uint8Array {
  const plan = planFlags(report);
  const patch = new PackagePatch(pkg);
  prepare?.(patch);
  const where = (name: string): NamedCell | null => {
    const nc = cells.get(name.toUpperCase());
    return nc && pkg.sheet(nc.sheet)?.part ? nc : null;
  };
  // Read every cell the flags touch, one pass per sheet.
  const wanted = new Map<string, Set<string>>();
  const want = (name: string) => {
    const nc = where(name);
    if (!nc) return;
    if (!wanted.has(nc.sheet)) wanted.set(nc.sheet, new Set());
    wanted.get(nc.sheet)!.add(nc.address);
  };
  for (const r of plan.rows) { want(r.statusName); if (r.note) want(r.noteName); }
  for (const m of plan.cells) want(m.name);
  const read = new Map<string, Map<string, CellRead>>();
  for (const [sheet, refs] of wanted) read.set(sheet, pkg.readCells(sheet, refs));
  const cellAt = (nc: NamedCell) => read.get(nc.sheet)?.get(nc.address) ?? null;
  const looks = new Map<string, { nc: NamedCell; look: Look }>();
  const restyle = (nc: NamedCell, look: Look) => {
    const key = `${nc.sheet}!${nc.address}`;
    const cur = looks.get(key) ?? { nc, look: {} };
    cur.look = { ...cur.look, ...look };
    looks.set(key, cur);
  };

  for (const row of plan.rows) {
    const status = where(row.statusName);
    if (status) {
      const c = cellAt(status);
      // Keep the live formula; give it the engine's result so a viewer that does not recalculate shows it.
      // (A formula this copy gives an added row's status cell, too.)
      if (c?.hasFormula || patch.writesFormula(status.sheet, status.address)) patch.setCell(status.sheet, status.address, { cachedText: row.statusText });
      // A value the user typed over the formula is theirs: kept (the row's findings still go to its note).
      else if (!c || c.value === null || c.value === '') patch.setCell(status.sheet, status.address, { inlineXml: tXml(row.statusText) });
    }
    const note = row.note ? where(row.noteName) : null;
    if (note) {
      const c = cellAt(note);
      const ours = NOTE_PREFIX + row.note;
      if (c?.hasFormula) patch.addComment(note.sheet, note.address, ours);
      else {
        patch.setCell(note.sheet, note.address, { inlineXml: noteXml(c, ours) });
        const xf = pkg.styles?.xfXml(c?.style ?? 0) ?? '';
        if (!/wrapText\s*=\s*"(1|true)"/.test(xf)) restyle(note, { wrapTop: true });
      }
    }
  }
  for (const mark of plan.cells) {
    const nc = where(mark.name);
    if (!nc) continue;
    restyle(nc, { fill: FLAG_FILL[mark.severity] });
    patch.addComment(nc.sheet, nc.address, NOTE_PREFIX + mark.messages.join('\n'));
  }
  for (const { nc, look } of looks.values()) {
    const c = cellAt(nc);
    // A cell this patch already gave a format (an added row's number format) keeps it under the flag.
    patch.setCell(nc.sheet, nc.address, { style: patch.addCellFormat(patch.styleOf(nc.sheet, nc.address) ?? c?.style ?? 0, look) });
  }
  return patch.toBytes();
}

/** The note cell's new content: what it held (runs kept), then our line. */
function noteXml(c: CellRead | null, ours: string): string {
  if (!c || c.value === null || c.value === '') return tXml(ours);
  if (c.textXml !== undefined) {
    const own = c.textXml.replace(/<((?:[\w.-]+:)?)(rPh|phoneticPr)\b[\s\S]*?(?:\/>|<\/\1\2>)/g, '');
    if (/<(?:[\w.-]+:)?r\b/.test(own)) return `${own}<r>${tXml('\n' + ours)}</r>`;
    if (typeof c.value === 'string') return tXml(`${c.value}\n${ours}`);
  }
  return tXml(`${shown(c)}\n${ours}`);
}

/** A non-text value as the user sees it, in Vietnamese conventions. */
function shown(c: CellRead): string {
  const v = c.value;
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v).replace('.', ',');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : v;
}
