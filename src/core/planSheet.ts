// The workbook carries its plan: the full plan JSON (structure, components, parts, headings, weights,
// nature, measures, base year, order) in column A of a hidden sheet, A1 saying what it is, the text cut in
// chunks a cell can hold. Pure: the adapters write and read the cells; this says what goes in them.

/** Excel holds at most 32 767 characters in a cell; chunks stay well below. */
export const PLAN_CHUNK = 30000;

export const PLAN_SHEET_NOTE =
  'Trang này lưu kế hoạch (danh mục chỉ tiêu, quy tắc, cơ cấu) của biểu dưới dạng JSON, chia thành nhiều ô ở cột A từ ô A2. Không sửa trực tiếp: sửa cột "Yêu cầu", số kế hoạch, tên chỉ tiêu trên trang biểu rồi bấm Kiểm tra.';

/** The cells of column A: the note, then the plan JSON in chunks. */
export function planSheetCells(planJson: string): string[] {
  const out = [PLAN_SHEET_NOTE];
  for (let i = 0; i < planJson.length; i += PLAN_CHUNK) out.push(planJson.slice(i, i + PLAN_CHUNK));
  return out;
}

/** The plan JSON from the cells of column A (from A1 on), or null when they hold none. */
export function planJsonFromCells(cells: readonly (string | null | undefined)[]): string | null {
  const start = cells[0] === PLAN_SHEET_NOTE || (cells[0] ?? '').trim().startsWith('Trang này') ? 1 : 0;
  const parts: string[] = [];
  for (let i = start; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || c === '') break;
    parts.push(c);
  }
  const text = parts.join('');
  return text.trim() ? text : null;
}
