/**
 * @jest-environment jsdom
 */
// The task pane against fake workbook actions, in jsdom: results say which sheet they belong to and take
// year and unit from it (never from the fields), focus goes to the status line, a wrong year is said on its
// field, a second unit takes one click, the consolidated total has its own name, stale blocks go.
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SEED_PLAN } from '../../src/core/catalog';
import { withChecked, type CheckedReport } from '../../src/core/checked';
import type { Report } from '../../src/core/types';
import type { PlanJson } from '../../src/core/planJson';
import type { ConsolidateOutcome } from '../../src/excel/consolidate';
import type { WorkbookActions } from '../../src/core/actions';
import { App } from '../../src/taskpane/App';
import { VI } from '../../src/taskpane/i18n';

class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

// As the adapter returns it: with the rows it was judged by (the seed's), which name the findings.
const report: CheckedReport = { rows: { indicators: SEED_PLAN.indicators, headings: SEED_PLAN.headings }, ...withChecked({
  period: 'nam',
  indicators: [
    { id: '2', measure: null, plan: 4449, planGrowth: null, previous: null, actual: 4449e9, growth: null, percentOfPlan: null, contribution: null, status: 'khong-du-lieu' },
    { id: '3', measure: null, plan: 53, planGrowth: null, previous: null, actual: 53, growth: null, percentOfPlan: 100, contribution: null, status: 'dat' },
    { id: '5', measure: null, plan: 460.159, planGrowth: null, previous: null, actual: 300, growth: null, percentOfPlan: 65.19, contribution: null, status: 'chua-dat' },
    { id: '6', measure: null, plan: 'Đạt', planGrowth: null, previous: null, actual: null, growth: null, percentOfPlan: null, contribution: null, status: 'khong-du-lieu' },
  ],
  findings: [
    { id: '6', measure: null, cell: 'G27', name: 'TH_6', code: 'missing', severity: 'warning', message: 'Chưa nhập số thực hiện.', sheet: 'Xã A' },
    { id: '5', measure: null, cell: 'G26', name: 'TH_5', code: 'shortfall', severity: 'shortfall', message: 'còn thiếu 160,159 tỷ đồng', sheet: 'Xã A' },
    { id: '2', measure: null, cell: 'G21', name: 'TH_2', code: 'unit-slip', severity: 'error', message: 'có thể đã nhập theo đồng', sheet: 'Xã A' },
  ],
}, { sheet: 'Xã A', year: 2023, period: 'nam', unit: 'UBND xã A', baseYear: 2010 }) };

function outcome(over: Partial<ConsolidateOutcome> = {}): ConsolidateOutcome {
  return {
    unitSheets: ['Xã A', 'Xã B'], skipped: [], included: [{ source: 'Xã A', unit: 'UBND xã A', warnings: 0 }, { source: 'Xã B', unit: 'UBND xã B', warnings: 0 }],
    excluded: [], levelsKept: [], levelsLeftEmpty: [], incomplete: [], passNotMet: [], averaged: [], weightsMissing: [],
    written: { sheet: 'Tổng hợp', byUnitSheet: 'Theo đơn vị' },
    report: withChecked({ period: 'nam', indicators: [], findings: [] }, { sheet: 'Tổng hợp', year: 2023, period: 'nam', unit: 'Huyện X', baseYear: 2010 }),
    ...over,
  };
}

function fakeActions(over: Partial<WorkbookActions> = {}): jest.Mocked<WorkbookActions> {
  return {
    insertTemplate: jest.fn(async () => ({ kind: 'inserted' as const, sheetName: 'Chỉ tiêu KT-XH', skipped: [] })),
    check: jest.fn(async (): Promise<Report> => report),
    clear: jest.fn(async () => 0),
    select: jest.fn(async () => undefined),
    consolidate: jest.fn(async () => outcome()),
    writeSummary: jest.fn(async () => 'Tóm tắt'),
    watch: jest.fn(async () => false),
    missingFeatures: jest.fn(() => []),
    ...over,
  } as jest.Mocked<WorkbookActions>;
}

