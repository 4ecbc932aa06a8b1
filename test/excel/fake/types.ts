/**
 * Type plumbing that ties each fake class to the real @types/office-js declaration it stands for.
 *
 *   class FakeRange implements Faked<Excel.Range, 'values' | 'getCell' | ...>
 *
 * `Faked<T, K>` is `Pick<T, K>` in which every Excel object type (in properties and method results) is
 * replaced by its fake, and methods keep the real parameter lists (of the last overload). A member whose
 * name, parameters or result differ from the real API fails to compile.
 */
import type {
  FakeApplication,
  FakeChart,
  FakeChartCollection,
  FakeChartTitle,
  FakeCellValueConditionalFormat,
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeConditionalFormatRule,
  FakeConditionalRangeFill,
  FakeConditionalRangeFont,
  FakeConditionalRangeFormat,
  FakeCustomConditionalFormat,
  FakeDataValidation,
  FakeEventHandlerResult,
  FakeEventHandlers,
  FakeNamedItem,
  FakeNamedItemCollection,
  FakeNote,
  FakeNoteCollection,
  FakePageLayout,
  FakeRangeBorder,
  FakeRangeBorderCollection,
  FakeSetting,
  FakeSettingCollection,
  FakeRange,
  FakeRangeAreas,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  FakeRequestContext,
  FakeWorkbook,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetFreezePanes,
  FakeWorksheetProtection,
  FakeClientResult,
} from './objects';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Eq<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Swap<R> =
  Eq<R, Excel.RequestContext> extends true ? FakeRequestContext
  : Eq<R, Excel.Workbook> extends true ? FakeWorkbook
  : Eq<R, Excel.Application> extends true ? FakeApplication
  : Eq<R, Excel.WorksheetCollection> extends true ? FakeWorksheetCollection
  : Eq<R, Excel.Worksheet> extends true ? FakeWorksheet
  : Eq<R, Excel.WorksheetProtection> extends true ? FakeWorksheetProtection
  : Eq<R, Excel.WorksheetFreezePanes> extends true ? FakeWorksheetFreezePanes
  : Eq<R, Excel.Range> extends true ? FakeRange
  : Eq<R, Excel.RangeAreas> extends true ? FakeRangeAreas
  : Eq<R, Excel.RangeFormat> extends true ? FakeRangeFormat
  : Eq<R, Excel.RangeFill> extends true ? FakeRangeFill
  : Eq<R, Excel.RangeFont> extends true ? FakeRangeFont
  : Eq<R, Excel.RangeBorderCollection> extends true ? FakeRangeBorderCollection
  : Eq<R, Excel.RangeBorder> extends true ? FakeRangeBorder
  : Eq<R, Excel.PageLayout> extends true ? FakePageLayout
  : Eq<R, Excel.ChartCollection> extends true ? FakeChartCollection
  : Eq<R, Excel.Chart> extends true ? FakeChart
  : Eq<R, Excel.ChartTitle> extends true ? FakeChartTitle
  : Eq<R, Excel.SettingCollection> extends true ? FakeSettingCollection
  : Eq<R, Excel.Setting> extends true ? FakeSetting
  : Eq<R, Excel.DataValidation> extends true ? FakeDataValidation
  : Eq<R, Excel.ConditionalFormatCollection> extends true ? FakeConditionalFormatCollection
  : Eq<R, Excel.ConditionalFormat> extends true ? FakeConditionalFormat
  : Eq<R, Excel.CustomConditionalFormat> extends true ? FakeCustomConditionalFormat
  : Eq<R, Excel.CellValueConditionalFormat> extends true ? FakeCellValueConditionalFormat
  : Eq<R, Excel.ConditionalFormatRule> extends true ? FakeConditionalFormatRule
  : Eq<R, Excel.ConditionalRangeFormat> extends true ? FakeConditionalRangeFormat
  : Eq<R, Excel.ConditionalRangeFill> extends true ? FakeConditionalRangeFill
  : Eq<R, Excel.ConditionalRangeFont> extends true ? FakeConditionalRangeFont
  : Eq<R, Excel.NamedItemCollection> extends true ? FakeNamedItemCollection
  : Eq<R, Excel.NamedItem> extends true ? FakeNamedItem
  : Eq<R, Excel.NoteCollection> extends true ? FakeNoteCollection
  : Eq<R, Excel.Note> extends true ? FakeNote
  : Eq<R, OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>> extends true ? FakeEventHandlers
  : Eq<R, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> extends true ? FakeEventHandlerResult
  : Eq<R, OfficeExtension.ClientResult<number>> extends true ? FakeClientResult<number>
  : R;

/** The fake counterpart of a real Office.js type (arrays element-wise; `any` and plain data unchanged). */
export type FakeFor<R> =
  IsAny<R> extends true ? R
  : R extends readonly (infer E)[] ? (IsAny<E> extends true ? R : FakeFor<E>[])
  : Swap<R>;

/** `Pick<T, K>` with Excel object types replaced by their fakes (see the file comment). */
export type Faked<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => FakeFor<R> : FakeFor<T[P]>;
};
