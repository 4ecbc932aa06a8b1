// The task pane's words: Vietnamese, with English when Office's display language is not Vietnamese.
// One word for a worksheet ("sheet", as Excel's own Vietnamese ribbon and the issue's users say), none for
// internals: finding codes and defined names appear only under "Chi tiết kỹ thuật". Modern spelling (hóa, xóa).
import type { Tally } from '../core/tally';

export type Intent = 'success' | 'error' | 'warning' | 'info';

export interface Strings {
  title: string; unit: string; year: string; period: string; periodYear: string; period6: string;
  newTemplate: string; insert: string; check: string; clear: string; working: string;
  yearInvalid: string; unitNeeded: string;
  inserted: (sheet: string) => string; sheetExists: (sheet: string, suggestion: string) => string; insertAs: (name: string) => string;
  templateExists: string; addUnitSheetFor: (unit: string) => string;
  cleared: (n: number) => string; nothingToClear: string;
  noticeTitle: Record<Intent, string>;
  results: string; checking: string; checkedStatus: (sheet: string, t: Tally) => string; liveOn: string;
  groupError: string; groupShortfall: string; groupReview: string; noFindings: string;
  cellAt: (cell: string) => string; rowOf: string; kindWord: Record<'error' | 'shortfall' | 'review', string>;
  noDataLine: (n: number) => string; technical: string; codes: string;
  chartTitle: string; chartDesc: (bars: { title: string; percent: string; short: boolean }[]) => string; chartShort: string; chartPlan: string;
  paragraph: string; paragraphShow: string; paragraphHide: string; paragraphWaiting: (noData: number, errors: number) => string;
  copy: string; copied: string; writeSummary: string; summaryWritten: (sheet: string) => string;
  featuresOff: string; outsideExcel: string;
  consolidateSection: string; consolidatedName: string; consolidatedNameHint: string; consolidatedDefault: string;
  consolidate: string; consolidation: string;
  consolidated: (included: number, units: number, sheet: string, byUnitSheet: string) => string;
  tooFewUnitSheets: (found: number) => string; noUnitUsable: (units: number) => string;
  includedUnits: string; excludedUnits: string; unitOnSheet: (unit: string, sheet: string) => string; unitWarnings: (n: number) => string;
  skippedSheets: (sheets: string[]) => string; notSummed: (levelsLeftEmpty: number, incomplete: number, averaged: number) => string;
  passNotMet: string; passNotMetRow: (id: string, units: string[]) => string;
  weightsMissing: (id: string, weight: string, units: string[]) => string;
  partsSkipped: (parts: string[]) => string; notesSkipped: (cells: string[]) => string;
  cleanNames: string; namesCleaned: (n: number) => string;
}

const q = (s: string) => `"${s}"`;

