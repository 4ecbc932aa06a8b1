/**
 * Proxy objects of the fake Excel JavaScript API. Each behaves like its Office.js counterpart:
 *  - properties must be loaded and synced before they are read (else PropertyNotLoaded);
 *  - writes and method calls are queued and applied, in order, by the next `context.sync()`;
 *  - a failing operation rejects that sync; operations queued after it are dropped, those before it stay
 *    applied (an Excel batch is not a transaction);
 *  - every object is wrapped in a Proxy that throws FakeNotModelledError on a member the fake lacks.
 */
import {
  contains,
  intersects,
  isWholeRows,
  MAX_COLS,
  MAX_ROWS,
  parseRect,
  quoteSheet,
  Rect,
  rectA1,
  rectCells,
  shiftFormulaForRowInsert,
  shiftRectForRowInsert,
  splitSheet,
} from './address';
import { FakeNotModelledError, FakeOfficeError, propertyNotLoaded } from './errors';
import {
  CellBorders,
  CellData,
  CfModel,
  ChangeHandler,
  ChartModel,
  checkDefinedName,
  checkSheetName,
  coerceInput,
  DEFAULT_FONT_NAME,
  DEFAULT_FONT_SIZE,
  DEFAULT_ROW_HEIGHT,
  displayText,
  ERROR_LITERALS,
  NameModel,
  NameRef,
  normalizeColor,
  PageLayoutModel,
  Scalar,
  SheetModel,
  ValidationModel,
  WorkbookModel,
} from './model';
import type { Faked } from './types';

// ---------------------------------------------------------------------------------------------------
// Host: what the objects need from FakeExcel (kept as an interface to avoid an import cycle).

export interface PendingChange {
  sheet: SheetModel;
  rect: Rect;
  changeType: 'RangeEdited' | 'RowInserted';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
}

/** How the fake Excel departs from the kind one: the behaviours reported of real Excel builds. */
export interface FakeQuirks {
  /** `worksheet.names` lists workbook-scoped names too (reported of Excel on the web). */
  worksheetNamesIncludeWorkbook: boolean;
}

export interface FakeHost {
  readonly quirks: FakeQuirks;
  /** Runs before every queued operation at sync time, with the member that queued it ("Range.values"). */
  beforeOperation(label: string): void;
  readonly model: WorkbookModel;
  readonly excelApi: string;
  syncCount: number;
  calculationSuspensions: number;
  evaluate?: (formula: string, at: { sheet: string; address: string }) => Scalar | undefined;
  emitChanges(changes: PendingChange[]): void;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Strict proxies: an unknown member throws instead of reading undefined / silently storing a value.

const PASS_THROUGH = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'length']);

/** The request context of a proxied object, if it has one (to label the operations it queues). */
function contextOf(target: object): FakeRequestContext | null {
  const c = (target as { context?: unknown }).context;
  return c instanceof FakeRequestContext ? c : null;
}

function strict<T extends object>(obj: T, className: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, target);
      if (prop in target) {
        const v: unknown = Reflect.get(target, prop, target);
        const ctx = contextOf(target);
        if (typeof v !== 'function' || !ctx || prop === 'constructor') return v;
        // Label what a method queues with the member the adapter called ("NamedItemCollection.add").
        // Called on the proxy, as before: a method that returns `this` hands back the strict proxy.
        return (...args: unknown[]) => ctx.labelled(`${className}.${prop}`, () => (v as (...a: unknown[]) => unknown).apply(receiver, args));
      }
      if (PASS_THROUGH.has(prop) || prop.startsWith('$$') || prop.startsWith('@@') || prop.startsWith('_')) {
        return undefined;
      }
      throw new FakeNotModelledError(`Excel.${className}.${prop}`);
    },
    set(target, prop, value) {
      if (typeof prop === 'symbol' || !(prop in target)) {
        throw new FakeNotModelledError(`setting Excel.${className}.${String(prop)}`);
      }
      const ctx = contextOf(target);
      const ok = ctx ? ctx.labelled(`${className}.${prop}`, () => Reflect.set(target, prop, value, target)) : Reflect.set(target, prop, value, target);
      if (!ok) throw new TypeError(`Excel.${className}.${String(prop)} is read-only`);
      return true;
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Request context

type Op = () => void;

export class FakeRequestContext implements Faked<Excel.RequestContext, 'workbook' | 'sync'> {
  readonly workbook: FakeWorkbook;
  private queue: { op: Op; label: string }[] = [];
  /** The adapter's member calls in progress (outermost first): the label of what they queue. */
  private readonly calling: string[] = [];
  /** Changes made by the operations of the sync in progress (turned into onChanged events). */
  changes: PendingChange[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = strict(new FakeWorkbook(this), 'Workbook');
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  /** Number of queued operations not yet sent by sync(). */
  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push({ op, label: this.calling[0] ?? 'unknown' });
  }

  /** @internal Runs a member of a proxied object; what it queues is labelled with that member. */
  labelled<R>(label: string, fn: () => R): R {
    this.calling.push(label);
    try {
      return fn();
    } finally {
      this.calling.pop();
    }
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    this.host.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.changes = [];
    let failure: unknown = undefined;
    let failed = false;
    for (const { op, label } of ops) {
      try {
        this.host.beforeOperation(label);
        op();
      } catch (err) {
        failure = err;
        failed = true;
        break;
      }
    }
    const changes = this.changes;
    this.changes = [];
    if (changes.length > 0) this.host.emitChanges(changes);
    return failed ? Promise.reject(failure) : Promise.resolve(passThroughValue as T);
  }

  requireApi(version: string, member: string): void {
    if (compareVersions(this.host.excelApi, version) < 0) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `${member} needs ExcelApi ${version}; this fake Excel supports ExcelApi ${this.host.excelApi}.`,
      );
    }
  }

  /** Throws AccessDenied like Excel when a protected sheet would be changed. */
  assertEditable(sheet: SheetModel, what: string): void {
    if (sheet.deleted) throw new FakeOfficeError('ItemNotFound', `The worksheet "${sheet.name}" was deleted.`);
    if (sheet.protected) {
      throw new FakeOfficeError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}"): ${what}.`,
        what,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Base of every Office.js proxy object

type LoadArg = string | string[] | OfficeExtension.LoadOption | { select?: string; expand?: string } | object | undefined;

interface PropSpec<T> {
  get?: (t: T) => unknown;
  since?: string;
}

function parseLoadArg(arg: LoadArg): string[][] {
  const out: string[][] = [];
  const addList = (s: string | undefined): void => {
    for (const p of (s ?? '').split(',')) {
      const t = p.trim();
      if (t) out.push(t.split('/').map((x) => x.trim()));
    }
  };
  const addOptions = (o: Record<string, unknown>, prefix: string[]): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') addOptions(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  if (arg === undefined) return out;
  if (typeof arg === 'string') addList(arg);
  else if (Array.isArray(arg)) arg.forEach(addList);
  else if ('select' in arg || 'expand' in arg) {
    addList(typeof arg.select === 'string' ? arg.select : undefined);
    addList(typeof arg.expand === 'string' ? arg.expand : undefined);
  } else addOptions(arg as Record<string, unknown>, []);
  return out;
}

/** What load paths walk through: any fake object. */
export interface LoadNode {
  checkPaths(paths: string[][]): void;
  applyLoad(paths: string[][]): void;
}

const clone = <V>(v: V): V => (v === undefined || v === null ? v : (JSON.parse(JSON.stringify(v)) as V));

export abstract class FakeClientObject<T> {
  readonly context: FakeRequestContext;
  private resolved: { t: T | null } | undefined = undefined;
  protected readonly loadedProps = new Map<string, unknown>();
  protected readonly localProps = new Map<string, unknown>();

  constructor(
    context: FakeRequestContext,
    protected readonly className: string,
    private readonly locate: () => T | null,
  ) {
    this.context = context;
  }

  /** Scalar properties that load() can fetch. */
  protected abstract props(): Record<string, PropSpec<T>>;

  /** Navigation properties that load paths can go through ("format/fill/color"). */
  protected children(): Record<string, () => LoadNode> {
    return {};
  }

  /** After a sync: whether this came from an *OrNullObject call that found nothing. */
  get isNullObject(): boolean {
    if (this.resolved === undefined) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property 'isNullObject' is not available. Call "context.sync()" before reading it.`,
        `${this.className}.isNullObject`,
      );
    }
    return this.resolved.t === null;
  }

  /** Resolves the object in the model (memoised). Throws ItemNotFound etc. when it does not exist. */
  resolveNow(): T | null {
    if (this.resolved === undefined) this.resolved = { t: this.locate() };
    return this.resolved.t;
  }

  /** The model object, or ItemNotFound for a null object. */
  target(): T {
    const t = this.resolveNow();
    if (t === null) {
      throw new FakeOfficeError('ItemNotFound', `The requested ${this.className} does not exist (null object).`);
    }
    return t;
  }

  /** Queue the resolution (what a method call such as getItem() does in Office.js). */
  protected ensure(): this {
    this.context.enqueue(() => {
      this.resolveNow();
    });
    return this;
  }

  protected api(version: string, member: string): void {
    this.context.requireApi(version, `${this.className}.${member}`);
  }

  protected read<V>(prop: string): V {
    const spec = this.props()[prop];
    if (spec?.since) this.api(spec.since, prop);
    if (this.localProps.has(prop)) return this.localProps.get(prop) as V;
    if (this.loadedProps.has(prop)) return this.loadedProps.get(prop) as V;
    if (this.resolved !== undefined && this.resolved.t === null) {
      throw new FakeOfficeError(
        'ItemNotFound',
        `Cannot read ${this.className}.${prop}: the object is a null object (isNullObject is true).`,
      );
    }
    throw propertyNotLoaded(this.className, prop);
  }

  /** Queue a property write; locally the written value is readable at once (as in Office.js). */
  protected write<V>(prop: string, value: V, apply: (t: T, v: V) => void): void {
    const spec = this.props()[prop];
    if (spec?.since) this.api(spec.since, prop);
    this.localProps.set(prop, value);
    this.context.enqueue(() => apply(this.target(), value));
  }

  /** Queue a method call on the model object. */
  protected call(apply: (t: T) => void): void {
    this.context.enqueue(() => apply(this.target()));
  }

  /** @internal Validates load paths when load() is called: an unknown name is a test error, not an Excel error. */
  checkPaths(paths: string[][]): void {
    for (const [head, ...rest] of paths) {
      if (head === undefined) continue;
      const child = this.children()[head];
      if (child) {
        if (rest.length) child().checkPaths([rest]);
        continue;
      }
      if (rest.length || !this.props()[head]?.get) {
        throw new FakeNotModelledError(`loading ${this.className}.${[head, ...rest].join('/')}`);
      }
    }
  }

  /** Runs at sync time: copies the requested properties from the model. */
  applyLoad(paths: string[][]): void {
    const t = this.resolveNow();
    if (t === null) return;
    const props = this.props();
    const list = paths.length
      ? paths
      : Object.keys(props)
          .filter((p) => props[p]?.get)
          .map((p) => [p]);
    for (const [head, ...rest] of list) {
      if (head === undefined) continue;
      const child = this.children()[head];
      if (child) {
        child().applyLoad(rest.length ? [rest] : []);
        continue;
      }
      const spec = props[head];
      if (!spec?.get) throw new FakeNotModelledError(`loading ${this.className}.${head}`);
      if (spec.since) this.api(spec.since, head);
      this.localProps.delete(head);
      this.loadedProps.set(head, spec.get(t));
    }
  }

  load(propertyNames?: LoadArg): this {
    const paths = parseLoadArg(propertyNames);
    this.checkPaths(paths);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }
}

/** Collections: `items` is filled by load(); load('name') / load('items/name') choose item properties. */
abstract class FakeCollection<T, I extends LoadNode> extends FakeClientObject<T> {
  protected props(): Record<string, PropSpec<T>> {
    return {};
  }

  /** Model items, in Excel's order, at sync time. */
  protected abstract listItems(t: T): I[];
  /** An item proxy for checking load paths. */
  protected abstract sampleItem(): I;

  get items(): I[] {
    return this.read<I[]>('items');
  }

  private itemPaths(paths: string[][]): string[][] {
    return paths
      .map((p) => (p[0] === 'items' ? p.slice(1) : p))
      .filter((p) => p.length > 0);
  }

  override load(propertyNames?: LoadArg): this {
    const paths = this.itemPaths(parseLoadArg(propertyNames));
    this.sampleItem().checkPaths(paths);
    this.context.enqueue(() => {
      const t = this.resolveNow();
      if (t === null) return;
      const items = this.listItems(t);
      for (const item of items) item.applyLoad(paths);
      this.localProps.delete('items');
      this.loadedProps.set('items', items);
    });
    return this;
  }
}

export class FakeClientResult<V> implements Pick<OfficeExtension.ClientResult<V>, 'value'> {
  private has = false;
  private v: V | undefined = undefined;

  set(v: V): void {
    this.v = v;
    this.has = true;
  }

  get value(): V {
    if (!this.has) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call ' +
          '"context.sync()" on the associated request context.',
      );
    }
    return this.v as V;
  }
}

function clientResult<T, V>(obj: FakeClientObject<T>, compute: (t: T) => V): FakeClientResult<V> {
  const r = strict(new FakeClientResult<V>(), 'ClientResult');
  obj.context.enqueue(() => r.set(compute(obj.target())));
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Workbook, application, worksheets

export class FakeWorkbook
  extends FakeClientObject<WorkbookModel>
  implements Faked<Excel.Workbook, 'worksheets' | 'names' | 'application' | 'notes' | 'settings' | 'getSelectedRange' | 'load'>
{
  private readonly worksheetsObj: FakeWorksheetCollection;
  private readonly settingsObj: FakeSettingCollection;
  private readonly namesObj: FakeNamedItemCollection;
  private readonly applicationObj: FakeApplication;
  private readonly notesObj: FakeNoteCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook', () => ctx.model);
    this.worksheetsObj = strict(new FakeWorksheetCollection(ctx), 'WorksheetCollection');
    this.namesObj = strict(new FakeNamedItemCollection(ctx, () => ({ scopeSheet: null })), 'NamedItemCollection');
    this.applicationObj = strict(new FakeApplication(ctx), 'Application');
    this.notesObj = strict(new FakeNoteCollection(ctx, () => ({ sheet: null })), 'NoteCollection');
    this.settingsObj = strict(new FakeSettingCollection(ctx), 'SettingCollection');
  }

  protected props(): Record<string, PropSpec<WorkbookModel>> {
    return {};
  }

  protected override children(): Record<string, () => LoadNode> {
    return { worksheets: () => this.worksheetsObj, names: () => this.namesObj, settings: () => this.settings };
  }

  get settings(): FakeSettingCollection {
    this.api('1.4', 'settings');
    return this.settingsObj;
  }

  get worksheets(): FakeWorksheetCollection {
    return this.worksheetsObj;
  }

  /** The selection; A1 of the active sheet when nothing was selected through the API (a new workbook). */
  getSelectedRange(): FakeRange {
    return newRange(this.context, () => {
      const m = this.context.model;
      const sel = m.selection && !m.selection.sheet.deleted ? m.selection : null;
      if (sel) return { sheet: sel.sheet, rect: sel.rect };
      const sheet = m.activeSheet ?? m.sheets[0];
      return sheet ? { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
    }).ensureNow();
  }

  get names(): FakeNamedItemCollection {
    return this.namesObj;
  }

  get application(): FakeApplication {
    return this.applicationObj;
  }

  get notes(): FakeNoteCollection {
    this.api('1.18', 'notes');
    return this.notesObj;
  }
}

export class FakeApplication
  extends FakeClientObject<WorkbookModel>
  implements Faked<Excel.Application, 'suspendApiCalculationUntilNextSync'>
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Application', () => ctx.model);
  }

  protected props(): Record<string, PropSpec<WorkbookModel>> {
    return {};
  }

  suspendApiCalculationUntilNextSync(): void {
    this.api('1.6', 'suspendApiCalculationUntilNextSync');
    this.call(() => {
      this.context.host.calculationSuspensions++;
    });
  }
}

export class FakeWorksheetCollection
  extends FakeCollection<WorkbookModel, FakeWorksheet>
  implements
    Faked<
      Excel.WorksheetCollection,
      'items' | 'add' | 'getItem' | 'getItemOrNullObject' | 'getActiveWorksheet' | 'getCount' | 'load'
    >
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection', () => ctx.model);
  }

  private sheet(locate: () => SheetModel | null): FakeWorksheet {
    return strict(new FakeWorksheet(this.context, locate), 'Worksheet');
  }

  protected listItems(t: WorkbookModel): FakeWorksheet[] {
    return t.sheets.map((s) => {
      const w = this.sheet(() => s);
      w.resolveNow();
      return w;
    });
  }

  protected sampleItem(): FakeWorksheet {
    return this.sheet(() => null);
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.call((m) => {
      created = m.addSheet(name ?? m.defaultSheetName());
    });
    return this.sheet(() => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The worksheet was not added.');
      return created;
    });
  }

  getItem(key: string): FakeWorksheet {
    return this.sheet(() => {
      const s = this.context.model.findSheet(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The worksheet "${key}" does not exist.`, 'Worksheets.getItem');
      return s;
    }).ensureNow();
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.api('1.4', 'getItemOrNullObject');
    return this.sheet(() => this.context.model.findSheet(key) ?? null).ensureNow();
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.sheet(() => {
      const s = this.context.model.activeSheet;
      if (!s) throw new FakeOfficeError('ItemNotFound', 'There is no active worksheet.');
      return s;
    }).ensureNow();
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    this.api('1.4', 'getCount');
    void visibleOnly; // every fake sheet is visible
    return clientResult(this, (m) => m.sheets.length);
  }
}

