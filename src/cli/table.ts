// The readable Vietnamese report of `chitieu check`: the indicators' table, then the findings by severity.
import type { Heading, Indicator } from '../core/plan';
import { SEVERITY_WORD } from '../core/flags';
import { fmt } from '../core/format';
import { STATUS_TEXT } from '../core/rules';
import { periodText } from '../core/period';
import { summaryLine } from '../core/reportLine';
import type { IndicatorResult, Report, Severity } from '../core/types';

const HEAD = ['Mã', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Chỉ số TT %', '% KH', 'Đánh giá'];

/** A row's name in the table: from the plan it was judged by (its indicators, its headings); undefined: its id. */
export type NameOf = (r: IndicatorResult) => string | undefined;

/** Names from the plan the report was judged by — the workbook's own, never the built-in example's for another plan. */
export function planNames(plan: { indicators: readonly Indicator[]; headings: readonly Heading[] }): NameOf {
  const names = new Map<string, string>();
  for (const h of plan.headings) names.set(h.id, h.name);
  for (const i of plan.indicators) names.set(i.id, i.name);
  return (r) => names.get(r.id);
}

export function renderReport(report: Report, source: string, nameOf: NameOf): string {
  const lines: string[] = [];
  lines.push(`Kiểm tra: ${source} — kỳ báo cáo: ${periodText(report.period, report.uoc).toLowerCase()}`);
  lines.push('');
  const body = report.indicators.map((r) => row(r, nameOf(r)));
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(line(HEAD), widths.map((w) => '─'.repeat(w)).join('  '));
  body.forEach((r) => lines.push(line(r)));
  lines.push('');
  lines.push(summaryLine(report));
  const groups: Severity[] = ['error', 'shortfall', 'warning'];
  for (const sev of groups) {
    const fs = report.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    lines.push('', `${SEVERITY_WORD[sev].toUpperCase()} (${fs.length})`);
    for (const f of fs) {
      const where = [f.cell, f.name].filter(Boolean).join(' ');
      lines.push(`  ${f.id}${f.measure ? '/' + f.measure : ''}${where ? ' [' + where + ']' : ''} ${f.code}: ${f.message}`);
    }
  }
  return lines.join('\n') + '\n';
}

function row(r: IndicatorResult, own: string | undefined): string[] {
  const name = (own ?? r.id).replace(/^Trong đó: /, '') + (r.measure ? ` (${r.measure.toUpperCase()})` : '');
  const v = (x: number | string | null) => (x === null ? '' : typeof x === 'number' ? fmt(x) : x);
  return [
    r.id, name.length > 44 ? name.slice(0, 43) + '…' : name, v(r.plan), v(r.actual),
    r.growth === null ? '' : fmt(r.growth, 2), r.percentOfPlan === null ? '' : fmt(r.percentOfPlan, 2), STATUS_TEXT[r.status],
  ];
}
