// The task pane's workbook actions on real Excel: thin Excel.run wrappers around the adapter functions.
// delayForCellEdit: a batch waits for the user to finish editing a cell instead of failing.
// Every action's code is loaded on demand (webpack chunks): the pane opens with its UI only; the check
// (engine, flags, the workbook's plan) is fetched while the pane is idle, before the first click.
import type { WorkbookActions } from '../core/actions';
import { detectFeatures, missingFeatures, type IsSetSupported } from './features';
import type { LiveCheck } from './liveCheck';

const checking = () => import(/* webpackPrefetch: true */ './checking');

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
    // A live re-check never runs across a Kiểm tra or a clear: it could put back flags just cleared.
    check: async (period) => {
      const { checkAndFlag } = await checking();
      await live?.pause();
      return run((ctx) => checkAndFlag(ctx, period));
    },
    clear: async () => {
      const { clearFlags } = await checking();
      await live?.pause();
      return run((ctx) => clearFlags(ctx));
    },
    select: async (name, sheet) => {
      const { selectCell } = await checking();
      return run((ctx) => selectCell(ctx, name, sheet));
    },
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
      // Called on the module (not destructured), so the requirement-set check follows the call to its guard.
      const check = await checking();
      const checker = live ?? (live = new check.LiveCheck({ run, onReport, onError }));
      checker.resume();
      return (await run((ctx) => check.watchTemplateSheets(ctx, checker, watched))) > 0;
    },
    cleanDeadNames: async () => {
      const { deleteDeadNames } = await import('./deadNames');
      return run((ctx) => deleteDeadNames(ctx));
    },
    missingFeatures: () => missingFeatures(features),
    storedPlan: async () => {
      const { readStoredPlan } = await import('./storedPlan');
      return run((ctx) => readStoredPlan(ctx));
    },
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
