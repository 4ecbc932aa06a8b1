// The "Tóm tắt" sheet beside the template: the report paragraph, the indicators not achieved with their
// gaps, and % of plan by indicator (with a bar chart where wanted). Written in two syncs (three when one is
// refreshed); refreshed in place when it is ours — a workbook setting remembers its name, and the sheet
// must carry our mark (src/excel/marker.ts): a sheet of the user's, even under that name, is never deleted.
import { indicatorLabel, type Summary } from '../core/summary';
import { rowsOf } from '../core/checked';
import { periodWords } from '../core/period';
import { planIndex } from '../core/plan';
import { tally } from '../core/tally';
import type { Report } from '../core/types';
import { freeSheetName, writeEssential } from './insertTemplate';
import { markOf, SHEET_NAMES_LOAD } from './marker';

export const SUMMARY_SHEET = 'Tóm tắt';
export const SUMMARY_SETTING = 'chitieu.summarySheet';

export async function writeSummarySheet(context: Excel.RequestContext, summary: Summary, report: Report, options: { chart: boolean }): Promise<string> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name');
  const ours = workbook.settings.getItemOrNullObject(SUMMARY_SETTING).load('value');
  await context.sync();

  const names = sheets.items.map((s) => s.name);
  const remembered = ours.isNullObject ? null : String(ours.value);
  let previous: string | null = null;
  if (remembered && names.includes(remembered)) {
    const own = workbook.worksheets.getItem(remembered).names.load(SHEET_NAMES_LOAD);
    await context.sync();
    if (markOf(own)?.kind === 'summary') previous = remembered;
  }
  const name = previous ?? freeSheetName(SUMMARY_SHEET, names);
  const rows: (string | number)[][] = [];
  const put = (...cells: (string | number | null)[]) => rows.push([0, 1, 2, 3, 4].map((i) => cells[i] ?? ''));
  put('TÓM TẮT KẾT QUẢ THỰC HIỆN CHỈ TIÊU KINH TẾ - XÃ HỘI');
  put([summary.unit, summary.year ? `năm ${summary.year}` : null, `báo cáo ${periodWords(summary.period)}`].filter(Boolean).join(' — '));
  put();
  put('Đoạn văn cho báo cáo (sao chép vào văn bản):');
  const paragraphRow = rows.length + 1;
  put(summary.paragraph);
  put();
  // Counted as the task pane counts (core/tally.ts): "cần xem lại" leaves out the cells still to be typed.
  const plan = rowsOf(report);
  const counted = tally(report, plan ? { headings: plan.headings } : {});
  put('Vượt', 'Đạt', 'Chưa đạt', 'Chưa có số liệu', 'Lỗi / cần xem lại');
  put(summary.counts.vuot, summary.counts.dat, summary.counts['chua-dat'], summary.counts['khong-du-lieu'], `${counted.errors} / ${counted.review}`);
  put();
  put('Mã', 'Chỉ tiêu chưa đạt', '% kế hoạch', 'Thiếu so với kế hoạch', 'Ghi chú');
  for (const s of summary.notAchieved) put(s.id, s.name, s.percentOfPlan, s.gap, s.text);
  put();
  const chartHeader = rows.length + 1;
  put('Chỉ tiêu', '% so kế hoạch');
  const withPercent = report.indicators.filter((i) => i.percentOfPlan !== null);
  const byId = plan ? planIndex(plan.indicators, plan.headings).byId : null;
  for (const i of withPercent) {
    const ind = byId?.get(i.id);
    put(`${i.id}${i.measure ? ` (${i.measure.toUpperCase()})` : ''} ${ind ? indicatorLabel(ind, null) : ''}`.trim(), i.percentOfPlan);
  }
  const last = rows.length;

  await writeEssential(context, [{ name, kind: 'summary' }], ([sheet]) => {
    if (!sheet) return;
    const block = sheet.getRange(`A1:E${last}`);
    block.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0.00' : '@')));
    block.values = rows;
    block.format.font.name = 'Times New Roman';
    sheet.getRange('A1').format.font.bold = true;
    sheet.getRange('A1').format.font.size = 14;
    const paragraph = sheet.getRange(`A${paragraphRow}:E${paragraphRow}`);
    paragraph.merge(false);
    paragraph.format.wrapText = true;
    paragraph.format.rowHeight = 150;
    sheet.getRange('A:A').format.columnWidth = 60;
    sheet.getRange('B:B').format.columnWidth = 260;
    sheet.getRange('C:D').format.columnWidth = 90;
    sheet.getRange('E:E').format.columnWidth = 320;
    if (options.chart && withPercent.length > 0) {
      const source = sheet.getRange(`A${chartHeader}:B${last}`);
      const chart = sheet.charts.add('BarClustered', source, 'Columns');
      chart.title.text = '% so kế hoạch theo chỉ tiêu';
    }
    workbook.settings.add(SUMMARY_SETTING, name);
    sheet.activate();
  }, [], previous ? () => workbook.worksheets.getItem(previous).delete() : undefined);
  return name;
}