/** Target of a worksheet-scoped or workbook-scoped name collection. */
interface NameScope {
  scopeSheet: SheetModel | null;
}

export class FakeWorksheet
  extends FakeClientObject<SheetModel>
  implements
    Faked<
      Excel.Worksheet,
      | 'id'
      | 'name'
      | 'position'
      | 'visibility'
      | 'isNullObject'
      | 'getRange'
      | 'getRangeByIndexes'
      | 'getUsedRange'
      | 'activate'
      | 'delete'
      | 'freezePanes'
      | 'pageLayout'
      | 'charts'
      | 'protection'
      | 'names'
      | 'notes'
      | 'onChanged'
      | 'load'
    >
{
  private readonly protectionObj: FakeWorksheetProtection;
  private readonly freezePanesObj: FakeWorksheetFreezePanes;
  private readonly pageLayoutObj: FakePageLayout;
  private readonly chartsObj: FakeChartCollection;
  private readonly namesObj: FakeNamedItemCollection;
  private readonly notesObj: FakeNoteCollection;
  private readonly onChangedObj: FakeEventHandlers;

  constructor(ctx: FakeRequestContext, locate: () => SheetModel | null) {
    super(ctx, 'Worksheet', locate);
    const sheet = (): SheetModel => this.target();
    this.protectionObj = strict(new FakeWorksheetProtection(ctx, sheet), 'WorksheetProtection');
    this.freezePanesObj = strict(new FakeWorksheetFreezePanes(ctx, sheet), 'WorksheetFreezePanes');
    this.pageLayoutObj = strict(new FakePageLayout(ctx, sheet), 'PageLayout');
    this.chartsObj = strict(new FakeChartCollection(ctx, sheet), 'ChartCollection');
    this.namesObj = strict(new FakeNamedItemCollection(ctx, () => ({ scopeSheet: sheet() })), 'NamedItemCollection');
    this.notesObj = strict(new FakeNoteCollection(ctx, () => ({ sheet: sheet() })), 'NoteCollection');
    this.onChangedObj = strict(new FakeEventHandlers(ctx, () => this), 'EventHandlers');
  }

  /** @internal queue the resolution and return this (used by collection methods). */
  ensureNow(): this {
    return this.ensure();
  }

  protected props(): Record<string, PropSpec<SheetModel>> {
    return {
      id: { get: (s) => s.id },
      name: { get: (s) => s.name },
      position: { get: (s) => this.context.model.sheets.indexOf(s) },
      visibility: { get: (s) => s.visibility },
    };
  }

  protected override children(): Record<string, () => LoadNode> {
    // Through the getters, so a load path is gated by the member's requirement set too.
    return { protection: () => this.protection, pageLayout: () => this.pageLayout };
  }

  get id(): string {
    return this.read('id');
  }

  get name(): string {
    return this.read('name');
  }

  set name(v: string) {
    this.write('name', v, (s, name) => renameSheet(this.context.model, s, name));
  }

  get position(): number {
    return this.read('position');
  }

  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }

  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.write('visibility', v, (s, value) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `Invalid visibility ${String(value)}.`);
      s.visibility = value;
    });
  }

  set position(v: number) {
    this.write('position', v, (s, pos) => {
      const sheets = this.context.model.sheets;
      if (!Number.isInteger(pos) || pos < 0 || pos >= sheets.length) {
        throw new FakeOfficeError('InvalidArgument', `Invalid worksheet position ${pos}.`);
      }
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(pos, 0, s);
    });
  }

  private range(locateRect: (s: SheetModel) => Rect): FakeRange {
    return newRange(this.context, () => {
      const s = this.target();
      return { sheet: s, rect: locateRect(s) };
    }).ensureNow();
  }

  getRange(address?: string): FakeRange {
    return this.range((s) => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const { sheet, local } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not on worksheet "${s.name}".`);
      }
      const rect = parseRect(local);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
      return rect;
    });
  }

  /**
   * The smallest rectangle holding every cell with content (valuesOnly) or with anything at all (a format,
   * a fill); A1 for an empty sheet, as Excel gives it. Merged areas do not widen it (a guess).
   */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range((s) => {
      let rect: Rect | null = null;
      for (const [k, cell] of s.cells) {
        if (valuesOnly ? cell.value === '' && cell.formula === null : cell.isDefault()) continue;
        const [r, c] = k.split(',').map(Number) as [number, number];
        rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
      return rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.api('1.7', 'getRangeByIndexes');
    return this.range(() => {
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      const ok =
        [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
        rowCount > 0 &&
        columnCount > 0 &&
        rect.r0 >= 0 &&
        rect.c0 >= 0 &&
        rect.r1 < MAX_ROWS &&
        rect.c1 < MAX_COLS;
      if (!ok) throw new FakeOfficeError('InvalidArgument', 'getRangeByIndexes: indexes out of the grid.');
      return rect;
    });
  }

  activate(): void {
    this.call((s) => {
      this.context.model.activeSheet = s;
    });
  }

  delete(): void {
    this.call((s) => deleteSheet(this.context.model, s));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    this.api('1.7', 'freezePanes');
    return this.freezePanesObj;
  }

  get protection(): FakeWorksheetProtection {
    this.api('1.2', 'protection');
    return this.protectionObj;
  }

  get pageLayout(): FakePageLayout {
    this.api('1.9', 'pageLayout');
    return this.pageLayoutObj;
  }

  get charts(): FakeChartCollection {
    return this.chartsObj;
  }

  get names(): FakeNamedItemCollection {
    this.api('1.4', 'names');
    return this.namesObj;
  }

  get notes(): FakeNoteCollection {
    this.api('1.18', 'notes');
    return this.notesObj;
  }

  get onChanged(): FakeEventHandlers {
    this.api('1.7', 'onChanged');
    return this.onChangedObj;
  }
}

function renameSheet(m: WorkbookModel, s: SheetModel, name: string): void {
  checkSheetName(name);
  const other = m.findSheet(name);
  if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
  const oldRef = `${quoteSheet(s.name)}!`;
  const newRef = `${quoteSheet(name)}!`;
  for (const sheet of m.sheets) {
    for (const cell of sheet.cells.values()) {
      if (cell.formula) cell.formula = cell.formula.split(oldRef).join(newRef);
    }
  }
  for (const n of m.names) if (n.ref.kind === 'formula') n.ref.formula = n.ref.formula.split(oldRef).join(newRef);
  s.name = name;
}

/** Deletes a sheet as Excel does: its scoped names go, workbook names that pointed at it become #REF!. */
export function deleteSheet(m: WorkbookModel, s: SheetModel): void {
  if (m.sheets.length <= 1) {
    throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
  }
  const i = m.sheets.indexOf(s);
  m.sheets.splice(i, 1);
  s.deleted = true;
  m.names = m.names.filter((n) => n.scopeSheet !== s);
  for (const n of m.names) if (n.ref.kind === 'range' && n.ref.sheet === s) n.ref = { kind: 'formula', formula: '=#REF!' };
  if (m.activeSheet === s) m.activeSheet = m.sheets[Math.min(i, m.sheets.length - 1)] ?? null;
  if (m.selection?.sheet === s) m.selection = null;
}

export class FakeWorksheetProtection
  extends FakeClientObject<SheetModel>
  implements Faked<Excel.WorksheetProtection, 'protected' | 'protect' | 'unprotect' | 'load'>
{
  constructor(ctx: FakeRequestContext, sheet: () => SheetModel) {
    super(ctx, 'WorksheetProtection', sheet);
  }

  protected props(): Record<string, PropSpec<SheetModel>> {
    return { protected: { get: (s) => s.protected } };
  }

  get protected(): boolean {
    return this.read('protected');
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    if (options !== undefined) throw new FakeNotModelledError('WorksheetProtection.protect(options)');
    this.call((s) => {
      s.protected = true;
      s.password = password;
    });
  }

  unprotect(password?: string): void {
    this.call((s) => {
      if (s.protected && s.password !== undefined && s.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'The password is incorrect.');
      }
      s.protected = false;
      s.password = undefined;
    });
  }
}

export class FakeWorksheetFreezePanes
  extends FakeClientObject<SheetModel>
  implements Faked<Excel.WorksheetFreezePanes, 'freezeAt' | 'freezeRows' | 'freezeColumns' | 'unfreeze'>
{
  constructor(ctx: FakeRequestContext, sheet: () => SheetModel) {
    super(ctx, 'WorksheetFreezePanes', sheet);
  }

  protected props(): Record<string, PropSpec<SheetModel>> {
    return {};
  }

  /**
   * Freezes the cells of `frozenRange` in the top-left pane: "A1:B6" → 6 rows and 2 columns, "1:6" → rows only,
   * "A:B" → columns only. A range that does not start at A1 is not modelled.
   */
  freezeAt(frozenRange: Excel.Range | string): void {
    const arg: unknown = frozenRange;
    this.call((s) => {
      let rect: Rect | null;
      if (arg instanceof FakeRange) {
        const t = arg.target();
        if (t.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'freezeAt: the range is on another worksheet.');
        rect = t.rect;
      } else if (typeof arg === 'string') {
        const { sheet, local } = splitSheet(arg);
        if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) {
          throw new FakeOfficeError('InvalidArgument', 'freezeAt: the range is on another worksheet.');
        }
        rect = parseRect(local);
      } else {
        throw new FakeNotModelledError('WorksheetFreezePanes.freezeAt(null)');
      }
      if (!rect) throw new FakeOfficeError('InvalidArgument', `freezeAt: invalid range ${String(arg)}.`);
      if (rect.r0 !== 0 || rect.c0 !== 0) throw new FakeNotModelledError('freezeAt() with a range that does not start at A1');
      const rows = rect.c1 === MAX_COLS - 1 ? rect.r1 + 1 : rect.r1 === MAX_ROWS - 1 ? 0 : rect.r1 + 1;
      const cols = rect.r1 === MAX_ROWS - 1 ? rect.c1 + 1 : rect.c1 === MAX_COLS - 1 ? 0 : rect.c1 + 1;
      if (rows >= MAX_ROWS || cols >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'freezeAt: cannot freeze the whole sheet.');
      s.frozenRows = rows;
      s.frozenColumns = cols;
    });
  }

  freezeRows(count?: number): void {
    if (count === undefined) throw new FakeNotModelledError('WorksheetFreezePanes.freezeRows() without a count');
    this.call((s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) {
        throw new FakeOfficeError('InvalidArgument', `freezeRows(${count}): invalid count.`);
      }
      s.frozenRows = count;
    });
  }

  freezeColumns(count?: number): void {
    if (count === undefined) throw new FakeNotModelledError('WorksheetFreezePanes.freezeColumns() without a count');
    this.call((s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', `freezeColumns(${count}): invalid count.`);
      }
      s.frozenColumns = count;
    });
  }

  unfreeze(): void {
    this.call((s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Events

export class FakeEventHandlerResult implements Faked<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, 'remove'> {
  constructor(
    private readonly owner: FakeEventHandlers,
    private readonly handler: ChangeHandler,
  ) {}

  remove(): void {
    this.owner.removeHandler(this.handler);
  }
}

export class FakeEventHandlers
  implements Faked<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, 'add'>
{
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly worksheet: () => FakeWorksheet,
  ) {}

  /** Registration, like removal, takes effect at the next sync. */
  add(handler: (eventArgs: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    const ws = this.worksheet();
    this.ctx.enqueue(() => {
      ws.target().changeHandlers.push(handler);
    });
    return strict(new FakeEventHandlerResult(this, handler), 'EventHandlerResult');
  }

  removeHandler(handler: ChangeHandler): void {
    const ws = this.worksheet();
    this.ctx.enqueue(() => {
      const list = ws.target().changeHandlers;
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class FakeWorksheetChangedEventArgs
  implements
    Faked<
      Excel.WorksheetChangedEventArgs,
      'address' | 'changeType' | 'source' | 'type' | 'worksheetId' | 'triggerSource' | 'getRange' | 'getRangeOrNullObject'
    >
{
  readonly address: string;
  readonly changeType: 'RangeEdited' | 'RowInserted';
  readonly source = 'Local' as const;
  readonly type = 'WorksheetChanged' as const;
  readonly worksheetId: string;
  readonly triggerSource: 'ThisLocalAddin' | 'Unknown';

  constructor(private readonly change: PendingChange, omitTriggerSource = false) {
    this.address = rectA1(change.rect);
    this.changeType = change.changeType;
    this.worksheetId = change.sheet.id;
    // Before ExcelApi 1.14 the event has no triggerSource: the field reads undefined.
    this.triggerSource = (omitTriggerSource ? undefined : change.triggerSource) as 'ThisLocalAddin' | 'Unknown';
  }

  getRange(ctx: Excel.RequestContext): FakeRange {
    const fctx = ctx as unknown as FakeRequestContext;
    const { sheet, rect } = this.change;
    return newRange(fctx, () => ({ sheet, rect })).ensureNow();
  }

  getRangeOrNullObject(ctx: Excel.RequestContext): FakeRange {
    const fctx = ctx as unknown as FakeRequestContext;
    const { sheet, rect } = this.change;
    return newRange(fctx, () => (sheet.deleted ? null : { sheet, rect })).ensureNow();
  }
}

export function newChangedEventArgs(change: PendingChange, omitTriggerSource = false): Excel.WorksheetChangedEventArgs {
  return strict(new FakeWorksheetChangedEventArgs(change, omitTriggerSource), 'WorksheetChangedEventArgs') as unknown as Excel.WorksheetChangedEventArgs;
}

// ---------------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

interface AreasTarget {
  sheet: SheetModel;
  areas: Rect[];
}

/** Only what reading merged areas needs: the comma-separated address and the count. */
export class FakeRangeAreas
  extends FakeClientObject<AreasTarget>
  implements Faked<Excel.RangeAreas, 'address' | 'areaCount' | 'isNullObject' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => AreasTarget | null) {
    super(ctx, 'RangeAreas', locate);
  }

  /** @internal */
  ensureNow(): this {
    return this.ensure();
  }

  protected props(): Record<string, PropSpec<AreasTarget>> {
    return {
      address: { get: (t) => t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rectA1(a)}`).join(',') },
      areaCount: { get: (t) => t.areas.length },
    };
  }

  get address(): string {
    return this.read('address');
  }

  get areaCount(): number {
    return this.read('areaCount');
  }
}

