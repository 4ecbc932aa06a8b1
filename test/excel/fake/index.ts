/**
 * A typed, in-memory fake of the Excel JavaScript API for unit tests of the Office.js adapter.
 *
 *   const fake = new FakeExcel({ sheets: ['Sheet1'] });
 *   fake.setValues('Sheet1', 'A1:B2', [[1, 2], [3, 4]]);          // arrange, no load/sync
 *   await adapterFunction(fake.context as unknown as Excel.RequestContext);
 *   expect(fake.cell('Sheet1', 'G12')).toMatchObject({ value: 5, fill: '#FFFF00' });
 *   expect(fake.syncCount).toBe(2);
 *
 * Semantics (like Excel): unloaded reads throw PropertyNotLoaded; writes are queued until sync(); a failing
 * operation rejects the sync (earlier operations of the batch stay applied); members the fake does not
 * model throw FakeNotModelledError. See README.md in this folder for what is and is not modelled.
 */
import { createHash } from 'crypto';
import { colIndex, parseRect, quoteSheet, Rect, rectA1, splitSheet } from './address';
import { FakeOfficeError } from './errors';
import { CellBorders, CellData, NoteModel, PageLayoutModel, Scalar, SheetModel, ValidationModel, WorkbookModel, coerceInput } from './model';
import { compareVersions, deleteSheet, FakeHost, FakeQuirks, FakeRequestContext, newChangedEventArgs, PendingChange } from './objects';

export * from './errors';
export * from './objects';
export type { CellBorders, PageLayoutModel, Scalar, ValidationModel } from './model';
export { ERROR_LITERALS } from './model';
export { fakeRequirements, installExcelGlobals, uninstallExcelGlobals, ExcelEnums } from './globals';
export type { FakeRequirements, InstallOptions } from './globals';

export interface FakeExcelOptions {
  /** Worksheets to start with (default ["Sheet1"]); the first is active. */
  sheets?: string[];
  /** Highest ExcelApi set the fake Excel supports: newer members throw ApiNotFound (default "1.18"). */
  excelApi?: string;
  /** Computes a formula cell's value (the fake does not calculate). Without it, reading one throws. */
  evaluate?: (formula: string, at: { sheet: string; address: string }) => Scalar | undefined;
  /** Fire onChanged for the add-in's own writes after each sync, as Excel does (default true). */
  fireEventsForApiWrites?: boolean;
  /** Author of notes added through the API. */
  userName?: string;
  /** onChanged events carry triggerSource (default: only from ExcelApi 1.14, as in Excel). */
  triggerSource?: boolean;
  /** `worksheet.names` also lists workbook-scoped names (reported of Excel on the web; default false). */
  worksheetNamesIncludeWorkbook?: boolean;
}

/** The errors real Excel is seen to raise in the middle of a batch. */
export type InjectedCode = 'InvalidArgument' | 'GeneralException' | 'ItemNotFound';

/**
 * A failure to inject: the `nth` (0-based, counted from when it is armed) queued operation whose label
 * matches fails with `code`; the operations before it in its batch stay applied, the rest are dropped.
 */
export interface InjectedFailure {
  /** Matched against the member that queued the operation, e.g. /freezePanes|WorksheetFreezePanes/. */
  match?: RegExp;
  nth?: number;
  code?: InjectedCode;
}

/** What `fake.cell()` returns: the model, read directly (no load/sync). */
export interface CellSnapshot {
  /** '' when empty; undefined for a formula cell whose result is unknown. */
  value: Scalar | undefined;
  /** The constant is an error value (#N/A typed as a value). A formula's error shows in `value` only. */
  error: boolean;
  formula: string | null;
  numberFormat: string;
  /** null = no fill. */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontName: string;
  fontSize: number;
  fontColor: string;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: CellBorders;
  note: string | null;
  noteAuthor: string | null;
  validation: ValidationModel | null;
}

export interface CellInit {
  value?: Scalar;
  /** With a constant `value` such as "#N/A": an error value rather than text. */
  error?: boolean;
  formula?: string | null;
  numberFormat?: string;
  fill?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  note?: string | null;
  validation?: ValidationModel | null;
}