export const VI: Strings = {
  title: 'Chỉ tiêu KT-XH', unit: 'Đơn vị báo cáo', year: 'Năm', period: 'Kỳ báo cáo', periodYear: 'Cả năm', period6: '6 tháng',
  newTemplate: 'Biểu mẫu', insert: 'Chèn biểu mẫu', check: 'Kiểm tra', clear: 'Xóa đánh dấu', working: 'Đang xử lý…',
  yearInvalid: 'Nhập năm từ 2000 đến 2100.', unitNeeded: 'Nhập tên đơn vị để thêm sheet cho đơn vị đó.',
  inserted: (s) => `Đã chèn biểu mẫu vào sheet ${q(s)}. Nhập số vào các ô màu vàng rồi bấm Kiểm tra.`,
  sheetExists: (s, n) => `Đã có sheet ${q(s)}; không ghi đè. Có thể chèn vào sheet mới ${q(n)}.`,
  insertAs: (n) => `Chèn vào ${q(n)}`,
  templateExists: 'File này đã có biểu mẫu. Để tổng hợp nhiều đơn vị, thêm một sheet cho mỗi đơn vị: nhập tên đơn vị ở ô "Đơn vị báo cáo" rồi bấm "Thêm sheet cho đơn vị".',
  addUnitSheetFor: (u) => `Thêm sheet cho đơn vị ${q(u)}`,
  cleared: (n) => `Đã xóa đánh dấu, khôi phục ${n} ô như trước khi kiểm tra.`,
  nothingToClear: 'Không có đánh dấu nào để xóa.',
  noticeTitle: { success: 'Xong', error: 'Chưa làm được', warning: 'Lưu ý', info: 'Thông tin' },
  results: 'Kết quả kiểm tra', checking: 'Đang kiểm tra…',
  checkedStatus: (s, t) => `Đã kiểm tra${s ? ` sheet ${q(s)}` : ''}: ${t.errors} lỗi, ${t.counts['chua-dat']} chưa đạt, ${t.review} cần xem lại, `
    + `${t.counts['khong-du-lieu']} chưa có số liệu; ${t.achieved}/${t.judged} chỉ tiêu đạt và vượt.`,
  liveOn: 'Tự kiểm tra lại khi sửa số liệu: đang bật.',
  groupError: 'Lỗi', groupShortfall: 'Chưa đạt kế hoạch', groupReview: 'Cần xem lại', noFindings: 'Không có lỗi, chỉ tiêu chưa đạt hay điều cần xem lại.',
  cellAt: (c) => `Ô ${c}`, rowOf: 'Cả dòng',
  kindWord: { error: 'Lỗi', shortfall: 'Chưa đạt', review: 'Xem lại' },
  noDataLine: (n) => `${n} chỉ tiêu chưa có số liệu`, technical: 'Chi tiết kỹ thuật', codes: 'Mã kiểm tra',
  chartTitle: '% kế hoạch theo chỉ tiêu',
  chartDesc: (b) => b.map((x) => `${x.title}: ${x.percent}${x.short ? ' (chưa đạt)' : ''}`).join('; '),
  chartShort: 'chưa đạt', chartPlan: 'kế hoạch',
  paragraph: 'Đoạn văn cho báo cáo', paragraphShow: 'Xem đoạn văn', paragraphHide: 'Ẩn đoạn văn',
  paragraphWaiting: (n, e) => `Đoạn văn sẵn sàng khi biểu đủ số liệu và hết lỗi (còn ${n} chỉ tiêu chưa có số liệu, ${e} lỗi).`,
  copy: 'Sao chép', copied: 'Đã sao chép', writeSummary: 'Ghi sheet Tóm tắt', summaryWritten: (s) => `Đã ghi sheet ${q(s)}.`,
  featuresOff: 'Excel này chưa hỗ trợ (các phần còn lại vẫn dùng được):',
  outsideExcel: 'Ngăn tác vụ này cần được mở trong Excel: cài add-in Chỉ tiêu KT-XH rồi mở từ thẻ "Chỉ tiêu" trên thanh công cụ.',
  consolidateSection: 'Tổng hợp nhiều đơn vị', consolidatedName: 'Tên đơn vị tổng hợp', consolidatedNameHint: 'Để trống: "Tổng hợp N đơn vị".', consolidatedDefault: 'Tổng hợp N đơn vị',
  consolidate: 'Tổng hợp từ các sheet', consolidation: 'Kết quả tổng hợp',
  consolidated: (n, u, s, b) => `Đã tổng hợp ${n}/${u} đơn vị vào sheet ${q(s)} (số liệu từng đơn vị ở sheet ${q(b)}).`,
  tooFewUnitSheets: (n) => `Cần ít nhất hai sheet biểu mẫu của các đơn vị để tổng hợp; file này có ${n}. `
    + 'Nhập tên từng đơn vị rồi bấm "Thêm sheet cho đơn vị", hoặc sao chép sheet biểu mẫu.',
  noUnitUsable: (u) => `Không đơn vị nào trong ${u} sheet dùng được để tổng hợp; chưa ghi sheet nào. Xem lý do bên dưới.`,
  includedUnits: 'Đơn vị đã tổng hợp', excludedUnits: 'Đơn vị không đưa vào',
  unitOnSheet: (u, s) => `${u} (sheet ${q(s)})`, unitWarnings: (n) => `${n} cảnh báo`,
  skippedSheets: (s) => `Không tính các sheet tổng hợp đã làm trước: ${s.map(q).join(', ')}.`,
  notSummed: (l, i, a) => 'Chỉ tiêu tỷ lệ, mức không cộng: '
    + (a > 0 ? `${a} ô tính bình quân theo quyền số; ` : '')
    + `${l} ô để trống vì các đơn vị khác nhau. Chỉ tiêu cộng dồn: ${i} ô để trống vì có đơn vị chưa có số.`,
  passNotMet: 'Chỉ tiêu Đạt/Chưa đạt có đơn vị chưa đạt', passNotMetRow: (id, u) => `${id}: ${u.join(', ')}`,
  weightsMissing: (id, w, u) => `${id}: không tính bình quân vì thiếu quyền số (${w.toLowerCase()}, cột Quyền số) ở ${u.join(', ')}.`,
  partsSkipped: (p) => `Excel này không làm được một số phần không bắt buộc (biểu vẫn dùng được): ${p.join('; ')}.`,
  notesSkipped: (c) => `Không ghi nhận xét vào ô Ghi chú ${c.join(', ')} vì ô đó có công thức của bạn; xem phát hiện ở ngăn này.`,
  cleanNames: 'Dọn tên hỏng', namesCleaned: (n) => `Đã xóa ${n} tên cũ trỏ tới #REF!.`,
};