export function newRange(ctx: FakeRequestContext, locate: () => RangeTarget | null): FakeRange {
  return strict(new FakeRange(ctx, locate), 'Range');
}

const SHAPE_ERROR =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

type CellKind = 'values' | 'formulas' | 'numberFormat';

export class FakeRange
  extends FakeClientObject<RangeTarget>
  implements
    Faked<
      Excel.Range,
      | 'address'
      | 'values'
      | 'valueTypes'
      | 'formulas'
      | 'numberFormat'
      | 'text'
      | 'rowIndex'
      | 'columnIndex'
      | 'rowCount'
      | 'columnCount'
      | 'isNullObject'
      | 'format'
      | 'dataValidation'
      | 'conditionalFormats'
      | 'worksheet'
      | 'getCell'
      | 'getEntireRow'
      | 'getMergedAreasOrNullObject'
      | 'insert'
      | 'merge'
      | 'select'
      | 'clear'
      | 'load'
    >
{
  private readonly formatObj: FakeRangeFormat;
  private readonly dataValidationObj: FakeDataValidation;
  private readonly conditionalFormatsObj: FakeConditionalFormatCollection;
  private readonly worksheetObj: FakeWorksheet;

  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null) {
    super(ctx, 'Range', locate);
    const t = (): RangeTarget => this.target();
    this.formatObj = strict(new FakeRangeFormat(ctx, t), 'RangeFormat');
    this.dataValidationObj = strict(new FakeDataValidation(ctx, t), 'DataValidation');
    this.conditionalFormatsObj = strict(new FakeConditionalFormatCollection(ctx, t), 'ConditionalFormatCollection');
    this.worksheetObj = strict(new FakeWorksheet(ctx, () => t().sheet), 'Worksheet');
  }

  /** @internal */
  ensureNow(): this {
    return this.ensure();
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    return {
      address: { get: (t) => `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}` },
      rowIndex: { get: (t) => t.rect.r0 },
      columnIndex: { get: (t) => t.rect.c0 },
      rowCount: { get: (t) => t.rect.r1 - t.rect.r0 + 1 },
      columnCount: { get: (t) => t.rect.c1 - t.rect.c0 + 1 },
      values: { get: (t) => this.grid(t, (cell, r, c) => this.cellValue(t.sheet, cell, r, c)) },
      valueTypes: { get: (t) => this.grid(t, (cell, r, c) => this.cellValueType(t.sheet, cell, r, c)) },
      formulas: {
        get: (t) => this.grid(t, (cell, r, c) => cell?.formula ?? this.cellValue(t.sheet, cell, r, c)),
      },
      numberFormat: { get: (t) => this.grid(t, (cell) => cell?.numberFormat ?? 'General') },
      text: {
        get: (t) =>
          this.grid(t, (cell, r, c) => displayText(this.cellValue(t.sheet, cell, r, c), cell?.numberFormat ?? 'General')),
      },
    };
  }

  protected override children(): Record<string, () => LoadNode> {
    return {
      format: () => this.formatObj,
      dataValidation: () => this.dataValidationObj,
      worksheet: () => this.worksheetObj,
    };
  }

  private grid<V>(t: RangeTarget, fn: (cell: CellData | undefined, r: number, c: number) => V): V[][] {
    if (rectCells(t.rect) > 1_000_000) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    const out: V[][] = [];
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      const row: V[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(fn(t.sheet.peek(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  private cellValue(sheet: SheetModel, cell: CellData | undefined, r: number, c: number): Scalar {
    if (!cell) return '';
    if (cell.value !== undefined) return cell.value;
    const address = `${quoteSheet(sheet.name)}!${rectA1({ r0: r, c0: c, r1: r, c1: c })}`;
    const computed = cell.formula !== null ? this.context.host.evaluate?.(cell.formula, { sheet: sheet.name, address }) : undefined;
    if (computed === undefined) {
      throw new FakeNotModelledError(
        `the value of formula cell ${address} (${cell.formula ?? ''}): the fake does not calculate. ` +
          'Give the cell a value with fake.setCell(sheet, address, { formula, value }) or pass { evaluate } ' +
          'to new FakeExcel(),',
      );
    }
    return computed;
  }

  /** Empty, String, Double (every number), Boolean or Error — what Excel reports. */
  private cellValueType(sheet: SheetModel, cell: CellData | undefined, r: number, c: number): string {
    if (!cell) return 'Empty';
    const v = this.cellValue(sheet, cell, r, c);
    if (cell.formula === null) {
      if (cell.error) return 'Error';
      if (v === '') return 'Empty';
    } else if (typeof v === 'string' && ERROR_LITERALS.has(v)) {
      return 'Error'; // a formula's result given as "#DIV/0!" is the error value
    }
    return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
  }

  private writeCells(kind: CellKind, input: unknown): void {
    this.write(kind, input, (t, v) => {
      const rows = t.rect.r1 - t.rect.r0 + 1;
      const cols = t.rect.c1 - t.rect.c0 + 1;
      let at: (i: number, j: number) => unknown;
      if (Array.isArray(v)) {
        const okShape = v.length === rows && v.every((row) => Array.isArray(row) && row.length === cols);
        if (!okShape) throw new FakeOfficeError('InvalidArgument', SHAPE_ERROR, `Range.${kind}`);
        at = (i, j) => (v[i] as unknown[])[j];
      } else {
        at = () => v; // Excel applies a single value to every cell
      }
      this.context.assertEditable(t.sheet, `Range.${kind} = …`);
      let changed = false;
      t.sheet.forEachCell(t.rect, `Range.${kind}`, (cell, r, c) => {
        const x = at(r - t.rect.r0, c - t.rect.c0);
        if (x === null || x === undefined) return;
        if (kind === 'numberFormat') {
          if (typeof x !== 'string' && typeof x !== 'number') {
            throw new FakeOfficeError('InvalidArgument', `Invalid number format ${String(x)}.`);
          }
          cell.numberFormat = String(x);
          return;
        }
        const coerced = coerceInput(x, cell.numberFormat);
        if (!coerced) return;
        cell.setContent(coerced.formula !== null ? undefined : coerced.value, coerced.formula, coerced.error);
        changed = true;
      });
      if (changed) {
        this.context.changes.push({ sheet: t.sheet, rect: t.rect, changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' });
      }
    });
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get text(): string[][] {
    return this.read('text');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this.read('values');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this.writeCells('values', v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.read('formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this.writeCells('formulas', v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.read('numberFormat');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this.writeCells('numberFormat', v);
  }

  get format(): FakeRangeFormat {
    return this.formatObj;
  }

  get dataValidation(): FakeDataValidation {
    this.api('1.8', 'dataValidation');
    return this.dataValidationObj;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.api('1.6', 'conditionalFormats');
    return this.conditionalFormatsObj;
  }

  get worksheet(): FakeWorksheet {
    return this.worksheetObj;
  }

  getCell(row: number, column: number): FakeRange {
    return newRange(this.context, () => {
      const t = this.target();
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      if (!Number.isInteger(row) || !Number.isInteger(column) || r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', `getCell(${row}, ${column}) is outside the grid.`);
      }
      return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    }).ensureNow();
  }

  /** The merged areas that meet the range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.api('1.13', 'getMergedAreasOrNullObject');
    return strict(new FakeRangeAreas(this.context, () => {
      const t = this.target();
      const areas = t.sheet.merges.filter((m) => intersects(m, t.rect));
      return areas.length ? { sheet: t.sheet, areas } : null;
    }), 'RangeAreas').ensureNow();
  }

  getEntireRow(): FakeRange {
    return newRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { r0: t.rect.r0, c0: 0, r1: t.rect.r1, c1: MAX_COLS - 1 } };
    }).ensureNow();
  }

  /** Only whole rows shifted down are modelled (cells, names, formulas, formats and CF move). */
  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): FakeRange {
    if (shift !== 'Down') throw new FakeNotModelledError(`Range.insert("${String(shift)}")`);
    this.call((t) => {
      if (!isWholeRows(t.rect)) {
        throw new FakeNotModelledError('Range.insert() on a range that is not whole rows (use "5:7" or getEntireRow())');
      }
      this.context.assertEditable(t.sheet, 'Range.insert');
      insertRows(this.context.model, t.sheet, t.rect.r0, t.rect.r1 - t.rect.r0 + 1);
      this.context.changes.push({ sheet: t.sheet, rect: t.rect, changeType: 'RowInserted', triggerSource: 'ThisLocalAddin' });
    });
    return newRange(this.context, () => this.target());
  }

  merge(across?: boolean): void {
    this.api('1.2', 'merge');
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'Range.merge');
      const areas: Rect[] = across
        ? Array.from({ length: t.rect.r1 - t.rect.r0 + 1 }, (_, i) => ({ ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i }))
        : [t.rect];
      for (const a of areas) {
        if (t.sheet.merges.some((m) => intersects(m, a))) {
          throw new FakeNotModelledError('Range.merge() over an already merged area');
        }
        if (rectCells(a) < 2) continue;
        t.sheet.forEachCell(a, 'Range.merge', (cell, r, c) => {
          if (r === a.r0 && c === a.c0) return;
          cell.setContent('', null);
        });
        t.sheet.merges.push(a);
      }
    });
  }

  select(): void {
    this.call((t) => {
      const m = this.context.model;
      m.activeSheet = t.sheet;
      m.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  clear(
    applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents',
  ): void {
    const how = applyTo ?? 'All';
    if (how !== 'All' && how !== 'Formats' && how !== 'Contents') {
      throw new FakeNotModelledError(`Range.clear("${String(how)}")`);
    }
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'Range.clear');
      const contents = how === 'All' || how === 'Contents';
      const formats = how === 'All' || how === 'Formats';
      if (formats) removeConditionalFormats(t.sheet, t.rect, 'Range.clear');
      for (const { r, c, cell } of t.sheet.existingCells(t.rect)) {
        if (contents) {
          cell.setContent('', null);
        }
        if (formats) {
          const validation = cell.validation;
          cell.clearFormat();
          cell.validation = validation; // data validation is not a format: clear("Formats") keeps it
        }
        if (how === 'All') cell.note = null;
        t.sheet.prune(r, c);
      }
      if (contents) {
        this.context.changes.push({ sheet: t.sheet, rect: t.rect, changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' });
      }
    });
  }
}

/** Removes the conditional formats lying inside `rect`; a partial overlap is not modelled. */
function removeConditionalFormats(sheet: SheetModel, rect: Rect, what: string): void {
  const keep: CfModel[] = [];
  for (const cf of sheet.conditionalFormats) {
    if (!intersects(cf.rect, rect)) keep.push(cf);
    else if (!contains(rect, cf.rect)) {
      throw new FakeNotModelledError(`${what} over part of a conditional format's range`);
    }
  }
  sheet.conditionalFormats = keep;
}

/** Inserts `n` blank rows before row `at` of `sheet` and moves everything that refers below it. */
export function insertRows(m: WorkbookModel, sheet: SheetModel, at: number, n: number): void {
  const moved = new Map<string, CellData>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    if (r + n >= MAX_ROWS && r >= at) {
      if (!cell.isDefault()) throw new FakeOfficeError('InvalidOperation', 'Cannot shift non-blank cells off the worksheet.');
      continue;
    }
    moved.set(SheetModel.key(r >= at ? r + n : r, c), cell);
  }
  sheet.cells.clear();
  for (const [k, v] of moved) sheet.cells.set(k, v);
  // Inserted rows take the format of the row above, as in Excel.
  if (at > 0) {
    for (const { c, cell } of sheet.existingCells({ r0: at - 1, c0: 0, r1: at - 1, c1: MAX_COLS - 1 })) {
      for (let r = at; r < at + n; r++) {
        const fresh = sheet.cell(r, c);
        fresh.copyFormatFrom(cell);
        sheet.prune(r, c);
      }
    }
  }
  sheet.merges = sheet.merges.map((r) => shiftRectForRowInsert(r, at, n));
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRectForRowInsert(cf.rect, at, n);
  for (const name of m.names) {
    if (name.ref.kind === 'range' && name.ref.sheet === sheet) name.ref.rect = shiftRectForRowInsert(name.ref.rect, at, n);
    else if (name.ref.kind === 'formula') {
      const home = name.scopeSheet?.name ?? sheet.name;
      name.ref.formula = shiftFormulaForRowInsert(name.ref.formula, home, sheet.name, at, n);
    }
  }
  for (const s of m.sheets) {
    for (const cell of s.cells.values()) {
      if (cell.formula) cell.formula = shiftFormulaForRowInsert(cell.formula, s.name, sheet.name, at, n);
    }
    for (const cf of s.conditionalFormats) {
      if (cf.rule.type === 'Custom') cf.rule.formula = shiftFormulaForRowInsert(cf.rule.formula, s.name, sheet.name, at, n);
    }
  }
  const sel = m.selection;
  if (sel && sel.sheet === sheet) sel.rect = shiftRectForRowInsert(sel.rect, at, n);
}

/** Value shared by every cell of the range, or null when they differ (Excel's convention). */
function uniform<V>(t: RangeTarget, read: (cell: CellData | undefined) => V): V | null {
  const total = rectCells(t.rect);
  const seen = new Set<string>();
  let first: V | undefined;
  const note = (v: V): void => {
    if (seen.size === 0) first = v;
    seen.add(JSON.stringify(v));
  };
  if (total <= 200000) {
    for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) note(read(t.sheet.peek(r, c)));
  } else {
    const cells = t.sheet.existingCells(t.rect);
    cells.forEach(({ cell }) => note(read(cell)));
    if (cells.length < total) note(read(undefined));
  }
  return seen.size === 1 ? (first as V) : null;
}

export class FakeRangeFormat
  extends FakeClientObject<RangeTarget>
  implements
    Faked<
      Excel.RangeFormat,
      'fill' | 'font' | 'borders' | 'columnWidth' | 'rowHeight' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'load'
    >
{
  private readonly fillObj: FakeRangeFill;
  private readonly fontObj: FakeRangeFont;
  private readonly bordersObj: FakeRangeBorderCollection;

  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'RangeFormat', range);
    this.fillObj = strict(new FakeRangeFill(ctx, range), 'RangeFill');
    this.fontObj = strict(new FakeRangeFont(ctx, range), 'RangeFont');
    this.bordersObj = strict(new FakeRangeBorderCollection(ctx, range), 'RangeBorderCollection');
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    return {
      columnWidth: {
        since: '1.2',
        get: (t) => {
          const widths = new Set<number>();
          for (let c = t.rect.c0; c <= t.rect.c1; c++) widths.add(t.sheet.columnWidth(c));
          return widths.size === 1 ? [...widths][0] : null;
        },
      },
      rowHeight: {
        since: '1.2',
        get: (t) => {
          const heights = new Set<number>();
          let custom = 0;
          for (const [r, h] of t.sheet.rowHeights) {
            if (r < t.rect.r0 || r > t.rect.r1) continue;
            heights.add(h);
            custom++;
          }
          if (custom < t.rect.r1 - t.rect.r0 + 1) heights.add(DEFAULT_ROW_HEIGHT);
          return heights.size === 1 ? [...heights][0] : null;
        },
      },
      wrapText: { get: (t) => uniform(t, (cell) => cell?.wrapText ?? false) },
      horizontalAlignment: { get: (t) => uniform(t, (cell) => cell?.horizontalAlignment ?? 'General') },
      verticalAlignment: { get: (t) => uniform(t, (cell) => cell?.verticalAlignment ?? 'Bottom') },
    };
  }

  protected override children(): Record<string, () => LoadNode> {
    return { fill: () => this.fillObj, font: () => this.fontObj };
  }

  get borders(): FakeRangeBorderCollection {
    return this.bordersObj;
  }

  get rowHeight(): number {
    return this.read('rowHeight');
  }

  set rowHeight(v: number) {
    this.write('rowHeight', v, (t, h) => {
      if (typeof h !== 'number' || !(h >= 0 && h <= 409)) throw new FakeOfficeError('InvalidArgument', `Invalid row height ${h}.`);
      this.context.assertEditable(t.sheet, 'RangeFormat.rowHeight');
      if (rectCells({ ...t.rect, c0: 0, c1: 0 }) > 200000) throw new FakeNotModelledError('RangeFormat.rowHeight on more than 200 000 rows');
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, h);
    });
  }

  get horizontalAlignment(): Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed' {
    return this.read('horizontalAlignment');
  }

  set horizontalAlignment(v: Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed') {
    this.write('horizontalAlignment', v, (t, a) => {
      const ok = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
      if (!ok.includes(String(a))) throw new FakeOfficeError('InvalidArgument', `Invalid horizontal alignment ${String(a)}.`);
      this.context.assertEditable(t.sheet, 'RangeFormat.horizontalAlignment');
      t.sheet.forEachCell(t.rect, 'RangeFormat.horizontalAlignment', (cell) => {
        cell.horizontalAlignment = String(a);
      });
    });
  }

  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    return this.read('verticalAlignment');
  }

  set verticalAlignment(v: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed') {
    this.write('verticalAlignment', v, (t, a) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(a))) {
        throw new FakeOfficeError('InvalidArgument', `Invalid vertical alignment ${String(a)}.`);
      }
      this.context.assertEditable(t.sheet, 'RangeFormat.verticalAlignment');
      t.sheet.forEachCell(t.rect, 'RangeFormat.verticalAlignment', (cell) => {
        cell.verticalAlignment = String(a);
      });
    });
  }

  get fill(): FakeRangeFill {
    return this.fillObj;
  }

  get font(): FakeRangeFont {
    return this.fontObj;
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }

  set columnWidth(v: number) {
    this.write('columnWidth', v, (t, w) => {
      if (typeof w !== 'number' || !(w >= 0)) throw new FakeOfficeError('InvalidArgument', `Invalid column width ${w}.`);
      this.context.assertEditable(t.sheet, 'RangeFormat.columnWidth');
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, w);
    });
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }

  set wrapText(v: boolean) {
    this.write('wrapText', v, (t, w) => {
      this.context.assertEditable(t.sheet, 'RangeFormat.wrapText');
      t.sheet.forEachCell(t.rect, 'RangeFormat.wrapText', (cell) => {
        cell.wrapText = Boolean(w);
      });
    });
  }
}

