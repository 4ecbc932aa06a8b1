/**
 * @jest-environment jsdom
 */
// The plan chooser in the pane, against fake workbook actions: a valid plan file goes into the insert
// request (its ids and order), a bad one is said on its field in one line and nothing is inserted, the
// period chosen is the one inserted, and after a check the pane says which plan judged the results.
import fs from 'fs';
import path from 'path';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { withChecked, type CheckedReport } from '../../src/core/checked';
import type { WorkbookActions } from '../../src/core/actions';
import { App } from '../../src/taskpane/App';
import { PlanError } from '../../src/core/planError';
import type { PlanJson } from '../../src/core/planJson';
import { planFromJson } from '../../src/core/planRead';
import { planJsonWithOrder } from '../../src/core/planWrite';
import { PLAN_TEXT } from '../../src/taskpane/PlanChooser';
import { VI } from '../../src/taskpane/i18n';

class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const PLAN_TEXT_OF = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/plans', `${name}.json`), 'utf8');

function fakeActions(report?: CheckedReport): jest.Mocked<WorkbookActions> {
  return {
    insertTemplate: jest.fn(async () => ({ kind: 'inserted' as const, sheetName: 'Chỉ tiêu KT-XH', skipped: [] })),
    check: jest.fn(async () => report ?? withChecked({ period: 'nam', indicators: [], findings: [] }, { sheet: 'S', year: 2026, period: 'nam', unit: null, baseYear: 2010 })),
    clear: jest.fn(async () => 0),
    select: jest.fn(async () => undefined),
    consolidate: jest.fn(),
    writeSummary: jest.fn(async () => 'Tóm tắt'),
    watch: jest.fn(async () => false),
    missingFeatures: jest.fn(() => []),
  } as unknown as jest.Mocked<WorkbookActions>;
}

const wrap = (actions: WorkbookActions) => render(<FluentProvider theme={webLightTheme}><App actions={actions} t={VI} initialYear={2026} /></FluentProvider>);
const click = async (name: string | RegExp) => { await act(async () => { fireEvent.click(screen.getByRole('button', { name })); }); };

async function chooseFile(text: string, name = 'ke-hoach.json'): Promise<void> {
  fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.file }));
  const input = screen.getByLabelText(PLAN_TEXT.fileInput) as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  // jsdom's File has no text() on every version: give it the one browsers have.
  if (typeof (file as { text?: unknown }).text !== 'function') Object.defineProperty(file, 'text', { value: async () => text });
  await act(async () => { fireEvent.change(input, { target: { files: [file] } }); });
}

test('the seed by default: the insert request carries no plan; the period list offers every period', async () => {
  const actions = fakeActions();
  wrap(actions);
  expect((screen.getByRole('radio', { name: PLAN_TEXT.seed }) as HTMLInputElement).checked).toBe(true);
  const options = [...(screen.getByRole('combobox', { name: PLAN_TEXT.period }) as HTMLSelectElement).options].map((o) => o.textContent);
  expect(options).toEqual(['Năm', 'Ước thực hiện năm', '3 tháng', '6 tháng', 'Ước thực hiện 6 tháng', '9 tháng', 'Ước thực hiện 9 tháng', '10 tháng', 'Ước thực hiện 10 tháng',
    'Quý I', 'Ước thực hiện quý I', 'Quý II', 'Ước thực hiện quý II', 'Quý III', 'Ước thực hiện quý III', 'Quý IV', 'Ước thực hiện quý IV']);
  await click(VI.insert);
  expect(actions.insertTemplate).toHaveBeenCalledTimes(1);
  expect(actions.insertTemplate.mock.calls[0]![0]).not.toHaveProperty('plan');
  expect(actions.insertTemplate.mock.calls[0]![0]).toMatchObject({ period: 'nam', year: 2026 });
});

test('an estimate chosen ("Ước thực hiện 9 tháng"): the insert asks for 9t and estimate; a plain period asks for no estimate', async () => {
  const actions = fakeActions();
  wrap(actions);
  const select = screen.getByRole('combobox', { name: PLAN_TEXT.period }) as HTMLSelectElement;
  fireEvent.change(select, { target: { value: '9t-uoc' } });
  expect(select.selectedOptions[0]!.textContent).toBe('Ước thực hiện 9 tháng');
  await click(VI.insert);
  expect(actions.insertTemplate.mock.calls[0]![0]).toMatchObject({ period: '9t', estimate: true });
  fireEvent.change(select, { target: { value: '6t' } });
  await click(VI.insert);
  expect(actions.insertTemplate.mock.calls[1]![0]).toMatchObject({ period: '6t' });
  expect(actions.insertTemplate.mock.calls[1]![0]).not.toHaveProperty('estimate');
});

test('a valid plan file: the insert carries its plan, and the period chosen', async () => {
  const actions = fakeActions();
  wrap(actions);
  await chooseFile(PLAN_TEXT_OF('xa-nho-2026'), 'xa-nho-2026.json');
  await waitFor(() => expect(screen.getByText(/Tệp "xa-nho-2026.json".*20 chỉ tiêu/)).toBeTruthy());
  fireEvent.change(screen.getByRole('combobox', { name: PLAN_TEXT.period }), { target: { value: 'q3' } });
  await click(VI.insert);
  expect(actions.insertTemplate).toHaveBeenCalledTimes(1);
  const request = actions.insertTemplate.mock.calls[0]![0];
  expect(request.period).toBe('q3');
  const file = JSON.parse(PLAN_TEXT_OF('xa-nho-2026')) as { chiTieu: Record<string, { tenChiTieu: string }> };
  expect(Object.keys(request.plan!.chiTieu).sort()).toEqual(Object.keys(file.chiTieu).sort());
  expect(request.plan!.chiTieu['4']).toMatchObject({ tenChiTieu: file.chiTieu['4']!.tenChiTieu });
  // Serialisable as it crosses to the workbook.
  expect(JSON.parse(JSON.stringify(request.plan))).toEqual(request.plan);
});

