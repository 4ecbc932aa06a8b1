// The command for office staff, outside the clone: `npm run pack:cli` makes chitieu-<version>.tgz, and
// `npm install -g ./chitieu-<version>.tgz` gives a working `chitieu` in a folder that knows nothing of the
// repository (here a temporary prefix; dependencies come from the npm cache or the registry).
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packCli } = require('../../scripts/pack-cli') as { packCli: (outDir: string) => string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
let tarball: string;
let chitieu: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'chitieu-install-'));
  if (!existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))) {
    execFileSync(npm, ['run', '--silent', 'build:cli'], { cwd: REPO, stdio: 'pipe' });
  }
  tarball = packCli(path.join(tmp, 'pack'));
  const prefix = path.join(tmp, 'prefix');
  // The README's line, with a prefix instead of the system's global folder.
  execFileSync(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: path.join(tmp, 'pack'), stdio: 'pipe', timeout: 170_000,
  });
  chitieu = process.platform === 'win32' ? path.join(prefix, 'chitieu.cmd') : path.join(prefix, 'bin', 'chitieu');
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the tarball is named after the version and holds the command, not the add-in or the sources', () => {
  expect(path.basename(tarball)).toBe(`chitieu-${pkg.version}.tgz`);
  const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(list).toContain('package/bin/chitieu.js');
  expect(list).toContain('package/dist/cli/main.js');
  expect(list.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/') || f.startsWith('package/dist/addin/'))).toBe(false);
  const inner = JSON.parse(execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' })) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  // Only what the command requires, at the project's pinned version: no React or Fluent UI for office staff.
  expect(inner.dependencies).toEqual({ exceljs: pkg.dependencies.exceljs });
  expect(inner.bin).toEqual({ chitieu: 'bin/chitieu.js' });
});

test('the installed chitieu runs from a folder outside the clone', () => {
  const work = path.join(tmp, 'van-phong');
  execFileSync('mkdir', ['-p', work]);
  const help = spawnSync(chitieu, ['--help'], { cwd: work, encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/chitieu template --out/);
  const made = spawnSync(chitieu, ['template', '--out', 'bao-cao.xlsx', '--year', '2024'], { cwd: work, encoding: 'utf8' });
  expect([made.status, made.stderr]).toEqual([0, '']);
  expect(existsSync(path.join(work, 'bao-cao.xlsx'))).toBe(true);
  const checked = spawnSync(chitieu, ['check', 'bao-cao.xlsx', '--json'], { cwd: work, encoding: 'utf8' });
  expect(checked.status).toBe(0);
  expect((JSON.parse(checked.stdout) as { findings: unknown[] }).findings).toEqual(expect.any(Array));
  // It is the installed copy that ran, not the repository's.
  expect(path.relative(REPO, chitieu).startsWith('..')).toBe(true);
});
