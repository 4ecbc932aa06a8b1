// `npm run bench`: one run prints the figures of the issue "Proof: benchmarks" and writes them to
// bench/RESULTS.md. Benchmarks report; they never fail on a figure. Compiled by tsconfig.bench.json into
// dist/bench and run with node (no ts-node). Target: under about 2 minutes on a 2-core machine.
import { execFileSync } from 'child_process';
import { existsSync, promises as fs, readdirSync, readFileSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { indicatorKeys } from '../src/core/catalog';
import { checkWorkbook } from '../src/core/engine';
import { cellName } from '../src/core/names';
import { planFromJson } from '../src/core/planRead';
import type { WorkbookSnapshot } from '../src/core/types';
import { snapshotOf } from '../src/template/inMemory';
import { buildTemplate } from '../src/template/model';
import { atPlanEntries, realisticEntries } from '../src/template/samples';
import { buildAdversaries } from '../test/support/adversarial';
import { namedCells } from '../src/xlsx/definedNames';
import { newTemplateWorkbook } from '../src/xlsx/renderTemplate';

const ROOT = path.resolve(__dirname, '..', '..', '..'); // dist/bench/bench → repository root
const UNITS = 100;
const ENGINE_REPEATS = 30;
const XLSX_REPEATS = 3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number, digits = 1) => `${x.toFixed(digits)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function timed(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Wall and CPU (user + system) time of `fn` in this process, in ms. */
async function timedCpu(fn: () => unknown | Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const wall = await timed(fn);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** The machine's load, to read wall times by: six agents share 2 cores. */
const load = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${os.cpus().length} cores`;

// 1. The engine alone: 100 units × the full plan, from plain snapshots.
async function engine(lines: string[]): Promise<void> {
  const model = buildTemplate({ year: 2023 });
  const snapshots: WorkbookSnapshot[] = [];
  for (let seed = 1; seed <= UNITS; seed++) snapshots.push(snapshotOf(model, realisticEntries(seed)));
  const rows = indicatorKeys().length;
  for (const s of snapshots.slice(0, 10)) checkWorkbook(s); // warm-up
  const timings: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < ENGINE_REPEATS; i++) timings.push(await timedCpu(() => { for (const s of snapshots) checkWorkbook(s); }));
  const runs = timings.map((t) => t.wall);
  const m = median(runs);
  const cpu = median(timings.map((t) => t.cpu));
  lines.push(
    '## Engine (`checkWorkbook`, pure)',
    '',
    `${UNITS} units × the full plan (${rows} indicator rows each), median of ${ENGINE_REPEATS} runs:`,
    '',
    '| figure | value |',
    '|---|---|',
    `| ${UNITS} units | ${ms(m)} (min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))}) |`,
    `| per unit (one workbook) | ${ms(m / UNITS, 3)} |`,
    `| per indicator row | ${((m / (UNITS * rows)) * 1000).toFixed(2)} µs |`,
    `| per indicator row, CPU time (less moved by the neighbours' load) | ${((cpu / (UNITS * rows)) * 1000).toFixed(2)} µs |`,
    '',
  );
}

