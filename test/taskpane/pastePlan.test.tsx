/**
 * @jest-environment jsdom
 */
// "Dán danh sách chỉ tiêu" in the pane, against fake workbook actions: pasted text becomes rows with the rule
// in words, unread lines are listed, a rule or target edited changes the row's words, and the insert gets
// the edited plan (in the text's order, without the unread lines); a plan the model refuses is not sent.
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { InsertRequest, WorkbookActions } from '../../src/core/actions';
import { planFromObject } from '../../src/core/planRead';
import { App } from '../../src/taskpane/App';
import { VI } from '../../src/taskpane/i18n';

class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const TEXT = [
  'I. Về kinh tế',
  '1. Tốc độ tăng giá trị sản xuất đạt 8,7% trở lên;',
  '2. Sản lượng ngô: 1.250 tấn; sản lượng sắn: 30 tấn.',
  'II. Về xã hội',
  '1. Tỷ lệ hộ nghèo giảm còn dưới 1,3%;',
  '2. Tỷ lệ lạm phát không quá 9,5%;',
  '3. Giá trị sản xuất tăng gấp 1,5 lần',
].join('\n');

function fakeActions(): jest.Mocked<WorkbookActions> {
  return {
    insertTemplate: jest.fn(async () => ({ kind: 'inserted' as const, sheetName: 'Chỉ tiêu KT-XH', skipped: [] })),
    check: jest.fn(), clear: jest.fn(), select: jest.fn(), consolidate: jest.fn(), writeSummary: jest.fn(),
    watch: jest.fn(async () => false), cleanDeadNames: jest.fn(), missingFeatures: jest.fn(() => []),
  } as unknown as jest.Mocked<WorkbookActions>;
}

async function openAndRead(actions: WorkbookActions) {
  render(<FluentProvider theme={webLightTheme}><App actions={actions} t={VI} initialYear={2026} /></FluentProvider>);
  const toggle = screen.getByRole('button', { name: /Dán danh sách chỉ tiêu/ });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('textbox', { name: /Dán danh sách/ })).toBeNull();
  // The section's code loads on demand when it is opened.
  await act(async () => { fireEvent.click(toggle); });
  fireEvent.change(await screen.findByRole('textbox', { name: /Dán danh sách/ }), { target: { value: TEXT } });
  fireEvent.click(screen.getByRole('button', { name: 'Đọc' }));
}

const words = (name: string) => {
  const row = screen.getByRole('textbox', { name: `Kế hoạch: ${name}` }).closest('tr')!;
  return within(row).getAllByRole('cell')[4]!.textContent;
};

describe('Dán danh sách chỉ tiêu', () => {
  it('shows the rows with their rules in words, headings as rows, and every unread line', async () => {
    await openAndRead(fakeActions());
    expect(screen.getByText(/Đọc được 5 chỉ tiêu, 1 dòng chưa đọc được/)).toBeTruthy();
    expect(words('Tốc độ tăng giá trị sản xuất')).toBe('tăng 8,7% so với năm trước');
    expect(words('Sản lượng ngô')).toBe('từ 1.250 tấn trở lên');
    expect(words('Sản lượng sắn')).toBe('từ 30 tấn trở lên');
    expect(words('Tỷ lệ hộ nghèo')).toBe('dưới 1,3%');
    expect(words('Tỷ lệ lạm phát')).toBe('không quá 9,5%');
    expect(screen.getByRole('cell', { name: 'Về kinh tế' })).toBeTruthy();
    expect(screen.getByTestId('unread').textContent).toBe('Dòng 7: 3. Giá trị sản xuất tăng gấp 1,5 lần');
    // The rule list offers the 13 rules in words.
    const select = screen.getByRole('combobox', { name: 'Quy tắc: Tỷ lệ lạm phát' }) as HTMLSelectElement;
    expect(select.value).toBe('max');
    expect(select.options).toHaveLength(13);
  });

  it('editing a rule or a target changes the row\'s words; the insert gets the edited plan', async () => {
    const actions = fakeActions();
    await openAndRead(actions);
    fireEvent.change(screen.getByRole('combobox', { name: 'Quy tắc: Tỷ lệ lạm phát' }), { target: { value: 'lt' } });
    expect(words('Tỷ lệ lạm phát')).toBe('dưới 9,5%');
    fireEvent.change(screen.getByRole('textbox', { name: 'Kế hoạch: Sản lượng ngô' }), { target: { value: '1.300' } });
    expect(words('Sản lượng ngô')).toBe('từ 1.300 tấn trở lên');
    fireEvent.change(screen.getByRole('combobox', { name: 'Quy tắc: Sản lượng sắn' }), { target: { value: 'pass' } });
    expect(words('Sản lượng sắn')).toBe('Đạt');

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Chèn biểu mẫu từ danh sách này' })); });
    expect(actions.insertTemplate).toHaveBeenCalledTimes(1);
    const req = actions.insertTemplate.mock.calls[0]![0] as InsertRequest;
    expect(req).toMatchObject({ year: 2026, period: 'nam', unit: '' });
    const plan = req.plan!;
    expect(plan.khongDoc).toBeUndefined();
    expect(plan.thuTu).toEqual(['I', '1', '2.1', '2.2', 'II', 'II.1', 'II.2']);
    expect(plan.chiTieu['II.2']).toMatchObject({ tenChiTieu: 'Tỷ lệ lạm phát', quyTac: 'lt', keHoach: 9.5 });
    expect(plan.chiTieu['2.1']).toMatchObject({ quyTac: 'min', keHoach: '1.300', donViTinh: 'tấn' });
    expect(plan.chiTieu['2.2']).toMatchObject({ quyTac: 'pass', keHoach: 'Đạt' });
    // What was sent builds: the plan model takes it, in the text's order.
    expect(planFromObject(plan).order).toEqual(plan.thuTu);
    expect(screen.getByText(/Đã chèn biểu mẫu 5 chỉ tiêu vào sheet "Chỉ tiêu KT-XH"/)).toBeTruthy();
  });

  it('a plan the model would refuse says why and is not sent', async () => {
    const actions = fakeActions();
    await openAndRead(actions);
    // Criteria need "x/N": a plain number is refused by the plan model.
    fireEvent.change(screen.getByRole('combobox', { name: 'Quy tắc: Sản lượng ngô' }), { target: { value: 'criteria' } });
    expect(screen.getByText(/Chưa chèn được: .*chiTieu\['2\.1'\]\.keHoach/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Chèn biểu mẫu từ danh sách này' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Kế hoạch: Sản lượng ngô' }), { target: { value: '5/7' } });
    expect(words('Sản lượng ngô')).toBe('đạt 5/7 tấn');
    expect(screen.queryByText(/Chưa chèn được/)).toBeNull();
    expect(actions.insertTemplate).not.toHaveBeenCalled();
  });
});