export const EN: Strings = {
  title: 'Socio-economic indicators', unit: 'Reporting unit', year: 'Year', period: 'Period', periodYear: 'Full year', period6: '6 months',
  newTemplate: 'Template', insert: 'Insert template', check: 'Check', clear: 'Clear flags', working: 'Working…',
  yearInvalid: 'Type a year from 2000 to 2100.', unitNeeded: "Type the unit's name to add a sheet for it.",
  inserted: (s) => `Template inserted on sheet ${q(s)}. Type figures into the yellow cells, then Check.`,
  sheetExists: (s, n) => `Sheet ${q(s)} exists and was not overwritten. You can insert into a new sheet ${q(n)}.`,
  insertAs: (n) => `Insert as ${q(n)}`,
  templateExists: 'This file already has the template. To consolidate several units, add one sheet per unit: type the unit\'s name under "Reporting unit", then "Add a sheet for unit".',
  addUnitSheetFor: (u) => `Add a sheet for unit ${q(u)}`,
  cleared: (n) => `Flags cleared; ${n} cells restored as they were before the check.`,
  nothingToClear: 'There are no flags to clear.',
  noticeTitle: { success: 'Done', error: 'Not done', warning: 'Note', info: 'Information' },
  results: 'Check results', checking: 'Checking…',
  checkedStatus: (s, t) => `Checked${s ? ` sheet ${q(s)}` : ''}: ${t.errors} errors, ${t.counts['chua-dat']} not met, ${t.review} to review, `
    + `${t.counts['khong-du-lieu']} without data; ${t.achieved}/${t.judged} indicators met or exceeded.`,
  liveOn: 'Re-checking as you edit: on.',
  groupError: 'Errors', groupShortfall: 'Not met', groupReview: 'To review', noFindings: 'No errors, shortfalls or values to review.',
  cellAt: (c) => `Cell ${c}`, rowOf: 'Whole row',
  kindWord: { error: 'Error', shortfall: 'Not met', review: 'Review' },
  noDataLine: (n) => `${n} indicators without data`, technical: 'Technical details', codes: 'Check codes',
  chartTitle: '% of plan by indicator',
  chartDesc: (b) => b.map((x) => `${x.title}: ${x.percent}${x.short ? ' (not met)' : ''}`).join('; '),
  chartShort: 'not met', chartPlan: 'plan',
  paragraph: 'Paragraph for the report', paragraphShow: 'Show the paragraph', paragraphHide: 'Hide the paragraph',
  paragraphWaiting: (n, e) => `The paragraph is ready once every figure is in and there are no errors (${n} without data, ${e} errors).`,
  copy: 'Copy', copied: 'Copied', writeSummary: 'Write the Tóm tắt sheet', summaryWritten: (s) => `Sheet ${q(s)} written.`,
  featuresOff: 'Not available in this Excel (everything else works):',
  outsideExcel: 'This task pane must be opened in Excel: install the add-in and open it from the "Chỉ tiêu" ribbon tab.',
  consolidateSection: 'Consolidate several units', consolidatedName: 'Name of the consolidated unit', consolidatedNameHint: 'Empty: "Tổng hợp N đơn vị".', consolidatedDefault: 'Tổng hợp N đơn vị',
  consolidate: 'Consolidate the sheets', consolidation: 'Consolidation',
  consolidated: (n, u, s, b) => `Consolidated ${n}/${u} units into sheet ${q(s)} (each unit's figures on sheet ${q(b)}).`,
  tooFewUnitSheets: (n) => `Consolidating needs at least two units' template sheets; this file has ${n}. `
    + 'Type each unit\'s name and click "Add a sheet for unit", or copy the template sheet.',
  noUnitUsable: (u) => `None of the ${u} sheets could be consolidated; no sheet was written. The reasons are below.`,
  includedUnits: 'Units consolidated', excludedUnits: 'Units left out',
  unitOnSheet: (u, s) => `${u} (sheet ${q(s)})`, unitWarnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
  skippedSheets: (s) => `Earlier consolidated sheets were not counted: ${s.map(q).join(', ')}.`,
  notSummed: (l, i, a) => 'Rates and levels are not summed: '
    + (a > 0 ? `${a} cells averaged by their weight; ` : '')
    + `${l} cells left empty because the units differ. Amounts: ${i} cells left empty because some unit has no figure.`,
  passNotMet: 'Pass/fail rows some unit has not met', passNotMetRow: (id, u) => `${id}: ${u.join(', ')}`,
  weightsMissing: (id, w, u) => `${id}: not averaged, the weight (${w}, column Quyền số) is missing in ${u.join(', ')}.`,
  partsSkipped: (p) => `This Excel could not do some optional parts (the template still works): ${p.join('; ')}.`,
  notesSkipped: (c) => `No remark was written into note cell(s) ${c.join(', ')}: they hold your formula. See the findings in this pane.`,
  cleanNames: 'Clean broken names', namesCleaned: (n) => `Deleted ${n} old names pointing at #REF!.`,
};

/** Vietnamese for vi-* display languages and when unknown; English otherwise. */
export function stringsFor(displayLanguage: string | null | undefined): Strings {
  return !displayLanguage || /^vi\b/i.test(displayLanguage) ? VI : EN;
}