export class FakeRangeFill
  extends FakeClientObject<RangeTarget>
  implements Faked<Excel.RangeFill, 'color' | 'clear' | 'load'>
{
  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'RangeFill', range);
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    // No fill reads as white, as in Excel; null when the cells differ.
    return { color: { get: (t) => uniform(t, (cell) => cell?.fill ?? '#FFFFFF') } };
  }

  get color(): string {
    return this.read('color');
  }

  set color(v: string) {
    this.write('color', v, (t, c) => {
      const color = normalizeColor(c);
      this.context.assertEditable(t.sheet, 'RangeFill.color');
      t.sheet.forEachCell(t.rect, 'RangeFill.color', (cell) => {
        cell.fill = color;
      });
    });
  }

  clear(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'RangeFill.clear');
      for (const { r, c, cell } of t.sheet.existingCells(t.rect)) {
        cell.fill = null;
        t.sheet.prune(r, c);
      }
    });
  }
}

export class FakeRangeFont
  extends FakeClientObject<RangeTarget>
  implements Faked<Excel.RangeFont, 'bold' | 'italic' | 'name' | 'size' | 'color' | 'load'>
{
  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'RangeFont', range);
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    return {
      bold: { get: (t) => uniform(t, (cell) => cell?.bold ?? false) },
      italic: { get: (t) => uniform(t, (cell) => cell?.italic ?? false) },
      name: { get: (t) => uniform(t, (cell) => cell?.fontName ?? DEFAULT_FONT_NAME) },
      size: { get: (t) => uniform(t, (cell) => cell?.fontSize ?? DEFAULT_FONT_SIZE) },
      color: { get: (t) => uniform(t, (cell) => cell?.fontColor ?? '#000000') },
    };
  }

  get italic(): boolean {
    return this.read('italic');
  }

  set italic(v: boolean) {
    this.write('italic', v, (t, b) => {
      this.context.assertEditable(t.sheet, 'RangeFont.italic');
      t.sheet.forEachCell(t.rect, 'RangeFont.italic', (cell) => {
        cell.italic = Boolean(b);
      });
    });
  }

  get name(): string {
    return this.read('name');
  }

  set name(v: string) {
    this.write('name', v, (t, n) => {
      if (typeof n !== 'string' || !n.trim()) throw new FakeOfficeError('InvalidArgument', `Invalid font name ${String(n)}.`);
      this.context.assertEditable(t.sheet, 'RangeFont.name');
      t.sheet.forEachCell(t.rect, 'RangeFont.name', (cell) => {
        cell.fontName = n;
      });
    });
  }

  get size(): number {
    return this.read('size');
  }

  set size(v: number) {
    this.write('size', v, (t, n) => {
      if (typeof n !== 'number' || !(n >= 1 && n <= 409)) throw new FakeOfficeError('InvalidArgument', `Invalid font size ${String(n)}.`);
      this.context.assertEditable(t.sheet, 'RangeFont.size');
      t.sheet.forEachCell(t.rect, 'RangeFont.size', (cell) => {
        cell.fontSize = n;
      });
    });
  }

  get bold(): boolean {
    return this.read('bold');
  }

  set bold(v: boolean) {
    this.write('bold', v, (t, b) => {
      this.context.assertEditable(t.sheet, 'RangeFont.bold');
      t.sheet.forEachCell(t.rect, 'RangeFont.bold', (cell) => {
        cell.bold = Boolean(b);
      });
    });
  }

  get color(): string {
    return this.read('color');
  }

  set color(v: string) {
    this.write('color', v, (t, c) => {
      const color = normalizeColor(c);
      this.context.assertEditable(t.sheet, 'RangeFont.color');
      t.sheet.forEachCell(t.rect, 'RangeFont.color', (cell) => {
        cell.fontColor = color;
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Borders (ExcelApi 1.1): line style per side of each cell; colour, weight and diagonals are not modelled.

type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
const BORDER_SIDES: readonly string[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
const BORDER_STYLES: readonly string[] = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];

interface BorderTarget {
  range: RangeTarget;
  side: BorderSide;
}

/** The cell sides a range border stands for: EdgeTop → top of the first row, InsideHorizontal → between rows… */
function borderEdges(rect: Rect, side: BorderSide, r: number, c: number): Array<keyof CellBorders> {
  switch (side) {
    case 'EdgeTop': return r === rect.r0 ? ['top'] : [];
    case 'EdgeBottom': return r === rect.r1 ? ['bottom'] : [];
    case 'EdgeLeft': return c === rect.c0 ? ['left'] : [];
    case 'EdgeRight': return c === rect.c1 ? ['right'] : [];
    case 'InsideHorizontal': return [...(r > rect.r0 ? (['top'] as const) : []), ...(r < rect.r1 ? (['bottom'] as const) : [])];
    case 'InsideVertical': return [...(c > rect.c0 ? (['left'] as const) : []), ...(c < rect.c1 ? (['right'] as const) : [])];
  }
}

export class FakeRangeBorderCollection
  extends FakeClientObject<RangeTarget>
  implements Faked<Excel.RangeBorderCollection, 'getItem'>
{
  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'RangeBorderCollection', range);
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    return {};
  }

  getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): FakeRangeBorder {
    const side: unknown = index;
    if (typeof side !== 'string' || !BORDER_SIDES.includes(side)) {
      if (side === 'DiagonalDown' || side === 'DiagonalUp') throw new FakeNotModelledError(`RangeBorderCollection.getItem("${side}")`);
      throw new FakeOfficeError('InvalidArgument', `Invalid border index ${String(side)}.`);
    }
    return strict(new FakeRangeBorder(this.context, () => ({ range: this.target(), side: side as BorderSide })), 'RangeBorder');
  }
}

export class FakeRangeBorder
  extends FakeClientObject<BorderTarget>
  implements Faked<Excel.RangeBorder, 'style' | 'sideIndex' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => BorderTarget) {
    super(ctx, 'RangeBorder', locate);
  }

  protected props(): Record<string, PropSpec<BorderTarget>> {
    return {
      sideIndex: { get: (t) => t.side },
      style: {
        get: (t) => {
          const { sheet, rect } = t.range;
          if (rectCells(rect) > 200000) throw new FakeNotModelledError('reading RangeBorder.style on more than 200 000 cells');
          const seen = new Set<string>();
          for (let r = rect.r0; r <= rect.r1; r++) {
            for (let c = rect.c0; c <= rect.c1; c++) {
              for (const e of borderEdges(rect, t.side, r, c)) seen.add(sheet.peek(r, c)?.borders[e] ?? 'None');
            }
          }
          return seen.size === 0 ? 'None' : seen.size === 1 ? [...seen][0] : null;
        },
      },
    };
  }

  get sideIndex(): Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp' {
    return this.read('sideIndex');
  }

  get style(): Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot' {
    return this.read('style');
  }

  set style(v: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot') {
    this.write('style', v, (t, st) => {
      if (!BORDER_STYLES.includes(String(st))) throw new FakeOfficeError('InvalidArgument', `Invalid border style ${String(st)}.`);
      const { sheet, rect } = t.range;
      this.context.assertEditable(sheet, 'RangeBorder.style');
      sheet.forEachCell(rect, 'RangeBorder.style', (cell, r, c) => {
        const edges = borderEdges(rect, t.side, r, c);
        if (edges.length === 0) return;
        const next = { ...cell.borders };
        for (const e of edges) next[e] = String(st);
        cell.borders = next;
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Page layout (ExcelApi 1.9): orientation, paper size, zoom and print title rows.

const PAPER_SIZES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman'];

type PaperSize = Excel.PageLayout['paperSize'];

export class FakePageLayout
  extends FakeClientObject<SheetModel>
  implements Faked<Excel.PageLayout, 'orientation' | 'paperSize' | 'zoom' | 'setPrintTitleRows' | 'load'>
{
  constructor(ctx: FakeRequestContext, sheet: () => SheetModel) {
    super(ctx, 'PageLayout', sheet);
  }

  protected props(): Record<string, PropSpec<SheetModel>> {
    return {
      orientation: { get: (s) => s.pageLayout.orientation },
      paperSize: { get: (s) => s.pageLayout.paperSize },
      zoom: { get: (s) => clone(s.pageLayout.zoom) },
    };
  }

  private set(prop: keyof PageLayoutModel, value: unknown, check: (v: unknown) => boolean): void {
    this.write(prop, value, (s, v) => {
      if (!check(v)) throw new FakeOfficeError('InvalidArgument', `Invalid PageLayout.${prop}: ${JSON.stringify(v)}.`);
      (s.pageLayout as unknown as Record<string, unknown>)[prop] = clone(v);
    });
  }

  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    return this.read('orientation');
  }

  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.set('orientation', v, (x) => x === 'Portrait' || x === 'Landscape');
  }

  get paperSize(): PaperSize {
    return this.read('paperSize');
  }

  set paperSize(v: PaperSize) {
    this.set('paperSize', v, (x) => PAPER_SIZES.includes(String(x)));
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom');
  }

  /** Either a scale (10–400 %) or fit-to-pages counts (0 = automatic), as Excel accepts them. */
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set('zoom', v, (x) => {
      if (!x || typeof x !== 'object') return false;
      const z = x as Excel.PageLayoutZoomOptions;
      const pages = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
      if (z.scale !== undefined) return z.horizontalFitToPages === undefined && z.verticalFitToPages === undefined && z.scale >= 10 && z.scale <= 400;
      return (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) && pages(z.horizontalFitToPages) && pages(z.verticalFitToPages);
    });
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const arg: unknown = printTitleRows;
    this.call((s) => {
      let rect: Rect | null = null;
      if (arg instanceof FakeRange) {
        const t = arg.target();
        if (t.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'setPrintTitleRows: the range is on another worksheet.');
        rect = t.rect;
      } else if (typeof arg === 'string') {
        rect = parseRect(splitSheet(arg).local);
      }
      if (!rect || !isWholeRows(rect)) {
        throw new FakeOfficeError('InvalidArgument', `setPrintTitleRows: "${String(arg)}" is not a range of whole rows.`);
      }
      s.pageLayout.printTitleRows = { r0: rect.r0, r1: rect.r1 };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Workbook settings (ExcelApi 1.4): saved in the workbook, values kept as JSON.

interface SettingTarget {
  key: string;
}

function serializeSetting(value: unknown): string {
  if (value instanceof Date) throw new FakeNotModelledError('a Date as a setting value');
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new FakeOfficeError('InvalidArgument', `A setting cannot hold a value of type ${typeof value}.`);
  }
  return JSON.stringify(value);
}

export class FakeSettingCollection
  extends FakeCollection<WorkbookModel, FakeSetting>
  implements Faked<Excel.SettingCollection, 'items' | 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'load'>
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'SettingCollection', () => ctx.model);
  }

  private setting(locate: () => SettingTarget | null): FakeSetting {
    return strict(new FakeSetting(this.context, locate), 'Setting');
  }

  protected listItems(m: WorkbookModel): FakeSetting[] {
    return [...m.settings.keys()].map((key) => {
      const o = this.setting(() => ({ key }));
      o.resolveNow();
      return o;
    });
  }

  protected sampleItem(): FakeSetting {
    return this.setting(() => null);
  }

  /** Sets or adds the setting (an existing key is overwritten, as Excel does). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(key: string, value: any): FakeSetting {
    this.api('1.4', 'add');
    const v: unknown = value;
    this.call((m) => {
      if (typeof key !== 'string' || key === '') throw new FakeOfficeError('InvalidArgument', 'A setting key must be a non-empty string.');
      m.settings.set(key, serializeSetting(v));
    });
    return this.setting(() => (this.context.model.settings.has(key) ? { key } : null));
  }

  getItem(key: string): FakeSetting {
    this.api('1.4', 'getItem');
    return this.setting(() => {
      if (!this.context.model.settings.has(key)) throw new FakeOfficeError('ItemNotFound', `The setting "${key}" does not exist.`);
      return { key };
    }).ensureNow();
  }

  getItemOrNullObject(key: string): FakeSetting {
    this.api('1.4', 'getItemOrNullObject');
    return this.setting(() => (this.context.model.settings.has(key) ? { key } : null)).ensureNow();
  }

  getCount(): FakeClientResult<number> {
    this.api('1.4', 'getCount');
    return clientResult(this, (m) => m.settings.size);
  }
}

export class FakeSetting
  extends FakeClientObject<SettingTarget>
  implements Faked<Excel.Setting, 'key' | 'value' | 'isNullObject' | 'delete' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => SettingTarget | null) {
    super(ctx, 'Setting', locate);
  }

  /** @internal */
  ensureNow(): this {
    return this.ensure();
  }

  private stored(t: SettingTarget): string {
    const v = this.context.model.settings.get(t.key);
    if (v === undefined) throw new FakeOfficeError('ItemNotFound', `The setting "${t.key}" was deleted.`);
    return v;
  }

  protected props(): Record<string, PropSpec<SettingTarget>> {
    return {
      key: { get: (t) => t.key },
      value: { get: (t) => JSON.parse(this.stored(t)) as unknown },
    };
  }

  get key(): string {
    return this.read('key');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.read('value');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set value(v: any) {
    this.write('value', v as unknown, (t, x) => {
      this.stored(t);
      this.context.model.settings.set(t.key, serializeSetting(x));
    });
  }

  delete(): void {
    this.call((t) => {
      this.stored(t);
      this.context.model.settings.delete(t.key);
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

const RULE_KEYS = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'] as const;
const RULE_TYPE: Record<(typeof RULE_KEYS)[number], string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

function ruleType(rule: Excel.DataValidationRule): string {
  const key = RULE_KEYS.find((k) => rule[k] !== undefined);
  return key ? RULE_TYPE[key] : 'None';
}

const DEFAULT_PROMPT: Excel.DataValidationPrompt = { message: '', showPrompt: false, title: '' };
const DEFAULT_ALERT: Excel.DataValidationErrorAlert = { message: '', showAlert: true, style: 'Stop', title: '' };

export class FakeDataValidation
  extends FakeClientObject<RangeTarget>
  implements Faked<Excel.DataValidation, 'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks' | 'type' | 'clear' | 'load'>
{
  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'DataValidation', range);
  }

  protected props(): Record<string, PropSpec<RangeTarget>> {
    const v = (t: RangeTarget): ValidationModel | null | 'mixed' => {
      const u = uniform(t, (cell) => cell?.validation ?? null);
      return u === null && rectCells(t.rect) > 1 && this.hasMixed(t) ? 'mixed' : u;
    };
    return {
      type: {
        get: (t) => {
          const x = v(t);
          return x === 'mixed' ? 'Inconsistent' : x ? ruleType(x.rule) : 'None';
        },
      },
      rule: {
        get: (t) => {
          const x = v(t);
          return x && x !== 'mixed' ? clone(x.rule) : {};
        },
      },
      prompt: {
        get: (t) => {
          const x = v(t);
          return clone(x && x !== 'mixed' && x.prompt ? x.prompt : DEFAULT_PROMPT);
        },
      },
      errorAlert: {
        get: (t) => {
          const x = v(t);
          return clone(x && x !== 'mixed' && x.errorAlert ? x.errorAlert : DEFAULT_ALERT);
        },
      },
      ignoreBlanks: {
        get: (t) => {
          const x = v(t);
          return x && x !== 'mixed' ? x.ignoreBlanks : true;
        },
      },
    };
  }

  private hasMixed(t: RangeTarget): boolean {
    const seen = new Set<string>();
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) seen.add(JSON.stringify(t.sheet.peek(r, c)?.validation ?? null));
    }
    return seen.size > 1;
  }

  private update(what: string, change: (old: ValidationModel | null) => ValidationModel | null): (t: RangeTarget) => void {
    return (t) => {
      this.context.assertEditable(t.sheet, `DataValidation.${what}`);
      const cache = new Map<ValidationModel | null, ValidationModel | null>();
      t.sheet.forEachCell(t.rect, `DataValidation.${what}`, (cell) => {
        const old = cell.validation;
        if (!cache.has(old)) cache.set(old, change(old));
        cell.validation = cache.get(old) ?? null;
      });
    };
  }

  /** Setting prompt/errorAlert/ignoreBlanks before the range has a rule throws, as Excel on the web does. */
  private needsRule(what: string): (old: ValidationModel | null) => ValidationModel {
    return (old) => {
      if (!old) {
        throw new FakeOfficeError(
          'InvalidOperation',
          `DataValidation.${what} was set on a range without a validation rule: set "rule" first ` +
            '(Excel on the web rejects the other order).',
        );
      }
      return old;
    };
  }

  get type(): Excel.DataValidationType | 'None' | 'WholeNumber' | 'Decimal' | 'List' | 'Date' | 'Time' | 'TextLength' | 'Custom' | 'Inconsistent' | 'MixedCriteria' {
    return this.read('type');
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }

  set rule(v: Excel.DataValidationRule) {
    const rule = clone(v);
    this.write('rule', rule, (t) => {
      const keys = RULE_KEYS.filter((k) => rule?.[k] !== undefined);
      if (keys.length !== 1) {
        throw new FakeOfficeError('InvalidArgument', 'A data validation rule needs exactly one criterion.');
      }
      const list = rule.list;
      if (list && typeof list.source !== 'string') {
        throw new FakeNotModelledError('a list validation whose source is a Range');
      }
      this.update('rule', (old) => ({ ignoreBlanks: old?.ignoreBlanks ?? true, prompt: old?.prompt, errorAlert: old?.errorAlert, rule }))(t);
    });
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }

  set prompt(v: Excel.DataValidationPrompt) {
    const prompt = clone(v);
    this.write('prompt', prompt, (t) => {
      const need = this.needsRule('prompt');
      this.update('prompt', (old) => ({ ...need(old), prompt: { ...DEFAULT_PROMPT, ...prompt } }))(t);
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }

  set errorAlert(v: Excel.DataValidationErrorAlert) {
    const alert = clone(v);
    this.write('errorAlert', alert, (t) => {
      const need = this.needsRule('errorAlert');
      this.update('errorAlert', (old) => ({ ...need(old), errorAlert: { ...DEFAULT_ALERT, ...alert } }))(t);
    });
  }

  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }

  set ignoreBlanks(v: boolean) {
    this.write('ignoreBlanks', v, (t) => {
      const need = this.needsRule('ignoreBlanks');
      this.update('ignoreBlanks', (old) => ({ ...need(old), ignoreBlanks: Boolean(v) }))(t);
    });
  }

  clear(): void {
    this.call((t) => this.update('clear', () => null)(t));
  }
}

// ---------------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6): Custom (formula) and CellValue rules only.

interface CfTarget {
  sheet: SheetModel;
  cf: CfModel;
}

export class FakeConditionalFormatCollection
  extends FakeCollection<RangeTarget, FakeConditionalFormat>
  implements Faked<Excel.ConditionalFormatCollection, 'items' | 'add' | 'getCount' | 'clearAll' | 'load'>
{
  constructor(ctx: FakeRequestContext, range: () => RangeTarget) {
    super(ctx, 'ConditionalFormatCollection', range);
  }

  private cf(locate: () => CfTarget | null): FakeConditionalFormat {
    return strict(new FakeConditionalFormat(this.context, locate), 'ConditionalFormat');
  }

  private inRange(t: RangeTarget): CfModel[] {
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, t.rect));
  }

  protected listItems(t: RangeTarget): FakeConditionalFormat[] {
    return this.inRange(t).map((cf) => {
      const o = this.cf(() => ({ sheet: t.sheet, cf }));
      o.resolveNow();
      return o;
    });
  }

  protected sampleItem(): FakeConditionalFormat {
    return this.cf(() => null);
  }

  add(type: Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue'): FakeConditionalFormat {
    if (type !== 'Custom' && type !== 'CellValue') {
      throw new FakeNotModelledError(`ConditionalFormatCollection.add("${String(type)}")`);
    }
    let created: CfTarget | undefined;
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'ConditionalFormatCollection.add');
      const cf: CfModel = {
        id: this.context.model.newCfId(),
        rect: t.rect,
        rule: type === 'Custom' ? { type, formula: '' } : { type, rule: null },
        stopIfTrue: false,
        fill: null,
        fontColor: null,
        bold: null,
      };
      t.sheet.conditionalFormats.unshift(cf); // a new rule gets the top priority, as in Excel's UI
      created = { sheet: t.sheet, cf };
    });
    return this.cf(() => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The conditional format was not added.');
      return created;
    });
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, (t) => this.inRange(t).length);
  }

  clearAll(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'ConditionalFormatCollection.clearAll');
      removeConditionalFormats(t.sheet, t.rect, 'ConditionalFormatCollection.clearAll');
    });
  }
}

