// Optional parts of a write (formats, validation, conditional formats, frozen panes, print setup), each
// in its own batch: Excel keeps what ran before a failure, and some builds refuse some of these (freeze
// panes, print setup), so one refusal must neither undo the essential part nor stop the other parts.
import { messageOf } from './errors';

export interface OptionalStep {
  /** What the user loses without it, in Vietnamese ("Cố định dòng tiêu đề"). */
  label: string;
  /** Queues the step's operations (no sync). */
  write: () => void;
}

/**
 * Runs each step in its own sync; a failing one is skipped. Resolves what was skipped, each with why, for
 * the user: "Cố định dòng tiêu đề (Có lỗi khi làm việc với Excel (GeneralException): …)".
 */
export async function runOptionalSteps(context: Excel.RequestContext, steps: readonly OptionalStep[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const step of steps) {
    try {
      step.write();
      // One batch per step on purpose: a refused step must not take the others with it.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      skipped.push(`${step.label} (${messageOf(err)})`);
    }
  }
  return skipped;
}