// 2. `chitieu check` over 100 real .xlsx files against ExcelJS merely reading them.
async function cli(lines: string[]): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-bench-'));
  try {
    const model = buildTemplate({ year: 2023 });
    const blank = Buffer.from(await newTemplateWorkbook(model).xlsx.writeBuffer());
    const files: string[] = [];
    for (let seed = 1; seed <= UNITS; seed++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(blank as unknown as ArrayBuffer);
      const cells = namedCells(wb);
      for (const [name, value] of Object.entries(realisticEntries(seed))) {
        const nc = cells.get(name.toUpperCase())!;
        wb.getWorksheet(nc.sheet)!.getCell(nc.address).value = value === undefined ? null : (value as ExcelJS.CellValue);
      }
      const file = path.join(dir, `don-vi-${seed}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const sizes = files.map((f) => statSync(f).size);
    const quiet = { out: () => undefined, err: () => undefined };
    const readOnly = async () => {
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await fs.readFile(f)) as unknown as ArrayBuffer);
      }
    };
    const check = async () => {
      for (const f of files) {
        const code = await main(['check', f, '--json'], quiet);
        if (code === 2) throw new Error(`check could not use ${f}`);
      }
    };
    let outN = 0;
    const checkOut = async () => {
      for (const f of files) await main(['check', f, '--out', path.join(dir, `out-${outN++}.xlsx`)], quiet);
    };
    await readOnly(); await check(); await checkOut(); // warm-up (JIT, module caches)
    const loadBefore = load();
    const reads: number[] = [];
    const checks: { wall: number; cpu: number }[] = [];
    const outs: { wall: number; cpu: number }[] = [];
    // Interleaved, so a burst of load from the neighbours falls on all three alike.
    for (let i = 0; i < XLSX_REPEATS; i++) {
      reads.push(await timed(readOnly));
      checks.push(await timedCpu(check));
      outs.push(await timedCpu(checkOut));
    }
    const r = median(reads);
    const c = median(checks.map((x) => x.wall));
    const o = median(outs.map((x) => x.wall));
    const cCpu = median(checks.map((x) => x.cpu));
    const oCpu = median(outs.map((x) => x.cpu));
    lines.push(
      '## `chitieu check` on real .xlsx files',
      '',
      `${UNITS} workbooks made with the template + \`realisticEntries(seed)\` (${kb(median(sizes))} each), run in-process ` +
        `through \`main(['check', FILE, '--json'])\`; median of ${XLSX_REPEATS} interleaved passes after a warm-up. Measured at ${loadBefore}` +
        ` (at the end: ${load()}).`,
      '',
      '| figure | value |',
      '|---|---|',
      `| ExcelJS alone reads the ${UNITS} files | ${ms(r, 0)} (${ms(r / UNITS)} per file) |`,
      `| \`chitieu check --json\` on the ${UNITS} files | ${ms(c, 0)} (${ms(c / UNITS)} per file) |`,
      `| **check ÷ read** | **${(c / r).toFixed(2)}×** (our overhead on top of reading: ${(((c - r) / r) * 100).toFixed(0)} %) |`,
      `| \`chitieu check --out COPY\` (reads, checks, writes a flagged copy, prints the table) | ${ms(o, 0)} (${(o / r).toFixed(2)}× the read) |`,
      `| **check --out ÷ check** (wall) | **${(o / c).toFixed(2)}×** |`,
      `| CPU time: check / check --out | ${ms(cCpu, 0)} / ${ms(oCpu, 0)} → **${(oCpu / cCpu).toFixed(2)}×** |`,
      '',
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// 2b. Adversarial files (built by test/support/adversarial.ts), each in a child process of its own so its
// peak memory is its own: wall time and max RSS of `chitieu check --json` and `check --out`.
async function adversarial(lines: string[]): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-bench-adv-'));
  try {
    const model = buildTemplate({ year: 2023 });
    const wb = newTemplateWorkbook(model);
    const cells = namedCells(wb);
    for (const [name, value] of Object.entries({ ...atPlanEntries(), TH_2: 4449000000000 })) {
      const nc = cells.get(name.toUpperCase());
      if (nc) wb.getWorksheet(nc.sheet)!.getCell(nc.address).value = value === undefined ? null : (value as ExcelJS.CellValue);
    }
    const set = await buildAdversaries(dir, Buffer.from(await wb.xlsx.writeBuffer()));
    // Wall and CPU time from the child's start (module loading included), and its peak resident memory.
    const measure = (args: string[]): { ms: number; cpu: number; mb: number; code: number } => {
      const script = `const t=process.hrtime.bigint();require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'main.js'))}).main(${JSON.stringify(args)},{out:()=>{},err:()=>{}}).then(c=>{const u=process.cpuUsage();process.stdout.write(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,cpu:(u.user+u.system)/1000,mb:process.resourceUsage().maxRSS/1024,code:c}))})`;
      return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { ms: number; cpu: number; mb: number; code: number };
    };
    lines.push('## Adversarial files (`chitieu check`, one child process each)', '',
      `Measured at ${load()} (six agents share this machine: wall times are inflated by that load; CPU time is this process's own cost, ` +
        'user + system, from the start of node — the issue\'s ≤ 2 s is about that).', '',
      '| file | check: wall | check: CPU | check: peak RSS | exit | --out: wall | --out: CPU | --out: peak RSS |', '|---|---|---|---|---|---|---|---|');
    for (const a of set) {
      const c = measure(['check', a.file, '--json']);
      const o = c.code === 2 ? null : measure(['check', a.file, '--out', path.join(dir, `${a.name}-out.xlsx`)]);
      lines.push(`| ${a.name} (${kb(statSync(a.file).size)}) | ${ms(c.ms, 0)} | ${ms(c.cpu, 0)} | ${c.mb.toFixed(0)} MB | ${c.code} | ` +
        `${o ? ms(o.ms, 0) : '—'} | ${o ? ms(o.cpu, 0) : '—'} | ${o ? `${o.mb.toFixed(0)} MB` : '—'} |`);
    }
    lines.push('', `At the end of this section: ${load()}.`);
    lines.push('', 'ExcelJS is not run on these: on the whole-sheet validation alone it takes minutes and more than 1 GB (issue 10).', '');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// 2c. Start-up: what loading the command costs, with ExcelJS loaded lazily (only template, merge and demo
// need it) against what every command paid when main.ts loaded it at start.
async function startup(lines: string[]): Promise<void> {
  const mainJs = JSON.stringify(path.join(ROOT, 'dist', 'cli', 'main.js'));
  const excel = JSON.stringify(require.resolve('exceljs'));
  const RUNS = 5;
  const measure = (body: string): { wall: number; cpu: number; mb: number } => {
    const runs = Array.from({ length: RUNS }, () => {
      const t0 = performance.now();
      const out = execFileSync(process.execPath, ['-e', `${body};const u=process.cpuUsage();process.stdout.write(JSON.stringify({cpu:(u.user+u.system)/1000,mb:process.resourceUsage().maxRSS/1024}))`], { encoding: 'utf8' });
      return { wall: performance.now() - t0, ...(JSON.parse(out) as { cpu: number; mb: number }) };
    });
    return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), mb: median(runs.map((r) => r.mb)) };
  };
  const bare = measure('0');
  const lazy = measure(`require(${mainJs})`);
  const eager = measure(`require(${mainJs});require(${excel})`);
  lines.push('## Start-up (`node -e "require(dist/cli/main.js)"`, a child process each)', '',
    `Median of ${RUNS}; wall time includes starting node (measured at ${load()}).`, '',
    '| what is loaded | wall | CPU | peak RSS |', '|---|---|---|---|',
    `| node alone | ${ms(bare.wall, 0)} | ${ms(bare.cpu, 0)} | ${bare.mb.toFixed(0)} MB |`,
    `| the command, ExcelJS left unloaded (check, describe, summary) | ${ms(lazy.wall, 0)} | ${ms(lazy.cpu, 0)} | ${lazy.mb.toFixed(0)} MB |`,
    `| the command + ExcelJS (template, merge, demo; before: every command) | ${ms(eager.wall, 0)} | ${ms(eager.cpu, 0)} | ${eager.mb.toFixed(0)} MB |`,
    `| **saved by loading ExcelJS lazily** | ${ms(eager.wall - lazy.wall, 0)} | ${ms(eager.cpu - lazy.cpu, 0)} | ${(eager.mb - lazy.mb).toFixed(0)} MB |`, '');
}

// 3. context.sync() round trips of the Office.js adapter, counted by the typed fake.
type MeasureSyncs = (kind: 'insert' | 'check' | 'clear' | 'consolidate', scale: number) => Promise<number>;
async function syncs(lines: string[]): Promise<void> {
  lines.push('## `context.sync()` round trips (Office.js adapter on the typed fake)', '');
  // HOOK: test/excel/syncBudget.ts (a colleague's) exports measureSyncs(kind, scale). tsconfig.bench.json
  // compiles it when it exists; without it this section says so instead of inventing figures.
  const compiled = path.join(__dirname, '..', 'test', 'excel', 'syncBudget.js');
  if (!existsSync(compiled)) {
    lines.push('*Not measured: `test/excel/syncBudget.ts` (`measureSyncs`) does not exist yet — hook in `bench/run.ts`, `syncs()`.*', '');
    return;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { measureSyncs } = require(compiled) as { measureSyncs: MeasureSyncs };
    lines.push('| operation | plan (1×) | 10× larger workbook |', '|---|---|---|');
    for (const kind of ['insert', 'check', 'clear'] as const) {
      const one = await measureSyncs(kind, 1);
      const ten = await measureSyncs(kind, 10);
      const label = kind === 'check' ? 'check + flag' : kind;
      lines.push(`| ${label} | ${one} | ${ten} |`);
    }
    lines.push(`| consolidate ("Tổng hợp từ các sheet"; 3 unit sheets → 30) | ${await measureSyncs('consolidate', 1)} | ${await measureSyncs('consolidate', 10)} |`);
    lines.push('', 'Counts, not times: a sync is one round trip to Excel (slow on the web). A count that does not grow with the workbook means no sync in a loop.', '');
  } catch (err) {
    lines.push(`*Not measured: measureSyncs failed (${String((err as Error).message ?? err).split('\n')[0]}).*`, '');
  }
}

// 4. Size of the production task-pane bundle.
async function bundle(lines: string[]): Promise<void> {
  // Its own production build (the URL does not change the bundles), so dist/addin is left to `npm run build`.
  const dir = path.join(ROOT, 'dist', 'bench', 'addin');
  const jsFiles = () => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.js$/.test(f)) : []);
  let built = 'the existing build';
  const html = path.join(dir, 'taskpane.html');
  const newestSource = (d: string): number => readdirSync(d, { withFileTypes: true })
    .reduce((t, e) => Math.max(t, e.isDirectory() ? newestSource(path.join(d, e.name)) : statSync(path.join(d, e.name)).mtimeMs), 0);
  const stale = () => !existsSync(html) || statSync(html).mtimeMs < newestSource(path.join(ROOT, 'src'));
  if (jsFiles().length === 0 || stale() || /\/office-js\/office\.js/.test(readFileSync(html, 'utf8'))) {
    // No production build, an older one than the sources, or a development one: make one (about 20 s).
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--output-path', dir], {
        cwd: ROOT, stdio: 'ignore', env: { ...process.env, CHITIEU_PROD_URL: 'https://chitieu.kiem-thu.test/' },
      });
      built = 'a build made by this run';
    } catch {
      built = 'the existing build (the production build failed in this run: figures may be stale)';
    }
  }
  if (jsFiles().length === 0) {
    lines.push('## Production bundle', '', '*Not measured: no build in dist/bench/addin and `npm run build` failed.*', '');
    return;
  }
  lines.push('## Production bundle (`dist/addin/*.js`)', '', `From ${built} (\`npm run build\`), licence files excluded:`, '', '| file | raw | gzip -9 |', '|---|---|---|');
  let raw = 0;
  let gz = 0;
  for (const f of jsFiles().sort()) {
    const data = readFileSync(path.join(dir, f));
    const z = gzipSync(data, { level: 9 }).length;
    raw += data.length; gz += z;
    lines.push(`| ${f.replace(/\.[0-9a-f]{8}\.js$/, '.js')} | ${kb(data.length)} | ${kb(z)} |`);
  }
  lines.push(`| **total** | **${kb(raw)}** | **${kb(gz)}** |`, '');
}

