/** The in-memory workbook the fake Excel API reads and writes. Plain data, no Office.js semantics. */
import { FakeNotModelledError, FakeOfficeError } from './errors';
import { MAX_COLS, Rect, rectCells } from './address';

export type Scalar = string | number | boolean;

export interface ValidationModel {
  rule: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

/** Border line styles of one cell's four sides ('None' = no border). Diagonals are not modelled. */
export interface CellBorders {
  top: string;
  bottom: string;
  left: string;
  right: string;
}

export const NO_BORDERS: CellBorders = { top: 'None', bottom: 'None', left: 'None', right: 'None' };

/** Excel's error literals: typed or written as a value they become error values (valueType "Error"). */
export const ERROR_LITERALS: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

/** Defaults of a new workbook (Calibri 11, 15-point rows, bottom-aligned). */
export const DEFAULT_FONT_NAME = 'Calibri';
export const DEFAULT_FONT_SIZE = 11;
export const DEFAULT_ROW_HEIGHT = 15;

export interface NoteModel {
  content: string;
  author: string;
}

export class CellData {
  /** Displayed/cached value; '' when empty. For a formula cell: the computed value, or undefined if unknown. */
  value: Scalar | undefined = '';
  /** The constant value is an error value (#N/A typed or written as a value), not text. */
  error = false;
  formula: string | null = null;
  numberFormat = 'General';
  fill: string | null = null;
  bold = false;
  italic = false;
  fontName = DEFAULT_FONT_NAME;
  fontSize = DEFAULT_FONT_SIZE;
  fontColor = '#000000';
  wrapText = false;
  horizontalAlignment = 'General';
  verticalAlignment = 'Bottom';
  borders: CellBorders = NO_BORDERS;
  note: NoteModel | null = null;
  validation: ValidationModel | null = null;

  isDefault(): boolean {
    return (
      this.value === '' &&
      !this.error &&
      this.formula === null &&
      this.isDefaultFormat() &&
      this.note === null &&
      this.validation === null
    );
  }

  isDefaultFormat(): boolean {
    return (
      this.numberFormat === 'General' &&
      this.fill === null &&
      !this.bold &&
      !this.italic &&
      this.fontName === DEFAULT_FONT_NAME &&
      this.fontSize === DEFAULT_FONT_SIZE &&
      this.fontColor === '#000000' &&
      !this.wrapText &&
      this.horizontalAlignment === 'General' &&
      this.verticalAlignment === 'Bottom' &&
      this.borders.top === 'None' &&
      this.borders.bottom === 'None' &&
      this.borders.left === 'None' &&
      this.borders.right === 'None'
    );
  }

  /** Resets every format (what Range.clear("Formats") does), not the value, note or validation. */
  clearFormat(): void {
    const d = new CellData();
    this.copyFormatFrom(d);
    this.validation = null;
  }

  /** Sets the cell's content (constant or formula); an error literal as a value becomes an error. */
  setContent(value: Scalar | undefined, formula: string | null, error = false): void {
    this.value = value;
    this.formula = formula;
    this.error = formula === null && error;
  }

