// `npm run bench:plantext`: how well `readPlanText` reads the fixture documents (test/fixtures/planText):
// the share of targets read right by rule, figure, unit and all three, what became of the deliberately
// unreadable lines, and how fast. It reports; it never fails on a figure.
import { performance } from 'perf_hooks';
import { readPlanText } from '../src/core/planText';
import { fixtureDocs } from '../test/fixtures/planText/styles';
import { scoreDocs, share } from '../test/fixtures/planText/score';
import { TARGETS, UNREADABLE } from '../test/fixtures/planText/targets';
import { HELD_OUT } from '../test/fixtures/planText/heldout';

const docs = fixtureDocs();
const s = scoreDocs(docs);
// Held out: written after the reader and never used to tune it.
const held = scoreDocs([{
  name: 'held-out',
  text: HELD_OUT.map(([t], i) => `${i + 1}. ${t}`).join('\n'),
  lines: HELD_OUT.map(([, expected], i) => ({ dong: i + 1, expected: [expected] })),
}]);
const lines = docs.reduce((n, d) => n + d.text.split('\n').length, 0);
const t0 = performance.now();
const REPEATS = 20;
for (let i = 0; i < REPEATS; i++) for (const d of docs) readPlanText(d.text);
const perLine = (performance.now() - t0) / REPEATS / lines;

const out = [
  '## Reading targets from text (`readPlanText`)',
  '',
  `${TARGETS.length} target phrasings and ${UNREADABLE.length} unreadable ones, in ${docs.length} documents (${docs.map((d) => d.name).join(', ')}): ${s.targets} targets to read.`,
  '',
  '| read right | share |',
  '|---|---|',
  `| rule | ${share(s.rule, s.targets)} (${s.rule}/${s.targets}) |`,
  `| figure (with growth index, "khoảng") | ${share(s.figure, s.targets)} (${s.figure}/${s.targets}) |`,
  `| unit | ${share(s.unit, s.targets)} (${s.unit}/${s.targets}) |`,
  `| all three | ${share(s.all, s.targets)} (${s.all}/${s.targets}) |`,
  `| unreadable lines listed in khongDoc | ${share(s.unreadListed, s.unreadable)} (${s.unreadListed}/${s.unreadable}) |`,
  `| unreadable lines read as \`min\` | ${s.unreadAsMin} |`,
  '',
  `Held out (${HELD_OUT.length} phrasings written after the reader, never used to tune it): rule ${share(held.rule, held.targets)}, figure ${share(held.figure, held.targets)}, unit ${share(held.unit, held.targets)}, all three ${share(held.all, held.targets)}.`,
  '',
  `Speed: ${(perLine * 1000).toFixed(1)} µs a line (${lines} lines, ${REPEATS} runs).`,
  '',
];
const misses = [...s.misses, ...held.misses];
if (misses.length) {
  out.push('Misses:', '');
  for (const m of misses.slice(0, 40)) out.push(`- ${m.doc}:${m.dong} \`${m.line.trim()}\` — expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.got ?? null)}`);
  out.push('');
}
process.stdout.write(out.join('\n'));
