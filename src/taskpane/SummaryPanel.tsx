// The report paragraph of a check, made from the rows the report was judged by (the workbook's plan, never
// the built-in example's for another plan) and the checked sheet's title block. Loaded on demand with the
// paragraph writer (core/summary): the pane opens without it.
import * as React from 'react';
import { checkedOf, rowsOf } from '../core/checked';
import { summarize, type Summary, type SummaryOptions } from '../core/summary';
import type { Report } from '../core/types';
import type { Strings } from './i18n';
import { SummaryText } from './SummaryText';

/** The title block of the checked sheet and the plan's rows, for the paragraph and the "Tóm tắt" sheet. */
export function summaryOptions(report: Report): SummaryOptions {
  const c = checkedOf(report);
  const rows = rowsOf(report);
  return {
    ...(rows ? { indicators: rows.indicators, headings: rows.headings } : {}),
    ...(c?.year != null ? { year: c.year } : {}),
    ...(c?.unit ? { unit: c.unit } : {}),
    ...(c?.baseYear != null ? { baseYear: c.baseYear } : {}),
  };
}

export interface SummaryPanelProps {
  report: Report;
  t: Strings;
  busy: boolean;
  onWriteSheet: (summary: Summary) => void;
}

export function SummaryPanel({ report, t, busy, onWriteSheet }: SummaryPanelProps): React.JSX.Element {
  const summary = React.useMemo(() => summarize(report, summaryOptions(report)), [report]);
  return <SummaryText summary={summary} t={t} busy={busy} onWriteSheet={() => onWriteSheet(summary)} />;
}
