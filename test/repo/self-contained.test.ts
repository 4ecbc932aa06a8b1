// A fresh clone stands on its own: no file under src/, test/, scripts/, bench/ or .ci/ (nor the root
// configs) reads outside the repository. `.ci/fresh-clone.sh` proves the same by running the suite in a
// clone with no sibling folder; this test says which line is at fault, in seconds.
import path from 'path';
import { readEmits, runtimeDirs, scanFile, scannedFiles, scanRepository } from './selfContained';

const REPO = path.resolve(__dirname, '..', '..');
const emits = readEmits(REPO);
// The old code's lines, assembled so this file does not contain them verbatim (the scan reads it too).
const up = '..';
const SIB = 'shared';

test('no file reads outside the repository', () => {
  expect(scanRepository(REPO)).toEqual([]);
});

test('the scan covers every folder the issue names, the CI script and the root configs', () => {
  const files = scannedFiles(REPO);
  for (const must of ['src/core/engine.ts', 'test/core/catalog.test.ts', 'scripts/validate-manifest.js', 'bench/run.ts', '.ci/run', 'webpack.config.js']) {
    expect([must, files.includes(must)]).toEqual([must, true]);
  }
  expect(files.some((f) => f.startsWith('node_modules/') || f.includes('/node_modules/'))).toBe(false);
});

describe('it would have failed on the old code', () => {
  test('the seed plan read from beside the repository (test/core/catalog.test.ts)', () => {
    const line = `const SEED = path.resolve(__dirname, '${up}/${up}/${up}/${SIB}/seed/ke-hoach-thi-dua-2023.txt');`;
    const problems = scanFile('test/core/catalog.test.ts', `import path from 'path';\n${line}\n`, emits);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^test\/core\/catalog\.test\.ts:2: /);
  });

  test('the schemas read from beside the repository (scripts/validate-manifest.js)', () => {
    const line = `return path.resolve(env.CHITIEU_MANIFEST_XSD || path.join(REPO, '${up}', '${SIB}', 'manifest-xsd'));`;
    expect(scanFile('scripts/validate-manifest.js', line, emits)).toHaveLength(2); // the sibling, and above REPO
  });

  test('any climb above the root, even to another folder name', () => {
    expect(scanFile('test/core/x.test.ts', `path.resolve(__dirname, '${up}', '${up}', '${up}', 'data')`, emits)).toHaveLength(1);
    expect(scanFile('scripts/x.js', `path.join(ROOT, '${up}/other/file.txt')`, emits)).toHaveLength(1);
    expect(scanFile('src/cli/x.ts', `import { x } from '${up}/${up}/${up}/lib/x';`, emits)).toHaveLength(1);
    expect(scanFile('test/x.test.ts', `jest.mock('${up}/${up}/mocks/m')`, emits)).toHaveLength(1);
    expect(scanFile('.ci/x.sh', `cd "$(dirname "$0")/${up}/${up}"`, emits)).toHaveLength(1);
    expect(scanFile('test/x.test.ts', `const f = '/wo${'rk'}/data/x.txt';`, emits)).toHaveLength(1);
  });
});

describe('and does not flag what stays inside', () => {
  test('paths up to the root, imports within it, the CI script going to the root', () => {
    const ok = [
      `path.resolve(__dirname, '${up}', '${up}')`,
      `path.resolve(__dirname, '${up}/fixtures/seed/x.txt')`,
      `import { a } from '${up}/${up}/src/core/engine';`,
      `require('${up}/scripts/validate-manifest')`,
    ].join('\n');
    expect(scanFile('test/core/catalog.test.ts', ok, emits)).toEqual([]);
    expect(scanFile('.ci/run', `cd "$(dirname "$0")/${up}"`, emits)).toEqual([]);
  });

  test('bench runs compiled from dist/bench/bench, so three levels up is the root there', () => {
    expect(runtimeDirs('bench/run.ts', emits)).toEqual(['dist/bench/bench']);
    expect(scanFile('bench/run.ts', `path.resolve(__dirname, '${up}', '${up}', '${up}')`, emits)).toEqual([]);
    expect(scanFile('bench/run.ts', `path.resolve(__dirname, '${up}', '${up}', '${up}', '${up}')`, emits)).toHaveLength(1);
  });

  test('a file jest runs from source and tsc emits elsewhere is checked at both places', () => {
    expect(runtimeDirs('test/excel/syncBudget.ts', emits).sort()).toEqual(['dist/bench/test/excel', 'test/excel']);
    expect(runtimeDirs('src/cli/main.ts', emits)).toEqual(['src/cli', 'dist/cli']);
  });
});
