/**
 * @jest-environment jsdom
 */
// The task pane's consolidation view, rendered in jsdom.
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ConsolidateOutcome } from '../../src/excel/consolidate';
import { Consolidation } from '../../src/taskpane/Consolidation';
import { EN, VI } from '../../src/taskpane/i18n';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own width to reflow.
class NoResize { observe(): void {} unobserve(): void {} disconnect(): void {} }
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

function outcome(over: Partial<ConsolidateOutcome> = {}): ConsolidateOutcome {
  return {
    unitSheets: ['Xã A', 'Xã B', 'Xã C', 'Xã D'],
    skipped: [],
    included: [
      { source: 'Xã A', unit: 'UBND xã A', warnings: 0 },
      { source: 'Xã B', unit: 'UBND xã B', warnings: 2 },
      { source: 'Xã C', unit: 'UBND xã C', warnings: 0 },
    ],
    excluded: [{
      source: 'Xã D', unit: 'UBND xã D', reason: 'errors', message: 'có 1 lỗi — sửa rồi tổng hợp lại',
      errors: [{ id: '2', measure: null, sheet: 'Xã D', cell: 'E12', name: 'TH_2', code: 'unit-slip', message: 'có thể đã nhập theo đồng' }],
    }],
    levelsKept: ['KH_9'],
    levelsLeftEmpty: ['TH_10', 'KH_10'],
    incomplete: [{ name: 'TH_5', missingFrom: ['Xã C'] }],
    passNotMet: [{ id: '17', units: ['UBND xã B'] }],
    averaged: [],
    weightsMissing: [],
    written: { sheet: 'Tổng hợp', byUnitSheet: 'Theo đơn vị' },
    report: null,
    ...over,
  };
}

describe('Consolidation', () => {
  test('the headline names how many units went into which sheet, and lists the units', () => {
    wrap(<Consolidation outcome={outcome()} t={VI} onSelect={() => undefined} />);
    const section = screen.getByRole('region', { name: VI.consolidation });
    expect(section.textContent).toContain('Đã tổng hợp 3/4 đơn vị vào sheet "Tổng hợp"');
    expect(section.textContent).toContain('"Theo đơn vị"');
    expect(within(section).getByRole('heading', { name: /Đơn vị đã tổng hợp \(3\)/ })).toBeTruthy();
    expect(section.textContent).toContain('UBND xã B (sheet "Xã B") · 2 cảnh báo');
    expect(section.textContent).toContain('2 ô để trống vì các đơn vị khác nhau');
    expect(section.textContent).toContain('1 ô để trống vì có đơn vị chưa có số');
    expect(section.textContent).toContain('17: UBND xã B');
  });

  test("a left-out unit's error is a button that selects its cell on its sheet", () => {
    const onSelect = jest.fn();
    wrap(<Consolidation outcome={outcome()} t={VI} onSelect={onSelect} />);
    expect(screen.getByText(/có 1 lỗi — sửa rồi tổng hợp lại/)).toBeTruthy();
    // The cell as Excel shows it, on its sheet; no defined name.
    fireEvent.click(screen.getByRole('button', { name: "'Xã D'!E12: có thể đã nhập theo đồng" }));
    expect(onSelect).toHaveBeenCalledWith('TH_2', 'Xã D');
  });

  test('with one unit sheet it says two are needed and how to add them', () => {
    wrap(<Consolidation outcome={outcome({ unitSheets: ['Chỉ tiêu'], included: [], excluded: [], levelsLeftEmpty: [], incomplete: [], passNotMet: [], written: null })}
      t={VI} onSelect={() => undefined} />);
    const text = screen.getByRole('region', { name: VI.consolidation }).textContent ?? '';
    expect(text).toContain('Cần ít nhất hai sheet biểu mẫu');
    expect(text).toContain('Thêm sheet cho đơn vị');
    expect(text).not.toContain('Đã tổng hợp');
  });

  test('two unit sheets, none usable; earlier consolidated sheets are named as not counted', () => {
    wrap(<Consolidation outcome={outcome({ unitSheets: ['Xã A', 'Xã B'], included: [], skipped: ['Tổng hợp'], written: null })} t={EN} onSelect={() => undefined} />);
    const text = screen.getByRole('region', { name: EN.consolidation }).textContent ?? '';
    expect(text).toContain('None of the 2 sheets could be consolidated');
    expect(text).toContain('Earlier consolidated sheets were not counted: "Tổng hợp"');
  });
});

describe('averaging by weight', () => {
  test('says how many cells were averaged and which rate was not, for lack of whose weight', () => {
    wrap(<Consolidation outcome={outcome({
      averaged: [{ name: 'TH_16', weight: 'Số hộ gia đình (hộ)' }, { name: 'TN_16', weight: 'Số hộ gia đình (hộ)' }],
      weightsMissing: [{ id: '9', weight: 'Dân số (người)', missingFrom: ['UBND xã C'] }],
    })} t={VI} onSelect={() => undefined} />);
    expect(screen.getByText(/2 ô tính bình quân theo quyền số/)).toBeTruthy();
    expect(screen.getByText('9: không tính bình quân vì thiếu quyền số (dân số (người), cột Quyền số) ở UBND xã C.')).toBeTruthy();
  });
});