// 1b. The engine on a plan of another unit: the province test plan (test/fixtures/plans/tinh-2026.json).
async function engineAnyPlan(lines: string[]): Promise<void> {
  const plan = planFromJson(readFileSync(path.join(ROOT, 'test/fixtures/plans/tinh-2026.json'), 'utf8'));
  const model = buildTemplate({ year: 2026, indicators: plan.indicators, headings: plan.headings, order: plan.order });
  const options = { indicators: plan.indicators, headings: plan.headings };
  const snapshots: WorkbookSnapshot[] = [];
  for (let u = 1; u <= UNITS; u++) {
    const entries: Record<string, number> = {};
    for (const ind of plan.indicators) {
      const kh = model.rows.find((r) => r.key?.id === ind.id)?.cells.plan?.value;
      const base = typeof kh === 'number' ? kh : 100;
      entries[cellName('TH', ind.id)] = Math.round(base * (0.95 + ((u * 7 + ind.id.length) % 10) / 100) * 10) / 10;
      entries[cellName('TN', ind.id)] = Math.round(base * 0.93 * 10) / 10;
    }
    snapshots.push(snapshotOf(model, entries));
  }
  const rows = indicatorKeys(plan.indicators).length;
  for (const s of snapshots.slice(0, 10)) checkWorkbook(s, options);
  const timings: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < ENGINE_REPEATS; i++) timings.push(await timedCpu(() => { for (const s of snapshots) checkWorkbook(s, options); }));
  const runs = timings.map((t) => t.wall);
  const m = median(runs);
  const cpu = median(timings.map((t) => t.cpu));
  lines.push(
    '## Engine on a plan of another unit (province test plan)',
    '',
    `${UNITS} units × ${rows} indicator rows (test/fixtures/plans/tinh-2026.json), median of ${ENGINE_REPEATS} runs (aim: ≤ 2 µs a row):`,
    '',
    '| figure | value |',
    '|---|---|',
    `| ${UNITS} units | ${ms(m)} (min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))}) |`,
    `| per indicator row | ${((m / (UNITS * rows)) * 1000).toFixed(2)} µs |`,
    `| per indicator row, CPU time | ${((cpu / (UNITS * rows)) * 1000).toFixed(2)} µs |`,
    '',
  );
}

async function runBench(): Promise<void> {
  const t0 = performance.now();
  const cpus = os.cpus();
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Benchmarks report; they do not fail.',
    '',
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, ExcelJS ${(require('exceljs/package.json') as { version: string }).version}`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- At the start: ${load()} (\`uptime\`; six agents share the machine, so wall times vary with their load)`,
    '',
  ];
  const step = async (name: string, fn: (l: string[]) => Promise<void>) => {
    process.stderr.write(`bench: ${name}…\n`);
    await fn(lines);
  };
  await step('engine', engine);
  await step('engine on a province plan', engineAnyPlan);
  await step('chitieu check on 100 .xlsx', cli);
  await step('start-up', startup);
  await step('adversarial files', adversarial);
  await step('context.sync() counts', syncs);
  await step('bundle size', bundle);
  lines.push(`Whole bench run: ${((performance.now() - t0) / 1000).toFixed(1)} s.`, '');
  const text = lines.join('\n');
  await fs.writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), text);
  process.stdout.write(text);
}

runBench().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
