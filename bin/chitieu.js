#!/usr/bin/env node
// Entry of the `chitieu` command: runs the compiled CLI (built by `npm run build:cli`, which `npm ci` runs via `prepare`).
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chitieu: lỗi không mong đợi: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; }
);
