// The report paragraph of the last check, ready to paste into the Word report, and the "Tóm tắt" sheet.
// Collapsed while the table still lacks figures or has errors (a paragraph of a half-filled table is not
// one to paste); a click shows it anyway.
import * as React from 'react';
import { Button, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Summary } from '../core/summary';
import type { Strings } from './i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface SummaryTextProps {
  summary: Summary;
  t: Strings;
  busy: boolean;
  onWriteSheet: () => void;
}

export function SummaryText({ summary, t, busy, onWriteSheet }: SummaryTextProps): React.JSX.Element {
  const styles = useStyles();
  const area = React.useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = React.useState(false);
  const complete = summary.noData.length === 0 && summary.errors === 0;
  const [asked, setAsked] = React.useState<boolean | null>(null);
  const open = asked ?? complete;
  const headingId = React.useId();
  const bodyId = React.useId();
  React.useEffect(() => setCopied(false), [summary.paragraph]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary.paragraph);
    } catch {
      // Office's web views may refuse the clipboard API: select the text and use the older command.
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h2 id={headingId} className={styles.heading}>{t.paragraph}</h2>
      {!complete && <Text>{t.paragraphWaiting(summary.noData.length, summary.errors)}</Text>}
      <div className={styles.row}>
        <Button size="small" aria-expanded={open} aria-controls={bodyId} onClick={() => setAsked(!open)}>{open ? t.paragraphHide : t.paragraphShow}</Button>
        <Button size="small" disabled={busy} onClick={onWriteSheet}>{t.writeSummary}</Button>
      </div>
      {open && (
        <div id={bodyId} className={styles.root}>
          <Textarea ref={area} readOnly value={summary.paragraph} rows={7} aria-label={t.paragraph} data-testid="paragraph" />
          <div className={styles.row}><Button size="small" onClick={() => void copy()}>{copied ? t.copied : t.copy}</Button></div>
        </div>
      )}
    </section>
  );
}