export interface ConditionalFormatSnapshot {
  id: string;
  address: string;
  type: 'Custom' | 'CellValue';
  formula?: string;
  rule?: Excel.ConditionalCellValueRule | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

export class FakeExcel implements FakeHost {
  readonly model = new WorkbookModel();
  readonly excelApi: string;
  readonly evaluate?: FakeExcelOptions['evaluate'];
  /** Number of context.sync() calls (all contexts, including Excel.run's final flush). */
  syncCount = 0;
  /** Number of suspendApiCalculationUntilNextSync() calls that reached Excel. */
  calculationSuspensions = 0;
  /** The default request context; Excel.run (installExcelGlobals) makes a fresh one per run. */
  readonly context: FakeRequestContext;
  private readonly fireApiEvents: boolean;
  readonly quirks: FakeQuirks;
  private readonly omitTriggerSource: boolean;
  private failures: { match: RegExp | undefined; left: number; code: InjectedCode }[] = [];
  /** Every operation run at sync time, by the member that queued it (for tests that pick a point to fail). */
  readonly operations: string[] = [];
  private pendingEvents: Promise<void>[] = [];
  private eventErrors: unknown[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.18';
    this.evaluate = options.evaluate;
    this.fireApiEvents = options.fireEventsForApiWrites ?? true;
    this.omitTriggerSource = !(options.triggerSource ?? compareVersions(this.excelApi, '1.14') >= 0);
    this.quirks = { worksheetNamesIncludeWorkbook: options.worksheetNamesIncludeWorkbook ?? false };
    if (options.userName) this.model.userName = options.userName;
    for (const name of options.sheets ?? ['Sheet1']) this.model.addSheet(name);
    this.context = new FakeRequestContext(this);
  }

  /** A new request context on the same workbook (what each Excel.run gets). */
  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  resetSyncCount(): void {
    this.syncCount = 0;
  }

  /** Arms a failure (see InjectedFailure); several may be armed at once. */
  injectFailure(f: InjectedFailure = {}): void {
    this.failures.push({ match: f.match, left: f.nth ?? 0, code: f.code ?? 'GeneralException' });
  }

  /** Failures armed and not yet fired. */
  get armedFailures(): number {
    return this.failures.length;
  }

  disarmFailures(): void {
    this.failures = [];
  }

  /** FakeHost: runs before each operation at sync time; throws an armed failure when its turn comes. */
  beforeOperation(label: string): void {
    this.operations.push(label);
    for (const f of this.failures) {
      if (f.match && !f.match.test(label)) continue;
      if (f.left-- > 0) continue;
      this.failures = this.failures.filter((x) => x !== f);
      throw new FakeOfficeError(f.code, `Injected ${f.code} at ${label}.`, label);
    }
  }

  /**
   * The workbook is opened again (another session, or another platform): every worksheet gets a new id,
   * as reported of Excel, and the onChanged handlers of the last session are gone.
   */
  newSession(): void {
    this.model.newSession();
  }

  /** The user deletes a sheet (arrange): as in Excel, its scoped names go, workbook names to it become #REF!. */
  deleteSheetAsUser(sheet: string): void {
    deleteSheet(this.model, this.model.sheetOrThrow(sheet));
  }

  // ----- arrange -----------------------------------------------------------------------------------

  addSheet(name: string): void {
    this.model.addSheet(name);
  }

  /** Sets cell content/format directly in the model (no queue, no events, protection ignored). */
  setCell(sheet: string, address: string, init: CellInit): void {
    const { s, rect } = this.locate(sheet, address);
    const cell = s.cell(rect.r0, rect.c0);
    if (init.formula !== undefined) {
      cell.setContent(init.formula === null ? (init.value ?? '') : init.value, init.formula, init.error);
    } else if (init.value !== undefined) {
      cell.setContent(init.value, null, init.error);
    }
    if (init.numberFormat !== undefined) cell.numberFormat = init.numberFormat;
    if (init.fill !== undefined) cell.fill = init.fill;
    if (init.bold !== undefined) cell.bold = init.bold;
    if (init.italic !== undefined) cell.italic = init.italic;
    if (init.fontName !== undefined) cell.fontName = init.fontName;
    if (init.fontSize !== undefined) cell.fontSize = init.fontSize;
    if (init.fontColor !== undefined) cell.fontColor = init.fontColor;
    if (init.wrapText !== undefined) cell.wrapText = init.wrapText;
    if (init.horizontalAlignment !== undefined) cell.horizontalAlignment = init.horizontalAlignment;
    if (init.verticalAlignment !== undefined) cell.verticalAlignment = init.verticalAlignment;
    if (init.note !== undefined) cell.note = init.note === null ? null : { content: init.note, author: this.model.userName };
    if (init.validation !== undefined) cell.validation = init.validation;
    s.prune(rect.r0, rect.c0);
  }

