// The task pane in a real browser (Debian's Chromium, driven by playwright-core) at the narrowest width
// Excel gives a task pane (320 px): the production UI and the add-in's own workbook actions against the
// typed fake of Excel. A partly filled report (11 figures typed, 3 of them wrong, 1 short of plan): the
// status line, its announcement and focus, the order and wording of the findings, the paragraph and the
// "Tóm tắt" sheet taken from the sheet; a second unit in one click; consolidation; an accessibility audit
// (axe-core) and no request beyond the page's own origin.
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
const pageErrors: string[] = [];

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
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(origin + '/');
  await pane().getByRole('button', { name: 'Chèn biểu mẫu' }).waitFor();
  // Every text the live region is given, as a screen reader would be told.
  await page.evaluate(() => {
    const w = window as unknown as { announced: string[] };
    w.announced = [];
    const region = document.querySelector('#pane [role="status"]')!;
    new MutationObserver(() => { if (region.textContent) w.announced.push(region.textContent); }).observe(region, { childList: true, characterData: true, subtree: true });
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
});

const model = buildTemplate({ year: 2023 });
const addressOf = (name: string) => model.names.find((n) => n.name === name)!.address;
const pane = () => page.locator('#pane');
const cell = (address: string) => page.locator(`td[data-cell="${address}"]`);
const status = () => pane().getByRole('status');
/** What each finding's button says (its accessible name): kind (for screen readers), indicator, cell. */
const findingNames = async () => pane().getByTestId('finding').evaluateAll((els) => els.map((e) => e.textContent));
const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
const selection = () => page.evaluate(() => (window as unknown as { fake: { selection: { sheet: string; address: string } | null } }).fake.selection);

async function type(name: string, value: string): Promise<void> {
  const input = page.getByLabel(`Ô ${addressOf(name)}`);
  await input.fill(value);
  await input.press('Tab');
}

/** Eleven figures, as the plan has them, except: a unit slip, a rate over 100 %, a number typed as text, one short of plan. */
const TYPED: [string, string][] = [
  ['TH_2', '4449000000000'], ['TH_3', '53'], ['TH_4', "'927,818"], ['TH_5', '300'], ['TH_7', '14.25'], ['TH_9', '95'],
  ['TH_10', '10.6'], ['TH_11', '140'], ['TH_12', '100'], ['TH_13', '18.64'], ['TH_14', '91'],
];
const STATUS = 'Đã kiểm tra sheet "Chỉ tiêu KT-XH": 2 lỗi, 1 chưa đạt, 1 cần xem lại, 37 chưa có số liệu; 9/47 chỉ tiêu đạt và vượt.';

test('a wrong year is said on its field, not as an Excel failure', async () => {
  const year = pane().getByRole('spinbutton', { name: 'Năm' });
  await year.fill('23');
  await pane().getByRole('button', { name: 'Chèn biểu mẫu' }).click();
  await pane().getByText('Nhập năm từ 2000 đến 2100.').waitFor();
  await expect(year.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await pane().innerText()).not.toMatch(/Có lỗi khi làm việc với Excel/);
  await year.fill('2023');
  await expect(pane().getByText('Nhập năm từ 2000 đến 2100.').count()).resolves.toBe(0);
});

