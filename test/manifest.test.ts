// The add-in manifest: schema-valid (offline, xmllint), the ribbon we promise, Vietnamese strings,
// icons that exist at the stated size, and a production build with no localhost left in it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM } from 'jsdom';

const REPO = path.resolve(__dirname, '..');
const MANIFEST = path.join(REPO, 'manifest.xml');
const DEV_BASE = 'https://localhost:3000/';

interface ValidationResult {
  ok: boolean;
  message: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require('../scripts/validate-manifest') as {
  validateManifest: (file?: string, opts?: { env?: NodeJS.ProcessEnv; xmllint?: string }) => ValidationResult;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest, prodUrl, manifestVersion, PROD_ID } = require('../scripts/manifest-url') as {
  productionManifest: (content: string | Buffer, url: string, version?: string) => string;
  prodUrl: (env?: NodeJS.ProcessEnv) => string;
  manifestVersion: (packageVersion: string) => string;
  PROD_ID: string;
};

const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');

/** Elements by local name, whatever their namespace prefix. */
function all(localName: string, root: Document | Element = doc): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}
function one(localName: string, root: Document | Element = doc): Element {
  const found = all(localName, root);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0] as Element;
}
/** A direct child of <OfficeApp>. */
function top(localName: string): Element {
  const el = Array.from(doc.documentElement.children).find((c) => c.localName === localName);
  if (!el) throw new Error(`no <${localName}> under <OfficeApp>`);
  return el;
}
function resource(kind: 'Image' | 'Url' | 'String', id: string): Element {
  const el = all(kind).find((e) => e.getAttribute('id') === id);
  if (!el) throw new Error(`no <bt:${kind} id="${id}">`);
  return el;
}
function viOverride(el: Element): string | null {
  const o = Array.from(el.children).find((c) => c.localName === 'Override' && c.getAttribute('Locale') === 'vi-VN');
  return o?.getAttribute('Value') ?? null;
}
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
function assetFile(url: string): string {
  expect(url.startsWith(DEV_BASE)).toBe(true);
  return path.join(REPO, url.slice(DEV_BASE.length));
}

