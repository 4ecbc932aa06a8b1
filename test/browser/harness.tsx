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
import { fillOwnTable } from '../excel/ownTable';
import { buildTable } from '../fixtures/tables/build';
import { LAYOUTS } from '../fixtures/tables/layouts';

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
  adoptTable: async (table, corrections) => { try { return await real.adoptTable!(table, corrections); } finally { changed(); } },
  watch: (onReport, onError) => real.watch((r) => { onReport(r); changed(); }, onError),
};
(window as unknown as { fake: FakeExcel; syncs: () => number }).fake = fake;
(window as unknown as { syncs: () => number }).syncs = () => fake.syncCount;

/** What the own table was built to contain, so a test judges the pane against the generator's decisions. */
export interface OwnTableLoaded { sheet: string; thLetter: string; rows: number; shortfalls: string[]; mismatches: string[] }
/**
 * Puts a small table of the user's own (the commune layout, headers in one row: merges need ExcelApi 1.13,
 * this page has 1.8) on a new sheet in front: five indicators, one short of plan, one stated verdict wrong.
 */
(window as unknown as { loadOwnTable: () => OwnTableLoaded }).loadOwnTable = () => {
  const sheet = 'Biểu xã';
  const base = LAYOUTS.find((l) => l.name === 'xa-la-ma-khong-ke-hoach')!;
  const ids = new Set(['I', 'I.1', 'I.3', 'I.4', 'II', 'II.3', 'II.4']);
  const t = buildTable({
    ...base, name: 'xa-nho', seed: 5, noise: false, title: undefined, mismatch: [1], only: (id) => ids.has(id),
    cols: base.cols.map((c) => ({ key: c.key, label: c.group ? `${c.label} ${c.group}` : c.label })),
  });
  fake.addSheet(sheet);
  fillOwnTable(fake, sheet, t);
  fake.activateAsUser(sheet);
  changed();
  const letter = t.expected.columns;
  return {
    sheet, thLetter: letter.TH!, rows: t.expected.rows.length,
    shortfalls: t.expected.rows.filter((r) => r.status === 'chua-dat').map((r) => `${letter.TH}${r.row}`),
    mismatches: t.expected.mismatches.map((m) => `${letter[m.col]}${m.row}`),
  };
};

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