test('a partly filled report: one status line, announced and focused; findings in sheet order, in plain words', async () => {
  await pane().getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('UBND xã A');
  await pane().getByRole('button', { name: 'Chèn biểu mẫu' }).click();
  await pane().getByText('Đã chèn biểu mẫu vào sheet "Chỉ tiêu KT-XH"').waitFor();
  for (const [name, value] of TYPED) await type(name, value);

  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(status().textContent()).resolves.not.toBe('');
  await page.waitForFunction((s) => document.querySelector('#pane [role="status"]')?.textContent === s, STATUS);
  const expected = STATUS;
  await expect(status().getAttribute('aria-live')).resolves.toBe('polite');
  const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
  expect(announced).toContain(expected);
  // Focus is on the status line; the first error is one Tab away.
  await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('status');
  // From there the first error is one Tab away; Enter selects its cell.
  await page.keyboard.press('Tab');
  await expect(focused()).resolves.toBe((await findingNames())[0]);
  await page.keyboard.press('Enter');
  await expect(selection()).resolves.toEqual({ sheet: 'Chỉ tiêu KT-XH', address: addressOf('TH_2') });

  // Errors, then rows short of plan, then values to review — each in sheet order; short accessible names.
  expect(await findingNames()).toEqual([
    `Lỗi: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùngÔ ${addressOf('TH_2')}`,
    `Lỗi: Tỷ lệ trạm y tế có bác sỹÔ ${addressOf('TH_11')}`,
    `Chưa đạt: Tổng chi đầu tư phát triển từ ngân sách địa phươngÔ ${addressOf('TH_5')}`,
    `Xem lại: Tổng thu ngân sáchÔ ${addressOf('TH_4')}`,
  ]);
  const headings = await pane().locator('h3').allInnerTexts();
  expect(headings.slice(0, 3)).toEqual(['Lỗi (2)', 'Chưa đạt kế hoạch (1)', 'Cần xem lại (1)']);
  // The rows still empty are one folded line, not 36 warnings.
  const fold = pane().getByRole('button', { name: /37 chỉ tiêu chưa có số liệu/ });
  await expect(fold.getAttribute('aria-expanded')).resolves.toBe('false');

  // No finding code, no defined name by default; "Chi tiết kỹ thuật" shows them.
  const INTERNAL = /\b(?:TH|KH|KHTT|TN|DG|GC|DON_VI)_\w*|unit-slip|out-of-range|number-as-text|missing|ExcelApi/;
  expect(await pane().innerText()).not.toMatch(INTERNAL);
  await pane().getByRole('checkbox', { name: 'Chi tiết kỹ thuật' }).check();
  await expect(pane().innerText()).resolves.toMatch(/TH_2 · unit-slip/);
  await pane().getByRole('checkbox', { name: 'Chi tiết kỹ thuật' }).uncheck();

  // The cell is flagged.
  expect((await cell(addressOf('TH_2')).getAttribute('data-fill'))?.toUpperCase()).toBe(FLAG_FILL.error.toUpperCase());

  // The chart: % of plan, the row short of plan named so, for eyes and for screen readers.
  const chart = pane().getByRole('img', { name: /% kế hoạch theo chỉ tiêu/ });
  await expect(chart.locator('desc').textContent()).resolves.toMatch(/Tổng chi đầu tư phát triển từ ngân sách địa phương: 65,19% \(chưa đạt\)/);

  // A row with an error is not charted.
  await expect(chart.locator('desc').textContent()).resolves.not.toMatch(/Tổng mức bán lẻ|Tỷ lệ trạm y tế/);

  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'taskpane.png') });
});

test('from the Kiểm tra button, the first error is at most 3 Tabs away', async () => {
  await pane().getByRole('button', { name: 'Kiểm tra' }).focus();
  let tabs = 0;
  while (tabs < 3) {
    await page.keyboard.press('Tab');
    tabs++;
    if ((await focused()) === (await findingNames())[0]) break;
  }
  await expect(focused()).resolves.toBe((await findingNames())[0]);
});

test('the paragraph waits for a complete report, and keeps the year, period and unit of the sheet', async () => {
  await expect(pane().getByTestId('paragraph').count()).resolves.toBe(0);
  await pane().getByText(/Đoạn văn sẵn sàng khi biểu đủ số liệu và hết lỗi \(còn 37 chỉ tiêu chưa có số liệu, 2 lỗi\)/).waitFor();
  // The fields are for inserting: changing them relabels nothing already checked.
  await pane().getByRole('spinbutton', { name: 'Năm' }).fill('2024');
  await pane().getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('UBND xã B');
  await pane().getByRole('button', { name: 'Xem đoạn văn' }).click();
  const paragraph = await pane().getByTestId('paragraph').inputValue();
  expect(paragraph).toMatch(/^Ước thực hiện năm 2023 có 9\/47 chỉ tiêu đạt và vượt kế hoạch/);
  expect(paragraph).toMatch(/; 37 chỉ tiêu chưa có số liệu để đánh giá/);
  expect(paragraph).not.toMatch(/2024/);

  await pane().getByRole('button', { name: 'Ghi sheet Tóm tắt' }).click();
  await pane().getByText('Đã ghi sheet "Tóm tắt"').waitFor();
  const summary = await page.evaluate(() => (window as unknown as { fake: { values(s: string, a: string): unknown[][] } }).fake.values('Tóm tắt', 'A2:E8'));
  expect(summary[0]![0]).toBe('UBND xã A — năm 2023 — báo cáo năm');
  expect(summary[6]).toEqual([2, 7, 1, 37, '2 / 1']);
});

