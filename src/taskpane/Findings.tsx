// Every finding of the last check, grouped by severity; a click selects its cell in the workbook.
import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens, Text } from '@fluentui/react-components';
import { indicatorById, indicatorName } from '../core/catalog';
import { cellName } from '../core/names';
import type { Finding, Report, Severity } from '../core/types';
import type { Strings } from './i18n';
import { fmt } from '../core/format';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', fontWeight: tokens.fontWeightRegular },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  shortfall: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  where: { color: tokens.colorNeutralForeground3 },
});

const ORDER: Severity[] = ['error', 'shortfall', 'warning'];

export interface FindingsProps {
  report: Report;
  t: Strings;
  /** `sheet`: the finding's sheet, when the workbook has several templates. */
  onSelect: (name: string, sheet?: string) => void;
}

export function Findings({ report, t, onSelect }: FindingsProps): React.JSX.Element {
  const styles = useStyles();
  if (report.findings.length === 0) return <Text>{t.noFindings}</Text>;
  const title: Record<Severity, string> = { error: t.groupError, shortfall: t.groupShortfall, warning: t.groupWarning };
  return (
    <section aria-label={t.findings}>
      {ORDER.map((sev) => {
        const fs = report.findings.filter((f) => f.severity === sev);
        if (fs.length === 0) return null;
        return (
          <div key={sev}>
            <h3>{title[sev]} ({fs.length})</h3>
            <ul className={styles.list}>
              {fs.map((f, i) => (
                <li key={`${f.code}-${f.id}-${f.measure}-${i}`}>
                  <Button appearance="subtle" className={mergeClasses(styles.item, styles[sev])} onClick={() => onSelect(targetOf(f), f.sheet)}
                    title={`${t.goToCell} ${f.cell ?? ''}`} data-testid="finding">
                    <span className={styles.body}>
                      <Text weight="semibold">{heading(f)}</Text>
                      <Text>{f.message}</Text>
                      <Text size={200} className={styles.where}>{[f.cell, f.name, f.code].filter(Boolean).join(' · ')}{valueOf(report, f, t)}</Text>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function heading(f: Finding): string {
  const ind = indicatorById(f.id);
  const name = (ind ? indicatorName(ind) : f.id);
  return `${f.id}${f.measure ? ` (${f.measure.toUpperCase()})` : ''} · ${name}`;
}

/** A finding without a cell of its own (giảm cả 3 mặt) points at its row's status cell. */
function targetOf(f: Finding): string {
  return f.name ?? cellName('DG', f.id, f.measure);
}

function valueOf(report: Report, f: Finding, t: Strings): string {
  if (!f.name?.startsWith('TH_')) return '';
  const r = report.indicators.find((i) => i.id === f.id && i.measure === f.measure);
  return r && r.actual !== null ? ` · ${t.value}: ${typeof r.actual === 'number' ? fmt(r.actual) : r.actual}` : '';
}