export class FakeConditionalFormat
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.ConditionalFormat, 'id' | 'type' | 'priority' | 'stopIfTrue' | 'custom' | 'cellValue' | 'getRange' | 'delete' | 'load'>
{
  private readonly customObj: FakeCustomConditionalFormat;
  private readonly cellValueObj: FakeCellValueConditionalFormat;

  constructor(ctx: FakeRequestContext, locate: () => CfTarget | null) {
    super(ctx, 'ConditionalFormat', locate);
    const of = (type: 'Custom' | 'CellValue') => (): CfTarget => {
      const t = this.target();
      if (t.cf.rule.type !== type) {
        throw new FakeOfficeError('InvalidOperation', `This conditional format is of type ${t.cf.rule.type}, not ${type}.`);
      }
      return t;
    };
    this.customObj = strict(new FakeCustomConditionalFormat(ctx, of('Custom')), 'CustomConditionalFormat');
    this.cellValueObj = strict(new FakeCellValueConditionalFormat(ctx, of('CellValue')), 'CellValueConditionalFormat');
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return {
      id: { get: (t) => t.cf.id },
      type: { get: (t) => t.cf.rule.type },
      priority: { get: (t) => t.sheet.conditionalFormats.indexOf(t.cf) },
      stopIfTrue: { get: (t) => t.cf.stopIfTrue },
    };
  }

  protected override children(): Record<string, () => LoadNode> {
    return { custom: () => this.customObj, cellValue: () => this.cellValueObj };
  }

  get id(): string {
    return this.read('id');
  }

  get type(): Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue' {
    return this.read('type');
  }

  get priority(): number {
    return this.read('priority');
  }

  set priority(v: number) {
    this.write('priority', v, (t, p) => {
      this.context.assertEditable(t.sheet, 'ConditionalFormat.priority');
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, t.cf);
    });
  }

  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }

  set stopIfTrue(v: boolean) {
    this.write('stopIfTrue', v, (t, b) => {
      this.context.assertEditable(t.sheet, 'ConditionalFormat.stopIfTrue');
      t.cf.stopIfTrue = Boolean(b);
    });
  }

  get custom(): FakeCustomConditionalFormat {
    return this.customObj;
  }

  get cellValue(): FakeCellValueConditionalFormat {
    return this.cellValueObj;
  }

  getRange(): FakeRange {
    return newRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: t.cf.rect };
    }).ensureNow();
  }

  delete(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'ConditionalFormat.delete');
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

