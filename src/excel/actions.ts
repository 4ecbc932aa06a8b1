// The task pane's workbook actions on real Excel: thin Excel.run wrappers around the adapter functions.
// delayForCellEdit: a batch waits for the user to finish editing a cell instead of failing.
// Inserting a template, consolidating and the "Tóm tắt" sheet are loaded on demand (webpack chunks): the
// pane opens with only what a check needs.
import type { WorkbookActions } from '../core/actions';
import { detectFeatures, missingFeatures, type IsSetSupported } from './features';
import { deleteDeadNames } from './deadNames';
import { checkAndFlag, clearFlags, selectCell } from './flags';
import { LiveCheck, watchTemplateSheets } from './liveCheck';

export function excelActions(isSetSupported: IsSetSupported): WorkbookActions {
  const features = detectFeatures(isSetSupported);
  const watched = new Set<string>();
  let live: LiveCheck | null = null;
  const run = <T,>(fn: (context: Excel.RequestContext) => Promise<T>) => Excel.run({ delayForCellEdit: true }, fn);
  return {
    insertTemplate: async (req) => {
      const [{ insertTemplate }, { templateOfRequest }] = await Promise.all([import('./insertTemplate'), import('./insertRequest')]);
      const model = templateOfRequest(req);
      return run((ctx) => insertTemplate(ctx, model, features, { unitSheet: req.unitSheet === true }));
    },
    check: (period) => run((ctx) => checkAndFlag(ctx, period)),
    clear: () => run((ctx) => clearFlags(ctx)),
    select: (name, sheet) => run((ctx) => selectCell(ctx, name, sheet)),
    consolidate: async (req) => {
      const { consolidateSheets } = await import('./consolidate');
      return run((ctx) => consolidateSheets(ctx, req, features));
    },
    writeSummary: async (summary, report) => {
      const { writeSummarySheet } = await import('./summarySheet');
      return run((ctx) => writeSummarySheet(ctx, summary, report, { chart: true }));
    },
    // Called again after each check: sheets added since (unit sheets, a consolidated sheet) are watched too.
    watch: async (onReport, onError) => {
      if (!features.onChanged) return false;
      const checker = live ?? (live = new LiveCheck({ run, onReport, onError }));
      return (await run((ctx) => watchTemplateSheets(ctx, checker, watched))) > 0;
    },
    cleanDeadNames: () => run((ctx) => deleteDeadNames(ctx)),
    missingFeatures: () => missingFeatures(features),
    recognize: async () => {
      const { readOwnTable } = await import('./recognize');
      return (await run((ctx) => readOwnTable(ctx, features))).view;
    },
    adoptTable: async (table, corrections) => {
      const { adoptTable } = await import('./recognize');
      return run((ctx) => adoptTable(ctx, table, corrections));
    },
  };
}