describe('manifest.xml', () => {
  test('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
  });

  test('validates against the Office add-in XSD (xmllint, offline)', () => {
    // Must fail (not skip) when xmllint or the schemas are missing: the message says what to install.
    const result = validateManifest(MANIFEST);
    if (!result.ok) throw new Error(result.message);
    expect(result.ok).toBe(true);
  });

  test('the validator reports a missing xmllint and an invalid manifest', () => {
    const missing = validateManifest(MANIFEST, { xmllint: 'xmllint-that-does-not-exist' });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/xmllint/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-manifest-'));
    try {
      const bad = path.join(dir, 'manifest.xml');
      fs.writeFileSync(bad, xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
      const res = validateManifest(bad);
      expect(res.ok).toBe(false);
      expect(res.message).toMatch(/KHÔNG hợp lệ/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm run validate exits 0', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'validate-manifest.js')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/hợp lệ/);
    expect(r.status).toBe(0);
  });

  test('is an Excel task pane that reads and writes the workbook, needing ExcelApi 1.4', () => {
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(top('Permissions').textContent).toBe('ReadWriteDocument');
    const hosts = all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'));
    expect(hosts).toEqual(['Workbook', 'Workbook']);
    const sets = one('Sets');
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.1');
    expect(all('Set', sets).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.4']]);
    expect(one('SourceLocation', one('DefaultSettings')).getAttribute('DefaultValue')).toBe(`${DEV_BASE}taskpane.html`);
  });

  test('has English defaults and vi-VN overrides for its name and description', () => {
    expect(top('DefaultLocale').textContent).toBe('en-US');
    const name = top('DisplayName');
    expect(name.getAttribute('DefaultValue')).toMatch(/[A-Za-z]/);
    expect(viOverride(name)).toBe('Chỉ tiêu KT-XH');
    expect(top('Description').getAttribute('DefaultValue')).toMatch(/[A-Za-z]/);
    expect(viOverride(top('Description'))).toMatch(/chỉ tiêu kinh tế - xã hội/i);
  });

  test('ribbon: custom tab "Chỉ tiêu" with a task pane button and the chenBieuMau / kiemTra commands', () => {
    const tab = one('CustomTab');
    expect(tab.getAttribute('id')).toBe('TabChiTieu');
    const tabLabel = Array.from(tab.children).find((c) => c.localName === 'Label');
    expect(viOverride(resource('String', tabLabel?.getAttribute('resid') ?? ''))).toBe('Chỉ tiêu');

    const controls = all('Control', tab);
    expect(controls).toHaveLength(3);
    const summary = controls.map((c) => {
      const action = one('Action', c);
      const label = resource('String', Array.from(c.children).find((x) => x.localName === 'Label')?.getAttribute('resid') ?? '');
      return {
        type: action.getAttribute('xsi:type'),
        fn: all('FunctionName', action)[0]?.textContent ?? null,
        page: all('SourceLocation', action)[0]?.getAttribute('resid') ?? null,
        en: label.getAttribute('DefaultValue'),
        vi: viOverride(label),
      };
    });
    expect(summary).toEqual([
      { type: 'ShowTaskpane', fn: null, page: 'Taskpane.Url', en: expect.any(String), vi: expect.any(String) },
      { type: 'ExecuteFunction', fn: 'chenBieuMau', page: null, en: 'Insert template', vi: 'Chèn biểu mẫu' },
      { type: 'ExecuteFunction', fn: 'kiemTra', page: null, en: 'Check', vi: 'Kiểm tra' },
    ]);
    expect(resource('Url', 'Taskpane.Url').getAttribute('DefaultValue')).toBe(`${DEV_BASE}taskpane.html`);
    const functionFile = one('FunctionFile').getAttribute('resid') ?? '';
    expect(resource('Url', functionFile).getAttribute('DefaultValue')).toBe(`${DEV_BASE}commands.html`);
  });

  test('every short and long string has a vi-VN override', () => {
    const strings = all('String');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect([s.getAttribute('id'), viOverride(s)]).toEqual([s.getAttribute('id'), expect.any(String)]);
  });

  test('every URL is https on the dev server and points at a page or asset that exists', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_BASE)).toBe(true);
      const rel = url.slice(DEV_BASE.length);
      const source = rel.endsWith('.html') ? path.join(REPO, 'src', rel.replace('.html', ''), rel) : path.join(REPO, rel);
      expect([url, fs.existsSync(source)]).toEqual([url, true]);
    }
  });

  test('SupportUrl is the help page served with the add-in, which says which Excel can run it', () => {
    expect(top('SupportUrl').getAttribute('DefaultValue')).toBe(`${DEV_BASE}help.html`);
    const help = fs.readFileSync(path.join(REPO, 'src', 'help', 'help.html'), 'utf8');
    expect(help).toContain('Excel nào dùng được add-in');
    for (const version of ['Office 2016', 'Office 2019', 'Office 2021', 'Office 2024', 'Microsoft 365', 'Excel trên web', 'Mac']) expect(help).toContain(version);
    expect(help).not.toMatch(/<script/i);
  });

  test('icons exist in assets/ at the stated pixel sizes', () => {
    const checks: Array<[string, number]> = [
      [top('IconUrl').getAttribute('DefaultValue') ?? '', 32],
      [top('HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', 64],
    ];
    // <bt:Image size="16" resid="Icon.16x16"/> inside <Icon> lists refer to <bt:Image id=... DefaultValue=...>.
    const refs = all('Image').filter((e) => e.hasAttribute('resid'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const url = resource('Image', ref.getAttribute('resid') ?? '').getAttribute('DefaultValue') ?? '';
      checks.push([url, Number(ref.getAttribute('size'))]);
    }
    for (const [url, size] of checks) {
      const file = assetFile(url);
      expect([url, fs.existsSync(file)]).toEqual([url, true]);
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
  });
});

describe('the production manifest', () => {
  const URL_OK = 'https://bao-cao.kiem-thu.test/addin/';
  const devId = one('Id').textContent;

  test('URLs replaced, its own <Id>, the package version, and still schema-valid', () => {
    const out = productionManifest(xml, URL_OK, '2.3.4.0');
    expect(out).not.toMatch(/localhost/i);
    expect(out).toContain(`${URL_OK}taskpane.html`);
    expect(out).toContain(`${URL_OK}assets/icon-80.png`);
    expect(out).toContain(`<Id>${PROD_ID}</Id>`);
    expect(PROD_ID).not.toBe(devId);
    expect(PROD_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out).toContain('<Version>2.3.4.0</Version>');
    // By default the version is package.json's, in the four parts a manifest wants.
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(productionManifest(xml, URL_OK)).toContain(`<Version>${manifestVersion(pkg.version)}</Version>`);
    expect(manifestVersion('1.20.3')).toBe('1.20.3.0');
    expect(() => manifestVersion('1.2')).toThrow(/x\.y\.z/);
    // Everything else is the development manifest's, byte for byte.
    const strip = (t: string) => t.split(DEV_BASE).join('').replace(/<Id>[^<]*<\/Id>|<Version>[^<]*<\/Version>/g, '');
    expect(strip(out).split(URL_OK).join('')).toBe(strip(xml));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-manifest-'));
    try {
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, out);
      const res = validateManifest(file);
      if (!res.ok) throw new Error(res.message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('CHITIEU_PROD_URL: required, https, a real host — refused in one Vietnamese + English line', () => {
    expect(prodUrl({ CHITIEU_PROD_URL: 'https://addin.tinh.gov.vn/chitieu' })).toBe('https://addin.tinh.gov.vn/chitieu/');
    expect(prodUrl({ CHITIEU_PROD_URL: ' https://chitieu.so-khdt.vn/ ' })).toBe('https://chitieu.so-khdt.vn/');
    const refused: Array<[string | undefined, RegExp]> = [
      [undefined, /trống.*not set/],
      ['', /trống.*not set/],
      ['http://addin.tinh.gov.vn/', /https/],
      ['https://localhost:3000/', /cục bộ.*this machine/],
      ['https://127.0.0.1/', /cục bộ/],
      ['https://chitieu.example.vn/', /tên mẫu.*placeholder/],
      ['https://example.com/', /placeholder/],
      ['https://your.host/', /placeholder/],
      ['https://addin.invalid/', /placeholder/],
      ['chitieu.tinh.gov.vn', /URL/],
      ['https://a.tinh.gov.vn/?x=1', /query/],
    ];
    for (const [value, why] of refused) {
      let message = '';
      try {
        prodUrl(value === undefined ? {} : { CHITIEU_PROD_URL: value });
      } catch (err) {
        message = (err as Error).message;
      }
      expect([value, message]).toEqual([value, expect.stringMatching(why)]);
      expect(message).not.toContain('\n');
      expect(message).toMatch(/^Cần CHITIEU_PROD_URL .* \/ Set CHITIEU_PROD_URL /);
    }
  });

  test('npm run build refuses without a real CHITIEU_PROD_URL, before building anything', () => {
    for (const value of [undefined, 'https://chitieu.example.vn/']) {
      const env = { ...process.env, CHITIEU_PROD_URL: value };
      if (value === undefined) delete env.CHITIEU_PROD_URL;
      const out = path.join(os.tmpdir(), `chitieu-never-built-${process.pid}`);
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.js'), '--output-path', out], { cwd: REPO, encoding: 'utf8', env });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/CHITIEU_PROD_URL/);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  test('webpack.config.js (production): that manifest, no source maps, dist/addin; refuses without the URL', () => {
    // Run in a real Node process: the config loads webpack plugins that jest's module system cannot.
    const script = `
      require('./webpack.config.js')({}, { mode: 'production' }).then(async (c) => {
        const copy = c.plugins.find((p) => p.constructor.name === 'CopyPlugin');
        const pattern = copy.patterns.find((p) => p.to === 'manifest.xml');
        const out = await pattern.transform(require('fs').readFileSync('manifest.xml'), 'manifest.xml');
        process.stdout.write(JSON.stringify({ out: String(out), path: c.output.path, devtool: c.devtool }));
      }).catch((e) => { console.error(e.message); process.exit(1); });`;
    const run = (url?: string) => {
      const env = { ...process.env, CHITIEU_PROD_URL: url };
      if (url === undefined) delete env.CHITIEU_PROD_URL;
      return spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8', env });
    };
    const r = run(URL_OK);
    expect(r.stderr).toBe('');
    const { out, path: outPath, devtool } = JSON.parse(r.stdout) as { out: string; path: string; devtool: string | false };
    expect(out).toBe(productionManifest(xml, URL_OK));
    expect(outPath).toBe(path.join(REPO, 'dist', 'addin'));
    expect(devtool).toBe(false);
    const refused = run(undefined);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/CHITIEU_PROD_URL/);
  });

  test('npm run validate -- <file> validates that file and names it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-validate-'));
    try {
      const good = path.join(dir, 'prod-manifest.xml');
      fs.writeFileSync(good, productionManifest(xml, URL_OK));
      const ok = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'validate-manifest.js'), 'prod-manifest.xml'], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir },
      });
      expect(ok.stdout).toMatch(/^✔ prod-manifest\.xml hợp lệ/);
      expect(ok.status).toBe(0);
      const bad = path.join(dir, 'bad-manifest.xml');
      fs.writeFileSync(bad, productionManifest(xml, URL_OK).replace('<Permissions>ReadWriteDocument', '<Permissions>All'));
      const no = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'validate-manifest.js'), bad], { cwd: REPO, encoding: 'utf8' });
      expect(no.stderr).toContain(`${bad} KHÔNG hợp lệ`);
      expect(no.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