test('an invalid plan file: its one-line error on the field, nothing inserted; back to the seed inserts again', async () => {
  const actions = fakeActions();
  wrap(actions);
  const bad = JSON.parse(PLAN_TEXT_OF('xa-nho-2026')) as { chiTieu: Record<string, Record<string, unknown>> };
  bad.chiTieu['4']!.quyTac = 'gan-bang';
  await chooseFile(JSON.stringify(bad));
  const input = screen.getByLabelText(PLAN_TEXT.fileInput);
  await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
  const message = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent!;
  expect(message).toMatch(/quyTac/);
  expect(message).not.toMatch(/\n/);
  await click(VI.insert);
  expect(actions.insertTemplate).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.seed }));
  await click(VI.insert);
  expect(actions.insertTemplate).toHaveBeenCalledTimes(1);
});

test('after a check: the plan the results are judged against', async () => {
  const report: CheckedReport = {
    ...withChecked({ period: 'nam', indicators: [], findings: [] }, { sheet: 'Xã An Phú', year: 2026, period: 'nam', unit: 'UBND xã An Phú', baseYear: 2010 }),
    plan: { stored: true, unit: 'UBND xã An Phú', year: 2026, baseYear: 2010, indicators: 20, targets: 18, notes: [] },
  };
  wrap(fakeActions(report));
  await click(VI.check);
  expect(screen.getByTestId('judged-plan').textContent).toBe('Đánh giá theo kế hoạch lưu trong file (UBND xã An Phú, năm 2026): 18 chỉ tiêu có mục tiêu.');
});

test('a check of an older workbook: judged against the built-in example', async () => {
  const report: CheckedReport = {
    ...withChecked({ period: 'nam', indicators: [], findings: [] }, { sheet: 'S', year: 2023, period: 'nam', unit: null, baseYear: 2010 }),
    plan: { stored: false, unit: null, year: 2023, baseYear: 2010, indicators: 41, targets: 38, notes: [] },
  };
  wrap(fakeActions(report));
  await click(VI.check);
  expect(screen.getByTestId('judged-plan').textContent).toBe('Đánh giá theo kế hoạch mẫu (năm 2023): 38 chỉ tiêu có mục tiêu.');
});

describe('"Kế hoạch lưu trong file đang mở": the plan the workbook stores', () => {
  const stored = () => JSON.parse(JSON.stringify(planJsonWithOrder(planFromJson(PLAN_TEXT_OF('tinh-2026'))))) as PlanJson;

  test("chosen: the pane reads it, says whose it is, and inserts from it (a unit's sheet too)", async () => {
    const actions = fakeActions();
    actions.storedPlan = jest.fn(async () => stored());
    wrap(actions);
    await act(async () => { fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.stored })); });
    const plan = stored();
    await waitFor(() => expect(screen.getByTestId('stored-plan').textContent).toBe(PLAN_TEXT.storedRead(plan.donVi ?? null, plan.nam ?? null, Object.keys(plan.chiTieu).length)));
    expect(actions.storedPlan).toHaveBeenCalledTimes(1);
    await click(VI.insert);
    const req = actions.insertTemplate.mock.calls[0]![0];
    expect(Object.keys(req.plan!.chiTieu)).toEqual(Object.keys(plan.chiTieu));
    expect(req.plan).toEqual(plan);
  });

  test('a workbook without a stored plan: said on the choice, nothing inserted; the built-in example inserts again', async () => {
    const actions = fakeActions();
    actions.storedPlan = jest.fn(async () => null);
    wrap(actions);
    await act(async () => { fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.stored })); });
    await waitFor(() => expect(screen.getByTestId('stored-plan').textContent).toBe(PLAN_TEXT.storedNone));
    await click(VI.insert);
    expect(actions.insertTemplate).not.toHaveBeenCalled();
    await act(async () => { fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.seed })); });
    await click(VI.insert);
    expect(actions.insertTemplate).toHaveBeenCalledTimes(1);
    expect(actions.insertTemplate.mock.calls[0]![0]).not.toHaveProperty('plan');
  });

  test('a stored plan that no longer reads: its one-line error on the choice, nothing inserted', async () => {
    const actions = fakeActions();
    actions.storedPlan = jest.fn(async () => { throw new PlanError('chiTieu.3.keHoach: không phải số'); });
    wrap(actions);
    await act(async () => { fireEvent.click(screen.getByRole('radio', { name: PLAN_TEXT.stored })); });
    await waitFor(() => expect(screen.getByTestId('stored-plan').textContent).toBe('chiTieu.3.keHoach: không phải số'));
    await click(VI.insert);
    expect(actions.insertTemplate).not.toHaveBeenCalled();
  });

  test('an adapter that cannot read a stored plan: the choice is not offered', () => {
    wrap(fakeActions());
    expect(screen.queryByRole('radio', { name: PLAN_TEXT.stored })).toBeNull();
  });
});
