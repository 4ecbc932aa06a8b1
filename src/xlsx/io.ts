// Opening and saving .xlsx files with the errors a person can act on: missing, not an .xlsx, corrupt,
// too large; and never writing over a file that exists.
import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import { NotAWorkbook, openPackage, type XlsxPackage } from './package';
import { captureDefinedNames, keepDefinedNamesOnSave } from './scopedNames';
import { declaredUnpackedSize } from './zipGuard';

/** The largest workbook `chitieu` opens (a filled template is about 30 KB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The most a workbook may unpack to: a filled template is about 0,3 MB unpacked; 200 MB is a big workbook. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** A problem with a file the user named: the CLI prints the message on one line and exits 2. */
export class FileProblem extends Error {}

/**
 * Opens a user's .xlsx for reading through the package layer (nothing expanded); `check --out` patches
 * the same package. Every problem is a FileProblem with one line that says what the file is.
 */
export async function loadPackage(path: string): Promise<XlsxPackage> {
  const data = await readChecked(path);
  const unpacked = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50 ? declaredUnpackedSize(data) : null;
  if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
    throw new FileProblem(`tệp "${path}" sẽ giải nén thành ${Number.isFinite(unpacked) ? `${(unpacked / 1048576).toFixed(0)} MB` : 'hơn 4 GB'}, vượt giới hạn ${MAX_UNPACKED_BYTES / 1048576} MB — không mở (có thể là tệp nén độc hại)`);
  }
  try {
    return openPackage(data, path);
  } catch (err) {
    if (err instanceof NotAWorkbook) throw new FileProblem(`tệp "${path}" ${err.message}`);
    throw err;
  }
}

async function readChecked(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new FileProblem(`không tìm thấy tệp "${path}"`);
  }
  if (!stat.isFile()) throw new FileProblem(`"${path}" không phải là một tệp`);
  if (stat.size > MAX_FILE_BYTES) {
    throw new FileProblem(`tệp "${path}" lớn ${(stat.size / 1048576).toFixed(1)} MB, vượt giới hạn ${MAX_FILE_BYTES / 1048576} MB`);
  }
  return fs.readFile(path);
}

/** Loads a whole workbook with ExcelJS (tests, and workbooks chitieu made); users' files go through loadPackage. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const data = await readChecked(path);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new FileProblem(`tệp "${path}" không phải tệp Excel .xlsx${/\.xls$/i.test(path) ? ' (tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx)' : ''}`);
  }
  const unpacked = declaredUnpackedSize(data);
  if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
    throw new FileProblem(`tệp "${path}" sẽ giải nén thành ${Number.isFinite(unpacked) ? `${(unpacked / 1048576).toFixed(0)} MB` : 'hơn 4 GB'}, vượt giới hạn ${MAX_UNPACKED_BYTES / 1048576} MB — không mở (có thể là tệp nén độc hại)`);
  }
  // Loaded here, not at start-up: check, describe and summary never need ExcelJS (it costs ~0,2 s to load).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  captureDefinedNames(wb);
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new FileProblem(`tệp "${path}" bị hỏng hoặc không phải .xlsx hợp lệ (${shortReason(err)})`);
  }
  return wb;
}

/** Writes a new file; refuses to replace one that exists. */
export async function saveNewWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  keepDefinedNamesOnSave(wb);
  await saveNewFile(Buffer.from(await wb.xlsx.writeBuffer()), path);
}

/** Writes bytes to a new file; refuses to replace one that exists. */
export async function saveNewFile(buffer: Uint8Array, path: string): Promise<void> {
  try {
    await fs.writeFile(path, buffer, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileProblem(`tệp "${path}" đã có; không ghi đè — hãy chọn tên khác hoặc xoá tệp cũ`);
    if (code === 'ENOENT') throw new FileProblem(`không có thư mục để ghi "${path}"`);
    throw new FileProblem(`không ghi được "${path}" (${shortReason(err)})`);
  }
}

function shortReason(err: unknown): string {
  // ExcelJS meets a zip without the parts of a workbook (no xl/workbook.xml …) as a JavaScript TypeError
  // ("Cannot read properties of undefined (reading 'sheets')"): that says nothing to the user.
  if (err instanceof TypeError || err instanceof ReferenceError) return 'không có các phần của một sổ tính Excel';
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 120);
}
