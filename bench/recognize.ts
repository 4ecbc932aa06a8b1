// `npm run bench:recognize`: recognition over the fixture tables (test/fixtures/tables) — columns and
// rows recognised right, stated results found, and for the seed-plan tables the verdicts of the
// engine (the template's check) on the recognised cells against the verdicts the figures were built
// for. Reports; never fails on a figure.
import { performance } from 'perf_hooks';
import { buildTables } from '../test/fixtures/tables/layouts';
import { checkStated, figuresOf, gridFormats, recognitionSnapshot, recognizeTable, verdictOf } from '../src/core/recognize';
import { checkWorkbook } from '../src/core/engine';
import { rowKey } from '../src/core/names';

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)} %` : '—');

/**
 * A harder pass: in every table given a plan, each row's name loses one word (chosen by a seeded
 * generator) — as staff shorten names in ways no layout foresaw. Rows recognised right are counted again.
 */
function droppedWordPass(): { right: number; all: number; wrong: number } {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let right = 0, all = 0, wrong = 0;
  for (const t of buildTables().filter((x) => x.plan)) {
    const nameCol = t.expected.columns.TEN!.charCodeAt(0) - 65 - ((t.grid.origin?.col ?? 1) - 1);
    const top = t.grid.origin?.row ?? 1;
    for (const e of t.expected.rows) {
      const row = t.grid.cells[e.row - top]!;
      const words = String(row[nameCol]).split(' ');
      if (words.length > 2) words.splice(Math.floor(rand() * words.length), 1);
      row[nameCol] = words.join(' ');
    }
    const res = recognizeTable(t.grid, { plan: t.plan });
    all += t.expected.rows.length;
    if (!res.ok) continue;
    right += t.expected.rows.filter((e) => res.table.rows.some((x) => x.row === e.row && x.id === e.id && x.measure === e.measure)).length;
    wrong += res.table.rows.filter((x) => !t.expected.rows.some((e) => e.row === x.row && e.id === x.id && e.measure === x.measure)).length;
  }
  return { right, all, wrong };
}

function main(): void {
  const tables = buildTables();
  let colsRight = 0, colsAll = 0, rowsRight = 0, rowsAll = 0, extraRows = 0, statedRight = 0, statedAll = 0, statedExtra = 0;
  let verdictSame = 0, verdictAll = 0, engineSame = 0, engineAll = 0;
  const lines: string[] = [];
  const t0 = performance.now();
  for (const t of tables) {
    const res = recognizeTable(t.grid, { plan: t.plan });
    const exp = t.expected;
    const expCols = Object.entries(exp.columns);
    colsAll += expCols.length;
    rowsAll += exp.rows.length;
    if (!res.ok) {
      lines.push(`${t.name.padEnd(26)} KHÔNG NHẬN DẠNG: ${res.reason}`);
      continue;
    }
    const rec = res.table;
    const c = expCols.filter(([k, v]) => rec.columns.letters[k as keyof typeof rec.columns.letters] === v).length;
    const extraCols = Object.keys(rec.columns.letters).length - c;
    const r = exp.rows.filter((e) => rec.rows.some((x) => x.row === e.row && x.id === e.id && x.measure === e.measure && x.rule === e.rule)).length;
    const wrong = rec.rows.filter((x) => !exp.rows.some((e) => e.row === x.row && e.id === x.id)).length;
    colsRight += c;
    rowsRight += r;
    extraRows += wrong;
    const findings = checkStated(rec, gridFormats(t.grid, rec));
    const found = exp.mismatches.filter((m) => findings.some((f) => f.cell?.endsWith(String(m.row)) && f.name?.startsWith(m.col))).length;
    statedAll += exp.mismatches.length;
    statedRight += found;
    statedExtra += findings.length - found;
    for (const e of exp.rows) {
      const x = rec.rows.find((y) => y.row === e.row);
      if (!x) continue;
      verdictAll++;
      if (verdictOf(figuresOf(x)) === e.status) verdictSame++;
    }
    // Seed-plan tables: the template's engine on the recognised cells.
    if (t.plan?.donVi === 'Huyện Tây Sơn') {
      const report = checkWorkbook(recognitionSnapshot(rec));
      for (const e of exp.rows) {
        if (!e.status) continue;
        const got = report.indicators.find((i) => rowKey(i.id, i.measure) === rowKey(e.id, e.measure));
        engineAll++;
        if (got?.status === e.status) engineSame++;
        else if (process.env.BENCH_VERBOSE) console.log(`    ${t.name} dòng ${e.row} ${rowKey(e.id, e.measure)}: engine ${got?.status ?? '—'}, dựng ${e.status}`);
      }
    }
    lines.push(`${t.name.padEnd(26)} cột ${c}/${expCols.length}${extraCols ? ` (+${extraCols} sai)` : ''}  dòng ${r}/${exp.rows.length}${wrong ? ` (+${wrong} sai)` : ''}  sai lệch tự ghi ${found}/${exp.mismatches.length}`);
  }
  const ms = performance.now() - t0;
  console.log(`Nhận dạng bảng có sẵn — ${tables.length} bảng mẫu (test/fixtures/tables)\n`);
  for (const l of lines) console.log('  ' + l);
  console.log('');
  console.log(`  Cột nhận đúng:                 ${colsRight}/${colsAll} (${pct(colsRight, colsAll)})`);
  console.log(`  Dòng chỉ tiêu nhận đúng:       ${rowsRight}/${rowsAll} (${pct(rowsRight, rowsAll)}), nhận nhầm ${extraRows}`);
  console.log(`  stated-mismatch tìm thấy:      ${statedRight}/${statedAll}, báo thừa ${statedExtra}`);
  console.log(`  Đánh giá từ ô nhận dạng đúng:  ${verdictSame}/${verdictAll} (${pct(verdictSame, verdictAll)})`);
  console.log(`  Engine của biểu mẫu (kế hoạch gốc) cùng đánh giá: ${engineSame}/${engineAll} (${pct(engineSame, engineAll)})`);
  const d = droppedWordPass();
  console.log(`  Khó hơn — mỗi tên dòng mất một từ (bảng có kế hoạch): ${d.right}/${d.all} (${pct(d.right, d.all)}), nhận nhầm ${d.wrong}`);
  console.log(`  Thời gian: ${ms.toFixed(0)} ms cho ${tables.length} bảng (gồm dựng bảng mẫu)`);
}

main();
