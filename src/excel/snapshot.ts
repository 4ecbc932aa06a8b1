// Reads the template's cells from the open workbook through their defined names: one sync to list the
// names (and the flags stored by the last check), one to read every named cell.
import { parseCellName, TITLE_NAMES } from '../core/names';
import { UserFacingError } from './errors';
import { snapshotPeriod } from '../core/period';
import type { CellSnapshot, Period, RawValue, WorkbookSnapshot } from '../core/types';

export const FLAGS_SETTING = 'chitieu.flags';

/** What the last check changed, by defined name, so clearing can put it back. */
export interface StoredFlags {
  /** Fill colour each flagged cell had before (null: no fill). */
  fills: Record<string, string | null>;
  /** Note cells (GC_…) the check appended text to. */
  notes: string[];
}

export interface NamedRange {
  name: string;
  sheet: string;
  address: string;
  range: Excel.Range;
  value: RawValue;
  fill: string | null;
  /** The cell holds a formula (read for note cells only: a formula the user put there is never replaced). */
  formula: boolean;
  /** Its number format, where its value was read. */
  numberFormat?: string;
}

export interface ExcelRead {
  snapshot: WorkbookSnapshot;
  cells: Map<string, NamedRange>;
  stored: StoredFlags | null;
  setting: Excel.Setting;
  /** The settings key the flags of this template are stored under. */
  settingKey: string;
}

export class NoTemplateInWorkbook extends UserFacingError {
  /** `deadNames`: template names left pointing at #REF! (their sheet was deleted), which the pane offers to delete. */
  constructor(readonly deadNames = 0) {
    super('Sheet đang mở (và cả file) chưa có biểu chỉ tiêu của add-in. Hãy mở sheet biểu mẫu cần kiểm tra, hoặc bấm "Chèn biểu mẫu".'
      + (deadNames > 0 ? ` File còn ${deadNames} tên cũ của biểu mẫu trỏ tới #REF! (sheet biểu mẫu đã bị xóa): bấm "Dọn tên hỏng" để xóa chúng.` : ''));
  }
}

/**
 * Settings key of the stored flags: the workbook's template, or a unit sheet's own, by the key of its mark
 * (src/excel/marker.ts), which survives sessions.
 */
export function flagsKey(markKey: string | null): string {
  return markKey === null ? FLAGS_SETTING : `${FLAGS_SETTING}#${markKey}`;
}

/** Where flags of a unit sheet were kept before sheets were marked: by worksheet id, which can change. */
export function legacyFlagsKey(sheetId: string): string {
  return `${FLAGS_SETTING}@${sheetId}`;
}

/**
 * True when these names (a worksheet's own, loaded with scope) make a template: a unit sheet or a
 * consolidated sheet. Workbook names that some Excel builds list among a sheet's own are not counted.
 */
export function hasTemplateNames(names: Excel.NamedItemCollection): boolean {
  return names.items.some((n) => n.scope === 'Worksheet' && n.type === 'Range' && /^TH_/i.test(n.name));
}

/** Sync 2: every template cell, by name, with what the flags need (fill colour). */
/**
 * Columns whose values the check reads (KH, KHTT, TN, TH, QS), writes after (GC, the note), or takes the
 * plan's requirement from (YC: the user may edit the rule there).
 */
const VALUE_COLUMNS = new Set(['KH', 'KHTT', 'TN', 'TH', 'QS', 'GC', 'YC']);
const INPUT_COLUMNS = new Set(['KH', 'KHTT', 'TN', 'TH', 'QS']);
/** A table of the user's own states results as typed values (PT, CS, DG): its check reads them too. */
const STATED_COLUMNS = new Set(['PT', 'CS', 'DG']);
const hasValueIn = (column: string, stated: boolean) => VALUE_COLUMNS.has(column) || (stated && STATED_COLUMNS.has(column));

/**
 * `own`: the names are a worksheet's, loaded with scope; the workbook's names some builds add are skipped.
 * `stated`: also the values of the stated-result cells (an adopted table of the user's own).
 */
