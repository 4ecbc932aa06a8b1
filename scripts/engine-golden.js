// Writes test/fixtures/engine/golden.json: the engine's reports on the golden inputs of
// test/support/engineGolden.ts (every test plan and the seed, seeded random fills in four styles, five
// periods). Run it only when a change of a finding, number or message is meant; the test
// test/core/engineGolden.test.ts holds the engine to the file otherwise. Usage: node scripts/engine-golden.js
// TypeScript is compiled on the fly with the compiler the project already has (no ts-node).
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(outputText, filename);
};

const { GOLDEN_FILE, goldenReports, goldenText } = require(path.join(__dirname, '..', 'test', 'support', 'engineGolden.ts'));
const reports = goldenReports();
fs.mkdirSync(path.dirname(GOLDEN_FILE), { recursive: true });
fs.writeFileSync(GOLDEN_FILE, goldenText(reports));
const findings = reports.reduce((n, r) => n + r.report.findings.length, 0);
process.stdout.write(`${reports.length} reports, ${findings} findings → ${path.relative(process.cwd(), GOLDEN_FILE)}\n`);
