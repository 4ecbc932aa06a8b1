// The task pane in a real browser (Debian's Chromium, driven by playwright-core): the production UI and
// the real Office.js adapter against the typed fake of Excel. Insert, type a wrong value, check, see the
// finding, click it, clear — with a screenshot, an accessibility audit (axe-core) and no request beyond
// the page's own origin.
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, existsSync } from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildTemplate } from '../../src/template/model';
import { FLAG_FILL } from '../../src/core/flags';
import { COLORS } from '../../src/template/model';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output');
const HARNESS = path.join(OUT, 'harness');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does it)`);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--config', 'test/browser/webpack.harness.js'], { cwd: ROOT, stdio: 'pipe' });
  server = http.createServer((req, res) => {
    const file = path.join(HARNESS, req.url === '/' ? 'index.html' : path.normalize(decodeURIComponent(req.url ?? '')).replace(/^([/\\])+/, ''));
    if (!file.startsWith(HARNESS) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url()); });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(origin + '/');
  await page.getByRole('button', { name: 'Chèn biểu mẫu' }).waitFor();
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
});

const model = buildTemplate({ year: 2023 });
const addressOf = (name: string) => model.names.find((n) => n.name === name)!.address;
const cell = (address: string) => page.locator(`td[data-cell="${address}"]`);

test('insert, type a wrong value, check, see the finding, click it, clear', async () => {
  await page.getByRole('button', { name: 'Chèn biểu mẫu' }).click();
  await page.getByText('Đã chèn biểu mẫu vào trang').waitFor();

  const th2 = addressOf('TH_2');
  const input = page.getByLabel(`Ô ${th2}`);
  await input.fill('4449000000000');
  await input.press('Tab');
  const th3 = page.getByLabel(`Ô ${addressOf('TH_3')}`);
  await th3.fill('53');
  await th3.press('Tab');

  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const finding = page.getByTestId('finding').filter({ hasText: 'có thể đã nhập theo đồng' });
  await finding.waitFor();
  await expect(page.getByTestId('summary').textContent()).resolves.toMatch(/Lỗi: 1/);
  expect((await cell(th2).getAttribute('data-fill'))?.toUpperCase()).toBe(FLAG_FILL.error.toUpperCase());
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'taskpane.png') });

  await finding.click();
  await expect(cell(th2).getAttribute('data-selected')).resolves.toBe('yes');

  await expect(page.getByTestId('paragraph').inputValue()).resolves.toMatch(/chỉ tiêu/);
  await page.getByRole('button', { name: 'Ghi trang Tóm tắt' }).click();
  await page.getByText('Đã ghi trang "Tóm tắt"').waitFor();

  await page.getByRole('button', { name: 'Xoá đánh dấu' }).click();
  await page.getByText('Đã xoá đánh dấu').waitFor();
  expect((await cell(th2).getAttribute('data-fill'))?.toUpperCase()).toBe(COLORS.inputFill.toUpperCase());
  expect(await page.getByLabel(`Ô ${th2}`).inputValue()).toBe('4449000000000');
});

test('a second insert overwrites nothing and offers a new sheet name', async () => {
  await page.getByRole('button', { name: 'Chèn biểu mẫu' }).click();
  await page.getByText(/không ghi đè/).waitFor();
  await expect(page.getByRole('button', { name: /Chèn vào "Chỉ tiêu KT-XH \(2\)"/ }).count()).resolves.toBe(1);
});

test('cell text shown in the pane is text, never markup', async () => {
  const th3 = page.getByLabel(`Ô ${addressOf('TH_3')}`);
  await th3.fill('<img src=x onerror="window.__pwned=1">');
  await th3.press('Tab');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByTestId('finding').filter({ hasText: '<img src=x' }).waitFor();
  expect(await page.locator('#pane img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('adds a sheet for another unit and consolidates the sheets, leaving out the unit with errors', async () => {
  await page.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('UBND xã B');
  await page.getByRole('button', { name: 'Chèn biểu mẫu' }).click();
  await page.getByRole('button', { name: /Chèn vào "Chỉ tiêu KT-XH \(2\)"/ }).click();
  await page.getByText(/Sổ tính đã có biểu mẫu/).waitFor();
  await page.getByRole('button', { name: 'Thêm sheet cho đơn vị khác' }).click();
  await page.getByText('Đã chèn biểu mẫu vào trang "UBND xã B"').waitFor();

  await page.getByRole('button', { name: 'Tổng hợp từ các sheet' }).click();
  const result = page.getByTestId('consolidation');
  await result.getByText(/Đã tổng hợp 1\/2 đơn vị vào sheet "Tổng hợp"/).waitFor();
  await page.screenshot({ path: path.join(OUT, 'consolidation.png') });
  const sheets = await page.evaluate(() => (window as unknown as { fake: { sheetNames(): string[] } }).fake.sheetNames());
  expect(sheets).toEqual(expect.arrayContaining(['Chỉ tiêu KT-XH', 'UBND xã B', 'Tổng hợp', 'Theo đơn vị']));
  // The first unit still has its unit slip: left out, and its error selects the cell on its own sheet.
  await result.getByRole('button', { name: new RegExp(`Chỉ tiêu KT-XH!${addressOf('TH_2')} TH_2`) }).click();
  const selection = await page.evaluate(() => (window as unknown as { fake: { selection: { sheet: string; address: string } | null } }).fake.selection);
  expect(selection).toEqual({ sheet: 'Chỉ tiêu KT-XH', address: addressOf('TH_2') });
});

test('has no serious or critical accessibility violation (axe-core)', async () => {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run({ include: [['#pane']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  expect(result.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('makes no request beyond its own origin', () => {
  expect(foreignRequests).toEqual([]);
});

test('the production page opened outside Excel says where it must be opened', async () => {
  // A production build of its own (webpack.config.js), served as it would be; Office's CDN is out of reach.
  const prod = path.join(OUT, 'addin-prod');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--output-path', prod], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, CHITIEU_PROD_URL: 'https://chitieu.kiem-thu.test/' },
  });
  const srv = http.createServer((req, res) => {
    const file = path.join(prod, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(prod) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const at = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  const outside = await browser.newPage();
  const errors: string[] = [];
  outside.on('pageerror', (e) => errors.push(e.message));
  await outside.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  try {
    await outside.goto(`${at}/taskpane.html`);
    await outside.getByText('Trang này cần được mở trong Excel').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await outside.close();
    await new Promise((r) => srv.close(r));
  }
});