export class FakeCustomConditionalFormat
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.CustomConditionalFormat, 'rule' | 'format' | 'load'>
{
  private readonly ruleObj: FakeConditionalFormatRule;
  private readonly formatObj: FakeConditionalRangeFormat;

  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'CustomConditionalFormat', locate);
    this.ruleObj = strict(new FakeConditionalFormatRule(ctx, locate), 'ConditionalFormatRule');
    this.formatObj = strict(new FakeConditionalRangeFormat(ctx, locate), 'ConditionalRangeFormat');
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return {};
  }

  protected override children(): Record<string, () => LoadNode> {
    return { rule: () => this.ruleObj, format: () => this.formatObj };
  }

  get rule(): FakeConditionalFormatRule {
    return this.ruleObj;
  }

  get format(): FakeConditionalRangeFormat {
    return this.formatObj;
  }
}

export class FakeConditionalFormatRule
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.ConditionalFormatRule, 'formula' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'ConditionalFormatRule', locate);
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return { formula: { get: (t) => (t.cf.rule.type === 'Custom' ? t.cf.rule.formula : '') } };
  }

  get formula(): string {
    return this.read('formula');
  }

  set formula(v: string) {
    this.write('formula', v, (t, f) => {
      if (typeof f !== 'string' || !f.startsWith('=')) {
        throw new FakeOfficeError('InvalidArgument', `A conditional format formula must start with "=": ${String(f)}`);
      }
      this.context.assertEditable(t.sheet, 'ConditionalFormatRule.formula');
      if (t.cf.rule.type === 'Custom') t.cf.rule.formula = f;
    });
  }
}

