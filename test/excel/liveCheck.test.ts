// Live check on the typed fake: a user's edit re-checks and re-flags in one round of syncs; the add-in's
// own writes do not start another; a paste of many cells is one check; nothing the user typed changes.
import { ALL_FEATURES } from '../../src/excel/features';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { LiveCheck, watchTemplateSheets } from '../../src/excel/liveCheck';
import { buildTemplate } from '../../src/template/model';
import { FLAG_FILL } from '../../src/core/flags';
import type { Report } from '../../src/core/types';
import { atPlanEntries } from '../../src/template/samples';
import { addressOf, asContext, fillAsUser, insert, newFake, templateModel } from './harness';

async function watched(excelApi?: string) {
  const fake = newFake(excelApi ? { excelApi } : {});
  const model = templateModel();
  await insert(fake, model);
  await fillAsUser(fake, model, atPlanEntries());
  const reports: Report[] = [];
  const errors: unknown[] = [];
  const live = new LiveCheck({ run: (fn) => fn(asContext(fake)), onReport: (r) => reports.push(r), onError: (e) => errors.push(e), debounceMs: 30 });
  const sheets = new Set<string>();
  expect(await watchTemplateSheets(asContext(fake), live, sheets)).toBe(1);
  return { fake, model, live, reports, errors, sheets };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live check', () => {
  it('re-checks and flags a user edit within one round of syncs, and ignores its own writes', async () => {
    const { fake, model, live, reports, errors } = await watched();
    fake.resetSyncCount();
    const th2 = addressOf(model, 'TH_2');
    await fake.userEdit(model.sheetName, th2, 4449000000000);
    await live.idle();
    expect(errors).toEqual([]);
    expect(live.checks).toBe(1);
    expect(fake.syncCount).toBe(3);
    expect(reports[0]!.findings.some((f) => f.code === 'unit-slip' && f.name === 'TH_2')).toBe(true);
    expect(fake.cell(model.sheetName, th2).fill?.toUpperCase()).toBe(FLAG_FILL.error.toUpperCase());
    // The check's own writes fired onChanged: they must not start another check.
    await fake.settle();
    await pause(100);
    await live.idle();
    expect(live.checks).toBe(1);
    expect(fake.cell(model.sheetName, th2).value).toBe(4449000000000);
  });

  it('leaves every value the user typed as it was', async () => {
    const { fake, model, live } = await watched();
    const inputs = model.names.filter((n) => /^(KH|KHTT|TN|TH)_/.test(n.name)).map((n) => n.address);
    const typed = () => inputs.map((a) => fake.cell(model.sheetName, a).value);
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_4'), 883.3);
    await live.idle();
    const before = typed();
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_5'), 'bốn trăm');
    await live.idle();
    await fake.settle();
    expect(live.checks).toBe(2);
    const after = typed();
    expect(after.filter((v, i) => v !== before[i])).toEqual(['bốn trăm']);
  });

  it('turns a paste of many cells, or quick edits, into one check', async () => {
    const { fake, model, live } = await watched();
    const first = addressOf(model, 'TH_2');
    const row = Number(first.slice(1));
    await fake.userEdit(model.sheetName, `G${row}:G${row + 1}`, [[4500], [60]]);
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_9'), 96);
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_10'), 11);
    await live.idle();
    expect(live.checks).toBe(1);
  });

  it('reports a failure instead of swallowing it', async () => {
    const { fake, model, live, errors } = await watched();
    fake.protect(model.sheetName, false);
    const th3 = addressOf(model, 'TH_3');
    await fake.userEdit(model.sheetName, th3, 'năm mươi');
    fake.protect(model.sheetName, true);
    await live.idle();
    expect(live.checks).toBe(0);
    expect(String((errors[0] as Error).message)).toMatch(/đang được bảo vệ/);
  });

  it('watches unit sheets added since, each edit re-checking the sheet it was made on', async () => {
    const { fake, model, live, reports, sheets } = await watched();
    const unit = buildTemplate({ year: 2023, unit: 'UBND xã B', sheetName: 'Xã B' });
    await insertTemplate(asContext(fake), unit, ALL_FEATURES, { unitSheet: true });
    fake.resetSyncCount();
    expect(await watchTemplateSheets(asContext(fake), live, sheets)).toBe(2);
    expect(fake.syncCount).toBe(3);
    fake.resetSyncCount();
    expect(await watchTemplateSheets(asContext(fake), live, sheets)).toBe(2); // nothing new: no registration
    expect(fake.syncCount).toBe(2);
    expect(fake.changeHandlerCount('Xã B')).toBe(1);
    expect(fake.changeHandlerCount(model.sheetName)).toBe(1);

    fake.activateAsUser(model.sheetName); // the edit's own sheet is checked, whichever sheet is in front
    const th2 = addressOf(unit, 'TH_2');
    await fake.userEdit('Xã B', th2, 4449000000000);
    await live.idle();
    expect(live.checks).toBe(1);
    expect(reports[0]!.findings).toContainEqual(expect.objectContaining({ name: 'TH_2', code: 'unit-slip', sheet: 'Xã B' }));
    expect(fake.cell('Xã B', th2).fill?.toUpperCase()).toBe(FLAG_FILL.error.toUpperCase());
    expect(fake.cell(model.sheetName, addressOf(model, 'TH_2')).fill?.toUpperCase()).not.toBe(FLAG_FILL.error.toUpperCase());
  });

  describe('without triggerSource (ExcelApi 1.13: Excel 2021 and older)', () => {
    it("a user's edit arriving while our check writes is re-checked; our own note writes start no check", async () => {
      const fake = newFake({ excelApi: '1.13' });
      const model = templateModel();
      await insert(fake, model);
      await fillAsUser(fake, model, atPlanEntries());
      const reports: Report[] = [];
      const th3 = addressOf(model, 'TH_3');
      let during: Promise<void> | null = null;
      const live = new LiveCheck({
        run: async (fn) => {
          const r = await fn(asContext(fake));
          // The user types while our batch's own change events are still arriving.
          if (!during) during = fake.userEdit(model.sheetName, th3, 'năm mươi');
          return r;
        },
        onReport: (r) => reports.push(r), onError: (e) => { throw e; }, debounceMs: 30,
      });
      await watchTemplateSheets(asContext(fake), live, new Set());
      await fake.userEdit(model.sheetName, addressOf(model, 'TH_2'), 4449000000000); // writes a note: GC_2
      await live.idle();
      await during;
      await fake.settle();
      await pause(100);
      await live.idle();
      expect(live.checks).toBe(2);
      expect(reports[1]!.findings).toContainEqual(expect.objectContaining({ name: 'TH_3', code: 'not-a-number' }));
      expect(fake.cell(model.sheetName, th3).fill?.toUpperCase()).toBe(FLAG_FILL.error.toUpperCase());
    });

    it("an edit just after our check (within what used to be the grace time) is re-checked", async () => {
      const { fake, model, live, reports } = await watched('1.13');
      await fake.userEdit(model.sheetName, addressOf(model, 'TH_2'), 4449000000000);
      await live.idle();
      await fake.userEdit(model.sheetName, addressOf(model, 'TH_3'), 'năm mươi');
      await live.idle();
      await fake.settle();
      await pause(100);
      await live.idle();
      expect(live.checks).toBe(2);
      expect(reports[1]!.findings).toContainEqual(expect.objectContaining({ name: 'TH_3', code: 'not-a-number' }));
    });
  });
});

