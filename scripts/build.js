#!/usr/bin/env node
'use strict';
/**
 * npm run build — the production add-in in dist/addin/ (or webpack's --output-path), for publishing.
 * Refuses in one line, before any work, when CHITIEU_PROD_URL is missing or a placeholder; then runs
 * webpack in production mode (extra arguments are passed on) and says what to publish.
 */
const path = require('path');
const { spawnSync } = require('child_process');
const { prodUrl, productionManifest, PROD_ID, manifestVersion, packageVersion } = require('./manifest-url');

const REPO = path.resolve(__dirname, '..');

let url;
try {
  url = prodUrl(process.env);
} catch (err) {
  console.error(`✘ ${err.message}`);
  process.exit(1);
}
// Fail on a broken manifest before a minute of bundling.
productionManifest(require('fs').readFileSync(path.join(REPO, 'manifest.xml'), 'utf8'), url);

const args = process.argv.slice(2);
const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO] });
const r = spawnSync(process.execPath, [webpackCli, '--mode', 'production', ...args], { cwd: REPO, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status === null ? 1 : r.status);

const outIndex = args.findIndex((a) => a === '--output-path' || a.startsWith('--output-path='));
const out = outIndex < 0 ? path.join(REPO, 'dist', 'addin') : path.resolve(args[outIndex].split('=')[1] || args[outIndex + 1]);
console.log(
  `\n✔ Bản triển khai / production build: ${path.relative(process.cwd(), out) || '.'}${path.sep}\n` +
    `  URL: ${url}  ·  Id ${PROD_ID}  ·  Version ${manifestVersion(packageVersion())}\n` +
    `  Đăng mọi tệp của thư mục này tại ${url} ; phát hành ${path.join(path.relative(process.cwd(), out) || '.', 'manifest.xml')} (README: "Deploying for an office").`,
);