test('a second unit in one click; consolidation under its own name; stale results go', async () => {
  // Unit field holds "UBND xã B" (from the test above); the workbook has a template: one click adds its sheet.
  await pane().getByRole('button', { name: 'Thêm sheet cho đơn vị "UBND xã B"' }).click();
  await pane().getByText('Đã chèn biểu mẫu vào sheet "UBND xã B"').waitFor();

  await expect(pane().getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).getAttribute('placeholder')).resolves.toBe('Tổng hợp N đơn vị');
  await pane().getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).fill('Huyện X');
  await pane().getByRole('button', { name: 'Tổng hợp từ các sheet' }).click();
  const result = pane().getByTestId('consolidation');
  await result.getByText(/Đã tổng hợp 1\/2 đơn vị vào sheet "Tổng hợp"/).waitFor();
  // The results now are the consolidated sheet's, and say so.
  await expect(status().textContent()).resolves.toMatch(/^Đã kiểm tra sheet "Tổng hợp": /);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'consolidation.png') });
  const sheets = await page.evaluate(() => (window as unknown as { fake: { sheetNames(): string[] } }).fake.sheetNames());
  expect(sheets).toEqual(expect.arrayContaining(['Chỉ tiêu KT-XH', 'UBND xã B', 'Tổng hợp', 'Theo đơn vị']));
  const unitCell = await page.evaluate(() => {
    const fake = (window as unknown as { fake: { name(n: string, s: string): string | null; values(s: string, a: string): unknown[][] } }).fake;
    const ref = fake.name('DON_VI', 'Tổng hợp') ?? '';
    return fake.values('Tổng hợp', ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, ''))[0]![0];
  });
  expect(unitCell).toBe('Huyện X');
  // The first unit still has its unit slip: left out, and its error selects the cell on its own sheet.
  await result.getByRole('button', { name: new RegExp(`^'Chỉ tiêu KT-XH'!${addressOf('TH_2')}: `) }).click();
  await expect(selection()).resolves.toEqual({ sheet: 'Chỉ tiêu KT-XH', address: addressOf('TH_2') });
  await expect(result.count()).resolves.toBe(1);

  // A new action: the consolidation block is not left under it.
  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await page.waitForFunction(() => /sheet "Chỉ tiêu KT-XH"/.test(document.querySelector('#pane [role="status"]')?.textContent ?? ''));
  await expect(result.count()).resolves.toBe(0);
});

