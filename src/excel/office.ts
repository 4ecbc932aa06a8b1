// The Office (not Excel) calls the pages need: start-up, the host's language and requirement sets, the
// ribbon's function associations and the outcome dialog. Kept here so src/excel/ holds every Office.js call.

export type Host = 'excel' | 'other' | 'none';

/** Resolves once Office is ready: which host, and its display language; 'none' when office.js is absent. */
export async function officeReady(): Promise<{ host: Host; language: string | null }> {
  if (typeof Office === 'undefined') return { host: 'none', language: null };
  const info = await Office.onReady();
  const host: Host = info.host === Office.HostType.Excel && typeof Excel !== 'undefined' ? 'excel' : info.host ? 'other' : 'none';
  return { host, language: host === 'none' ? null : Office.context.displayLanguage ?? null };
}

export function isSetSupported(name: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(name, version);
}

/** Binds the ribbon's ExecuteFunction names to handlers that complete their event. */
export function associateCommands(commands: Record<string, () => Promise<void>>): void {
  void Office.onReady(() => {
    for (const [name, run] of Object.entries(commands)) {
      Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
        void run().finally(() => event.completed());
      });
    }
  });
}

/** How long a ribbon command waits for its dialog to close: some builds never send the close event (ESC). */
export const DIALOG_TIMEOUT_MS = 120_000;

/**
 * Opens dialog.html (beside this page, so a deployment under a sub-path works) with the message; resolves
 * when the user closes it, when it cannot be shown, or after `timeoutMs` — so the ribbon command always ends.
 */
export function showMessage(message: string, timeoutMs = DIALOG_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => { if (timer !== undefined) clearTimeout(timer); resolve(); };
    const url = new URL(`dialog.html?m=${encodeURIComponent(message)}`, window.location.href).href;
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error('chitieu:', message, result.error);
        done();
        return;
      }
      const dialog = result.value;
      timer = setTimeout(() => { dialog.close(); resolve(); }, timeoutMs);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => { dialog.close(); done(); });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    });
  });
}

/** Runs `fn` once Office is ready, or at once where office.js is absent. */
export function whenReady(fn: () => void): void {
  if (typeof Office !== 'undefined') void Office.onReady(fn);
  else fn();
}

/** From the dialog page: asks the add-in to close it. */
export function closeDialog(): void {
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
  else window.close();
}
