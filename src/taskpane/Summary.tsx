// Counts of the last check: indicators by status, findings by severity.
import * as React from 'react';
import { Badge, makeStyles, tokens, Text } from '@fluentui/react-components';
import type { Report } from '../core/types';
import type { Strings } from './i18n';

const useStyles = makeStyles({
  grid: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function Summary({ report, t }: { report: Report; t: Strings }): React.JSX.Element {
  const styles = useStyles();
  const status = (s: string) => report.indicators.filter((i) => i.status === s).length;
  const severity = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const items: [string, number, 'success' | 'brand' | 'danger' | 'informative' | 'warning' | 'important'][] = [
    [t.exceeded, status('vuot'), 'success'],
    [t.met, status('dat'), 'brand'],
    [t.shortfall, status('chua-dat'), 'danger'],
    [t.noData, status('khong-du-lieu'), 'informative'],
    [t.errors, severity('error'), 'important'],
    [t.warnings, severity('warning'), 'warning'],
  ];
  return (
    <section aria-label={t.summary}>
      <Text weight="semibold">{t.summary}</Text>
      <div className={styles.grid} data-testid="summary">
        {items.map(([label, n, color]) => (
          <span key={label} className={styles.item}>
            <Badge appearance="filled" color={color} aria-hidden>{n}</Badge>
            <Text>{label}: {n}</Text>
          </span>
        ))}
      </div>
    </section>
  );
}
