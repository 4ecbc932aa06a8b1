// Test harness page (never part of the production bundle): the real task pane and the add-in's own
// workbook actions (src/excel/actions.ts, with its code loaded on demand) running against the typed fake of
// Excel, in a browser. Beside the pane, a plain grid shows the fake workbook's template sheet so a test can
// type into cells as a user would.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FakeExcel, fakeRequirements, installExcelGlobals } from '../excel/fake';
import { excelActions } from '../../src/excel/actions';
import type { WorkbookActions } from '../../src/core/actions';
import { stringsFor } from '../../src/taskpane/i18n';
import { mountApp } from '../../src/taskpane/mount';
import { COLUMN_ORDER, COLUMNS } from '../../src/template/layout';

const fake = new FakeExcel({ sheets: ['Sheet1'] });
// Excel 2019's sets (1.8): everything but the A4 print setup (1.9), so the pane lists one missing feature.
const requirements = fakeRequirements({ ExcelApi: '1.8' });
installExcelGlobals(fake, { requirements });
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

const real = excelActions((name, version) => requirements.isSetSupported(name, version));
/** The real actions; each one redraws the grid when done. */
const actions: WorkbookActions = {
  ...real,
  insertTemplate: async (req) => { try { return await real.insertTemplate(req); } finally { changed(); } },
  check: async (period) => { try { return await real.check(period); } finally { changed(); } },
  clear: async () => { try { return await real.clear(); } finally { changed(); } },
  select: async (name, sheet) => { try { await real.select(name, sheet); } finally { changed(); } },
  consolidate: async (req) => { try { return await real.consolidate(req); } finally { changed(); } },
  writeSummary: async (summary, report) => { try { return await real.writeSummary(summary, report); } finally { changed(); } },
  watch: (onReport, onError) => real.watch((r) => { onReport(r); changed(); }, onError),
};
(window as unknown as { fake: FakeExcel; syncs: () => number }).fake = fake;
(window as unknown as { syncs: () => number }).syncs = () => fake.syncCount;

let lastShown: string | null = null;
/** The sheet the grid shows: the template sheet Excel has in front (or had last, when the front one has none). */
function shownSheet(): { sheet: string; lastRow: number; thRows: Set<number> } | null {
  const names = fake.names();
  const th = names.filter((n) => n.name.startsWith('TH_'));
  if (th.length === 0) return null;
  const sheetOf = (ref: string) => ref.slice(0, ref.lastIndexOf('!')).replace(/^=?'?|'$/g, '').replace(/''/g, "'");
  const sheets = [...new Set(th.map((n) => sheetOf(n.reference)))];
  const active = fake.activeSheet;
  if (active && sheets.includes(active)) lastShown = active;
  const sheet = lastShown && sheets.includes(lastShown) ? lastShown : sheets[0]!;
  const rows = th.filter((n) => sheetOf(n.reference) === sheet).map((n) => Number(/(\d+)$/.exec(n.reference)?.[1]));
  return { sheet, lastRow: Math.max(...rows) + 2, thRows: new Set(rows) };
}

function Grid(): React.JSX.Element | null {
  const [, setTick] = React.useState(0);
  React.useEffect(() => { const l = () => setTick((t) => t + 1); listeners.add(l); return () => { listeners.delete(l); }; }, []);
  const shown = shownSheet();
  if (!shown) return <p>File trống.</p>;
  const { sheet, lastRow, thRows } = shown;
  const sel = fake.selection;
  const rows = Array.from({ length: lastRow }, (_, i) => i + 1);
  return (
    <table aria-label={`Sheet ${sheet}`} data-sheet={sheet} style={{ borderCollapse: 'collapse', fontSize: 12 }}>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row">{r}</th>
            {COLUMN_ORDER.map((k) => {
              const address = `${COLUMNS[k].letter}${r}`;
              const c = fake.cell(sheet, address);
              const selected = sel?.sheet === sheet && sel.address.replace(/\$/g, '') === address;
              const shownValue = c.formula ? '=…' : String(c.value ?? '');
              return (
                <td key={k} data-cell={address} data-fill={c.fill ?? ''} data-selected={selected ? 'yes' : undefined}
                  style={{ border: '1px solid #ccc', background: c.fill ?? undefined, outline: selected ? '2px solid #0f6cbd' : undefined, minWidth: 40 }}>
                  {k === 'actual' && thRows.has(r) ? (
                    <input key={`${sheet}-${shownValue}`} aria-label={`Ô ${address}`} defaultValue={shownValue} size={10}
                      onBlur={(e) => { void fake.userEdit(sheet, address, e.currentTarget.value).then(changed); }} />
                  ) : shownValue}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

mountApp(document.getElementById('pane')!, { actions, t: stringsFor('vi-VN'), initialYear: 2023 });
createRoot(document.getElementById('sheet')!).render(<Grid />);
