/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://addin.example.vn/chitieu/commands.html"}
 */
// The ribbon's commands (src/commands) and their dialog (src/excel/office.ts) as real Office treats them:
// a finding on a unit sheet is selected on that sheet, the dialog is found beside the page under a
// sub-path, and a dialog whose close event never comes does not leave the command running for ever.
import type { WorkbookActions } from '../../src/core/actions';
import type { Report } from '../../src/core/types';

const report: Report = {
  period: 'nam', indicators: [],
  findings: [{ id: '2', measure: null, cell: 'E12', name: 'TH_2', code: 'unit-slip', severity: 'error', message: 'đồng thay vì tỷ đồng', sheet: 'Xã A' }],
};
const actions = {
  check: jest.fn(async () => report),
  select: jest.fn(async () => undefined),
} as unknown as jest.Mocked<WorkbookActions>;
const shown: string[] = [];

jest.mock('../../src/excel/actions', () => ({ excelActions: () => actions }));
jest.mock('../../src/excel/office', () => ({
  ...jest.requireActual('../../src/excel/office'),
  associateCommands: jest.fn(),
  isSetSupported: () => true,
  showMessage: jest.fn(async (m: string) => { shown.push(m); }),
}));

describe('Kiểm tra from the ribbon', () => {
  test('selects the first finding on its own sheet', async () => {
    const { kiemTra } = await import('../../src/commands/commands');
    await kiemTra();
    expect(actions.select).toHaveBeenCalledWith('TH_2', 'Xã A');
    expect(shown[0]).toMatch(/^Kiểm tra xong\. Tổng 0 dòng chỉ tiêu/);
  });
});

describe('the outcome dialog', () => {
  const dialog = { addEventHandler: jest.fn(), close: jest.fn() };
  let opened: string | null = null;
  beforeEach(() => {
    opened = null;
    dialog.addEventHandler.mockClear();
    dialog.close.mockClear();
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: 'succeeded' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      context: { ui: { displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => { opened = url; cb({ status: 'succeeded', value: dialog }); } } },
    };
  });
  afterEach(() => { jest.useRealTimers(); });

  test('is opened beside the page, under its sub-path', async () => {
    const { showMessage } = jest.requireActual<typeof import('../../src/excel/office')>('../../src/excel/office');
    jest.useFakeTimers();
    const done = showMessage('Xong.', 1000);
    expect(opened).toBe('https://addin.example.vn/chitieu/dialog.html?m=Xong.');
    jest.advanceTimersByTime(1000);
    await done;
  });

  test('a lost close event: the command still ends, and the dialog is closed', async () => {
    const { showMessage } = jest.requireActual<typeof import('../../src/excel/office')>('../../src/excel/office');
    jest.useFakeTimers();
    let ended = false;
    const done = showMessage('Xong.', 5000).then(() => { ended = true; });
    await Promise.resolve();
    jest.advanceTimersByTime(4999);
    await Promise.resolve();
    expect(ended).toBe(false);
    jest.advanceTimersByTime(1);
    await done;
    expect(ended).toBe(true);
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  test('the user closing it ends the command at once', async () => {
    const { showMessage } = jest.requireActual<typeof import('../../src/excel/office')>('../../src/excel/office');
    const done = showMessage('Xong.', 60_000);
    const onEvent = dialog.addEventHandler.mock.calls.find(([type]) => type === 'dialogEventReceived')![1] as () => void;
    onEvent();
    await done;
    expect(dialog.close).not.toHaveBeenCalled();
  });
});
