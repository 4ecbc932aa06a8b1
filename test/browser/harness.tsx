// Test harness page (never part of the production bundle): the real task pane and the real Office.js
// adapter (src/excel/) running against the typed fake of Excel, in a browser. Beside the pane, a plain
// grid shows the fake workbook's template sheet so a test can type into cells as a user would.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FakeExcel } from '../excel/fake';
import { buildTemplate } from '../../src/template/model';
import { ALL_FEATURES } from '../../src/excel/features';
import { consolidateSheets } from '../../src/excel/consolidate';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { deleteDeadNames } from '../../src/excel/deadNames';
import { writeSummarySheet } from '../../src/excel/summarySheet';
import { checkAndFlag, clearFlags, selectCell } from '../../src/excel/flags';
import type { WorkbookActions } from '../../src/core/actions';
import { stringsFor } from '../../src/taskpane/i18n';
import { mountApp } from '../../src/taskpane/mount';
import { COLUMN_ORDER, COLUMNS, LAST_COLUMN } from '../../src/template/layout';

const fake = new FakeExcel({ sheets: ['Sheet1'] });
const ctx = () => fake.newContext() as unknown as Excel.RequestContext;
let sheetName: string | null = null;
let lastRow = 0;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

const features = { ...ALL_FEATURES, pageLayout: false };
const actions: WorkbookActions = {
  async insertTemplate(req) {
    const model = buildTemplate({ year: req.year, period: req.period, unit: req.unit, ...(req.sheetName ? { sheetName: req.sheetName } : {}) });
    const outcome = await insertTemplate(ctx(), model, features, { unitSheet: req.unitSheet === true });
    if (outcome.kind === 'inserted') { sheetName = outcome.sheetName; lastRow = model.lastRow; }
    changed();
    return outcome;
  },
  async check(period) { const r = await checkAndFlag(ctx(), period); changed(); return r; },
  async clear() { const n = await clearFlags(ctx()); changed(); return n; },
  async select(name, sheet) { await selectCell(ctx(), name, sheet); changed(); },
  async consolidate(req) { const o = await consolidateSheets(ctx(), req, features); changed(); return o; },
  watch: async () => false,
  async writeSummary(summary, report) { const n = await writeSummarySheet(ctx(), summary, report, { chart: false }); changed(); return n; },
  async cleanDeadNames() { const n = await deleteDeadNames(ctx()); changed(); return n; },
  missingFeatures: () => ['Thiết lập trang in A4 ngang (cần ExcelApi 1.9)'],
};
(window as unknown as { fake: FakeExcel; syncs: () => number }).fake = fake;
(window as unknown as { syncs: () => number }).syncs = () => fake.syncCount;

function Grid(): React.JSX.Element | null {
  const [, setTick] = React.useState(0);
  React.useEffect(() => { const l = () => setTick((t) => t + 1); listeners.add(l); return () => { listeners.delete(l); }; }, []);
  if (!sheetName) return <p>Sổ tính trống.</p>;
  const sheet = sheetName;
  const sel = fake.selection;
  const rows = Array.from({ length: lastRow }, (_, i) => i + 1);
  const thRows = new Set(fake.names().filter((n) => n.name.startsWith('TH_')).map((n) => Number(/(\d+)$/.exec(n.reference)?.[1])));
  return (
    <table aria-label="Trang tính" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row">{r}</th>
            {COLUMN_ORDER.map((k) => {
              const address = `${COLUMNS[k].letter}${r}`;
              const c = fake.cell(sheet, address);
              const selected = sel?.sheet === sheet && sel.address.replace(/\$/g, '') === address;
              const shown = c.formula ? '=…' : String(c.value ?? '');
              return (
                <td key={k} data-cell={address} data-fill={c.fill ?? ''} data-selected={selected ? 'yes' : undefined}
                  style={{ border: '1px solid #ccc', background: c.fill ?? undefined, outline: selected ? '2px solid #0f6cbd' : undefined, minWidth: 40 }}>
                  {k === 'actual' && thRows.has(r) ? (
                    <input aria-label={`Ô ${address}`} defaultValue={shown} size={10}
                      onBlur={(e) => { void fake.userEdit(sheet, address, e.currentTarget.value).then(changed); }} />
                  ) : shown}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const pane = document.getElementById('pane')!;
mountApp(pane, { actions, t: stringsFor('vi-VN'), initialYear: 2023 });
createRoot(document.getElementById('sheet')!).render(<Grid />);
void LAST_COLUMN;