test('cell text shown in the pane is text, never markup', async () => {
  await type('TH_3', '<img src=x onerror="window.__pwned=1">');
  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await pane().getByText(/<img src=x/).first().waitFor();
  expect(await page.locator('#pane img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('clearing puts the cells back', async () => {
  await pane().getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane().getByText(/Đã xóa đánh dấu/).waitFor();
  expect((await cell(addressOf('TH_2')).getAttribute('data-fill'))?.toUpperCase()).toBe(COLORS.inputFill.toUpperCase());
  await expect(page.locator('table[data-sheet]').getAttribute('data-sheet')).resolves.toBe('Chỉ tiêu KT-XH');
  expect(await page.getByLabel(`Ô ${addressOf('TH_2')}`).inputValue()).toBe('4449000000000');
});

test('accessibility (axe-core): nothing serious or critical, headings in order, valid ARIA values', async () => {
  // Everything open that can be: a fresh check, the folded rows, the paragraph, the technical details.
  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await pane().getByTestId('finding').first().waitFor();
  await pane().getByRole('button', { name: /chỉ tiêu chưa có số liệu/ }).click();
  await pane().getByRole('button', { name: 'Xem đoạn văn' }).click();
  await pane().getByRole('checkbox', { name: 'Chi tiết kỹ thuật' }).check();
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run({ include: [['#pane']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  expect(result.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(result.filter((v) => v.id === 'heading-order' || v.id === 'aria-valid-attr-value')).toEqual([]);
});

test('a pasted list of targets: read, one rule edited, inserted, a figure typed, checked against the edited rule', async () => {
  await page.goto(origin + '/'); // a new, empty workbook
  await pane().getByRole('button', { name: /Dán danh sách chỉ tiêu/ }).click();
  await pane().getByRole('textbox', { name: /Dán danh sách/ }).fill('1. Tỷ lệ che phủ rừng đạt 48%;\n2. Tỷ lệ lạm phát không quá 4,5%;\n3. Sản lượng ngô: 1.250 tấn.');
  await pane().getByRole('button', { name: 'Đọc' }).click();
  const words = pane().getByTestId('rule-words-2');
  await expect(words.textContent()).resolves.toBe('không quá 4,5%');
  // The resolution meant "above": 5% is short of "không quá 4,5%" but meets "trên 4,5%".
  await pane().getByRole('combobox', { name: 'Quy tắc: Tỷ lệ lạm phát' }).selectOption('gt');
  await expect(words.textContent()).resolves.toBe('trên 4,5%');
  await pane().getByRole('button', { name: 'Chèn biểu mẫu từ danh sách này' }).click();
  await pane().getByText(/Đã chèn biểu mẫu 3 chỉ tiêu vào sheet/).waitFor();
  const th2 = await page.evaluate(() => (window as unknown as { fake: { names(): { name: string; reference: string }[] } }).fake.names().find((n) => n.name === 'TH_2')!.reference);
  const input = page.getByLabel(`Ô ${th2.slice(th2.lastIndexOf('!') + 1).replace(/\$/g, '')}`);
  await input.fill('5');
  await input.press('Tab');
  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await page.waitForFunction(() => /đạt và vượt/.test(document.querySelector('#pane [data-testid="status"]')?.textContent ?? ''));
  const line = await pane().getByTestId('status').textContent();
  expect(line).toMatch(/0 lỗi, 0 chưa đạt/);
  expect(line).toMatch(/2 chưa có số liệu; 1\/3 chỉ tiêu đạt và vượt/);
  // The paste section, open and filled, keeps the audit clean.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return (await axe.run({ include: [['#pane']] }, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('a table of the user\'s own: recognised, confirmed, checked, flagged in the sheet, cleared', async () => {
  await page.goto(origin + '/'); // a new workbook; then the user's own table on a sheet in front
  const own = await page.evaluate(() => (window as unknown as { loadOwnTable: () => { sheet: string; thLetter: string; rows: number; shortfalls: string[]; mismatches: string[] } }).loadOwnTable());
  expect(own.shortfalls.length).toBe(1);
  expect(own.mismatches.length).toBe(1);
  const fillsOf = (cells: string[]) => page.evaluate(([sheet, list]) => (list as string[]).map((a) =>
    (window as unknown as { fake: { cell(s: string, a: string): { fill?: string | null } } }).fake.cell(sheet as string, a).fill ?? null), [own.sheet, cells] as const);
  const flagged = [...own.shortfalls, ...own.mismatches];
  const before = await fillsOf(flagged);

  await pane().getByRole('button', { name: 'Nhận dạng bảng trên sheet đang mở' }).click();
  const section = pane().getByTestId('own-table');
  await expect(section.getByLabel('Chữ cột Thực hiện').inputValue()).resolves.toBe(own.thLetter);
  await expect(section.getByRole('list', { name: 'Chỉ tiêu khớp' }).getByRole('checkbox').count()).resolves.toBe(own.rows);
  await section.getByRole('button', { name: 'Dùng bảng này' }).click();
  await section.getByText(new RegExp(`Đã gắn \\d+ tên ô vào sheet “${own.sheet}”`)).waitFor();

  await pane().getByRole('button', { name: 'Kiểm tra' }).click();
  await page.waitForFunction(() => /đạt và vượt/.test(document.querySelector('#pane [data-testid="status"]')?.textContent ?? ''));
  const line = await pane().getByTestId('status').textContent();
  expect(line).toContain(own.sheet);
  expect(line).toContain(`${own.mismatches.length} lỗi, ${own.shortfalls.length} chưa đạt`);
  const flaggedFills = await fillsOf(flagged);
  flaggedFills.forEach((f, i) => expect(f).not.toBe(before[i]));
  expect(flaggedFills.every((f) => typeof f === 'string' && f.length > 0)).toBe(true);

  await pane().getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane().getByText(/Đã xóa đánh dấu/).waitFor();
  await expect(fillsOf(flagged)).resolves.toEqual(before);

  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return (await axe.run({ include: [['#pane']] }, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('no page error, and no request beyond its own origin (code loaded on demand included)', () => {
  expect(pageErrors).toEqual([]);
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
    await outside.getByText('Ngăn tác vụ này cần được mở trong Excel').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await outside.close();
    await new Promise((r) => srv.close(r));
  }
  // A production build on a shared CI machine can take minutes.
}, 420_000);
