// Live check: when the user edits a template sheet (the workbook's, a unit's, a consolidated one), re-check
// and re-flag that sheet after a short pause (a paste of many cells fires many events: they become one check). The add-in's own writes fire
// onChanged too; they are recognised by triggerSource (ExcelApi 1.14) or, in older Excel, by arriving
// while our own check is running or just after it.
import type { Report } from '../core/types';
import { checkAndFlag } from './flags';
import { SHEET_NAMES_LOAD } from './marker';
import { hasTemplateNames } from './snapshot';

export type Run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface LiveCheckOptions {
  run: Run;
  onReport: (report: Report) => void;
  onError: (err: unknown) => void;
  /** Quiet time before a re-check (ms). */
  debounceMs?: number;
  /** After our own writes, events this soon are ours (ms), for Excel without triggerSource. */
  ownWriteGraceMs?: number;
  now?: () => number;
}

export class LiveCheck {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private ownUntil = 0;
  /** Sheets edited since the last re-check (by id; '' for an event that does not say). */
  private readonly pending = new Set<string>();
  /** How many re-checks ran: tests and the benchmark read it. */
  checks = 0;

  constructor(private readonly options: LiveCheckOptions) {}

  /** The onChanged handler. */
  readonly handle = (event: Pick<Excel.WorksheetChangedEventArgs, 'address'> & { triggerSource?: string; worksheetId?: string }): void => {
    const now = (this.options.now ?? Date.now)();
    if (event.triggerSource === 'ThisLocalAddin') return;
    if (event.triggerSource === undefined && (this.running || now < this.ownUntil)) return;
    this.pending.add(event.worksheetId ?? '');
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recheck(), this.options.debounceMs ?? 400);
  };

  /** Resolves when no re-check is waiting or running (tests). */
  async idle(): Promise<void> {
    while (this.timer || this.running) await new Promise((r) => setTimeout(r, 10));
  }

  private async recheck(): Promise<void> {
    this.timer = null;
    this.running = true;
    const sheets = [...this.pending];
    this.pending.clear();
    try {
      for (const sheet of sheets) {
        const report = await this.options.run((context) => checkAndFlag(context, undefined, sheet || undefined));
        this.checks++;
        this.options.onReport(report);
      }
    } catch (err) {
      this.options.onError(err);
    } finally {
      this.running = false;
      this.ownUntil = (this.options.now ?? Date.now)() + (this.options.ownWriteGraceMs ?? 500);
    }
  }
}

/**
 * Registers the handler on every sheet that holds a template and is not in `watched` (sheet ids, updated):
 * the workbook template's sheet, unit sheets, consolidated sheets. Three round trips: the sheets and the
 * workbook's names; each sheet's own names and the sheet of the workbook's template; the registrations.
 * Resolves how many sheets are watched in all.
 */
export async function watchTemplateSheets(context: Excel.RequestContext, live: LiveCheck, watched: Set<string>): Promise<number> {
  const sheets = context.workbook.worksheets.load('items/name,items/id');
  const names = context.workbook.names.load('items/name,items/type');
  await context.sync();
  const own = sheets.items.map((ws) => ({ ws, names: ws.names.load(SHEET_NAMES_LOAD) }));
  const th = names.items.find((n) => n.type === 'Range' && /^TH_/i.test(n.name));
  const workbookSheet = th ? th.getRange().worksheet.load('id') : null;
  await context.sync();
  const templates = own.filter((o) => hasTemplateNames(o.names) || o.ws.id === workbookSheet?.id).map((o) => o.ws);
  const fresh = templates.filter((ws) => !watched.has(ws.id));
  for (const ws of fresh) {
    ws.onChanged.add(async (event) => live.handle(event));
    watched.add(ws.id);
  }
  if (fresh.length) await context.sync();
  return watched.size;
}
