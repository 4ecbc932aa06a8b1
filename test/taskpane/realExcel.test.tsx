/**
 * @jest-environment jsdom
 */
// What the pane tells the user when real Excel refuses part of a write, leaves names as #REF!, or keeps a
// formula in a Ghi chú cell (issue 14), rendered in jsdom against fake actions.
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { WorkbookActions } from '../../src/core/actions';
import { UserFacingError } from '../../src/excel/errors';
import { App } from '../../src/taskpane/App';
import { VI } from '../../src/taskpane/i18n';

class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const report = { period: 'nam' as const, indicators: [], findings: [], checked: { sheet: 'Chỉ tiêu KT-XH', year: 2023, period: 'nam' as const, unit: null, baseYear: 2010 } };

function actions(over: Partial<WorkbookActions> = {}): jest.Mocked<WorkbookActions> {
  return {
    insertTemplate: jest.fn(async () => ({ kind: 'inserted' as const, sheetName: 'Chỉ tiêu', skipped: [] })),
    check: jest.fn(async () => report),
    clear: jest.fn(async () => 0),
    select: jest.fn(async () => undefined),
    consolidate: jest.fn(),
    writeSummary: jest.fn(async () => 'Tóm tắt'),
    watch: jest.fn(async () => false),
    cleanDeadNames: jest.fn(async () => 0),
    missingFeatures: jest.fn(() => []),
    ...over,
  } as jest.Mocked<WorkbookActions>;
}

/** The notice's text, found by its title (each MessageBar has one: success, warning, error…). */
const noticeText = (intent: keyof typeof VI.noticeTitle): string => {
  const title = screen.getByText(VI.noticeTitle[intent]);
  return title.parentElement?.textContent ?? '';
};
const show = (a: WorkbookActions) => render(<FluentProvider theme={webLightTheme}><App actions={a} t={VI} initialYear={2023} /></FluentProvider>);
const click = async (name: string) => { await act(async () => { fireEvent.click(screen.getByRole('button', { name })); }); };

describe('the pane and Excel as users have it', () => {
  test('an insert with parts this Excel refused says which, as a warning', async () => {
    show(actions({ insertTemplate: jest.fn(async () => ({ kind: 'inserted' as const, sheetName: 'Chỉ tiêu', skipped: ['Cố định dòng tiêu đề (Excel báo lỗi chung …)'] })) }));
    await click(VI.insert);
    const notice = noticeText('warning');
    expect(notice).toContain('Đã chèn biểu mẫu vào sheet "Chỉ tiêu"');
    expect(notice).toContain('không bắt buộc (biểu vẫn dùng được): Cố định dòng tiêu đề');
  });

  test('a check that finds only names left as #REF! offers "Dọn tên hỏng", which deletes them', async () => {
    const dead = Object.assign(new UserFacingError('Sổ tính chưa có biểu chỉ tiêu … còn 3 tên cũ trỏ tới #REF!'), { deadNames: 3 });
    const a = actions({ check: jest.fn(async () => { throw dead; }), cleanDeadNames: jest.fn(async () => 3) });
    show(a);
    await click(VI.check);
    expect(noticeText('error')).toContain('#REF!');
    await click(VI.cleanNames);
    expect(a.cleanDeadNames).toHaveBeenCalledTimes(1);
    expect(noticeText('success')).toContain('Đã xóa 3 tên cũ trỏ tới #REF!.');
  });

  test('a check that other errors end offers no cleaning', async () => {
    show(actions({ check: jest.fn(async () => { throw new UserFacingError('Trang "X" đang được bảo vệ'); }) }));
    await click(VI.check);
    expect(screen.queryByRole('button', { name: VI.cleanNames })).toBeNull();
  });

  test('a note cell kept because it holds a formula is named', async () => {
    show(actions({ check: jest.fn(async () => ({ ...report, notesSkipped: ['M12'] })) }));
    await click(VI.check);
    expect(noticeText('warning')).toContain('Không ghi nhận xét vào ô Ghi chú M12 vì ô đó có công thức của bạn');
  });
});
