// The report paragraph of the last check, ready to paste into the Word report, and the "Tóm tắt" sheet.
import * as React from 'react';
import { Button, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Summary } from '../core/summary';
import type { Strings } from './i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
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
    <section aria-label={t.paragraph} className={styles.root}>
      <Text weight="semibold">{t.paragraph}</Text>
      <Textarea ref={area} readOnly value={summary.paragraph} rows={7} aria-label={t.paragraph} data-testid="paragraph" />
      <div className={styles.row}>
        <Button size="small" onClick={() => void copy()}>{copied ? t.copied : t.copy}</Button>
        <Button size="small" disabled={busy} onClick={onWriteSheet}>{t.writeSummary}</Button>
      </div>
    </section>
  );
}
