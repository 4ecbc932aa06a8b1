/**
 * Globals the adapter may touch at run time: `Excel` (run + enums), `OfficeExtension.Error` and
 * `Office.context.requirements`. Install them around a test; uninstall restores what was there.
 */
import { FakeOfficeError } from './errors';
import type { FakeExcel } from './index';
import { compareVersions, FakeRequestContext } from './objects';

type EnumValues<E> = { [K in keyof E]: `${E[K] & string}` };
/** Builds the run-time object of a declared Office.js enum; a wrong member or value fails to compile. */
const enumOf = <E>(values: EnumValues<E>): E => values as unknown as E;

export const ExcelEnums = {
  InsertShiftDirection: enumOf<typeof Excel.InsertShiftDirection>({ down: 'Down', right: 'Right' }),
  ConditionalFormatType: enumOf<typeof Excel.ConditionalFormatType>({
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  }),
  ConditionalCellValueOperator: enumOf<typeof Excel.ConditionalCellValueOperator>({
    invalid: 'Invalid',
    between: 'Between',
    notBetween: 'NotBetween',
    equalTo: 'EqualTo',
    notEqualTo: 'NotEqualTo',
    greaterThan: 'GreaterThan',
    lessThan: 'LessThan',
    greaterThanOrEqual: 'GreaterThanOrEqual',
    lessThanOrEqual: 'LessThanOrEqual',
  }),
  DataValidationType: enumOf<typeof Excel.DataValidationType>({
    none: 'None',
    wholeNumber: 'WholeNumber',
    decimal: 'Decimal',
    list: 'List',
    date: 'Date',
    time: 'Time',
    textLength: 'TextLength',
    custom: 'Custom',
    inconsistent: 'Inconsistent',
    mixedCriteria: 'MixedCriteria',
  }),
  DataValidationOperator: enumOf<typeof Excel.DataValidationOperator>({
    between: 'Between',
    notBetween: 'NotBetween',
    equalTo: 'EqualTo',
    notEqualTo: 'NotEqualTo',
    greaterThan: 'GreaterThan',
    lessThan: 'LessThan',
    greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
    lessThanOrEqualTo: 'LessThanOrEqualTo',
  }),
  DataValidationAlertStyle: enumOf<typeof Excel.DataValidationAlertStyle>({
    stop: 'Stop',
    warning: 'Warning',
    information: 'Information',
  }),
  ClearApplyTo: enumOf<typeof Excel.ClearApplyTo>({
    all: 'All',
    formats: 'Formats',
    contents: 'Contents',
    hyperlinks: 'Hyperlinks',
    removeHyperlinks: 'RemoveHyperlinks',
    resetContents: 'ResetContents',
  }),
  DataChangeType: enumOf<typeof Excel.DataChangeType>({
    unknown: 'Unknown',
    rangeEdited: 'RangeEdited',
    rowInserted: 'RowInserted',
    rowDeleted: 'RowDeleted',
    columnInserted: 'ColumnInserted',
    columnDeleted: 'ColumnDeleted',
    cellInserted: 'CellInserted',
    cellDeleted: 'CellDeleted',
  }),
  EventSource: enumOf<typeof Excel.EventSource>({ local: 'Local', remote: 'Remote' }),
  EventTriggerSource: enumOf<typeof Excel.EventTriggerSource>({ unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' }),
  NamedItemType: enumOf<typeof Excel.NamedItemType>({
    string: 'String',
    integer: 'Integer',
    double: 'Double',
    boolean: 'Boolean',
    range: 'Range',
    error: 'Error',
    array: 'Array',
  }),
  NamedItemScope: enumOf<typeof Excel.NamedItemScope>({ worksheet: 'Worksheet', workbook: 'Workbook' }),
  ErrorCodes: enumOf<typeof Excel.ErrorCodes>({
    accessDenied: 'AccessDenied',
    apiNotFound: 'ApiNotFound',
    conflict: 'Conflict',
    dirtySupportingFormula: 'DirtySupportingFormula',
    emptyChartSeries: 'EmptyChartSeries',
    filteredRangeConflict: 'FilteredRangeConflict',
    formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
    generalException: 'GeneralException',
    inactiveWorkbook: 'InactiveWorkbook',
    insertDeleteConflict: 'InsertDeleteConflict',
    invalidArgument: 'InvalidArgument',
    invalidBinding: 'InvalidBinding',
    invalidOperation: 'InvalidOperation',
    invalidReference: 'InvalidReference',
    invalidSelection: 'InvalidSelection',
    itemAlreadyExists: 'ItemAlreadyExists',
    itemNotFound: 'ItemNotFound',
    mergedRangeConflict: 'MergedRangeConflict',
    nonBlankCellOffSheet: 'NonBlankCellOffSheet',
    notImplemented: 'NotImplemented',
    openWorkbookLinksBlocked: 'OpenWorkbookLinksBlocked',
    operationCellsExceedLimit: 'OperationCellsExceedLimit',
    pivotTableRangeConflict: 'PivotTableRangeConflict',
    powerQueryRefreshResourceChallenge: 'PowerQueryRefreshResourceChallenge',
    rangeExceedsLimit: 'RangeExceedsLimit',
    rangeImageExceedsLimit: 'RangeImageExceedsLimit',
    refreshWorkbookLinksBlocked: 'RefreshWorkbookLinksBlocked',
    requestAborted: 'RequestAborted',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    unsupportedFeature: 'UnsupportedFeature',
    unsupportedFillType: 'UnsupportedFillType',
    unsupportedOperation: 'UnsupportedOperation',
    unsupportedSheet: 'UnsupportedSheet',
    invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  }),
};

export interface FakeRequirements extends Pick<Office.RequirementSetSupport, 'isSetSupported'> {
  /** Calls made, e.g. [["ExcelApi", "1.7"]]. */
  readonly calls: Array<[string, string | number | undefined]>;
}

/** `Office.context.requirements` that supports the given sets up to the given versions. */
export function fakeRequirements(sets: Record<string, string>): FakeRequirements {
  const calls: Array<[string, string | number | undefined]> = [];
  return {
    calls,
    isSetSupported(name: string, minVersion?: string | number): boolean {
      calls.push([name, minVersion]);
      const have = sets[name];
      if (have === undefined) return false;
      return minVersion === undefined || compareVersions(have, String(minVersion)) >= 0;
    },
  };
}

export interface InstallOptions {
  /** Default: the sets the fake itself supports ({ ExcelApi: fake.excelApi }). */
  requirements?: FakeRequirements;
}

const saved: Array<{ key: 'Excel' | 'OfficeExtension' | 'Office'; had: boolean; value: unknown }> = [];

/**
 * Installs `Excel` (run + enums), `OfficeExtension.Error` and `Office.context.requirements` on globalThis.
 * Excel.run gives each batch a fresh context on `fake` and, like Office.js, sends the operations still
 * queued when the batch resolves (one more sync).
 */
export function installExcelGlobals(fake: FakeExcel, options: InstallOptions = {}): FakeRequirements {
  uninstallExcelGlobals();
  const g = globalThis as Record<string, unknown>;
  const requirements = options.requirements ?? fakeRequirements({ ExcelApi: fake.excelApi });
  const run = async (a: unknown, b?: unknown): Promise<unknown> => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>;
    if (typeof batch !== 'function') throw new Error('FakeExcel: Excel.run needs a batch function');
    if (typeof a !== 'function' && !(a !== null && typeof a === 'object' && !(a instanceof FakeRequestContext))) {
      throw new Error('FakeExcel: Excel.run(options, batch) expects an options object');
    }
    const ctx = fake.newContext();
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pendingOperations > 0) await ctx.sync();
    return result;
  };
  const previousOffice = g.Office as Record<string, unknown> | undefined;
  const values: Record<'Excel' | 'OfficeExtension' | 'Office', unknown> = {
    Excel: { ...ExcelEnums, run, RequestContext: FakeRequestContext },
    OfficeExtension: { Error: FakeOfficeError, ErrorCodes: { generalException: 'GeneralException' } },
    Office: {
      ...(previousOffice ?? {}),
      context: { ...((previousOffice?.context as Record<string, unknown> | undefined) ?? {}), requirements },
    },
  };
  for (const key of ['Excel', 'OfficeExtension', 'Office'] as const) {
    saved.push({ key, had: key in g, value: g[key] });
    g[key] = values[key];
  }
  return requirements;
}

export function uninstallExcelGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  while (saved.length) {
    const s = saved.pop();
    if (!s) break;
    if (s.had) g[s.key] = s.value;
    else delete g[s.key];
  }
}
