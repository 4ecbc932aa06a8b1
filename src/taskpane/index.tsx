// Entry of the task pane: waits for Office, then renders the pane with the real Excel actions — or, in
// a plain browser (no Excel, or office.js not loaded), a page that says where it must be opened.
import { excelActions } from '../excel/actions';
import { isSetSupported, officeReady } from '../excel/office';
import { stringsFor } from './i18n';
import { mountApp, mountOutsideExcel } from './mount';

// First: tells the ES5 fallback (fallback.es5.js) that this engine runs the bundle.
(window as unknown as { chitieuStarted?: boolean }).chitieuStarted = true;

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (!el) throw new Error('Không tìm thấy phần tử #container trong taskpane.html');
  return el;
}

void officeReady().then(({ host, language }) => {
  if (host !== 'excel') mountOutsideExcel(container());
  else mountApp(container(), { actions: excelActions(isSetSupported), t: stringsFor(language), initialYear: new Date().getFullYear() });
});
