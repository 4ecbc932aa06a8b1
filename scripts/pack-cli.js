#!/usr/bin/env node
'use strict';
/**
 * npm run pack:cli [-- --out FOLDER] — the `chitieu` command as one file to hand to office staff:
 * chitieu-<version>.tgz with bin/ and the compiled command (dist/), whose package.json lists only what the
 * command itself requires (exceljs), so `npm install -g ./chitieu-<version>.tgz` installs in seconds
 * without the add-in's React/Fluent UI. Needs `npm run build:cli` first (pack:cli does it).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { builtinModules } = require('module');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');

/** dist/ folders the CLI build writes (src/<x> → dist/<x>, from tsconfig.cli.json's include). */
function cliFolders() {
  const cfg = JSON.parse(fs.readFileSync(path.join(REPO, 'tsconfig.cli.json'), 'utf8'));
  return cfg.include.map((inc) => path.join('dist', path.relative('src', inc)));
}

/** Bare module names the compiled command requires (not Node's own, not relative). */
function requiredPackages(dirs) {
  const names = new Set();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.js')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
          const spec = m[1];
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          if (!builtinModules.includes(name) && !name.startsWith('node:')) names.add(name);
        }
      }
    }
  };
  dirs.forEach((d) => walk(path.join(REPO, d)));
  return [...names].sort();
}

function packCli(outDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const dirs = cliFolders();
  const missing = dirs.filter((d) => !fs.existsSync(path.join(REPO, d)));
  if (missing.length > 0 || !fs.existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))) {
    throw new Error(`Chưa biên dịch lệnh (thiếu ${missing.join(', ') || 'dist/cli/main.js'}): chạy "npm run build:cli" trước.`);
  }
  const dependencies = {};
  for (const name of requiredPackages(dirs)) {
    const version = (pkg.dependencies || {})[name];
    if (!version) throw new Error(`dist/ requires "${name}", which is not in package.json dependencies`);
    dependencies[name] = version;
  }
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-pack-'));
  try {
    fs.cpSync(path.join(REPO, 'bin'), path.join(stage, 'bin'), { recursive: true });
    for (const d of dirs) fs.cpSync(path.join(REPO, d), path.join(stage, d), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'README.md'), path.join(stage, 'README.md'));
    const manifest = {
      name: pkg.name,
      version: pkg.version,
      description: pkg.description,
      license: pkg.license,
      bin: pkg.bin,
      engines: pkg.engines,
      files: ['bin', ...dirs.map((d) => d.split(path.sep).join('/'))],
      dependencies,
    };
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(outDir, { recursive: true });
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.resolve(outDir)], {
      cwd: stage,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const file = path.join(path.resolve(outDir), out.trim().split('\n').pop());
    if (!fs.existsSync(file)) throw new Error(`npm pack did not write ${file}`);
    return file;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 ? path.resolve(process.env.INIT_CWD || process.cwd(), process.argv[i + 1]) : REPO;
  try {
    const file = packCli(outDir);
    console.log(`✔ ${file}\n  Cài cho người dùng / install: npm install -g "${file}"   → lệnh chitieu`);
  } catch (err) {
    console.error(`✘ ${err.message}`);
    process.exitCode = 1;
  }
}

module.exports = { packCli, requiredPackages, cliFolders };