  /** Writes raw values (numbers stay numbers, strings stay text) from the top-left cell of `address`. */
  setValues(sheet: string, address: string, values: (Scalar | null)[][]): void {
    const { s, rect } = this.locate(sheet, address);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = s.cell(rect.r0 + i, rect.c0 + j);
        cell.setContent(v, null);
        s.prune(rect.r0 + i, rect.c0 + j);
      }),
    );
  }

  /** Merges cells as a user does (arrange): the area's other cells are expected empty, as Excel leaves them. */
  mergeAsUser(sheet: string, address: string): void {
    const { s, rect } = this.locate(sheet, address);
    s.merges.push(rect);
  }

  /** Selects a range as the user does (arrange): its sheet comes to the front. */
  selectAsUser(sheet: string, address: string): void {
    const { s, rect } = this.locate(sheet, address);
    this.model.activeSheet = s;
    this.model.selection = { sheet: s, rect };
  }

  /** Stores a workbook setting directly (arrange), as Excel keeps it: JSON. */
  setSetting(key: string, value: unknown): void {
    this.model.settings.set(key, JSON.stringify(value));
  }

  /** Sets or clears the sheet's protection directly. */
  protect(sheet: string, on = true): void {
    this.model.sheetOrThrow(sheet).protected = on;
  }

  /**
   * A user types (or pastes, with a 2-D array) into the sheet: values are parsed like typed input, data
   * validation is NOT applied (as with a paste), and onChanged handlers run with triggerSource "Unknown".
   * Resolves when the handlers have finished; rejects with a handler's error.
   */
  async userEdit(sheet: string, address: string, input: Scalar | Scalar[][]): Promise<void> {
    const { s, rect } = this.locate(sheet, address);
    if (s.protected) throw new Error(`FakeExcel.userEdit: "${sheet}" is protected; Excel would refuse the edit`);
    const grid = Array.isArray(input) ? input : [[input]];
    const target: Rect = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + grid.length - 1, c1: rect.c0 + Math.max(...grid.map((r) => r.length)) - 1 };
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = s.cell(rect.r0 + i, rect.c0 + j);
        const coerced = coerceInput(v, cell.numberFormat);
        if (coerced) {
          cell.setContent(coerced.formula !== null ? undefined : coerced.value, coerced.formula, coerced.error);
        }
        s.prune(rect.r0 + i, rect.c0 + j);
      }),
    );
    this.dispatch([{ sheet: s, rect: target, changeType: 'RangeEdited', triggerSource: 'Unknown' }], false);
    await this.settle();
  }

  // ----- inspect -----------------------------------------------------------------------------------

  cell(sheet: string, address: string): CellSnapshot {
    const { s, rect } = this.locate(sheet, address);
    const c: CellData = s.peek(rect.r0, rect.c0) ?? new CellData();
    const note: NoteModel | null = c.note;
    return {
      value: c.value,
      error: c.error,
      formula: c.formula,
      numberFormat: c.numberFormat,
      fill: c.fill,
      bold: c.bold,
      italic: c.italic,
      fontName: c.fontName,
      fontSize: c.fontSize,
      fontColor: c.fontColor,
      wrapText: c.wrapText,
      horizontalAlignment: c.horizontalAlignment,
      verticalAlignment: c.verticalAlignment,
      borders: { ...c.borders },
      note: note ? note.content : null,
      noteAuthor: note ? note.author : null,
      validation: c.validation,
    };
  }

  /** Values of a rectangle straight from the model ('' for empty cells). */
  values(sheet: string, address: string): (Scalar | undefined)[][] {
    const { s, rect } = this.locate(sheet, address);
    const out: (Scalar | undefined)[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: (Scalar | undefined)[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(s.peek(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** A sheet's visibility ('Visible', 'Hidden', 'VeryHidden'). */
  sheetVisibility(name: string): string | undefined {
    return this.model.sheets.find((s) => s.name === name)?.visibility;
  }

  get activeSheet(): string | null {
    return this.model.activeSheet?.name ?? null;
  }

  /** Last range selected through Range.select(), e.g. { sheet: 'Sheet1', address: 'G12' }. */
  get selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    return sel ? { sheet: sel.sheet.name, address: rectA1(sel.rect) } : null;
  }

  isProtected(sheet: string): boolean {
    return this.model.sheetOrThrow(sheet).protected;
  }

  frozenRows(sheet: string): number {
    return this.model.sheetOrThrow(sheet).frozenRows;
  }

  frozenColumns(sheet: string): number {
    return this.model.sheetOrThrow(sheet).frozenColumns;
  }

  columnWidth(sheet: string, column: string): number {
    return this.model.sheetOrThrow(sheet).columnWidth(colIndex(column));
  }

  /** Height in points of a row (1-based, as in A1 addresses). */
  rowHeight(sheet: string, row: number): number {
    return this.model.sheetOrThrow(sheet).rowHeight(row - 1);
  }

  /** Print setup; printTitleRows as "$5:$6" or null. */
  pageLayout(sheet: string): Omit<PageLayoutModel, 'printTitleRows'> & { printTitleRows: string | null } {
    const p = this.model.sheetOrThrow(sheet).pageLayout;
    return {
      orientation: p.orientation,
      paperSize: p.paperSize,
      zoom: { ...p.zoom },
      printTitleRows: p.printTitleRows ? `$${p.printTitleRows.r0 + 1}:$${p.printTitleRows.r1 + 1}` : null,
    };
  }

  /** Workbook settings, values parsed from their JSON. */
  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.model.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  /**
   * Everything the workbook holds, in a canonical form: sheets (order, cells with content and every modelled
   * format, column widths, row heights, merges, conditional formats, panes, protection, page layout), names,
   * settings, the active sheet and the selection. Equal dumps = nothing observable changed.
   */
  dump(): unknown {
    const m = this.model;
    const cellsOf = (s: SheetModel) =>
      [...s.cells.entries()]
        .map(([k, c]) => {
          const [r, col] = k.split(',').map(Number) as [number, number];
          return { at: rectA1({ r0: r, c0: col, r1: r, c1: col }), r, col, c };
        })
        .sort((a, b) => a.r - b.r || a.col - b.col)
        .map(({ at, c }) => [at, { ...c, borders: { ...c.borders } }]);
    return {
      sheets: m.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: cellsOf(s),
        columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights].sort((a, b) => a[0] - b[0]),
        merges: s.merges.map((r) => rectA1(r)),
        conditionalFormats: this.conditionalFormats(s.name),
        frozen: [s.frozenRows, s.frozenColumns],
        protected: s.protected,
        pageLayout: s.pageLayout,
        changeHandlers: s.changeHandlers.length,
      })),
      names: this.names(),
      settings: [...m.settings].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      activeSheet: this.activeSheet,
      selection: this.selection,
    };
  }

  /** A short hash of dump(): compare before/after to prove an operation changed nothing. */
  fingerprint(): string {
    return createHash('sha256').update(JSON.stringify(this.dump())).digest('hex').slice(0, 16);
  }

  merges(sheet: string): string[] {
    return this.model.sheetOrThrow(sheet).merges.map((r) => rectA1(r));
  }

  /** Charts added to the sheet: type, source range (A1), series orientation, title. */
  charts(sheet: string): { type: string; source: string; seriesBy: string; title: string }[] {
    return this.model.sheetOrThrow(sheet).charts.map((c) => ({ type: c.type, source: rectA1(c.source), seriesBy: c.seriesBy, title: c.title }));
  }

  /** What a defined name refers to, e.g. "Sheet1!$G$12" (null if absent). `sheet` selects a sheet scope. */
  name(name: string, sheet?: string): string | null {
    const scope = sheet === undefined ? null : this.model.sheetOrThrow(sheet);
    const n = this.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase() && x.scopeSheet === scope);
    if (!n) return null;
    return n.ref.kind === 'range' ? `${quoteSheet(n.ref.sheet.name)}!${rectA1(n.ref.rect, true)}` : n.ref.formula;
  }

  names(): Array<{ name: string; scope: 'Workbook' | 'Worksheet'; sheet: string | null; reference: string }> {
    return this.model.names.map((n) => ({
      name: n.name,
      scope: n.scope,
      sheet: n.scopeSheet?.name ?? null,
      reference: n.ref.kind === 'range' ? `${quoteSheet(n.ref.sheet.name)}!${rectA1(n.ref.rect, true)}` : n.ref.formula,
    }));
  }

  /**
   * A user's "Move or Copy… → Create a copy" of a sheet (arrange): cells, formats and notes are copied to a
   * new sheet after it; as Excel does, every name that refers to the sheet — workbook-scoped or scoped to
   * it — is given to the copy as a name scoped to the copy (documented Excel behaviour for cloned sheets).
   */
  copySheetAsUser(source: string, newName: string): void {
    const from = this.model.sheetOrThrow(source);
    const to = this.model.addSheet(newName, this.model.sheets.indexOf(from) + 1);
    for (const [k, c] of from.cells) {
      const copy = to.cells.get(k) ?? new CellData();
      copy.setContent(c.value, c.formula, c.error);
      copy.copyFormatFrom(c);
      copy.note = c.note ? { ...c.note } : null;
      to.cells.set(k, copy);
    }
    for (const [col, w] of from.columnWidths) to.columnWidths.set(col, w);
    for (const [row, h] of from.rowHeights) to.rowHeights.set(row, h);
    to.merges = from.merges.map((m) => ({ ...m }));
    for (const n of [...this.model.names]) {
      if (n.ref.kind !== 'range' || n.ref.sheet !== from) continue;
      if (n.scopeSheet !== null && n.scopeSheet !== from) continue;
      if (this.model.names.some((x) => x.scopeSheet === to && x.name.toLowerCase() === n.name.toLowerCase())) continue;
      this.model.names.push({ ...n, scope: 'Worksheet', scopeSheet: to, ref: { kind: 'range', sheet: to, rect: { ...n.ref.rect } } });
    }
  }

  /** The user clicks a sheet's tab (arrange): it becomes the active sheet. */
  activateAsUser(sheet: string): void {
    this.model.activeSheet = this.model.sheetOrThrow(sheet);
  }

  /** Defines a name directly (arrange): reference like "Sheet1!$G$12" or "=0.5". */
  defineName(name: string, reference: string, sheet?: string): void {
    const scopeSheet = sheet === undefined ? null : this.model.sheetOrThrow(sheet);
    const formula = reference.startsWith('=') ? reference : `=${reference}`;
    const { sheet: on, local } = splitSheet(formula.slice(1));
    const rect = parseRect(local);
    const target = on === null ? null : this.model.findSheet(on);
    this.model.names.push({
      name,
      scope: scopeSheet ? 'Worksheet' : 'Workbook',
      scopeSheet,
      ref: rect && target ? { kind: 'range', sheet: target, rect } : { kind: 'formula', formula },
      comment: '',
      visible: true,
    });
  }

  conditionalFormats(sheet: string): ConditionalFormatSnapshot[] {
    return this.model.sheetOrThrow(sheet).conditionalFormats.map((cf) => ({
      id: cf.id,
      address: rectA1(cf.rect),
      type: cf.rule.type,
      ...(cf.rule.type === 'Custom' ? { formula: cf.rule.formula } : { rule: cf.rule.rule }),
      fill: cf.fill,
      fontColor: cf.fontColor,
      bold: cf.bold,
      stopIfTrue: cf.stopIfTrue,
    }));
  }

  /** onChanged handlers registered (after sync) on the sheet. */
  changeHandlerCount(sheet: string): number {
    return this.model.sheetOrThrow(sheet).changeHandlers.length;
  }

  /** Waits for the onChanged handlers triggered so far; rethrows the first error one of them raised. */
  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    while (this.pendingEvents.length) {
      const batch = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(batch);
    }
    if (this.eventErrors.length) {
      const [first] = this.eventErrors;
      this.eventErrors = [];
      throw first;
    }
  }

  // ----- FakeHost ----------------------------------------------------------------------------------

  emitChanges(changes: PendingChange[]): void {
    if (this.fireApiEvents) this.dispatch(changes, true);
  }

  private dispatch(changes: PendingChange[], later: boolean): void {
    for (const change of changes) {
      const handlers = [...change.sheet.changeHandlers];
      if (!handlers.length) continue;
      const run = async (): Promise<void> => {
        if (later) await new Promise((r) => setTimeout(r, 0)); // events arrive after the sync resolves
        for (const h of handlers) {
          try {
            await h(newChangedEventArgs(change, this.omitTriggerSource));
          } catch (err) {
            this.eventErrors.push(err);
          }
        }
      };
      this.pendingEvents.push(run());
    }
  }

  private locate(sheet: string, address: string): { s: SheetModel; rect: Rect } {
    const s = this.model.sheetOrThrow(sheet);
    const rect = parseRect(splitSheet(address).local);
    if (!rect) throw new FakeOfficeError('InvalidArgument', `FakeExcel: bad address "${address}"`);
    return { s, rect };
  }
}
