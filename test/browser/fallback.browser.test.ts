// The task pane's ES5 fallback in a real browser (Debian's Chromium, playwright-core). Chromium parses
// ES2020, so an engine that cannot is simulated: the bundle fails to load, the bundle fails to parse, the
// engine lacks Promise (Internet Explorer 11). In each the user gets the Vietnamese page that says what to
// do; when the bundle starts, never. The page is the real taskpane.html with the CSP the build gives it.
import { existsSync, readFileSync } from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'";
const TEMPLATE = readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
const FALLBACK = readFileSync(path.join(ROOT, 'src/taskpane/fallback.es5.js'), 'utf8');

/** taskpane.html as built: CSP first, then the scripts before the (deferred) bundle, as webpack puts them. */
function page(bundle: string, { wait = 400, before = '' } = {}): string {
  return TEMPLATE
    .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n<meta http-equiv="Content-Security-Policy" content="${CSP}">${before}<script defer src="${bundle}"></script>`)
    .replace('<script id="chitieu-fallback" src="fallback.js">', `<script id="chitieu-fallback" src="fallback.js" data-wait="${wait}">`);
}

const FILES: Record<string, string> = {
  '/fallback.js': FALLBACK,
  '/missing.html': page('taskpane.missing.js'),
  '/unparsable.html': page('es2099.js', { wait: 60_000 }),
  '/es2099.js': 'const x = { a: 1 }?.a ?? ; // a syntax error, as ES2020 is to Edge Legacy',
  '/noPromise.html': page('started.js', { wait: 60_000, before: '<script src="ie11.js"></script>' }),
  '/ie11.js': 'window.Promise = undefined;',
  '/started.html': page('started.js'),
  '/started.js': 'window.chitieuStarted = true; document.getElementById("loading").textContent = "Ngăn đã chạy";',
  '/help.html': readFileSync(path.join(ROOT, 'src/help/help.html'), 'utf8'),
};

let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  server = http.createServer((req, res) => {
    const body = FILES[req.url ?? ''];
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': req.url!.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
});

async function open(file: string): Promise<{ p: Page; csp: string[] }> {
  const p = await browser.newPage();
  const csp: string[] = [];
  p.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  await p.goto(origin + file);
  return { p, csp };
}

const heading = 'Excel này chưa chạy được ngăn Chỉ tiêu KT-XH';

test('the bundle never loads: after the wait, the page says what to do, in Vietnamese', async () => {
  const { p, csp } = await open('/missing.html');
  await p.getByRole('heading', { name: heading }).waitFor({ timeout: 5000 });
  expect(await p.locator('main').getAttribute('data-fallback')).toBe('timeout');
  const text = await p.locator('main').textContent();
  expect(text).toContain('Microsoft Edge WebView2 Runtime');
  expect(text).toContain('chitieu check');
  expect(await p.getByText('Đang tải…').count()).toBe(0);
  expect(await p.getByRole('link', { name: /Hướng dẫn chi tiết/ }).getAttribute('href')).toBe('help.html');
  expect(csp).toEqual([]);
  // Accessible: no serious or critical violation (axe-core).
  await p.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')); // through DevTools: the CSP does not apply
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await p.close();
});

test('the bundle cannot be parsed (Edge Legacy and ES2020): the page says so at once, not after the wait', async () => {
  const { p } = await open('/unparsable.html');
  await p.getByRole('heading', { name: heading }).waitFor({ timeout: 5000 });
  expect(await p.locator('main').getAttribute('data-fallback')).toBe('script-error');
  await p.close();
});

test('an engine without Promise (Internet Explorer 11): the page says so at once', async () => {
  const { p } = await open('/noPromise.html');
  await p.getByRole('heading', { name: heading }).waitFor({ timeout: 5000 });
  expect(await p.locator('main').getAttribute('data-fallback')).toBe('old-engine');
  await p.close();
});

test('the bundle starts: the fallback never shows', async () => {
  const { p } = await open('/started.html');
  await p.getByText('Ngăn đã chạy').waitFor();
  await p.waitForTimeout(800); // twice the fallback's wait
  expect(await p.getByRole('heading', { name: heading }).count()).toBe(0);
  await p.close();
});
