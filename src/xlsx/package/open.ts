// What kind of file the user gave, from its first bytes and (for a zip) its parts, so the message says
// what it is and what to do: an encrypted workbook, an old .xls, an OpenDocument .ods, a zip that is no
// workbook. OOXML Strict is read like Transitional (parts are matched by local name and type suffix).
import { XlsxPackage } from './workbook';
import { openZip, ZipError } from './zip';
import { XmlError } from './xml';

/** A file we cannot read, with the one-line reason (without the file name). */
export class NotAWorkbook extends Error {}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(data: Uint8Array, text: string): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(Buffer.from(text, 'utf16le'));
}

/** Opens the bytes of an .xlsx; throws NotAWorkbook (a reason in Vietnamese) for anything else. */
export function openPackage(data: Uint8Array, fileName = ''): XlsxPackage {
  if (data.length >= 8 && CFB_MAGIC.every((b, i) => data[i] === b)) {
    // An OLE compound file: Excel's password-protected .xlsx (EncryptionInfo + EncryptedPackage) or a .xls.
    if (hasUtf16(data, 'EncryptionInfo') || hasUtf16(data, 'EncryptedPackage')) {
      throw new NotAWorkbook('được đặt mật khẩu mở (mã hoá) — hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu, xoá trống) rồi lưu lại');
    }
    throw new NotAWorkbook('là tệp Excel .xls cũ (định dạng nhị phân), không phải tệp Excel .xlsx — hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx');
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) {
    throw new NotAWorkbook(`không phải tệp Excel .xlsx${/\.xls$/i.test(fileName) ? ' (tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx)' : ''}`);
  }
  let zip;
  try {
    zip = openZip(data);
  } catch (err) {
    throw new NotAWorkbook(`bị hỏng hoặc không phải .xlsx hợp lệ (${(err as Error).message})`);
  }
  try {
    const mimetype = zip.has('mimetype') ? zip.text('mimetype')?.trim() ?? '' : '';
    if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
      const kind = mimetype.endsWith('spreadsheet') ? 'bảng tính OpenDocument (.ods)' : 'tài liệu OpenDocument';
      throw new NotAWorkbook(`là ${kind}, không phải .xlsx — hãy mở bằng LibreOffice Calc, chọn Tệp → Lưu thành… → kiểu "Excel 2007-365 (.xlsx)" (hoặc trong Excel: Tệp → Lưu thành → Sổ làm việc Excel .xlsx)`);
    }
    if (!zip.has('_rels/.rels') && !zip.has('[Content_Types].xml')) throw new NotAWorkbook('bị hỏng hoặc không phải .xlsx hợp lệ (tệp nén không có các phần của một sổ tính Excel)');
    const pkg = new XlsxPackage(zip);
    pkg.fileName = fileName;
    return pkg;
  } catch (err) {
    if (err instanceof NotAWorkbook) throw err;
    if (err instanceof ZipError || err instanceof XmlError) throw new NotAWorkbook(`bị hỏng hoặc không phải .xlsx hợp lệ (${err.message.split('\n')[0]!.slice(0, 160)})`);
    throw err;
  }
}