const click = async (name: string | RegExp) => { await act(async () => { fireEvent.click(screen.getByRole('button', { name })); }); };
const type = (name: string | RegExp, value: string, role = 'textbox') => fireEvent.change(screen.getByRole(role, { name }), { target: { value } });

test('a check: the status line names the sheet and the counts, takes the focus, and the findings follow in order', async () => {
  wrap(<App actions={fakeActions()} t={VI} initialYear={2024} />);
  await click(VI.check);
  const status = screen.getByRole('status');
  expect(status.textContent).toBe('Đã kiểm tra sheet "Xã A": 1 lỗi, 1 chưa đạt, 0 cần xem lại, 2 chưa có số liệu; 1/4 chỉ tiêu đạt và vượt.');
  expect(document.activeElement).toBe(status);
  expect(screen.getAllByTestId('finding').map((b) => b.textContent)).toEqual([
    'Lỗi: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùngÔ G21',
    'Chưa đạt: Tổng chi đầu tư phát triển từ ngân sách địa phươngÔ G26',
  ]);
  // The message describes its button; no code, no defined name until asked.
  const first = screen.getAllByTestId('finding')[0]!;
  expect(document.getElementById(first.getAttribute('aria-describedby')!)!.textContent).toBe('có thể đã nhập theo đồng');
  expect(document.body.textContent).not.toMatch(/TH_2|unit-slip|Chưa nhập số thực hiện/);
  fireEvent.click(screen.getByRole('checkbox', { name: VI.technical }));
  expect(document.body.textContent).toMatch(/TH_2 · unit-slip/);
  // The rows without data: one folded line.
  const fold = screen.getByRole('button', { name: /2 chỉ tiêu chưa có số liệu/ });
  expect(fold.getAttribute('aria-expanded')).toBe('false');
});

test("the paragraph and the Tóm tắt sheet take the sheet's year and unit, not the fields", async () => {
  const actions = fakeActions();
  wrap(<App actions={actions} t={VI} initialYear={2024} />);
  type(VI.unit, 'UBND xã B');
  await click(VI.check);
  expect(screen.queryByTestId('paragraph')).toBeNull();
  await click(VI.paragraphShow);
  expect((screen.getByTestId('paragraph') as HTMLTextAreaElement).value).toMatch(/^Ước thực hiện năm 2023 có 1\/4 chỉ tiêu/);
  type(VI.year, '2025', 'spinbutton');
  expect((screen.getByTestId('paragraph') as HTMLTextAreaElement).value).not.toMatch(/2025|2024/);
  await click(VI.writeSummary);
  expect(actions.writeSummary.mock.calls[0]![0]).toMatchObject({ year: 2023, unit: 'UBND xã A' });
});

test('a wrong year is said on the Năm field and nothing is inserted', async () => {
  const actions = fakeActions();
  wrap(<App actions={actions} t={VI} initialYear={2023} />);
  type(VI.year, '203', 'spinbutton');
  await click(VI.insert);
  expect(actions.insertTemplate).not.toHaveBeenCalled();
  expect(screen.getByText(VI.yearInvalid)).toBeTruthy();
  expect(screen.getByRole('spinbutton', { name: VI.year }).getAttribute('aria-invalid')).toBe('true');
  expect(document.body.textContent).not.toMatch(/Có lỗi khi làm việc với Excel/);
});

