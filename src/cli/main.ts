// The `chitieu` command (CONTRACT.md): template, check, summary, merge, describe, demo. Every problem with
// the user's input ends as one Vietnamese line on standard error and exit status 2, never a stack trace.
// ExcelJS is loaded only by the commands that make a new workbook (template, merge, demo), so check,
// describe and summary start without it.
import path from 'path';
import { checkWorkbook } from '../core/engine';
import type { Report } from '../core/types';
import { periodArg } from './periodArg';
import { buildTemplate } from '../template/model';
import { flaggedCopy } from '../xlsx/flags';
import { BrokenPart } from '../xlsx/package';
import { FileProblem, loadPackage, saveNewFile, saveNewWorkbook } from '../xlsx/io';
import { NoTemplateError, readSnapshot } from '../xlsx/snapshot';
import { describeWorkbook } from '../xlsx/describe';
import { parseArgs, str, UsageError } from './args';
import { planNames, renderReport } from './table';
import { summaryCommand } from './summary';
import { PlanError } from '../core/planError';
import { readWorkbookPlan, nameAddedRows, rewriteStoredPlan } from '../xlsx/workbookPlan';
import { addedFormulas, writeAddedFormulas } from '../xlsx/addedFormulas';
import { planCommand } from './plan';
import { readPlan } from './planArg';
import { adoptCommand, checkCommandWithTables } from './adopt';
import { errorLine } from './errorLine';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export const USAGE = `Cách dùng:
  chitieu template --out TỆP.xlsx [--period KỲ] [--year NĂM] [--unit "TÊN ĐƠN VỊ"] [--plan KẾ-HOẠCH.json]
      Tạo biểu chỉ tiêu mới (không ghi đè tệp đã có); --plan lấy số kế hoạch từ tệp JSON (xem README).
      KỲ: nam, 3t, 6t, 9t, 10t (cộng dồn n tháng), q1–q4 (một quý); thêm -uoc cho số ước thực hiện
      (9t-uoc, uoc-9t, "ước 9 tháng") hoặc -ct cho số chính thức (9t-ct).
  chitieu check TỆP.xlsx [--json] [--out BẢN-SAO.xlsx] [--period KỲ] [--sheet "TÊN TRANG"]
      Kiểm tra biểu đã điền; --out ghi một bản sao có đánh dấu. Không bao giờ sửa TỆP.
      --period thay kỳ ghi trong biểu (9t giữ "ước"/"chính thức" của biểu; 9t-uoc, 9t-ct đổi cả hai).
      --sheet: sổ tính có biểu trên nhiều trang (mỗi đơn vị một trang, trang tổng hợp) — kiểm tra trang đó.
      Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không dùng được tệp.
  chitieu adopt TỆP.xlsx --out BẢN-SAO.xlsx [--sheet "TÊN TRANG"] [--plan KẾ-HOẠCH.json] [--json]
      Nhận dạng bảng chỉ tiêu của bạn (bố cục riêng) và ghi bản sao có tên ô gắn vào các ô đó.
      check trên sổ tính không có biểu mẫu cũng nhận dạng bảng như vậy (thêm --plan nếu có kế hoạch).
  chitieu summary TỆP.xlsx [--json] [--sheet "TÊN TRANG"]
      Đánh giá: số chỉ tiêu đạt/chưa đạt, mức thiếu, tăng trưởng chỉ tiêu 1 và đoạn văn báo cáo.
      Mã thoát như lệnh check.
  chitieu merge ĐƠN-VỊ-1.xlsx ĐƠN-VỊ-2.xlsx … --out TỔNG-HỢP.xlsx [--unit "TÊN"] [--json]
      Tổng hợp biểu của các đơn vị (bỏ qua và báo tệp hỏng hoặc có lỗi). Không ghi đè tệp đã có.
      Một tệp có biểu trên nhiều trang (mỗi đơn vị một trang) góp mọi trang đó, trừ trang tổng hợp.
      Mã thoát: 0 đủ mọi đơn vị, 1 có đơn vị bị bỏ qua, 2 không ghi được tệp tổng hợp.
  chitieu describe TỆP.xlsx [--json] [--sheet "TÊN TRANG"]
      Liệt kê các ô của từng chỉ tiêu (theo tên ô đã đặt).
  chitieu plan VĂN-BẢN.txt|.docx [--out KẾ-HOẠCH.json] [--json]
      Đọc danh sách chỉ tiêu như nghị quyết viết (dán vào .txt, hoặc tệp Word .docx) và đề xuất kế hoạch:
      mã, tên, đơn vị, số kế hoạch, quy tắc. --out ghi kế hoạch JSON (không ghi đè) để dùng với --plan.
      Mã thoát: 0 đọc được mọi dòng có số, 1 có dòng chưa đọc được (được liệt kê), 2 không dùng được tệp.
  chitieu demo [--dir THƯ-MỤC]
      Tạo một báo cáo mẫu có vài lỗi cố ý, kiểm tra và in kết quả.
`;

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template': return await templateCommand(rest, io);
      case 'check': return await checkCommandWithTables(rest, io, checkCommand);
      case 'adopt': return await adoptCommand(rest, io);
      case 'describe': return await describeCommand(rest, io);
      case 'summary': return await summaryCommand(rest, io);
      case 'merge': return await (await import('./merge')).mergeCommand(rest, io);
      case 'plan': return await planCommand(rest, io);
      case 'demo': return await demoCommand(rest, io);
      case undefined: case 'help': case '--help': case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`không có lệnh "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof FileProblem || err instanceof NoTemplateError || err instanceof PlanError || err instanceof BrokenPart) {
      io.err(errorLine(`${err.message}${err instanceof UsageError ? ' (xem: chitieu --help)' : ''}`));
      return 2;
    }
    throw err;
  }
}

async function templateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'period', 'year', 'unit', 'plan'], []);
  const out = str(args, 'out');
  if (!out) throw new UsageError('thiếu --out TỆP.xlsx');
  if (args.positional.length) throw new UsageError(`không hiểu "${args.positional[0]}"`);
  const yearText = str(args, 'year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new UsageError(`--year phải là năm từ 2000 đến 2100, không phải "${yearText}"`);
  const p = periodArg(str(args, 'period'));
  const unit = str(args, 'unit');
  const planPath = str(args, 'plan');
  const plan = planPath === undefined ? undefined : await readPlan(planPath);
  // Options given on the command line win over the plan file's title block.
  const y = year ?? plan?.year;
  const pp = p?.period ?? plan?.period;
  const u = unit ?? plan?.unit;
  const model = buildTemplate({
    ...(y ? { year: y } : {}), ...(pp ? { period: pp } : {}), ...(p?.estimate !== undefined ? { estimate: p.estimate } : {}), ...(u ? { unit: u } : {}),
    ...(plan ? { indicators: plan.indicators, headings: plan.headings, order: plan.order, baseYear: plan.baseYear } : {}),
  });
  const { newTemplateWorkbook } = await import('../xlsx/renderTemplate');
  await saveNewWorkbook(newTemplateWorkbook(model), out);
  io.out(`Đã tạo biểu mẫu ${out} (trang "${model.sheetName}", ${model.names.length} ô có tên${planPath ? `, kế hoạch từ ${planPath}, giá so sánh ${plan!.baseYear}` : ''}).\n`);
  return 0;
}


async function checkCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'period', 'sheet'], ['json']);
  const file = one(args.positional, 'TỆP.xlsx cần kiểm tra');
  const out = str(args, 'out');
  if (out && path.resolve(out) === path.resolve(file)) throw new UsageError('--out phải là một tệp khác tệp đang kiểm tra (không bao giờ sửa tệp gốc)');
  const pkg = await loadPackage(file);
  const { snapshot, cells } = readSnapshot(pkg, periodArg(str(args, 'period')), str(args, 'sheet'));
  const wp = readWorkbookPlan(pkg, snapshot, cells);
  const report: Report = checkWorkbook(snapshot, { indicators: wp.plan.indicators, headings: wp.plan.headings });
  // Rows the user added get the template's live formulas in the copy (their empty formula cells only).
  const live = out ? addedFormulas(pkg, wp, snapshot, cells) : null;
  if (out) {
    await saveNewFile(flaggedCopy(pkg, cells, report, (patch) => {
      nameAddedRows(patch, wp, cells);
      rewriteStoredPlan(patch, pkg, wp);
      writeAddedFormulas(patch, live!, report);
    }), out);
  }
  const planNotes = [...wp.notes, ...(live?.notes ?? [])];
  // Extensions of the contract's JSON: the base year of constant prices, when the workbook states it; what
  // the sheet changed in the stored plan (planNotes), when anything.
  const json = {
    ...report,
    ...(snapshot.baseYear !== undefined ? { baseYear: snapshot.baseYear } : {}),
    ...(planNotes.length ? { planNotes } : {}),
  };
  if (args.flags.has('json')) io.out(JSON.stringify(json, null, 2) + '\n');
  else {
    io.out(renderReport(report, file, planNames(wp.plan)));
    if (planNotes.length) io.out(`\nKế hoạch theo biểu (khác kế hoạch lưu trong sổ tính):\n${planNotes.map((n) => `  - ${n}`).join('\n')}\n`);
    if (out) io.out(`\nĐã ghi bản sao có đánh dấu: ${out}\n`);
  }
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function describeCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['sheet'], ['json']);
  const file = one(args.positional, 'TỆP.xlsx');
  const d = describeWorkbook(await loadPackage(file), str(args, 'sheet'));
  if (args.flags.has('json')) io.out(JSON.stringify(d, null, 2) + '\n');
  else {
    for (const ind of d.indicators) {
      const cells = Object.entries(ind.cells).map(([k, v]) => `${k}=${v}`).join(' ');
      io.out(`${ind.id}${ind.measure ? '/' + ind.measure : ''}  ${cells}\n`);
    }
  }
  return 0;
}

function one(positional: string[], what: string): string {
  if (positional.length === 0) throw new UsageError(`thiếu ${what}`);
  if (positional.length > 1) throw new UsageError(`chỉ nhận một tệp, không hiểu "${positional[1]}"`);
  return positional[0]!;
}

async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['dir'], []);
  const { writeDemo } = await import('./demo');
  const file = await writeDemo(str(args, 'dir'));
  io.out(`Báo cáo mẫu: ${file}\n\n`);
  const flagged = file.replace(/\.xlsx$/, '-danh-dau.xlsx');
  await checkCommand([file, '--out', flagged], io);
  return 0;
}
