// One line that sums a check up, for the command line's report and the ribbon's dialog.
import type { IndicatorResult, Report, Severity } from './types';

export function summaryLine(report: Report): string {
  const count = (s: IndicatorResult['status']) => report.indicators.filter((i) => i.status === s).length;
  const sev = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  return `Tổng ${report.indicators.length} dòng chỉ tiêu: vượt ${count('vuot')}, đạt ${count('dat')}, chưa đạt ${count('chua-dat')}, chưa có số liệu ${count('khong-du-lieu')}. ` +
    `${sev('error')} lỗi, ${sev('warning')} cảnh báo.`;
}
