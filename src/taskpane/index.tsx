// Entry of the task pane: waits for Office, then renders the pane with the real Excel actions — or, in
// a plain browser (no Excel), a page that says where it must be opened instead of crashing.
import { excelActions } from '../excel/actions';
import { stringsFor } from './i18n';
import { mountApp, mountOutsideExcel } from './mount';

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (!el) throw new Error('Không tìm thấy phần tử #container trong taskpane.html');
  return el;
}

function start(host: Office.HostType | null): void {
  if (host !== Office.HostType.Excel || typeof Excel === 'undefined') {
    mountOutsideExcel(container());
    return;
  }
  const t = stringsFor(Office.context.displayLanguage);
  const actions = excelActions((name, version) => Office.context.requirements.isSetSupported(name, version));
  mountApp(container(), { actions, t, initialYear: new Date().getFullYear() });
}

if (typeof Office === 'undefined') {
  // office.js did not load (opened from disk, or blocked): still tell the user what to do.
  mountOutsideExcel(container());
} else {
  void Office.onReady((info) => start(info.host ?? null));
}
