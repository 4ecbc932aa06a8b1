// Live check: when the user edits a template sheet (the workbook's, a unit's, a consolidated one), re-check
// and re-flag that sheet after a short pause (a paste of many cells fires many events: they become one
// check). The add-in's own writes fire onChanged too. From ExcelApi 1.14 they say so (triggerSource); before
// it, an event is ours only if every cell it names is a note cell our last check wrote on that sheet, or a
// formula cell of a row the user added — the only values a check writes. Anything else is the user's and is re-checked, even if it arrives while our
// check runs or just after (a time window would drop those edits).
import type { Report } from '../core/types';
import { checkAndFlag, type WrittenCells } from './flags';
import { SHEET_NAMES_LOAD } from './marker';
import { hasTemplateNames } from './snapshot';

export type Run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface LiveCheckOptions {
  run: Run;
  onReport: (report: Report) => void;
  onError: (err: unknown) => void;
  /** Quiet time before a re-check (ms). */
  debounceMs?: number;
}

export class LiveCheck {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** Sheets edited since the last re-check (by id; '' for an event that does not say). */
  private readonly pending = new Set<string>();
  /** Note cells (and added rows' formula cells) our checks wrote, by worksheet id: "M12". */
  private readonly ours = new Map<string, Set<string>>();
  /** How many re-checks ran: tests and the benchmark read it. */
  checks = 0;
  /** After "Xóa đánh dấu" (or while a Kiểm tra runs): edits wait for the next Kiểm tra, nothing re-flags. */
  private paused = false;

  constructor(private readonly options: LiveCheckOptions) {}

  /** The onChanged handler. */
  readonly handle = (event: Pick<Excel.WorksheetChangedEventArgs, 'address'> & { triggerSource?: string; worksheetId?: string }): void => {
    if (this.paused || event.triggerSource === 'ThisLocalAddin') return;
    if (event.triggerSource === undefined && this.isOurWrite(event.worksheetId ?? '', event.address)) return;
    this.pending.add(event.worksheetId ?? '');
    this.schedule();
  };

  /**
   * Stops re-checking: a re-check waiting for its pause is dropped, one running finishes without being
   * reported. Resolves when none runs, so the flags cleared next are not put back by a late re-check.
   */
  async pause(): Promise<void> {
    this.paused = true;
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.pending.clear();
    await this.idle();
  }

  /** Re-checks edits again (after a Kiểm tra). */
  resume(): void {
    this.paused = false;
  }

  /** Resolves when no re-check is waiting or running (tests). */
  async idle(): Promise<void> {
    while (this.timer || this.running) await new Promise((r) => setTimeout(r, 10));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recheck(), this.options.debounceMs ?? 400);
  }

  private isOurWrite(sheetId: string, address: string): boolean {
    const ours = this.ours.get(sheetId);
    if (!ours) return false;
    const cells = cellsOf(address.replace(/^.*!/, '').replace(/\$/g, ''));
    return cells !== null && cells.every((c) => ours.has(c));
  }

  private readonly remember = (written: WrittenCells): void => {
    const set = this.ours.get(written.sheetId) ?? new Set<string>();
    for (const a of written.addresses) set.add(a);
    this.ours.set(written.sheetId, set);
  };

  private async recheck(): Promise<void> {
    this.timer = null;
    // One check at a time: edits made meanwhile wait in `pending` and are checked right after.
    if (this.running) return;
    this.running = true;
    const sheets = [...this.pending];
    this.pending.clear();
    try {
      for (const sheet of sheets) {
        const report = await this.options.run((context) => checkAndFlag(context, undefined, sheet || undefined, this.remember));
        this.checks++;
        if (!this.paused) this.options.onReport(report);
      }
    } catch (err) {
      this.options.onError(err);
    } finally {
      this.running = false;
      if (this.pending.size > 0) this.schedule();
    }
  }
}

/** "M12" → ["M12"]; "M12:M14" → ["M12", "M13", "M14"]; null for anything bigger than a small block. */
function cellsOf(address: string): string[] | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return null;
  const [c0, r0, c1 = m[1]!, r1 = m[2]!] = [m[1]!, m[2]!, m[3], m[4]];
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const [a, b, x, y] = [col(c0), col(c1), Number(r0), Number(r1)];
  if ((b - a + 1) * (y - x + 1) > 1000) return null;
  const out: string[] = [];
  for (let r = x; r <= y; r++) for (let c = a; c <= b; c++) out.push(`${letters(c)}${r}`);
  return out;
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
