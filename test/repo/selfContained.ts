// Finds code that reads outside the repository: a fresh clone has no sibling folder (the old code read a
// "shared" one beside the repository) and no machine-specific absolute
// path. Static and pure (scanFile) so a test can feed it the old code too.
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

/** Folders whose files are scanned, and loose files at the root that run code. */
export const SCANNED_DIRS = ['src', 'test', 'scripts', 'bench', '.ci'];
export const SCANNED_ROOT_FILES = ['webpack.config.js', 'jest.config.js', 'eslint.config.js', 'package.json'];
const CODE = /\.(?:[cm]?[jt]sx?|sh|json)$/;

/** A tsconfig that emits files elsewhere: code under `include` runs from outDir/<path from rootDir>. */
interface Emit {
  include: string[];
  outDir: string;
  rootDir: string;
}

/** Where each emitting tsconfig puts its output (read from the repository's own tsconfig files). */
export function readEmits(repo: string): Emit[] {
  const out: Emit[] = [];
  for (const name of readdirSync(repo).filter((f) => /^tsconfig\..+\.json$/.test(f))) {
    const cfg = JSON.parse(readFileSync(path.join(repo, name), 'utf8')) as {
      include?: string[];
      compilerOptions?: { outDir?: string; rootDir?: string; noEmit?: boolean };
    };
    const o = cfg.compilerOptions ?? {};
    if (o.noEmit || !o.outDir || !cfg.include) continue;
    out.push({ include: cfg.include.map((i) => i.replace(/\/\*\*.*$/, '')), outDir: o.outDir, rootDir: o.rootDir ?? '.' });
  }
  return out;
}

/**
 * The folders (relative to the repository) a file's code runs from: its own, and where a tsconfig emits it.
 * bench/ runs only compiled (`npm run bench` compiles to dist/bench first), so its own folder does not count.
 */
export function runtimeDirs(rel: string, emits: Emit[]): string[] {
  const dir = path.posix.dirname(rel);
  const dirs = rel.startsWith('bench/') ? [] : [dir];
  for (const e of emits) {
    if (!/\.tsx?$/.test(rel)) continue;
    if (e.include.some((inc) => rel === inc || rel.startsWith(`${inc}/`))) {
      dirs.push(path.posix.join(e.outDir, path.posix.relative(e.rootDir, dir)));
    }
  }
  return dirs.length > 0 ? dirs : [dir];
}

/** true when `target` (relative to the repository, posix) climbs out of it. */
const escapes = (target: string) => target === '..' || target.startsWith('../') || path.posix.isAbsolute(target);

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Problems in one file, as "file:line: why" strings; [] when it stays inside the repository. */
export function scanFile(rel: string, text: string, emits: Emit[] = []): string[] {
  const problems: string[] = [];
  const add = (index: number, why: string) => problems.push(`${rel}:${lineOf(text, index)}: ${why}`);

  // 1. The sibling folder the old code read from, in any spelling.
  for (const m of text.matchAll(/\.\.(?:\/|\\\\|['"`]\s*,\s*['"`])shared\b/g)) add(m.index ?? 0, `reads the sibling folder "shared": ${m[0]}`);
  // 2. Absolute paths of a build machine.
  for (const m of text.matchAll(/['"`](\/(?:work|home|root|Users)\/[^'"`\s]*)/g)) add(m.index ?? 0, `absolute path ${m[1]}`);
  // 3. path.resolve/join(__dirname, 'literal', …): evaluate from every folder the file runs from.
  for (const m of text.matchAll(/path\.(?:resolve|join)\(\s*__dirname((?:\s*,\s*(['"])[^'"$`]*\2)*)\s*[,)]/g)) {
    const segs = [...(m[1] ?? '').matchAll(/(['"])([^'"]*)\1/g)].map((s) => s[2] ?? '');
    for (const dir of runtimeDirs(rel, emits)) {
      const target = path.posix.normalize(path.posix.join(dir, ...segs));
      if (escapes(target)) add(m.index ?? 0, `${m[0].trim()} from ${dir}/ resolves outside the repository (${target})`);
    }
  }
  // 4. One step above a variable that already holds the repository root.
  for (const m of text.matchAll(/path\.(?:resolve|join)\(\s*(?:REPO|ROOT|repoRoot|repo|root)\s*,\s*(['"])\.\.(?:\/[^'"]*)?\1/g)) {
    add(m.index ?? 0, `climbs above the repository root: ${m[0]}`);
  }
  // 5. Relative imports, requires and mocks (resolved at compile time from the source folder).
  for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|jest\.mock\(\s*)(['"])(\.\.?\/[^'"]*)\1/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2] ?? ''));
    if (escapes(target)) add(m.index ?? 0, `imports ${m[2]} (outside the repository)`);
  }
  // 6. Shell: a folder relative to the script's own ("$(dirname "$0")/../..").
  for (const m of text.matchAll(/\$\(dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\})"?\)"?((?:\/\.\.)+)/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]!.slice(1)));
    if (escapes(target)) add(m.index ?? 0, `shell path ${m[0]} leaves the repository`);
  }
  return problems;
}

/** Every scanned file of the repository, relative and posix. */
export function scannedFiles(repo: string): string[] {
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(repo, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(child);
      } else if (CODE.test(e.name) || rel === '.ci') {
        files.push(child);
      }
    }
  };
  for (const d of SCANNED_DIRS) if (existsSync(path.join(repo, d))) walk(d);
  for (const f of SCANNED_ROOT_FILES) if (existsSync(path.join(repo, f))) files.push(f);
  return files.sort();
}

/** Problems of the whole repository. */
export function scanRepository(repo: string, skip: (rel: string) => boolean = () => false): string[] {
  const emits = readEmits(repo);
  return scannedFiles(repo)
    .filter((f) => !skip(f))
    .flatMap((f) => scanFile(f, readFileSync(path.join(repo, f), 'utf8'), emits));
}
