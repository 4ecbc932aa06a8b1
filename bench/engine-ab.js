// The engine's speed before and after a change, measured in one process so both builds meet the same load
// (several agents share this machine): `node bench/engine-ab.js OLD/dist/bench/ NEW/dist/bench/ [runs]`,
// each directory compiled by `tsc -p tsconfig.bench.json` from its commit. Interleaved runs of the two
// benchmark inputs of bench/run.ts (seed plan and province plan, 100 units each); CPU time per indicator
// row, median and minimum, and the ratio new ÷ old. A report, never a test.
const fs = require('fs');
const [A, B] = [process.argv[2], process.argv[3]];
const N = Number(process.argv[4] || 40);
function load(D) {
  const m = (p) => require(require('path').resolve(D, p));
  const { checkWorkbook } = m('src/core/engine');
  const { indicatorKeys } = m('src/core/catalog');
  const { cellName } = m('src/core/names');
  const { planFromJson } = m('src/core/planRead');
  const { snapshotOf } = m('src/template/inMemory');
  const { buildTemplate } = m('src/template/model');
  const { realisticEntries } = m('src/template/samples');
  const model = buildTemplate({ year: 2023 });
  const seed = { snaps: [], options: {}, rows: indicatorKeys().length };
  for (let s = 1; s <= 100; s++) seed.snaps.push(snapshotOf(model, realisticEntries(s)));
  const plan = planFromJson(fs.readFileSync(require('path').join(__dirname, '..', 'test', 'fixtures', 'plans', 'tinh-2026.json'), 'utf8'));
  const tm = buildTemplate({ year: 2026, indicators: plan.indicators, headings: plan.headings, order: plan.order });
  const tinh = { snaps: [], options: { indicators: plan.indicators, headings: plan.headings }, rows: indicatorKeys(plan.indicators).length };
  for (let u = 1; u <= 100; u++) {
    const entries = {};
    for (const ind of plan.indicators) {
      const kh = tm.rows.find((r) => r.key?.id === ind.id)?.cells.plan?.value;
      const base = typeof kh === 'number' ? kh : 100;
      entries[cellName('TH', ind.id)] = Math.round(base * (0.95 + ((u * 7 + ind.id.length) % 10) / 100) * 10) / 10;
      entries[cellName('TN', ind.id)] = Math.round(base * 0.93 * 10) / 10;
    }
    tinh.snaps.push(snapshotOf(tm, entries));
  }
  return { checkWorkbook, cases: { seed, tinh } };
}
const sides = { A: load(A), B: load(B) };
const t = { A: { seed: [], tinh: [] }, B: { seed: [], tinh: [] } };
for (let i = 0; i < N + 5; i++) for (const side of ['A', 'B']) for (const name of ['seed', 'tinh']) {
  const { checkWorkbook, cases } = sides[side]; const c = cases[name];
  const c0 = process.cpuUsage();
  for (const s of c.snaps) checkWorkbook(s, c.options);
  const u = process.cpuUsage(c0);
  if (i >= 5) t[side][name].push(((u.user + u.system) / 1000) * 1000 / (100 * c.rows));
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const name of ['seed', 'tinh']) {
  const a = t.A[name], b = t.B[name];
  console.log(`${name}: A min ${Math.min(...a).toFixed(2)} med ${med(a).toFixed(2)} | B min ${Math.min(...b).toFixed(2)} med ${med(b).toFixed(2)} µs/row (cpu) | B/A med ${(med(b) / med(a)).toFixed(2)}`);
}
