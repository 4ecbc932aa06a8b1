// Function file of the ribbon's ExecuteFunction buttons (manifest.xml: chenBieuMau, kiemTra). Each runs
// the same adapter as the task pane and tells the user the outcome in a small dialog; the ribbon event is
// always completed (src/excel/office.ts).
import { excelActions } from '../excel/actions';
import { messageOf } from '../excel/errors';
import { associateCommands, isSetSupported, showMessage } from '../excel/office';
import { summaryLine } from '../core/reportLine';

const actions = () => excelActions(isSetSupported);

/** Runs a command and shows its outcome, or its failure in Vietnamese. */
async function tellOutcome(handler: () => Promise<string>): Promise<void> {
  let message: string;
  try {
    message = await handler();
  } catch (err) {
    message = messageOf(err);
  }
  await showMessage(message);
}

export function chenBieuMau(): Promise<void> {
  return tellOutcome(async () => {
    const a = actions();
    const year = new Date().getFullYear();
    let outcome = await a.insertTemplate({ year, period: 'nam', unit: '' });
    if (outcome.kind === 'sheet-exists') outcome = await a.insertTemplate({ year, period: 'nam', unit: '', sheetName: outcome.suggestion });
    if (outcome.kind === 'inserted') {
      const skipped = outcome.skipped.length ? `\nExcel này không làm được một số phần không bắt buộc (biểu vẫn dùng được): ${outcome.skipped.join('; ')}.` : '';
      return `Đã chèn biểu mẫu vào trang "${outcome.sheetName}". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.${skipped}`;
    }
    return outcome.kind === 'template-exists'
      ? `Sổ tính đã có biểu mẫu (ô ${outcome.name} đã có tên); không chèn thêm.`
      : 'Không chèn được biểu mẫu.';
  });
}

export function kiemTra(): Promise<void> {
  return tellOutcome(async () => {
    const a = actions();
    const report = await a.check();
    const first = report.findings.find((f) => f.severity === 'error') ?? report.findings[0];
    // The finding's own sheet: on a unit sheet the name is scoped to it, and the workbook has no such name.
    if (first?.name) await a.select(first.name, first.sheet);
    const kept = report.notesSkipped?.length ? `\nKhông ghi nhận xét vào ô Ghi chú ${report.notesSkipped.join(', ')} vì ô đó có công thức của bạn.` : '';
    return `Kiểm tra xong. ${summaryLine(report)}\nCác ô có vấn đề đã được tô màu; mở ngăn "Chỉ tiêu KT-XH" để xem từng phát hiện.${kept}`;
  });
}

associateCommands({ chenBieuMau, kiemTra });
