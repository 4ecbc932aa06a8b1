// The task pane: insert a template (unit, year, period are for inserting only), check, clear, consolidate;
// then the results of the sheet that was checked — one status line in a live region, the findings in the
// order a person fixes them, a chart, and the report paragraph. Year, period and unit of the results come
// from the checked sheet's title block, never from the fields.
// It never calls Excel itself: every workbook action comes in as a prop.
import * as React from 'react';
import {
  Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens,
} from '@fluentui/react-components';
import { checkedOf, rowsOf, type CheckedReport } from '../core/checked';
import type { Summary } from '../core/summary';
import { tally } from '../core/tally';
import type { PeriodChoice } from '../core/period';
import type { Report } from '../core/types';
import type { ConsolidateOutcome } from '../excel/consolidate';
import { messageOf } from '../excel/errors';
import { sheetNameFor } from '../template/layout';
import type { WorkbookActions } from '../core/actions';
import { Chart } from './Chart';
import { Findings } from './Findings';
import type { Intent, Strings } from './i18n';
import { resultsOf } from './results';
import { JudgedPlan, PLAN_TEXT, PlanChooser, SEED_CHOICE, type PlanChoice } from './PlanChooser';

// The resolution reader and the editable plan load when the section is opened: the pane opens with only
// what a check needs (bundle budget).
const PastePlan = React.lazy(() => import('./PastePlan').then((m) => ({ default: m.PastePlan })));
const OwnTable = React.lazy(() => import('./OwnTable').then((m) => ({ default: m.OwnTable })));
// The paragraph writer and the consolidation's lists come with their first result.
const SummaryPanel = React.lazy(() => import(/* webpackPrefetch: true */ './SummaryPanel').then((m) => ({ default: m.SummaryPanel })));
const Consolidation = React.lazy(() => import('./Consolidation').then((m) => ({ default: m.Consolidation })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-start' },
  status: { fontWeight: tokens.fontWeightSemibold, outlineOffset: '2px' },
  features: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  option: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, cursor: 'pointer', minHeight: '32px' },
});

type Notice = {
  intent: Intent;
  text: string;
  /** A free sheet name to insert into instead (sheet-exists). */
  retryName?: string;
  /** Offer "Dọn tên hỏng": template names left pointing at #REF! after their sheet was deleted. */
  offerClean?: boolean;
};

/** The check found no template but names left as #REF! (src/excel/snapshot.ts NoTemplateInWorkbook). */
const hasDeadNames = (err: unknown): boolean => typeof err === 'object' && err !== null && Number((err as { deadNames?: unknown }).deadNames) > 0;

export interface AppProps {
  actions: WorkbookActions;
  t: Strings;
  initialYear: number;
}

