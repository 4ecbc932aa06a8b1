// The task pane's workbook actions on real Excel: thin Excel.run wrappers around the adapter functions.
// delayForCellEdit: a batch waits for the user to finish editing a cell instead of failing.
import type { WorkbookActions } from '../core/actions';
import { buildTemplate } from '../template/model';
import { detectFeatures, missingFeatures, type IsSetSupported } from './features';
import { consolidateSheets } from './consolidate';
import { deleteDeadNames } from './deadNames';
import { checkAndFlag, clearFlags, selectCell } from './flags';
import { insertTemplate } from './insertTemplate';
import { LiveCheck, watchTemplateSheets } from './liveCheck';
import { writeSummarySheet } from './summarySheet';

export function excelActions(isSetSupported: IsSetSupported): WorkbookActions {
  const features = detectFeatures(isSetSupported);
  const watched = new Set<string>();
  let live: LiveCheck | null = null;
  const run = <T,>(fn: (context: Excel.RequestContext) => Promise<T>) => Excel.run({ delayForCellEdit: true }, fn);
  return {
    insertTemplate: (req) => run((ctx) => insertTemplate(ctx, buildTemplate({ year: req.year, period: req.period, unit: req.unit, ...(req.sheetName ? { sheetName: req.sheetName } : {}) }), features, { unitSheet: req.unitSheet === true })),
    check: (period) => run((ctx) => checkAndFlag(ctx, period)),
    clear: () => run((ctx) => clearFlags(ctx)),
    select: (name, sheet) => run((ctx) => selectCell(ctx, name, sheet)),
    consolidate: (req) => run((ctx) => consolidateSheets(ctx, req, features)),
    writeSummary: (summary, report) => run((ctx) => writeSummarySheet(ctx, summary, report, { chart: true })),
    // Called again after each check: sheets added since (unit sheets, a consolidated sheet) are watched too.
    watch: async (onReport, onError) => {
      if (!features.onChanged) return false;
      const checker = live ?? (live = new LiveCheck({ run, onReport, onError }));
      return (await run((ctx) => watchTemplateSheets(ctx, checker, watched))) > 0;
    },
    cleanDeadNames: () => run((ctx) => deleteDeadNames(ctx)),
    missingFeatures: () => missingFeatures(features),
  };
}