const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

export class FakeCellValueConditionalFormat
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.CellValueConditionalFormat, 'rule' | 'format' | 'load'>
{
  private readonly formatObj: FakeConditionalRangeFormat;

  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'CellValueConditionalFormat', locate);
    this.formatObj = strict(new FakeConditionalRangeFormat(ctx, locate), 'ConditionalRangeFormat');
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return { rule: { get: (t) => (t.cf.rule.type === 'CellValue' ? clone(t.cf.rule.rule) : null) } };
  }

  protected override children(): Record<string, () => LoadNode> {
    return { format: () => this.formatObj };
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this.read('rule');
  }

  set rule(v: Excel.ConditionalCellValueRule) {
    const rule = clone(v);
    this.write('rule', rule, (t) => {
      if (!rule || !CELL_VALUE_OPERATORS.includes(String(rule.operator)) || rule.formula1 === undefined) {
        throw new FakeOfficeError('InvalidArgument', 'Invalid conditional cell value rule.');
      }
      this.context.assertEditable(t.sheet, 'CellValueConditionalFormat.rule');
      if (t.cf.rule.type === 'CellValue') t.cf.rule.rule = rule;
    });
  }

  get format(): FakeConditionalRangeFormat {
    return this.formatObj;
  }
}

export class FakeConditionalRangeFormat
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.ConditionalRangeFormat, 'fill' | 'font' | 'load'>
{
  private readonly fillObj: FakeConditionalRangeFill;
  private readonly fontObj: FakeConditionalRangeFont;

  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'ConditionalRangeFormat', locate);
    this.fillObj = strict(new FakeConditionalRangeFill(ctx, locate), 'ConditionalRangeFill');
    this.fontObj = strict(new FakeConditionalRangeFont(ctx, locate), 'ConditionalRangeFont');
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return {};
  }

  protected override children(): Record<string, () => LoadNode> {
    return { fill: () => this.fillObj, font: () => this.fontObj };
  }

  get fill(): FakeConditionalRangeFill {
    return this.fillObj;
  }

  get font(): FakeConditionalRangeFont {
    return this.fontObj;
  }
}

export class FakeConditionalRangeFill
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.ConditionalRangeFill, 'color' | 'clear' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'ConditionalRangeFill', locate);
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return { color: { get: (t) => t.cf.fill } };
  }

  get color(): string {
    return this.read('color');
  }

  set color(v: string) {
    this.write('color', v, (t, c) => {
      const color = normalizeColor(c);
      this.context.assertEditable(t.sheet, 'ConditionalRangeFill.color');
      t.cf.fill = color;
    });
  }

  clear(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'ConditionalRangeFill.clear');
      t.cf.fill = null;
    });
  }
}

export class FakeConditionalRangeFont
  extends FakeClientObject<CfTarget>
  implements Faked<Excel.ConditionalRangeFont, 'bold' | 'color' | 'clear' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => CfTarget) {
    super(ctx, 'ConditionalRangeFont', locate);
  }

  protected props(): Record<string, PropSpec<CfTarget>> {
    return { bold: { get: (t) => t.cf.bold }, color: { get: (t) => t.cf.fontColor } };
  }

  get bold(): boolean {
    return this.read('bold');
  }

  set bold(v: boolean) {
    this.write('bold', v, (t, b) => {
      this.context.assertEditable(t.sheet, 'ConditionalRangeFont.bold');
      t.cf.bold = Boolean(b);
    });
  }

  get color(): string {
    return this.read('color');
  }

  set color(v: string) {
    this.write('color', v, (t, c) => {
      const color = normalizeColor(c);
      this.context.assertEditable(t.sheet, 'ConditionalRangeFont.color');
      t.cf.fontColor = color;
    });
  }

  clear(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'ConditionalRangeFont.clear');
      t.cf.bold = null;
      t.cf.fontColor = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Defined names (reading ExcelApi 1.1, add 1.4)

/** "=Sheet1!$G$12" → a range reference if it is one, else a formula. */
export function parseNameReference(m: WorkbookModel, text: string, defaultSheet: SheetModel | null): NameRef {
  const formula = text.startsWith('=') ? text : `=${text}`;
  const { sheet, local } = splitSheet(formula.slice(1));
  const rect = parseRect(local);
  if (rect) {
    const s = sheet === null ? (defaultSheet ?? m.activeSheet) : m.findSheet(sheet);
    if (!s) throw new FakeOfficeError('InvalidReference', `The reference "${text}" is not valid.`);
    return { kind: 'range', sheet: s, rect };
  }
  return { kind: 'formula', formula };
}

function nameReferenceText(n: NameModel): string {
  return n.ref.kind === 'range' ? `${quoteSheet(n.ref.sheet.name)}!${rectA1(n.ref.rect, true)}` : n.ref.formula.slice(1);
}

function nameType(n: NameModel): string {
  if (n.ref.kind === 'range') return 'Range';
  const body = n.ref.formula.slice(1).trim();
  if (/^[+-]?\d+$/.test(body)) return 'Integer';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return 'Double';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^#/.test(body)) return 'Error';
  return 'String';
}