export function queueCells(names: Excel.NamedItemCollection, own = false, stated = false): Map<string, Excel.Range> {
  const ranges = new Map<string, Excel.Range>();
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    if (own && n.scope !== 'Worksheet') continue;
    const key = n.name.toUpperCase();
    const parsed = parseCellName(key);
    const isTitle = Object.values(TITLE_NAMES).includes(key as never);
    if (!parsed && !isTitle) continue;
    // Values only where they are data (inputs, notes, title): the live formula cells need just their fill.
    const range = n.getRange().load(isTitle || hasValueIn(parsed!.column, stated) ? `address,values,valueTypes,numberFormat${parsed?.column === 'GC' ? ',formulas' : ''}` : 'address');
    range.format.fill.load('color');
    ranges.set(key, range);
  }
  return ranges;
}

export function toRead(ranges: Map<string, Excel.Range>, setting: Excel.Setting, settingKey: string, periodOverride?: Period, stated = false): ExcelRead {
  return { ...readCells(ranges, periodOverride, stated), stored: parseStored(setting), setting, settingKey };
}

/** A template's snapshot from its loaded named ranges (one template: the workbook's, or one sheet's). */
export function readCells(ranges: Map<string, Excel.Range>, periodOverride?: Period, stated = false): Pick<ExcelRead, 'snapshot' | 'cells'> {
  const cells = new Map<string, NamedRange>();
  const snapCells: WorkbookSnapshot['cells'] = {};
  for (const [name, range] of ranges) {
    const [sheet, address] = splitAddress(range.address);
    const parsed = parseCellName(name);
    const hasValue = !parsed || hasValueIn(parsed.column, stated);
    const value = hasValue ? rawOf(range.values[0]![0], range.valueTypes[0]![0]!) : null;
    const formula = parsed?.column === 'GC' && /^=/.test(String(range.formulas[0]![0] ?? ''));
    const cell: NamedRange = { name, sheet, address, range, value, fill: range.format.fill.color ?? null, formula };
    const nf = hasValue ? range.numberFormat[0]![0] : undefined;
    if (typeof nf === 'string') cell.numberFormat = nf;
    cells.set(name, cell);
    if (parsed && INPUT_COLUMNS.has(parsed.column)) {
      const snap: CellSnapshot = { address, sheet, value };
      const fmt = range.numberFormat[0]![0];
      if (typeof fmt === 'string') snap.numberFormat = fmt;
      snapCells[name] = snap;
    }
  }
  if (![...cells.keys()].some((k) => k.startsWith('TH_'))) throw new NoTemplateInWorkbook();
  const title = (n: string) => cells.get(n)?.value ?? null;
  const snapshot: WorkbookSnapshot = { ...snapshotPeriod(title(TITLE_NAMES.period), periodOverride), cells: snapCells };
  const year = title(TITLE_NAMES.year);
  if (typeof year === 'number') snapshot.year = year;
  const unit = title(TITLE_NAMES.unit);
  if (typeof unit === 'string' && unit.trim()) snapshot.unit = unit.trim();
  const base = title(TITLE_NAMES.baseYear);
  if (typeof base === 'number') snapshot.baseYear = base;
  return { snapshot, cells };
}

function parseStored(setting: Excel.Setting): StoredFlags | null {
  if (setting.isNullObject) return null;
  const v: unknown = setting.value;
  const parsed: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  if (parsed && typeof parsed === 'object' && 'fills' in parsed && 'notes' in parsed) return parsed as StoredFlags;
  return null;
}

/** "'Chỉ tiêu KT-XH'!G12" → ["Chỉ tiêu KT-XH", "G12"] */
export function splitAddress(full: string): [string, string] {
  const i = full.lastIndexOf('!');
  const sheet = full.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return [sheet, full.slice(i + 1).replace(/\$/g, '')];
}

export function rawOf(value: unknown, type: string): RawValue {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}
