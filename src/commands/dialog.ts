// The small dialog a ribbon command opens to tell the user its outcome. The message comes in the URL
// and is shown as text only (never as markup).
import { closeDialog, whenReady } from '../excel/office';

function show(): void {
  const params = new URLSearchParams(window.location.search);
  const message = document.getElementById('message');
  if (message) message.textContent = params.get('m') ?? '';
  document.getElementById('ok')?.addEventListener('click', closeDialog);
}

whenReady(show);
