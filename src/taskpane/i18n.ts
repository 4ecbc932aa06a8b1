// The task pane's words: Vietnamese, with English when Office's display language is not Vietnamese.
export interface Strings {
  title: string; unit: string; year: string; period: string; periodYear: string; period6: string;
  insert: string; check: string; clear: string; working: string;
  inserted: (sheet: string) => string; sheetExists: (sheet: string, suggestion: string) => string; insertAs: (name: string) => string;
  templateExists: (name: string) => string; cleared: (n: number) => string; nothingToClear: string;
  summary: string; exceeded: string; met: string; shortfall: string; noData: string; errors: string; warnings: string;
  noFindings: string; groupError: string; groupShortfall: string; groupWarning: string; value: string; goToCell: string;
  featuresOff: string; outsideExcel: string; findings: string; liveOn: string;
  paragraph: string; copy: string; copied: string; writeSummary: string; summaryWritten: (sheet: string) => string;
  addUnitSheet: string; consolidate: string; consolidation: string;
  consolidated: (included: number, units: number, sheet: string, byUnitSheet: string) => string;
  tooFewUnitSheets: (found: number) => string; noUnitUsable: (units: number) => string;
  includedUnits: string; excludedUnits: string; unitOnSheet: (unit: string, sheet: string) => string; unitWarnings: (n: number) => string;
  skippedSheets: (sheets: string[]) => string; notSummed: (levelsLeftEmpty: number, incomplete: number, averaged: number) => string;
  passNotMet: string; passNotMetRow: (id: string, units: string[]) => string;
  weightsMissing: (id: string, weight: string, units: string[]) => string;
  partsSkipped: (parts: string[]) => string; notesSkipped: (cells: string[]) => string;
  cleanNames: string; namesCleaned: (n: number) => string;
}

export const VI: Strings = {
  title: 'Chỉ tiêu KT-XH', unit: 'Đơn vị báo cáo', year: 'Năm', period: 'Kỳ báo cáo', periodYear: 'Cả năm', period6: '6 tháng',
  insert: 'Chèn biểu mẫu', check: 'Kiểm tra', clear: 'Xoá đánh dấu', working: 'Đang xử lý…',
  inserted: (s) => `Đã chèn biểu mẫu vào trang "${s}". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.`,
  sheetExists: (s, n) => `Đã có trang "${s}"; không ghi đè. Có thể chèn vào trang mới "${n}".`,
  insertAs: (n) => `Chèn vào "${n}"`,
  templateExists: (n) => `Sổ tính đã có biểu mẫu (ô ${n} đã có tên). Để tổng hợp nhiều đơn vị, có thể thêm một sheet cho mỗi đơn vị (nhập tên đơn vị ở ô "Đơn vị báo cáo").`,
  cleared: (n) => `Đã xoá đánh dấu, khôi phục ${n} ô như trước khi kiểm tra.`,
  nothingToClear: 'Không có đánh dấu nào để xoá.',
  summary: 'Kết quả', exceeded: 'Vượt', met: 'Đạt', shortfall: 'Chưa đạt', noData: 'Chưa có số liệu', errors: 'Lỗi', warnings: 'Cảnh báo',
  noFindings: 'Không có lỗi hay cảnh báo nào.', groupError: 'Lỗi', groupShortfall: 'Chưa đạt kế hoạch', groupWarning: 'Cảnh báo',
  value: 'Giá trị', goToCell: 'Đến ô', findings: 'Các phát hiện', liveOn: 'Tự kiểm tra lại khi sửa số liệu: đang bật.',
  paragraph: 'Đoạn văn cho báo cáo', copy: 'Sao chép', copied: 'Đã sao chép', writeSummary: 'Ghi trang Tóm tắt', summaryWritten: (s) => `Đã ghi trang "${s}".`,
  featuresOff: 'Excel này chưa hỗ trợ (các phần còn lại vẫn dùng được):',
  outsideExcel: 'Trang này cần được mở trong Excel: cài add-in Chỉ tiêu KT-XH rồi mở ngăn tác vụ từ thẻ "Chỉ tiêu" trên thanh công cụ.',
  addUnitSheet: 'Thêm sheet cho đơn vị khác', consolidate: 'Tổng hợp từ các sheet', consolidation: 'Kết quả tổng hợp',
  consolidated: (n, u, s, b) => `Đã tổng hợp ${n}/${u} đơn vị vào sheet "${s}" (số liệu từng đơn vị ở sheet "${b}").`,
  tooFewUnitSheets: (n) => `Cần ít nhất hai sheet biểu mẫu của các đơn vị để tổng hợp; sổ tính này có ${n}. `
    + 'Bấm "Chèn biểu mẫu" rồi "Thêm sheet cho đơn vị khác" cho mỗi đơn vị, hoặc sao chép sheet biểu mẫu (Excel đặt tên riêng cho các ô của bản sao).',
  noUnitUsable: (u) => `Không đơn vị nào trong ${u} sheet dùng được để tổng hợp; chưa ghi sheet nào. Xem lý do bên dưới.`,
  includedUnits: 'Đơn vị đã tổng hợp', excludedUnits: 'Đơn vị không đưa vào',
  unitOnSheet: (u, s) => `${u} (sheet "${s}")`, unitWarnings: (n) => `${n} cảnh báo`,
  skippedSheets: (s) => `Không tính các sheet tổng hợp đã làm trước: ${s.map((x) => `"${x}"`).join(', ')}.`,
  notSummed: (l, i, a) => 'Chỉ tiêu tỷ lệ, mức không cộng: '
    + (a > 0 ? `${a} ô tính bình quân theo quyền số; ` : '')
    + `${l} ô để trống vì các đơn vị khác nhau. Chỉ tiêu cộng dồn: ${i} ô để trống vì có đơn vị chưa có số.`,
  passNotMet: 'Chỉ tiêu Đạt/Chưa đạt có đơn vị chưa đạt', passNotMetRow: (id, u) => `${id}: ${u.join(', ')}`,
  weightsMissing: (id, w, u) => `${id}: không tính bình quân vì thiếu quyền số (${w.toLowerCase()}, cột Quyền số) ở ${u.join(', ')}.`,
  partsSkipped: (p) => `Excel này không làm được một số phần không bắt buộc (biểu vẫn dùng được): ${p.join('; ')}.`,
  notesSkipped: (c) => `Không ghi nhận xét vào ô Ghi chú ${c.join(', ')} vì ô đó có công thức của bạn; xem phát hiện ở ngăn này.`,
  cleanNames: 'Dọn tên hỏng', namesCleaned: (n) => `Đã xoá ${n} tên cũ trỏ tới #REF!.`,
};