  copyFormatFrom(o: CellData): void {
    this.numberFormat = o.numberFormat;
    this.fill = o.fill;
    this.bold = o.bold;
    this.italic = o.italic;
    this.fontName = o.fontName;
    this.fontSize = o.fontSize;
    this.fontColor = o.fontColor;
    this.wrapText = o.wrapText;
    this.horizontalAlignment = o.horizontalAlignment;
    this.verticalAlignment = o.verticalAlignment;
    this.borders = o.borders;
    this.validation = o.validation;
  }
}

export type NameRef = { kind: 'range'; sheet: SheetModel; rect: Rect } | { kind: 'formula'; formula: string };

export interface NameModel {
  name: string;
  scope: 'Workbook' | 'Worksheet';
  scopeSheet: SheetModel | null;
  ref: NameRef;
  comment: string;
  visible: boolean;
}

export type CfRule =
  | { type: 'Custom'; formula: string }
  | { type: 'CellValue'; rule: Excel.ConditionalCellValueRule | null };

export interface CfModel {
  id: string;
  rect: Rect;
  rule: CfRule;
  stopIfTrue: boolean;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export type ChangeHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11

/** Print setup (ExcelApi 1.9), the part the fake models. */
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  /** 0-based first and last row repeated at the top of each page, or null. */
  printTitleRows: { r0: number; r1: number } | null;
}

/** A chart added with `worksheet.charts.add` (ExcelApi 1.1): only what the add-in sets. */
export interface ChartModel {
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
}

export class SheetModel {
  readonly cells = new Map<string, CellData>();
  charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  pageLayout: PageLayoutModel = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null };
  merges: Rect[] = [];
  conditionalFormats: CfModel[] = []; // index = priority
  frozenRows = 0;
  frozenColumns = 0;
  /** Worksheet.visibility (ExcelApi 1.1). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  password: string | undefined = undefined;
  readonly changeHandlers: ChangeHandler[] = [];
  deleted = false;

  constructor(
    /** Not stable: a new "session" (FakeExcel.newSession) gives every sheet a new id, as reported of Excel. */
    public id: string,
    public name: string,
  ) {}

  static key(r: number, c: number): string {
    return `${r},${c}`;
  }

  peek(r: number, c: number): CellData | undefined {
    return this.cells.get(SheetModel.key(r, c));
  }

  /** The cell, created if needed (call `prune` after writes that may reset it). */
  cell(r: number, c: number): CellData {
    const k = SheetModel.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = new CellData();
      this.cells.set(k, cell);
    }
    return cell;
  }

  prune(r: number, c: number): void {
    const k = SheetModel.key(r, c);
    if (this.cells.get(k)?.isDefault()) this.cells.delete(k);
  }

  /** Calls fn for every cell of the rectangle (created on demand). Refuses huge rectangles. */
  forEachCell(rect: Rect, what: string, fn: (cell: CellData, r: number, c: number) => void): void {
    if (rectCells(rect) > 200000) throw new FakeNotModelledError(`${what} on ${rectCells(rect)} cells (more than 200 000)`);
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        fn(this.cell(r, c), r, c);
        this.prune(r, c);
      }
    }
  }

  /** Existing cells inside the rectangle (sparse iteration; fine on whole rows/columns). */
  existingCells(rect: Rect): Array<{ r: number; c: number; cell: CellData }> {
    const out: Array<{ r: number; c: number; cell: CellData }> = [];
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) out.push({ r, c, cell });
    }
    return out.sort((a, b) => a.r - b.r || a.c - b.c);
  }

  columnWidth(c: number): number {
    return this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = []; // workbook- and worksheet-scoped
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  /** Workbook settings (ExcelApi 1.4), saved with the file: key → value as JSON text (keys case-sensitive). */
  readonly settings = new Map<string, string>();
  private nextSheetId = 1;
  private session = 1;
  private nextCfId = 1;
  /** Author written into notes added through the API. */
  userName = 'Fake User';

  addSheet(name: string, position = this.sheets.length): SheetModel {
    checkSheetName(name);
    if (this.findSheet(name)) {
      throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
    }
    const id = this.newSheetId();
    const sheet = new SheetModel(id, name);
    this.sheets.splice(position, 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  newSheetId(): string {
    const n = this.nextSheetId++;
    return `{${String(n).padStart(8, '0')}-${String(this.session).padStart(4, '0')}-0000-0000-000000000000}`;
  }

  /** Another session: every sheet gets a new id, and the event handlers of the last one are gone. */
  newSession(): void {
    this.session++;
    for (const s of this.sheets) {
      s.id = this.newSheetId();
      s.changeHandlers.length = 0;
    }
  }

  defaultSheetName(): string {
    for (let i = 1; ; i++) if (!this.findSheet(`Sheet${i}`)) return `Sheet${i}`;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    const k = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k);
  }

  sheetOrThrow(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`FakeExcel: no worksheet "${name}" in the fake workbook`);
    return s;
  }

  newCfId(): string {
    return `{CF${String(this.nextCfId++).padStart(6, '0')}}`;
  }
}