function nameValue(n: NameModel): unknown {
  const t = nameType(n);
  const body = nameReferenceText(n);
  if (t === 'Integer' || t === 'Double') return Number(body);
  if (t === 'Boolean') return /^TRUE$/i.test(body.trim());
  if (t === 'String' && /^".*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
  return body;
}

export class FakeNamedItemCollection
  extends FakeCollection<NameScope, FakeNamedItem>
  implements Faked<Excel.NamedItemCollection, 'items' | 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'load'>
{
  constructor(ctx: FakeRequestContext, scope: () => NameScope) {
    super(ctx, 'NamedItemCollection', scope);
  }

  private item(locate: () => NameModel | null): FakeNamedItem {
    return strict(new FakeNamedItem(this.context, locate), 'NamedItem');
  }

  private inScope(t: NameScope): NameModel[] {
    const leaky = this.context.host.quirks.worksheetNamesIncludeWorkbook;
    return this.context.model.names
      .filter((n) => (t.scopeSheet ? n.scopeSheet === t.scopeSheet || (leaky && n.scope === 'Workbook') : n.scope === 'Workbook'))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  private find(t: NameScope, name: string): NameModel | null {
    const key = name.toLowerCase();
    const inScope = (n: NameModel) => (t.scopeSheet ? n.scopeSheet === t.scopeSheet : n.scope === 'Workbook');
    return this.context.model.names.find((n) => inScope(n) && n.name.toLowerCase() === key) ?? null;
  }

  protected listItems(t: NameScope): FakeNamedItem[] {
    return this.inScope(t).map((n) => {
      const o = this.item(() => n);
      o.resolveNow();
      return o;
    });
  }

  protected sampleItem(): FakeNamedItem {
    return this.item(() => null);
  }

  add(name: string, reference: Excel.Range | string, comment?: string): FakeNamedItem {
    this.api('1.4', 'add');
    const ref: unknown = reference;
    let created: NameModel | undefined;
    this.call((t) => {
      checkDefinedName(name);
      if (this.find(t, name)) throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists.`);
      let nameRef: NameRef;
      if (ref instanceof FakeRange) {
        const r = ref.target();
        nameRef = { kind: 'range', sheet: r.sheet, rect: r.rect };
      } else if (typeof ref === 'string') {
        nameRef = parseNameReference(this.context.model, ref, t.scopeSheet);
      } else {
        throw new FakeOfficeError('InvalidArgument', 'NamedItemCollection.add: reference must be a Range or a string.');
      }
      created = {
        name,
        scope: t.scopeSheet ? 'Worksheet' : 'Workbook',
        scopeSheet: t.scopeSheet,
        ref: nameRef,
        comment: comment ?? '',
        visible: true,
      };
      this.context.model.names.push(created);
    });
    return this.item(() => {
      if (!created) throw new FakeOfficeError('ItemNotFound', `The name "${name}" was not added.`);
      return created;
    });
  }

  getItem(name: string): FakeNamedItem {
    const o = this.item(() => {
      const n = this.find(this.target(), name);
      if (!n) throw new FakeOfficeError('ItemNotFound', `The name "${name}" does not exist.`, 'NamedItemCollection.getItem');
      return n;
    });
    return o.ensureNow();
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.api('1.4', 'getItemOrNullObject');
    return this.item(() => this.find(this.target(), name)).ensureNow();
  }

  getCount(): FakeClientResult<number> {
    this.api('1.4', 'getCount');
    return clientResult(this, (t) => this.inScope(t).length);
  }
}

export class FakeNamedItem
  extends FakeClientObject<NameModel>
  implements
    Faked<
      Excel.NamedItem,
      'name' | 'type' | 'value' | 'formula' | 'scope' | 'comment' | 'visible' | 'isNullObject' | 'getRange' | 'getRangeOrNullObject' | 'delete' | 'load'
    >
{
  constructor(ctx: FakeRequestContext, locate: () => NameModel | null) {
    super(ctx, 'NamedItem', locate);
  }

  /** @internal */
  ensureNow(): this {
    return this.ensure();
  }

  protected props(): Record<string, PropSpec<NameModel>> {
    return {
      name: { get: (n) => n.name },
      type: { get: (n) => nameType(n) },
      value: { get: (n) => nameValue(n) },
      formula: { get: (n) => `=${nameReferenceText(n)}`, since: '1.7' },
      scope: { get: (n) => n.scope, since: '1.4' },
      comment: { get: (n) => n.comment, since: '1.4' },
      visible: { get: (n) => n.visible },
    };
  }

  get name(): string {
    return this.read('name');
  }

  get type(): Excel.NamedItemType | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Range' | 'Error' | 'Array' {
    return this.read('type');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.read('value');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this.read('formula');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(v: any) {
    this.write('formula', v, (n, f) => {
      if (typeof f !== 'string') throw new FakeOfficeError('InvalidArgument', 'NamedItem.formula must be a string.');
      n.ref = parseNameReference(this.context.model, f, n.scopeSheet);
    });
  }

  get scope(): Excel.NamedItemScope | 'Worksheet' | 'Workbook' {
    return this.read('scope');
  }

  get comment(): string {
    return this.read('comment');
  }

  set comment(v: string) {
    this.write('comment', v, (n, c) => {
      n.comment = String(c);
    });
  }

  get visible(): boolean {
    return this.read('visible');
  }

  set visible(v: boolean) {
    this.write('visible', v, (n, b) => {
      n.visible = Boolean(b);
    });
  }

  getRange(): FakeRange {
    return newRange(this.context, () => {
      const n = this.target();
      if (n.ref.kind !== 'range') {
        throw new FakeOfficeError('InvalidArgument', `The name "${n.name}" does not refer to a range.`);
      }
      return { sheet: n.ref.sheet, rect: n.ref.rect };
    }).ensureNow();
  }

  getRangeOrNullObject(): FakeRange {
    this.api('1.4', 'getRangeOrNullObject');
    return newRange(this.context, () => {
      const n = this.resolveNow();
      return n && n.ref.kind === 'range' ? { sheet: n.ref.sheet, rect: n.ref.rect } : null;
    }).ensureNow();
  }

  delete(): void {
    this.api('1.4', 'delete');
    this.call((n) => {
      this.context.model.names = this.context.model.names.filter((x) => x !== n);
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)

interface NoteScope {
  sheet: SheetModel | null;
}

interface NoteTarget {
  sheet: SheetModel;
  cell: CellData;
}

function cellPosition(sheet: SheetModel, cell: CellData): { r: number; c: number } | null {
  for (const [k, v] of sheet.cells) {
    if (v === cell) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      return { r, c };
    }
  }
  return null;
}

export class FakeNoteCollection
  extends FakeCollection<NoteScope, FakeNote>
  implements Faked<Excel.NoteCollection, 'items' | 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'load'>
{
  constructor(ctx: FakeRequestContext, scope: () => NoteScope) {
    super(ctx, 'NoteCollection', scope);
  }

  private note(locate: () => NoteTarget | null): FakeNote {
    return strict(new FakeNote(this.context, locate), 'Note');
  }

  private all(t: NoteScope): NoteTarget[] {
    const sheets = t.sheet ? [t.sheet] : this.context.model.sheets;
    const out: NoteTarget[] = [];
    for (const sheet of sheets) {
      for (const { cell } of sheet.existingCells({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 })) {
        if (cell.note) out.push({ sheet, cell });
      }
    }
    return out;
  }

  /** A single cell from a Range or an address ("A1" on a worksheet's collection, "Sheet1!A1" on the workbook's). */
  private cellAt(t: NoteScope, where: unknown): { sheet: SheetModel; r: number; c: number } {
    let sheet: SheetModel | undefined;
    let rect: Rect | null = null;
    if (where instanceof FakeRange) {
      const r = where.target();
      sheet = r.sheet;
      rect = r.rect;
    } else if (typeof where === 'string') {
      const { sheet: name, local } = splitSheet(where);
      sheet = name === null ? (t.sheet ?? undefined) : this.context.model.findSheet(name);
      if (t.sheet && sheet !== t.sheet) sheet = undefined;
      rect = parseRect(local);
    }
    if (!sheet || !rect || rect.r0 !== rect.r1 || rect.c0 !== rect.c1) {
      throw new FakeOfficeError('InvalidArgument', `Invalid cell address for a note: ${String(where)}.`);
    }
    return { sheet, r: rect.r0, c: rect.c0 };
  }

  protected listItems(t: NoteScope): FakeNote[] {
    return this.all(t).map((n) => {
      const o = this.note(() => n);
      o.resolveNow();
      return o;
    });
  }

  protected sampleItem(): FakeNote {
    return this.note(() => null);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(cellAddress: Excel.Range | string, content: any): FakeNote {
    const where: unknown = cellAddress;
    let created: NoteTarget | undefined;
    this.call((t) => {
      const { sheet, r, c } = this.cellAt(t, where);
      this.context.assertEditable(sheet, 'NoteCollection.add');
      const cell = sheet.cell(r, c);
      if (cell.note) {
        // Assumed strict (replacing needs note.content or delete() first): safer for the adapter.
        throw new FakeOfficeError('InvalidOperation', `The cell ${rectA1({ r0: r, c0: c, r1: r, c1: c })} already has a note.`);
      }
      cell.note = { content: String(content), author: this.context.model.userName };
      created = { sheet, cell };
    });
    return this.note(() => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The note was not added.');
      return created;
    });
  }

  getItem(key: string): FakeNote {
    const o = this.note(() => {
      const { sheet, r, c } = this.cellAt(this.target(), key);
      const cell = sheet.peek(r, c);
      if (!cell?.note) throw new FakeOfficeError('ItemNotFound', `There is no note at ${key}.`);
      return { sheet, cell };
    });
    o.ensureNow();
    return o;
  }

  getItemOrNullObject(key: string): FakeNote {
    const o = this.note(() => {
      const { sheet, r, c } = this.cellAt(this.target(), key);
      const cell = sheet.peek(r, c);
      return cell?.note ? { sheet, cell } : null;
    });
    o.ensureNow();
    return o;
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, (t) => this.all(t).length);
  }
}

export class FakeNote
  extends FakeClientObject<NoteTarget>
  implements Faked<Excel.Note, 'content' | 'authorName' | 'isNullObject' | 'getLocation' | 'delete' | 'load'>
{
  constructor(ctx: FakeRequestContext, locate: () => NoteTarget | null) {
    super(ctx, 'Note', locate);
  }

  /** @internal */
  ensureNow(): this {
    return this.ensure();
  }

  private noteOf(t: NoteTarget): { content: string; author: string } {
    if (!t.cell.note) throw new FakeOfficeError('ItemNotFound', 'The note was deleted.');
    return t.cell.note;
  }

  protected props(): Record<string, PropSpec<NoteTarget>> {
    return {
      content: { get: (t) => this.noteOf(t).content },
      authorName: { get: (t) => this.noteOf(t).author },
    };
  }

  get content(): string {
    return this.read('content');
  }

  set content(v: string) {
    this.write('content', v, (t, c) => {
      this.context.assertEditable(t.sheet, 'Note.content');
      this.noteOf(t).content = String(c);
    });
  }

  get authorName(): string {
    return this.read('authorName');
  }

  getLocation(): FakeRange {
    return newRange(this.context, () => {
      const t = this.target();
      const pos = cellPosition(t.sheet, t.cell);
      if (!pos) throw new FakeOfficeError('ItemNotFound', 'The note no longer exists.');
      return { sheet: t.sheet, rect: { r0: pos.r, c0: pos.c, r1: pos.r, c1: pos.c } };
    }).ensureNow();
  }

  delete(): void {
    this.call((t) => {
      this.context.assertEditable(t.sheet, 'Note.delete');
      this.noteOf(t);
      t.cell.note = null;
      const pos = cellPosition(t.sheet, t.cell);
      if (pos) t.sheet.prune(pos.r, pos.c);
    });
  }
}


/** worksheet.charts (ExcelApi 1.1): `add` only; the chart's type, source, series orientation and title. */
export class FakeChartCollection extends FakeClientObject<SheetModel> implements Faked<Excel.ChartCollection, 'add'> {
  constructor(ctx: FakeRequestContext, sheet: () => SheetModel) {
    super(ctx, 'ChartCollection', sheet);
  }

  protected props(): Record<string, PropSpec<SheetModel>> {
    return {};
  }

  add(type: string, sourceData: Excel.Range, seriesBy?: string): FakeChart {
    const arg: unknown = sourceData;
    if (!(arg instanceof FakeRange)) throw new FakeNotModelledError('ChartCollection.add with a source that is not a Range');
    const model: ChartModel = { type, source: { r0: 0, c0: 0, r1: 0, c1: 0 }, seriesBy: seriesBy ?? 'Auto', title: '' };
    this.call((s) => {
      const t = arg.target();
      if (t.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'ChartCollection.add: the source is on another worksheet.');
      model.source = t.rect;
      s.charts.push(model);
    });
    return strict(new FakeChart(this.context, () => model), 'Chart');
  }
}

export class FakeChart extends FakeClientObject<ChartModel> implements Faked<Excel.Chart, 'title'> {
  private readonly titleObj: FakeChartTitle;

  constructor(ctx: FakeRequestContext, chart: () => ChartModel) {
    super(ctx, 'Chart', chart);
    this.titleObj = strict(new FakeChartTitle(ctx, chart), 'ChartTitle');
  }

  protected props(): Record<string, PropSpec<ChartModel>> {
    return {};
  }

  get title(): FakeChartTitle {
    return this.titleObj;
  }
}

export class FakeChartTitle extends FakeClientObject<ChartModel> implements Faked<Excel.ChartTitle, 'text'> {
  constructor(ctx: FakeRequestContext, chart: () => ChartModel) {
    super(ctx, 'ChartTitle', chart);
  }

  protected props(): Record<string, PropSpec<ChartModel>> {
    return { text: { get: (c) => c.title } };
  }

  get text(): string {
    return this.read('text');
  }

  set text(v: string) {
    this.write('text', v, (c, value) => {
      c.title = String(value);
    });
  }
}
