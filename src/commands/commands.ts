// Function file of the ribbon's ExecuteFunction buttons (manifest.xml: chenBieuMau, kiemTra). Each runs
// the same adapter as the task pane, tells the user the outcome in a small dialog, and always completes
// the ribbon event.
import { excelActions } from '../excel/actions';
import { messageOf } from '../excel/errors';
import { summaryLine } from '../cli/table';
import type { WorkbookActions } from '../taskpane/actions';

function actions(): WorkbookActions {
  return excelActions((name, version) => Office.context.requirements.isSetSupported(name, version));
}

/** Opens dialog.html with the message; resolves when the user closes it (or it cannot be shown). */
function tell(message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(message)}`;
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error('chitieu:', message, result.error);
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => { dialog.close(); resolve(); });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function runCommand(event: Office.AddinCommands.Event, handler: () => Promise<string>): Promise<void> {
  try {
    await tell(await handler());
  } catch (err) {
    await tell(messageOf(err));
  } finally {
    event.completed();
  }
}

export function chenBieuMau(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async () => {
    const a = actions();
    let outcome = await a.insertTemplate({ year: new Date().getFullYear(), period: 'nam', unit: '' });
    if (outcome.kind === 'sheet-exists') outcome = await a.insertTemplate({ year: new Date().getFullYear(), period: 'nam', unit: '', sheetName: outcome.suggestion });
    if (outcome.kind === 'inserted') return `Đã chèn biểu mẫu vào trang "${outcome.sheetName}". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.`;
    return outcome.kind === 'template-exists'
      ? `Sổ tính đã có biểu mẫu (ô ${outcome.name} đã có tên); không chèn thêm.`
      : 'Không chèn được biểu mẫu.';
  });
}

export function kiemTra(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async () => {
    const a = actions();
    const report = await a.check();
    const first = report.findings.find((f) => f.severity === 'error') ?? report.findings[0];
    if (first?.name) await a.select(first.name);
    return `Kiểm tra xong. ${summaryLine(report)}\nCác ô có vấn đề đã được tô màu; mở ngăn "Chỉ tiêu KT-XH" để xem từng phát hiện.`;
  });
}

void Office.onReady(() => {
  Office.actions.associate('chenBieuMau', chenBieuMau);
  Office.actions.associate('kiemTra', kiemTra);
});