export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError('InvalidArgument', `The worksheet name "${name}" is not valid.`);
  }
}

/** Excel's rules for a defined name (simplified): letters/_/\ first, no spaces, not a cell reference. */
export function checkDefinedName(name: string): void {
  const ok =
    /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]{0,254}$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!ok) throw new FakeOfficeError('InvalidArgument', `The name "${name}" is not a valid defined name.`);
}

// ---------------------------------------------------------------------------------------------------
// Input coercion: what Excel stores when a value is written through `values`/`formulas` or typed.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/; // en-US thousands separators
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

/** null → leave the cell unchanged (Office.js semantics for null in a written array). */
export function coerceInput(v: unknown, numberFormat: string): { value: Scalar; formula: string | null; error?: boolean } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', `Cannot write the number ${v}.`);
    return { value: v, formula: null };
  }
  if (typeof v === 'boolean') return { value: v, formula: null };
  if (typeof v !== 'string') {
    throw new FakeOfficeError('InvalidArgument', `Cannot write a value of type ${typeof v} into a cell.`);
  }
  if (numberFormat === '@') return { value: v, formula: null };
  if (v.length > 1 && v.startsWith('=')) return { value: '', formula: v };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null };
  const t = v.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: null };
  if (GROUPED.test(t)) return { value: Number(t.replace(/,/g, '')), formula: null };
  const p = PERCENT.exec(t);
  if (p) return { value: Number(p[1]) / 100, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: null };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { value: t.toUpperCase(), formula: null, error: true };
  return { value: v, formula: null };
}

// ---------------------------------------------------------------------------------------------------
// Display text (Range.text) for the number formats the add-in uses; other formats fall back to General.

function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const s = String(Number(v.toPrecision(10)));
  return s.length > 11 ? v.toExponential(5).replace('e+', 'E+').replace('e-', 'E-') : s;
}

export function displayText(value: Scalar | undefined, numberFormat: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = (numberFormat.split(';')[0] ?? 'General').trim();
  const m = /^(#,##)?0(\.(0+))?(%)?$/.exec(fmt);
  if (!m) return general(value);
  const decimals = m[3]?.length ?? 0;
  const v = m[4] ? value * 100 : value;
  let s = Math.abs(v).toFixed(decimals);
  if (m[1]) {
    const [int, frac] = s.split('.') as [string, string | undefined];
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const negative = v < 0 && Number(s.replace(/,/g, '')) !== 0;
  return `${negative ? '-' : ''}${s}${m[4] ? '%' : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Colours: Excel accepts #RRGGBB or an HTML colour name and reports #RRGGBB (upper case).

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  lightblue: '#ADD8E6',
  pink: '#FFC0CB',
  purple: '#800080',
  darkred: '#8B0000',
  darkgreen: '#006400',
};

export function normalizeColor(c: unknown): string {
  if (typeof c !== 'string') throw new FakeOfficeError('InvalidArgument', `Invalid colour ${String(c)}.`);
  const t = c.trim();
  if (/^#[0-9A-Fa-f]{6}$/.test(t)) return t.toUpperCase();
  if (/^[0-9A-Fa-f]{6}$/.test(t)) return `#${t.toUpperCase()}`;
  const named = NAMED[t.toLowerCase()];
  if (named) return named;
  throw new FakeOfficeError('InvalidArgument', `Invalid colour "${c}" (the fake knows #RRGGBB and a few names).`);
}

export const ALL_COLUMNS_LAST = MAX_COLS - 1;