test("a second unit: once the template is known, one click adds the unit's sheet (a taken name moves to the next free one)", async () => {
  const actions = fakeActions();
  actions.insertTemplate
    .mockResolvedValueOnce({ kind: 'template-exists', name: 'TH_1' })
    .mockResolvedValueOnce({ kind: 'sheet-exists', sheetName: 'UBND xã B', suggestion: 'UBND xã B (2)' })
    .mockResolvedValueOnce({ kind: 'inserted', sheetName: 'UBND xã B (2)', skipped: [] });
  wrap(<App actions={actions} t={VI} initialYear={2023} />);
  await click(VI.insert);
  // No name yet: the unit field says what it needs; the notice has a title.
  expect(screen.getByText(VI.unitNeeded)).toBeTruthy();
  expect(screen.getByText(VI.noticeTitle.info)).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/TH_1/);
  type(VI.unit, 'UBND xã B');
  await click('Thêm sheet cho đơn vị "UBND xã B"');
  expect(actions.insertTemplate).toHaveBeenNthCalledWith(2, { year: 2023, period: 'nam', unit: 'UBND xã B', unitSheet: true, sheetName: 'UBND xã B' });
  expect(actions.insertTemplate).toHaveBeenNthCalledWith(3, { year: 2023, period: 'nam', unit: 'UBND xã B', unitSheet: true, sheetName: 'UBND xã B (2)' });
  expect(screen.getByText('Đã chèn biểu mẫu vào sheet "UBND xã B (2)". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.')).toBeTruthy();
});

test("a second unit's sheet is made from the plan the workbook stores, not the built-in example", async () => {
  const actions = fakeActions();
  const stored = { nam: 2026, donVi: 'UBND xã An Phú', chiTieu: { '1': { tenChiTieu: 'Tổng thu ngân sách', donViTinh: 'triệu đồng', quyTac: 'min', keHoach: 12500 } } } as unknown as PlanJson;
  actions.storedPlan = jest.fn(async () => stored);
  actions.insertTemplate
    .mockResolvedValueOnce({ kind: 'template-exists', name: 'TH_1' })
    .mockResolvedValueOnce({ kind: 'inserted', sheetName: 'UBND xã B', skipped: [] });
  wrap(<App actions={actions} t={VI} initialYear={2026} />);
  await click(VI.insert);
  type(VI.unit, 'UBND xã B');
  await click('Thêm sheet cho đơn vị "UBND xã B"');
  expect(actions.storedPlan).toHaveBeenCalledTimes(1);
  expect(actions.insertTemplate).toHaveBeenNthCalledWith(2, { year: 2026, period: 'nam', unit: 'UBND xã B', unitSheet: true, sheetName: 'UBND xã B', plan: stored });
});

test('the consolidated total has its own name field; the results then are the new sheet\'s; a later action removes the stale block', async () => {
  const actions = fakeActions();
  wrap(<App actions={actions} t={VI} initialYear={2023} />);
  type(VI.unit, 'UBND xã B');
  await click(VI.consolidate);
  expect(actions.consolidate).toHaveBeenLastCalledWith({});
  expect(screen.getByRole('textbox', { name: new RegExp(VI.consolidatedName) }).getAttribute('placeholder')).toBe('Tổng hợp N đơn vị');
  type(new RegExp(VI.consolidatedName), ' Huyện X ');
  await click(VI.consolidate);
  expect(actions.consolidate).toHaveBeenLastCalledWith({ unit: 'Huyện X' });
  expect(screen.getByRole('status').textContent).toMatch(/^Đã kiểm tra sheet "Tổng hợp": /);
  expect(screen.getByRole('region', { name: VI.consolidation })).toBeTruthy();
  await click(VI.check);
  expect(screen.queryByRole('region', { name: VI.consolidation })).toBeNull();
  expect(screen.getByRole('status').textContent).toMatch(/^Đã kiểm tra sheet "Xã A": /);
});

test('headings: one h1, sections h2, groups h3', async () => {
  wrap(<App actions={fakeActions()} t={VI} initialYear={2023} />);
  await click(VI.check);
  const levels = [...document.querySelectorAll('h1,h2,h3,h4')].map((h) => Number(h.tagName[1]));
  expect(levels[0]).toBe(1);
  levels.reduce((prev, l) => { expect(l - prev).toBeLessThanOrEqual(1); return l; });
});
