// Live check: when the user edits the template sheet, re-check and re-flag after a short pause
// (a paste of many cells fires many events: they become one check). The add-in's own writes fire
// onChanged too; they are recognised by triggerSource (ExcelApi 1.14) or, in older Excel, by arriving
// while our own check is running or just after it.
import type { Report } from '../core/types';
import { checkAndFlag } from './flags';

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
  /** How many re-checks ran: tests and the benchmark read it. */
  checks = 0;

  constructor(private readonly options: LiveCheckOptions) {}

  /** The onChanged handler. */
  readonly handle = (event: Pick<Excel.WorksheetChangedEventArgs, 'address'> & { triggerSource?: string }): void => {
    const now = (this.options.now ?? Date.now)();
    if (event.triggerSource === 'ThisLocalAddin') return;
    if (event.triggerSource === undefined && (this.running || now < this.ownUntil)) return;
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
    try {
      const report = await this.options.run((context) => checkAndFlag(context));
      this.checks++;
      this.options.onReport(report);
    } catch (err) {
      this.options.onError(err);
    } finally {
      this.running = false;
      this.ownUntil = (this.options.now ?? Date.now)() + (this.options.ownWriteGraceMs ?? 500);
    }
  }
}

/** Registers the handler on the sheet that holds the template (found through the TH_ names). */
export async function watchTemplateSheet(context: Excel.RequestContext, live: LiveCheck): Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null> {
  const names = context.workbook.names.load('items/name,items/type');
  await context.sync();
  const th = names.items.find((n) => n.type === 'Range' && /^TH_/i.test(n.name));
  if (!th) return null;
  const sheet = th.getRange().worksheet;
  const registration = sheet.onChanged.add(async (event) => live.handle(event));
  await context.sync();
  return registration;
}
