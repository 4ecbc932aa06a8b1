// The task pane: the report's unit, year and period; insert, check, clear, consolidate; the summary and the
// findings.
// It never calls Excel itself: every workbook action comes in as a prop.
import * as React from 'react';
import {
  Button, Divider, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, tokens, Title3,
} from '@fluentui/react-components';
import type { Period, Report } from '../core/types';
import type { ConsolidateOutcome } from '../excel/consolidate';
import { sheetNameFor } from '../template/layout';
import type { WorkbookActions } from '../core/actions';
import { Consolidation } from './Consolidation';
import type { Strings } from './i18n';
import { Findings } from './Findings';
import { Summary } from './Summary';
import { SummaryText } from './SummaryText';
import { summarize } from '../core/summary';
import { messageOf } from '../excel/errors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  features: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Notice = {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
  /** A free sheet name to insert into instead (sheet-exists). */
  retryName?: string;
  /** The retry inserts a unit sheet (sheet-scoped names). */
  unitSheet?: boolean;
  /** Offer "Thêm sheet cho đơn vị khác" (template-exists). */
  offerUnitSheet?: boolean;
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
  const [unit, setUnit] = React.useState('');
  const [year, setYear] = React.useState(String(initialYear));
  const [period, setPeriod] = React.useState<Period>('nam');
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [consolidation, setConsolidation] = React.useState<ConsolidateOutcome | null>(null);
  const missing = React.useMemo(() => actions.missingFeatures(), [actions]);

  const work = async (job: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await job();
    } catch (err) {
      setNotice({ intent: 'error', text: messageOf(err), ...(hasDeadNames(err) ? { offerClean: true } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const insert = (sheetName?: string, unitSheet = false) => work(async () => {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new Error(`Năm "${year}" không hợp lệ: nhập năm từ 2000 đến 2100.`);
    const outcome = await actions.insertTemplate({ year: y, period, unit, ...(sheetName ? { sheetName } : {}), ...(unitSheet ? { unitSheet: true } : {}) });
    if (outcome.kind === 'inserted') {
      const skipped = outcome.skipped.length ? ` ${t.partsSkipped(outcome.skipped)}` : '';
      setNotice({ intent: skipped ? 'warning' : 'success', text: t.inserted(outcome.sheetName) + skipped });
    }
    else if (outcome.kind === 'sheet-exists') {
      setNotice({ intent: 'warning', text: t.sheetExists(outcome.sheetName, outcome.suggestion), retryName: outcome.suggestion, ...(unitSheet ? { unitSheet } : {}) });
    } else setNotice({ intent: 'warning', text: t.templateExists(outcome.name), offerUnitSheet: !unitSheet });
  });
  const [live, setLive] = React.useState(false);
  const check = () => work(async () => {
    const checked = await actions.check();
    setReport(checked);
    if (checked.notesSkipped?.length) setNotice({ intent: 'warning', text: t.notesSkipped(checked.notesSkipped) });
    setLive(await actions.watch(setReport, (err) => setNotice({ intent: 'error', text: messageOf(err) })));
  });
  const clear = () => work(async () => {
    const n = await actions.clear();
    setNotice({ intent: 'info', text: n > 0 ? t.cleared(n) : t.nothingToClear });
    setReport(null);
    setConsolidation(null);
  });
  const consolidate = () => work(async () => {
    setConsolidation(null);
    const name = unit.trim();
    const outcome = await actions.consolidate(name ? { unit: name } : {});
    setConsolidation(outcome);
    if (outcome.report) setReport(outcome.report);
    if (outcome.partsSkipped?.length) setNotice({ intent: 'warning', text: t.partsSkipped(outcome.partsSkipped) });
  });
  const cleanNames = () => work(async () => setNotice({ intent: 'success', text: t.namesCleaned(await actions.cleanDeadNames()) }));
  const select = (name: string, sheet?: string) => { void work(() => actions.select(name, sheet)); };
  const summary = React.useMemo(() => (report ? summarize(report, { year: Number(year) || undefined, unit: unit.trim() || undefined }) : null), [report, year, unit]);
  const writeSummary = () => { if (report && summary) void work(async () => setNotice({ intent: 'success', text: t.summaryWritten(await actions.writeSummary(summary, report)) })); };

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t.title}</Title3>
      <Field label={t.unit}><Input value={unit} onChange={(_, d) => setUnit(d.value)} /></Field>
      <div className={styles.row}>
        <Field label={t.year}><Input type="number" value={year} onChange={(_, d) => setYear(d.value)} /></Field>
        <Field label={t.period}>
          <RadioGroup layout="horizontal" value={period} onChange={(_, d) => setPeriod(d.value as Period)}>
            <Radio value="nam" label={t.periodYear} />
            <Radio value="6t" label={t.period6} />
          </RadioGroup>
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="secondary" disabled={busy} onClick={() => void insert()}>{t.insert}</Button>
        <Button appearance="primary" disabled={busy} onClick={() => void check()}>{t.check}</Button>
        <Button appearance="secondary" disabled={busy} onClick={() => void clear()}>{t.clear}</Button>
      </div>
      <div className={styles.row}>
        <Button appearance="secondary" disabled={busy} onClick={() => void consolidate()}>{t.consolidate}</Button>
      </div>
      {busy && <Spinner size="small" label={t.working} />}
      {live && <Text size={200} role="status">{t.liveOn}</Text>}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {notice.text}{' '}
            {notice.retryName && <Button size="small" disabled={busy} onClick={() => void insert(notice.retryName, notice.unitSheet)}>{t.insertAs(notice.retryName)}</Button>}
            {notice.offerClean && <Button size="small" disabled={busy} onClick={() => void cleanNames()}>{t.cleanNames}</Button>}
            {notice.offerUnitSheet && <Button size="small" disabled={busy} onClick={() => void insert(sheetNameFor(unit), true)}>{t.addUnitSheet}</Button>}
          </MessageBarBody>
        </MessageBar>
      )}
      {consolidation && <Consolidation outcome={consolidation} t={t} onSelect={select} />}
      {missing.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t.featuresOff}
            <ul className={styles.features}>{missing.map((m) => <li key={m}>{m}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <Divider />
          <Summary report={report} t={t} />
          {summary && <SummaryText summary={summary} t={t} busy={busy} onWriteSheet={writeSummary} />}
          <Findings report={report} t={t} onSelect={select} />
        </>
      )}
    </main>
  );
}
