// `chitieu plan FILE [--out PLAN.json] [--json]` (CONTRACT.md "`chitieu plan`"): the plan read from a
// resolution's list of targets — a .txt (UTF-8, with or without BOM, any line ends) or a Word .docx.
// Exit 0 when every line with a figure was read, 1 when some were not, 2 when FILE cannot be used.
import { promises as fs } from 'fs';
import path from 'path';
import type { PlanJson } from '../core/planJson';
import { entriesInOrder, planJsonText, readPlanText, ruleInWords } from '../core/planText';
import { DocxProblem, docxText } from '../xlsx/docxText';
import { FileProblem } from '../xlsx/io';
import { parseArgs, str, UsageError } from './args';
import type { Io } from './main';

const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export async function planCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out'], ['json']);
  if (args.positional.length !== 1) throw new UsageError(args.positional.length ? `chỉ nhận một tệp, không hiểu "${args.positional[1]}"` : 'thiếu TỆP văn bản chỉ tiêu (.txt hoặc .docx)');
  const file = args.positional[0]!;
  const out = str(args, 'out');
  if (out && path.resolve(out) === path.resolve(file)) throw new UsageError('--out phải là một tệp khác tệp đang đọc');
  const plan = readPlanText(await readSource(file));
  const entries = Object.values(plan.chiTieu).filter((e) => !e.tieuDe);
  if (entries.length === 0 && !plan.khongDoc?.length) throw new FileProblem(`không tìm thấy chỉ tiêu nào trong "${file}" (cần các dòng có tên chỉ tiêu và số kế hoạch)`);
  if (out) await writeNew(out, planJsonText(plan, { reading: false }));
  if (args.flags.has('json')) io.out(planJsonText(plan));
  else {
    io.out(renderPlan(plan, file));
    if (out) io.out(`\nĐã ghi kế hoạch: ${out}\n`);
  }
  return plan.khongDoc?.length ? 1 : 0;
}

/** The text of FILE: a .docx's paragraphs, or a UTF-8 text file. */
async function readSource(file: string): Promise<string> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new FileProblem(`"${file}" không phải là một tệp`);
    if (stat.size > MAX_TEXT_BYTES) throw new FileProblem(`tệp "${file}" lớn ${(stat.size / 1048576).toFixed(1)} MB, vượt giới hạn ${MAX_TEXT_BYTES / 1048576} MB`);
    data = await fs.readFile(file);
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(`không tìm thấy tệp "${file}"`);
  }
  const zip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (zip || /\.docx$/i.test(file)) {
    if (/\.xlsx$/i.test(file)) throw new FileProblem(`"${file}" là bảng tính; lệnh plan đọc văn bản (.txt, .docx) — dùng "chitieu check" cho bảng tính`);
    try {
      return docxText(data);
    } catch (err) {
      if (err instanceof DocxProblem) throw new FileProblem(`"${file}": ${err.message}`);
      throw err;
    }
  }
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') throw new FileProblem(`"${file}" là tệp PDF: hãy chép danh sách chỉ tiêu vào một tệp .txt (hoặc lưu văn bản dạng .docx) rồi chạy lại`);
  if (/\.(doc|xls|pdf)$/i.test(file)) throw new FileProblem(`không đọc được "${file}": lệnh plan đọc tệp .txt (UTF-8) hoặc .docx`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new FileProblem(`"${file}" không phải văn bản UTF-8 — hãy lưu lại với mã hóa UTF-8 (Notepad: Lưu thành… › Mã hóa UTF-8)`);
  }
}

async function writeNew(file: string, text: string): Promise<void> {
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileProblem(`tệp "${file}" đã có; không ghi đè — hãy chọn tên khác hoặc xoá tệp cũ`);
    if (code === 'ENOENT') throw new FileProblem(`không có thư mục để ghi "${file}"`);
    throw new FileProblem(`không ghi được "${file}" (${err instanceof Error ? err.message : String(err)})`);
  }
}

const HEAD = ['Mã', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch và quy tắc', 'Dòng'];

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The readable table: each entry with its rule in words, then the lines that were not read. */
export function renderPlan(plan: PlanJson, source: string): string {
  const entries = entriesInOrder(plan);
  const targets = entries.filter(([, e]) => !e.tieuDe).length;
  const unread = plan.khongDoc ?? [];
  const lines = [`Kế hoạch${plan.nam ? ` năm ${plan.nam}` : ''} đọc từ ${source}: ${targets} chỉ tiêu${unread.length ? `, ${unread.length} dòng chưa đọc được` : ''}${plan.namGocGia ? `; giá so sánh ${plan.namGocGia}` : ''}.`, ''];
  const body = entries.map(([id, e]) => [id, cut((e.thuoc ? '  ' : '') + e.tenChiTieu, 52), e.tieuDe ? '' : e.donViTinh, ruleInWords(e), String(e.dong ?? '')]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r, k) => (entries[k]![1].tieuDe && i === 1 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(line(HEAD), widths.map((w) => '─'.repeat(w)).join('  '));
  body.forEach((r, k) => {
    const e = entries[k]![1];
    // A heading stands on its own line, in capitals, with the line it came from.
    lines.push(e.tieuDe ? `${r[0]!.padEnd(widths[0]!)}  ${e.tenChiTieu.toLocaleUpperCase('vi')}  (dòng ${r[4]})` : line(r));
  });
  if (unread.length) {
    lines.push('', `CHƯA ĐỌC ĐƯỢC (${unread.length}) — có số nhưng không rõ quy tắc; hãy sửa câu chữ hoặc thêm vào kế hoạch bằng tay:`);
    for (const k of unread) lines.push(`  dòng ${k.dong}: ${k.van}`);
  }
  return lines.join('\n') + '\n';
}