export const EN: Strings = {
  title: 'Socio-economic indicators', unit: 'Reporting unit', year: 'Year', period: 'Period', periodYear: 'Full year', period6: '6 months',
  insert: 'Insert template', check: 'Check', clear: 'Clear flags', working: 'Working…',
  inserted: (s) => `Template inserted on sheet "${s}". Type figures into the yellow cells, then Check.`,
  sheetExists: (s, n) => `Sheet "${s}" exists and was not overwritten. You can insert into a new sheet "${n}".`,
  insertAs: (n) => `Insert as "${n}"`,
  templateExists: (n) => `This workbook already has the template (cell name ${n} is taken). To consolidate several units, you can add one sheet per unit (type the unit's name under "Reporting unit").`,
  cleared: (n) => `Flags cleared; ${n} cells restored as they were before the check.`,
  nothingToClear: 'There are no flags to clear.',
  summary: 'Result', exceeded: 'Exceeded', met: 'Met', shortfall: 'Not met', noData: 'No data', errors: 'Errors', warnings: 'Warnings',
  noFindings: 'No errors or warnings.', groupError: 'Errors', groupShortfall: 'Not met', groupWarning: 'Warnings',
  value: 'Value', goToCell: 'Go to cell', findings: 'Findings', liveOn: 'Re-checking as you edit: on.',
  paragraph: 'Paragraph for the report', copy: 'Copy', copied: 'Copied', writeSummary: 'Write the summary sheet', summaryWritten: (s) => `Sheet "${s}" written.`,
  featuresOff: 'Not available in this Excel (everything else works):',
  outsideExcel: 'This page must be opened in Excel: install the add-in and open its task pane from the "Chỉ tiêu" ribbon tab.',
  addUnitSheet: 'Add a sheet for another unit', consolidate: 'Consolidate the sheets', consolidation: 'Consolidation',
  consolidated: (n, u, s, b) => `Consolidated ${n}/${u} units into sheet "${s}" (each unit's figures on sheet "${b}").`,
  tooFewUnitSheets: (n) => `Consolidating needs at least two units' template sheets; this workbook has ${n}. `
    + 'Click "Insert template", then "Add a sheet for another unit" for each unit, or copy the template sheet (Excel gives the copy its own cell names).',
  noUnitUsable: (u) => `None of the ${u} sheets could be consolidated; no sheet was written. The reasons are below.`,
  includedUnits: 'Units consolidated', excludedUnits: 'Units left out',
  unitOnSheet: (u, s) => `${u} (sheet "${s}")`, unitWarnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
  skippedSheets: (s) => `Earlier consolidated sheets were not counted: ${s.map((x) => `"${x}"`).join(', ')}.`,
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
