/**
 * @jest-environment jsdom
 */
// The pane's "Nhận dạng bảng có sẵn" in jsdom, with the add-in's own actions on the typed fake: the mapping
// shown (columns with letters and header words, matched rows, rows not taken with why), a row left out by
// the user, "Dùng bảng này" attaching names for the rest only, then Kiểm tra on that sheet.
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { excelActions } from '../../src/excel/actions';
import { App } from '../../src/taskpane/App';
import { VI } from '../../src/taskpane/i18n';
import { FakeExcel, fakeRequirements, installExcelGlobals, uninstallExcelGlobals } from '../excel/fake';
import { fillOwnTable, ownFixture } from '../excel/ownTable';

class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
jest.setTimeout(60_000);

const SHEET = 'Biểu xã';
const t = ownFixture('xa-la-ma-khong-ke-hoach');
let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel({ sheets: [SHEET] });
  fillOwnTable(fake, SHEET, t);
  const requirements = fakeRequirements({ ExcelApi: '1.13' });
  installExcelGlobals(fake, { requirements });
});
afterEach(() => uninstallExcelGlobals());

const show = () => {
  const requirements = fakeRequirements({ ExcelApi: '1.13' });
  const actions = excelActions((n, v) => requirements.isSetSupported(n, v));
  return render(<FluentProvider theme={webLightTheme}><App actions={actions} t={VI} initialYear={2026} /></FluentProvider>);
};
// findByRole: the section's code loads on demand, after the pane's first render.
const click = async (name: string | RegExp) => { const button = await screen.findByRole('button', { name }); await act(async () => { fireEvent.click(button); }); };

test('recognise, leave a row out, correct nothing else, confirm; then check the sheet', async () => {
  show();
  const before = JSON.stringify(fake.values(SHEET, 'A1:J40'));
  await click('Nhận dạng bảng trên sheet đang mở');
  const section = screen.getByTestId('own-table');
  // Columns: letter and the header words as the table writes them.
  const th = within(section).getByLabelText('Chữ cột Thực hiện') as HTMLInputElement;
  expect(th.value).toBe(t.expected.columns.TH);
  expect(section.textContent).toContain('Ước thực hiện');
  const matched = within(section).getByRole('list', { name: 'Chỉ tiêu khớp' });
  const boxes = within(matched).getAllByRole('checkbox');
  expect(boxes.length).toBe(t.expected.rows.length);
  const leftOut = t.expected.rows[0]!;
  expect(boxes[0]!.closest('li')!.textContent).toContain(`Dòng ${leftOut.row}`);
  await act(async () => { fireEvent.click(boxes[0]!); });
  expect(section.textContent).toContain(`Chỉ tiêu khớp (${t.expected.rows.length - 1})`);
  await click('Dùng bảng này');
  expect(section.textContent).toMatch(/Đã gắn \d+ tên ô vào sheet “Biểu xã”/);
  const names = fake.names();
  expect(names.every((n) => n.scope === 'Worksheet' && n.sheet === SHEET)).toBe(true);
  expect(names.some((n) => new RegExp(`![$]?[A-Z]+[$]?${leftOut.row}$`).test(n.reference))).toBe(false);
  expect(names.some((n) => new RegExp(`![$]?[A-Z]+[$]?${t.expected.rows[1]!.row}$`).test(n.reference))).toBe(true);
  expect(JSON.stringify(fake.values(SHEET, 'A1:J40'))).toBe(before);

  await click(VI.check);
  expect(screen.getByTestId('status').textContent).toContain(SHEET);
});

test('a changed column letter is what the names point at', async () => {
  show();
  await click('Nhận dạng bảng trên sheet đang mở');
  const gc = screen.getByLabelText('Chữ cột Thực hiện');
  await act(async () => { fireEvent.change(gc, { target: { value: 'j' } }); });
  await click('Dùng bảng này');
  const row = t.expected.rows[1]!;
  expect(fake.name(`TH_${row.id.replace(/\./g, '_')}`, SHEET)).toMatch(new RegExp(`\\$?J\\$?${row.row}$`));
});