describe('live check paused (Xóa đánh dấu, or a Kiểm tra running)', () => {
  it('drops a re-check still waiting, ignores edits while paused, and re-checks again once resumed', async () => {
    const { fake, model, live, reports } = await watched();
    const th2 = addressOf(model, 'TH_2');
    await fake.userEdit(model.sheetName, th2, 4449000000000);
    // Paused before the re-check's quiet time is over: it never runs, and nothing is flagged.
    await live.pause();
    await pause(100);
    await live.idle();
    expect(live.checks).toBe(0);
    expect(reports).toEqual([]);
    expect(fake.cell(model.sheetName, th2).fill?.toUpperCase()).not.toBe(FLAG_FILL.error.toUpperCase());
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_4'), 900);
    await pause(100);
    await live.idle();
    expect(live.checks).toBe(0);
    live.resume();
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_5'), 400);
    await live.idle();
    expect(live.checks).toBe(1);
    expect(reports).toHaveLength(1);
  });

  it('a re-check already running when paused finishes before pause resolves, and is not reported', async () => {
    const fake = newFake();
    const model = templateModel();
    await insert(fake, model);
    await fillAsUser(fake, model, atPlanEntries());
    // The re-check's Excel.run is held at its start until the test lets it go.
    let started!: () => void;
    const running = new Promise<void>((r) => { started = r; });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const reports: Report[] = [];
    const live = new LiveCheck({
      run: async (fn) => { started(); await gate; return fn(asContext(fake)); },
      onReport: (r) => reports.push(r), onError: (e) => { throw e; }, debounceMs: 10,
    });
    await watchTemplateSheets(asContext(fake), live, new Set());
    await fake.userEdit(model.sheetName, addressOf(model, 'TH_2'), 4449000000000);
    await running;
    let paused = false;
    const p = live.pause().then(() => { paused = true; });
    await pause(50);
    expect(paused).toBe(false); // waits for the running re-check
    release();
    await p;
    expect(live.checks).toBe(1);
    expect(reports).toEqual([]);
  });
});
