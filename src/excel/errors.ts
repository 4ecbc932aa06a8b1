// Every failure reaches the user as a Vietnamese sentence that says what to do, never only the console.

export class UserFacingError extends Error {}

const BY_CODE: Record<string, string> = {
  AccessDenied: 'Excel từ chối ghi: sheet hoặc file đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.',
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.',
  ItemNotFound: 'Không tìm thấy một ô hoặc sheet của biểu mẫu (có thể đã bị xóa hoặc đổi tên).',
  ApiNotFound: 'Phiên bản Excel này không hỗ trợ thao tác cần dùng. Hãy cập nhật Office hoặc dùng Excel trên web.',
  RequestPayloadSizeLimitExceeded: 'Dữ liệu quá lớn cho một lần gửi tới Excel trên web.',
  ResponsePayloadSizeLimitExceeded: 'Excel trên web không trả về được lượng dữ liệu lớn như vậy trong một lần (giới hạn 5 MB). Hãy bớt các trang, tên hoặc ô không cần thiết trong sổ tính, hoặc dùng Excel trên máy tính, rồi thử lại.',
  GeneralException: 'Excel báo lỗi chung khi thực hiện thao tác (có thể do phiên bản Excel này). Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ tính, mở lại Excel rồi thử lần nữa.',
  InvalidArgument: 'Excel từ chối một giá trị hoặc vùng ô mà add-in gửi tới (có thể do phiên bản Excel này). Hãy thử lại; nếu vẫn lỗi, hãy báo lại kèm phiên bản Excel.',
};

/** A Vietnamese message for any error thrown by an Office.js batch or by our own code. */
export function messageOf(err: unknown): string {
  if (err instanceof UserFacingError) return err.message;
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code && BY_CODE[code]) return BY_CODE[code]!;
  const detail = err instanceof Error ? err.message : String(err);
  return `Có lỗi khi làm việc với Excel${code ? ` (${code})` : ''}: ${detail}`;
}

export function protectedSheetError(sheet: string): UserFacingError {
  return new UserFacingError(`Sheet "${sheet}" đang được bảo vệ nên không thể đánh dấu. Hãy bỏ bảo vệ sheet (Xem lại → Bỏ bảo vệ trang tính) rồi kiểm tra lại. Chưa có gì bị thay đổi.`);
}
