// `--period` of every command: a period code or words ("nam", "6t", "9t", "q3", "Quý III"), with "ước" or
// "chính thức" when the figures are an estimate or the official ones ("9t-uoc", "uoc-9t", "ước 9 tháng",
// "9t-ct"). One reader and one error line for template, check, summary and adopt.
import { parsePeriod, type PeriodReading } from '../core/period';
import { UsageError } from './args';

export function periodArg(value: string | undefined): PeriodReading | undefined {
  if (value === undefined) return undefined;
  const p = parsePeriod(value);
  if (!p) throw new UsageError(`--period chỉ nhận "nam", "<n>t" (3t, 6t, 9t, 10t) hoặc "q1"–"q4", thêm "-uoc" cho số ước thực hiện hay "-ct" cho số chính thức (9t-uoc), không phải "${value}"`);
  return p;
}
