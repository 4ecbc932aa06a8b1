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
}

export const VI: Strings = {
  title: 'Chỉ tiêu KT-XH', unit: 'Đơn vị báo cáo', year: 'Năm', period: 'Kỳ báo cáo', periodYear: 'Cả năm', period6: '6 tháng',
  insert: 'Chèn biểu mẫu', check: 'Kiểm tra', clear: 'Xoá đánh dấu', working: 'Đang xử lý…',
  inserted: (s) => `Đã chèn biểu mẫu vào trang "${s}". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.`,
  sheetExists: (s, n) => `Đã có trang "${s}"; không ghi đè. Có thể chèn vào trang mới "${n}".`,
  insertAs: (n) => `Chèn vào "${n}"`,
  templateExists: (n) => `Sổ tính đã có biểu mẫu (ô ${n} đã có tên). Hãy dùng biểu mẫu đó hoặc mở một sổ tính mới.`,
  cleared: (n) => `Đã xoá đánh dấu, khôi phục ${n} ô như trước khi kiểm tra.`,
  nothingToClear: 'Không có đánh dấu nào để xoá.',
  summary: 'Kết quả', exceeded: 'Vượt', met: 'Đạt', shortfall: 'Chưa đạt', noData: 'Chưa có số liệu', errors: 'Lỗi', warnings: 'Cảnh báo',
  noFindings: 'Không có lỗi hay cảnh báo nào.', groupError: 'Lỗi', groupShortfall: 'Chưa đạt kế hoạch', groupWarning: 'Cảnh báo',
  value: 'Giá trị', goToCell: 'Đến ô', findings: 'Các phát hiện', liveOn: 'Tự kiểm tra lại khi sửa số liệu: đang bật.',
  paragraph: 'Đoạn văn cho báo cáo', copy: 'Sao chép', copied: 'Đã sao chép', writeSummary: 'Ghi trang Tóm tắt', summaryWritten: (s) => `Đã ghi trang "${s}".`,
  featuresOff: 'Excel này chưa hỗ trợ (các phần còn lại vẫn dùng được):',
  outsideExcel: 'Trang này cần được mở trong Excel: cài add-in Chỉ tiêu KT-XH rồi mở ngăn tác vụ từ thẻ "Chỉ tiêu" trên thanh công cụ.',
};

export const EN: Strings = {
  title: 'Socio-economic indicators', unit: 'Reporting unit', year: 'Year', period: 'Period', periodYear: 'Full year', period6: '6 months',
  insert: 'Insert template', check: 'Check', clear: 'Clear flags', working: 'Working…',
  inserted: (s) => `Template inserted on sheet "${s}". Type figures into the yellow cells, then Check.`,
  sheetExists: (s, n) => `Sheet "${s}" exists and was not overwritten. You can insert into a new sheet "${n}".`,
  insertAs: (n) => `Insert as "${n}"`,
  templateExists: (n) => `This workbook already has the template (cell name ${n} is taken). Use it, or open a new workbook.`,
  cleared: (n) => `Flags cleared; ${n} cells restored as they were before the check.`,
  nothingToClear: 'There are no flags to clear.',
  summary: 'Result', exceeded: 'Exceeded', met: 'Met', shortfall: 'Not met', noData: 'No data', errors: 'Errors', warnings: 'Warnings',
  noFindings: 'No errors or warnings.', groupError: 'Errors', groupShortfall: 'Not met', groupWarning: 'Warnings',
  value: 'Value', goToCell: 'Go to cell', findings: 'Findings', liveOn: 'Re-checking as you edit: on.',
  paragraph: 'Paragraph for the report', copy: 'Copy', copied: 'Copied', writeSummary: 'Write the summary sheet', summaryWritten: (s) => `Sheet "${s}" written.`,
  featuresOff: 'Not available in this Excel (everything else works):',
  outsideExcel: 'This page must be opened in Excel: install the add-in and open its task pane from the "Chỉ tiêu" ribbon tab.',
};

/** Vietnamese for vi-* display languages and when unknown; English otherwise. */
export function stringsFor(displayLanguage: string | null | undefined): Strings {
  return !displayLanguage || /^vi\b/i.test(displayLanguage) ? VI : EN;
}
