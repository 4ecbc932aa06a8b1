// The task pane's first load, as the production build writes it: gzip size within the budget of issue 15
// (123 KB), and the code that only a click needs (the check and its engine, the paragraph writer, the plan
// reader and writer, consolidation, recognition) left to chunks loaded on demand. A size, not a time.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';

const REPO = path.resolve(__dirname, '../..');
const BUDGET_GZIP = 123_000;

interface Built { entry: string; modules: string[] }

let built: Built;

beforeAll(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-bundle-'));
  // Its own process: webpack's production build as `npm run build` runs it, into a folder of its own.
  const script = `
    const webpack = require('webpack');
    require('./webpack.config.js')({}, { mode: 'production' }).then((c) => {
      c.output.path = ${JSON.stringify(out)};
      webpack(c, (err, stats) => {
        if (err || stats.hasErrors()) { console.error(err || stats.toString('errors-only')); process.exit(1); }
        const j = stats.toJson({ all: false, chunks: true, modules: true, nestedModules: true, modulesSpace: Infinity, nestedModulesSpace: Infinity, ids: true });
        const entry = j.chunks.find((ch) => ch.names.includes('taskpane') && ch.initial);
        const names = [];
        const walk = (ms) => { for (const m of ms || []) { if (m.name) names.push(m.name); walk(m.modules); } };
        walk(j.modules.filter((m) => (m.chunks || []).includes(entry.id)));
        process.stdout.write(JSON.stringify({ entry: entry.files.find((f) => /\\.js$/.test(f)), modules: names }));
      });
    }).catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHITIEU_PROD_URL: 'https://chitieu.kiem-thu.test/' } });
  if (r.status !== 0) throw new Error(`webpack: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as Built;
  built = { entry: path.join(out, j.entry), modules: j.modules };
}, 240_000);

test(`the task pane's first load is at most ${BUDGET_GZIP / 1000} KB gzipped`, () => {
  const size = gzipSync(fs.readFileSync(built.entry), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(BUDGET_GZIP);
});

test('what only a click needs is not in the first load', () => {
  const inEntry = (file: string) => built.modules.some((m) => m.includes(file));
  // What the pane shows first is there (the check can see the entry's modules).
  expect(inEntry('src/taskpane/App.tsx')).toBe(true);
  expect(inEntry('src/core/tally.ts')).toBe(true);
  for (const file of ['src/core/engine.ts', 'src/core/summary.ts', 'src/core/planRead.ts', 'src/core/planWrite.ts', 'src/core/catalog.ts',
    'src/excel/flags.ts', 'src/excel/consolidate.ts', 'src/excel/insertTemplate.ts', 'src/core/recognize/', 'src/core/planText/']) {
    expect([file, inEntry(file)]).toEqual([file, false]);
  }
});
