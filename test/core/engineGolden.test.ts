// The engine against its golden reports (test/fixtures/engine/golden.json, written by
// scripts/engine-golden.js before any change made for speed): every finding, number and message stays
// byte for byte. A change meant to alter output rewrites the file with the script and shows in its diff.
import { readFileSync } from 'fs';
import { GOLDEN_FILE, goldenReports, goldenText, type GoldenReport } from '../support/engineGolden';

const stored = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenReport[];
const now = goldenReports();

test('the golden inputs are the ones the file was written from', () => {
  expect(now.map((r) => r.key)).toEqual(stored.map((r) => r.key));
  // Many findings of every kind, so the comparison covers the messages and not only empty reports.
  const codes = new Set(stored.flatMap((r) => r.report.findings.map((f) => f.code)));
  expect(codes.size).toBeGreaterThanOrEqual(14);
});

test.each(stored.map((r, i) => [r.key, i] as const))('%s: the same report', (_key, i) => {
  expect(JSON.stringify(now[i]!.report)).toBe(JSON.stringify(stored[i]!.report));
});

test('the whole file is what the engine writes now, byte for byte', () => {
  expect(goldenText(now)).toBe(readFileSync(GOLDEN_FILE, 'utf8'));
});