export function App({ actions, t, initialYear }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const [unit, setUnit] = React.useState('');
  const [year, setYear] = React.useState(String(initialYear));
  const [period, setPeriod] = React.useState<PeriodChoice>({ period: 'nam' });
  const [planChoice, setPlanChoice] = React.useState<PlanChoice>(SEED_CHOICE);
  const [yearError, setYearError] = React.useState(false);
  const [unitError, setUnitError] = React.useState(false);
  const [totalName, setTotalName] = React.useState('');
  const [busy, setBusy] = React.useState<'check' | 'other' | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [consolidation, setConsolidation] = React.useState<ConsolidateOutcome | null>(null);
  /** The workbook has a template (seen by an insert, a refusal or a check): offer a unit's own sheet. */
  const [templateKnown, setTemplateKnown] = React.useState(false);
  const [technical, setTechnical] = React.useState(false);
  const [live, setLive] = React.useState(false);
  const [focusStatus, setFocusStatus] = React.useState(0);
  const [pasteOpen, setPasteOpen] = React.useState(false);
  const status = React.useRef<HTMLDivElement>(null);
  const missing = React.useMemo(() => actions.missingFeatures(), [actions]);

  React.useEffect(() => { if (focusStatus > 0) status.current?.focus(); }, [focusStatus]);

  /** Runs one action. Blocks of an earlier action (a notice, a consolidation) go unless `keep`. */
  const work = async (job: () => Promise<void>, kind: 'check' | 'other' = 'other', keep = false) => {
    setBusy(kind);
    if (!keep) { setNotice(null); setConsolidation(null); }
    try {
      await job();
    } catch (err) {
      setNotice({ intent: 'error', text: messageOf(err), ...(hasDeadNames(err) ? { offerClean: true } : {}) });
    } finally {
      setBusy(null);
    }
  };

  const validYear = (): number | null => {
    const y = Number(year);
    const ok = year.trim() !== '' && Number.isInteger(y) && y >= 2000 && y <= 2100;
    setYearError(!ok);
    return ok ? y : null;
  };

  /** The chosen plan is there to insert from (the seed always is); else its field says why, once. */
  const planReady = (): boolean => {
    if (planChoice.kind === 'seed' || planChoice.plan) return true;
    if (!planChoice.error && planChoice.kind === 'file') setPlanChoice({ kind: 'file', error: PLAN_TEXT.fileNeeded });
    return false;
  };

  const insert = (sheetName?: string) => {
    const y = validYear();
    if (y === null) return;
    // A plan file that did not read (or none chosen): its field says why; nothing is inserted.
    // A plan file or stored plan that did not read: its field says why; nothing is inserted.
    if (!planReady()) return;
    const plan = planChoice.plan;
    void work(async () => {
      const outcome = await actions.insertTemplate({ year: y, ...period, unit: unit.trim(), ...(sheetName ? { sheetName } : {}), ...(plan ? { plan } : {}) });
      if (outcome.kind === 'inserted') {
        setTemplateKnown(true);
        const skipped = outcome.skipped.length ? ` ${t.partsSkipped(outcome.skipped)}` : '';
        setNotice({ intent: skipped ? 'warning' : 'success', text: t.inserted(outcome.sheetName) + skipped });
      }
      else if (outcome.kind === 'sheet-exists') setNotice({ intent: 'warning', text: t.sheetExists(outcome.sheetName, outcome.suggestion), retryName: outcome.suggestion });
      else {
        setTemplateKnown(true);
        setUnitError(!unit.trim());
        setNotice({ intent: 'info', text: t.templateExists });
      }
    });
  };

  /** One click: the unit's sheet, named after it (or the next free name when a sheet has that name). */
  const addUnitSheet = () => {
    const y = validYear();
    const name = unit.trim();
    setUnitError(!name);
    if (y === null || !name || !planReady()) return;
    void work(async () => {
      // A unit's sheet is made from the plan the workbook stores (unless a file or the stored plan is chosen):
      // the units of one workbook share one plan, as consolidation and the stored plan sheet assume.
      const plan = planChoice.plan ?? (actions.storedPlan ? (await actions.storedPlan()) ?? undefined : undefined);
      const request = { year: y, ...period, unit: name, unitSheet: true, ...(plan ? { plan } : {}) } as const;
      let outcome = await actions.insertTemplate({ ...request, ...(sheetNameFor(name) ? { sheetName: sheetNameFor(name)! } : {}) });
      if (outcome.kind === 'sheet-exists') outcome = await actions.insertTemplate({ ...request, sheetName: outcome.suggestion });
      if (outcome.kind === 'inserted') {
        const skipped = outcome.skipped.length ? ` ${t.partsSkipped(outcome.skipped)}` : '';
        setNotice({ intent: skipped ? 'warning' : 'success', text: t.inserted(outcome.sheetName) + skipped });
      } else setNotice({ intent: 'warning', text: outcome.kind === 'sheet-exists' ? t.sheetExists(outcome.sheetName, outcome.suggestion) : t.templateExists });
    });
  };

  const check = () => work(async () => {
    const r = await actions.check();
    setReport(r);
    setTemplateKnown(true);
    setFocusStatus((n) => n + 1);
    if (r.notesSkipped?.length) setNotice({ intent: 'warning', text: t.notesSkipped(r.notesSkipped) });
    setLive(await actions.watch(setReport, (err) => setNotice({ intent: 'error', text: messageOf(err) })));
  }, 'check');
  const clear = () => work(async () => {
    const n = await actions.clear();
    setNotice({ intent: 'info', text: n > 0 ? t.cleared(n) : t.nothingToClear });
    setReport(null);
  });
  const consolidate = () => work(async () => {
    const name = totalName.trim();
    const outcome = await actions.consolidate(name ? { unit: name } : {});
    setConsolidation(outcome);
    if (outcome.report) setReport(outcome.report);
    if (outcome.partsSkipped?.length) setNotice({ intent: 'warning', text: t.partsSkipped(outcome.partsSkipped) });
  });
  const cleanNames = () => work(async () => setNotice({ intent: 'success', text: t.namesCleaned(await actions.cleanDeadNames()) }));
  const select = (name: string, sheet?: string) => { void work(() => actions.select(name, sheet), 'other', true); };

  const checked = report ? checkedOf(report) : null;
  // Counted and named by the plan the report was judged by (the adapter says which).
  const counts = React.useMemo(() => (report ? tally(report, { headings: rowsOf(report)?.headings ?? [] }) : null), [report]);
  const results = React.useMemo(() => (report ? resultsOf(report, rowsOf(report)) : null), [report]);
  const writeSummary = (summary: Summary) => {
    if (report) void work(async () => setNotice({ intent: 'success', text: t.summaryWritten(await actions.writeSummary(summary, report)) }), 'other', true);
  };
  const statusText = busy === 'check' ? t.checking : counts ? t.checkedStatus(checked?.sheet ?? '', counts) : '';

  return (
    <main className={styles.root}>
      <h1 className={styles.h1}>{t.title}</h1>

      <section className={styles.section} aria-labelledby={`${id}-template`}>
        <h2 id={`${id}-template`} className={styles.h2}>{t.newTemplate}</h2>
        <Field label={t.unit} {...(unitError ? { validationState: 'error' as const, validationMessage: t.unitNeeded } : {})}>
          <Input value={unit} onChange={(_, d) => { setUnit(d.value); setUnitError(false); }} />
        </Field>
        <div className={styles.row}>
          <Field label={t.year} {...(yearError ? { validationState: 'error' as const, validationMessage: t.yearInvalid } : {})}>
            <Input type="number" value={year} style={{ width: '7em' }} onChange={(_, d) => { setYear(d.value); setYearError(false); }} />
          </Field>
        </div>
        <PlanChooser choice={planChoice} onChoice={setPlanChoice} period={period} onPeriod={setPeriod} {...(actions.storedPlan ? { readStored: () => actions.storedPlan!() } : {})} />
        <div className={styles.row}>
          <Button appearance="secondary" disabled={busy !== null} onClick={() => insert()}>{t.insert}</Button>
          {templateKnown && unit.trim() && <Button appearance="secondary" disabled={busy !== null} onClick={addUnitSheet}>{t.addUnitSheetFor(unit.trim())}</Button>}
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${id}-paste`}>
        <h2 id={`${id}-paste`} className={styles.h2}>
          <Button appearance="subtle" aria-expanded={pasteOpen} aria-controls={`${id}-paste-body`} onClick={() => setPasteOpen((o) => !o)}>
            {`${pasteOpen ? '▾' : '▸'} Dán danh sách chỉ tiêu`}
          </Button>
        </h2>
        {pasteOpen && (
          <div id={`${id}-paste-body`}>
            <React.Suspense fallback={<Text>{t.working}</Text>}>
              <PastePlan actions={actions} disabled={busy !== null} request={() => { const y = validYear(); return y === null ? null : { year: y, ...period, unit: unit.trim() }; }} />
            </React.Suspense>
          </div>
        )}
      </section>

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noticeTitle[notice.intent]}</MessageBarTitle>
            {notice.text}
            {notice.retryName && <div><Button size="small" disabled={busy !== null} onClick={() => insert(notice.retryName)}>{t.insertAs(notice.retryName)}</Button></div>}
            {notice.offerClean && <div><Button size="small" disabled={busy !== null} onClick={() => void cleanNames()}>{t.cleanNames}</Button></div>}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`} className={styles.h2}>{t.results}</h2>
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void check()}>{t.check}</Button>
          <Button disabled={busy !== null} onClick={() => void clear()}>{t.clear}</Button>
          {busy === 'other' && <Text aria-hidden="true">{t.working}</Text>}
        </div>
        {/* Always present, so a screen reader announces what a check found (and live re-checks). */}
        <div ref={status} role="status" aria-live="polite" aria-atomic="true" tabIndex={-1} className={styles.status} data-testid="status">{statusText}</div>
        {report && results && (
          <>
            {(report as CheckedReport).plan && <JudgedPlan plan={(report as CheckedReport).plan!} />}
            <Findings results={results} t={t} sheet={checked?.sheet} technical={technical} onSelect={select} />
            {/* A native checkbox: the pane's first load carries no checkbox component for one option. */}
            <label className={styles.option}>
              <input type="checkbox" checked={technical} onChange={(e) => setTechnical(e.target.checked)} />
              <Text>{t.technical}</Text>
            </label>
            {live && <Text size={200}>{t.liveOn}</Text>}
            {results.bars.length > 0 && (
              <>
                <h3 className={styles.h3}>{t.chartTitle}</h3>
                <Chart bars={results.bars} t={t} />
              </>
            )}
          </>
        )}
      </section>

      {report && (
        <React.Suspense fallback={<Text>{t.working}</Text>}>
          <SummaryPanel report={report} t={t} busy={busy !== null} onWriteSheet={writeSummary} />
        </React.Suspense>
      )}

      <React.Suspense fallback={<Text>{t.working}</Text>}>
        <OwnTable actions={actions} disabled={busy !== null} />
      </React.Suspense>

      <section className={styles.section} aria-labelledby={`${id}-total`}>
        <h2 id={`${id}-total`} className={styles.h2}>{t.consolidateSection}</h2>
        <Field label={t.consolidatedName} hint={t.consolidatedNameHint}>
          <Input value={totalName} placeholder={t.consolidatedDefault} onChange={(_, d) => setTotalName(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button disabled={busy !== null} onClick={() => void consolidate()}>{t.consolidate}</Button>
        </div>
        {consolidation && (
          <React.Suspense fallback={<Text>{t.working}</Text>}>
            <Consolidation outcome={consolidation} t={t} onSelect={select} />
          </React.Suspense>
        )}
      </section>

      {missing.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.featuresOff}</MessageBarTitle>
            <ul className={styles.features}>{missing.map((m) => <li key={m}>{m}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
