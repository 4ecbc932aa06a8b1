// Security of what we ship: a production bundle without eval, pages whose Content-Security-Policy allows
// only our own origin (+ the Office CDN that serves office.js), a manifest that asks for no more than it
// needs, and production dependencies limited to the few the README justifies.
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');
// A production build of this test's own, in a temporary folder: the suite never leaves one in dist/addin.
const ADDIN = path.join(mkdtempSync(path.join(os.tmpdir(), 'chitieu-security-')), 'addin');
const TEST_URL = 'https://chitieu.kiem-thu.test/'; // .test: reserved for tests (RFC 6761)
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const PAGES = ['taskpane.html', 'commands.html', 'dialog.html'];

const files = (ext: RegExp) => (existsSync(ADDIN) ? readdirSync(ADDIN).filter((f) => ext.test(f)) : []);
const read = (f: string) => readFileSync(path.join(ADDIN, f), 'utf8');
const isProductionBuild = () =>
  files(/\.js$/).length > 0 && PAGES.every((p) => existsSync(path.join(ADDIN, p))) && read('taskpane.html').includes(`${OFFICE_CDN}/lib/`);

beforeAll(() => {
  // The command users run (npm run build = scripts/build.js), into the temporary folder.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--output-path', ADDIN], {
    cwd: ROOT, stdio: 'pipe', timeout: 240_000, env: { ...process.env, CHITIEU_PROD_URL: TEST_URL },
  });
  expect(isProductionBuild()).toBe(true);
}, 250_000);

afterAll(() => rmSync(path.dirname(ADDIN), { recursive: true, force: true }));

describe('the production bundle', () => {
  it('has no eval( and no new Function / Function( constructor call', () => {
    const bundles = files(/\.js$/);
    expect(bundles.some((f) => f.startsWith('taskpane'))).toBe(true);
    for (const f of bundles) {
      const code = read(f);
      expect([f, code.match(/\beval\s*\(/g)]).toEqual([f, null]);
      expect([f, code.match(/\bnew\s+Function\s*\(/g)]).toEqual([f, null]);
      // The constructor without `new` (Function("return this")()) is the same thing.
      expect([f, code.match(/(?<![.\w$])Function\s*\(\s*["'`]/g)]).toEqual([f, null]);
      // String timers evaluate their argument too.
      expect([f, code.match(/set(?:Timeout|Interval)\s*\(\s*["'`]/g)]).toEqual([f, null]);
    }
  });

  it('ships no source maps (neither files nor inline) and no development build', () => {
    const all: string[] = [];
    const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : all.push(e.name)));
    walk(ADDIN);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files(/\.js$/)) {
      expect([f, /sourceMappingURL=/.test(read(f))]).toEqual([f, false]);
      // Content-hashed names: a production build. fallback.js is copied as is (plain ES5 that taskpane.html names).
      if (f !== 'fallback.js') expect(f).toMatch(/\.[0-9a-f]{8}\.js$/);
    }
    expect(read('manifest.xml')).toContain(`${TEST_URL}taskpane.html`);
  });
});

/** directive → its sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(out.has(name!)).toBe(false); // a repeated directive is ignored by browsers: a mistake
    out.set(name!.toLowerCase(), sources);
  }
  return out;
}

describe("the pages' Content-Security-Policy", () => {
  /**
   * What each directive may allow. The Office CDN serves office.js, which loads its host scripts from the
   * same origin and may fetch their resources (connect-src); Fluent UI (Griffel) inserts <style> at run time
   * ('unsafe-inline' for styles only); images and fonts may be data: URIs. Nothing else, anywhere.
   */
  const ALLOWED: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_CDN],
    'connect-src': ["'self'", OFFICE_CDN],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'", "'none'"],
    'form-action': ["'self'", "'none'"],
    'frame-src': ["'self'", "'none'"],
    'worker-src': ["'self'", "'none'"],
    'manifest-src': ["'self'"],
    'media-src': ["'self'", "'none'"],
  };

  it.each(PAGES)('%s: a CSP meta before any script, allowing only self (+ the Office CDN)', (page) => {
    const html = read(page);
    const metas = [...html.matchAll(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/gi)];
    expect(metas).toHaveLength(1);
    const at = metas[0]!.index!;
    const firstScript = html.search(/<script\b/i);
    expect(firstScript === -1 || at < firstScript).toBe(true);
    expect(at).toBeLessThan(html.search(/<\/head>/i));

    const csp = parseCsp(metas[0]![2] ?? metas[0]![3]!);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('base-uri')).toBe(true);
    for (const [directive, sources] of csp) {
      expect([directive, directive in ALLOWED]).toEqual([directive, true]);
      for (const s of sources) expect([directive, s, ALLOWED[directive]!.includes(s)]).toEqual([directive, s, true]);
    }
    const all = [...csp.values()].flat();
    for (const bad of ["'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'blob:', 'ws:', 'wss:']) {
      expect(all).not.toContain(bad);
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it.each(PAGES)('%s: no inline script or event handler, scripts only from self or the Office CDN', (page) => {
    const html = read(page);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = /\bsrc=["']?([^"'\s>]+)/i.exec(m[1]!)?.[1];
      expect([m[0], src]).not.toEqual([m[0], undefined]); // no inline script
      expect(m[2]!.trim()).toBe('');
      const external = /^https?:\/\//i.test(src!);
      if (external) expect(src!.startsWith(`${OFFICE_CDN}/`)).toBe(true);
      else expect(src).not.toMatch(/^\/\/|^data:|^javascript:/i);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('the manifest', () => {
  it.each([
    ['manifest.xml', path.join(ROOT, 'manifest.xml')],
    ['the production build\'s manifest.xml', path.join(ADDIN, 'manifest.xml')],
  ])('%s asks for ReadWriteDocument and nothing more', (_label, file) => {
    const xml = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(perms).toEqual(['ReadWriteDocument']);
    // No wider reach: no extra domains the pages may navigate to, no page outside our own origin.
    expect(xml).not.toMatch(/<AppDomains?>[\s\S]*?<AppDomain>/);
    expect(xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
    const origins = new Set([...xml.matchAll(/DefaultValue="(https:\/\/[^/"]+)/g)].map((m) => m[1]));
    expect(origins.size).toBe(1);
  });
});

describe('production dependencies', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    bundleDependencies?: unknown;
  };
  const JUSTIFIED = ['@fluentui/react-components', 'exceljs', 'react', 'react-dom'];

  it('are exactly the justified few, pinned to exact versions', () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(JUSTIFIED);
    for (const v of Object.values(pkg.dependencies ?? {})) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.bundleDependencies).toBeUndefined();
  });

  it('each is justified in the README "Dependencies" section', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /^## Dependencies\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
    expect(section).not.toBe('');
    for (const dep of JUSTIFIED) expect([dep, section.includes(`\`${dep}\``)]).toEqual([dep, true]);
  });
});
