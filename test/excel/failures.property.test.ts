// Real Excel stops a batch half-way and keeps what ran before the failure. A property test drives insert,
// check + flag, clear and consolidate on the fake with one failure injected at a random operation of
// each step (InvalidArgument, GeneralException or ItemNotFound) and proves: no value the user typed is ever
// lost, a half-made template never blocks a retry, and every failure reaches the user as a Vietnamese
// message of Excel's (never a crash of our own code).
import fc from 'fast-check';
import { ownNote } from '../../src/excel/flags';
import { consolidateSheets } from '../../src/excel/consolidate';
import { messageOf, UserFacingError } from '../../src/excel/errors';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag, clearFlags } from '../../src/excel/flags';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { buildTemplate, type TemplateModel } from '../../src/template/model';
import { FakeExcel, FakeOfficeError, type InjectedCode, type InjectedFailure } from './fake';
import { asContext } from './harness';

const CODES: InjectedCode[] = ['InvalidArgument', 'GeneralException', 'ItemNotFound'];
const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i;
/** Members the adapter's batches go through, for failures aimed at one kind of call. */
const AIMS = [/NamedItemCollection\.add/, /Range\.(values|formulas|numberFormat)/, /RangeFill/, /SettingCollection|Setting\./, /Worksheet(Collection)?\.(add|delete|activate)/, /FreezePanes|PageLayout|DataValidation|ConditionalFormat/, /load$/];

const failure = fc.option(fc.record({
  aim: fc.option(fc.constantFrom(...AIMS), { nil: undefined }),
  nth: fc.nat(1200),
  code: fc.constantFrom(...CODES),
}), { nil: null });

type Step = { kind: 'check' | 'clear' | 'consolidate' | 'insertUnit' | 'edit'; sheet: number; fail: { aim: RegExp | undefined; nth: number; code: InjectedCode } | null };
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('check', 'check', 'clear', 'consolidate', 'insertUnit', 'edit'),
  sheet: fc.nat(2),
  fail: failure,
});

const unit = (i: number): TemplateModel => buildTemplate({ year: 2023, unit: `UBND xã ${i}`, sheetName: `Xã ${i}` });
const addressOf = (m: TemplateModel, name: string) => m.names.find((n) => n.name === name)!.address;

/** What the user typed, by sheet and address: numbers in value cells, own notes in Ghi chú cells. */
class Typed {
  readonly values = new Map<string, number | string>();
  readonly notes = new Map<string, string>();
  put(fake: FakeExcel, sheet: string, address: string, v: number | string, note = false): void {
    fake.setValues(sheet, address, [[v]]);
    (note ? this.notes : this.values).set(`${sheet}!${address}`, v);
  }
  lost(fake: FakeExcel): string[] {
    const at = (k: string) => { const [s, a] = k.split('!') as [string, string]; return fake.cell(s, a).value; };
    return [
      ...[...this.values].filter(([k, v]) => at(k) !== v).map(([k, v]) => `${k}: ${String(v)} → ${String(at(k))}`),
      ...[...this.notes].filter(([k, v]) => ownNote(at(k)) !== v).map(([k, v]) => `${k}: "${v}" → "${String(at(k))}"`),
    ];
  }
}

async function insertUnit(fake: FakeExcel, typed: Typed, i: number): Promise<void> {
  const m = unit(i);
  const r = await insertTemplate(asContext(fake), m, ALL_FEATURES, { unitSheet: true });
  if (r.kind !== 'inserted') throw new Error(`unit sheet ${i}: ${r.kind}`);
  typed.put(fake, m.sheetName, addressOf(m, 'KH_2'), 4400);
  typed.put(fake, m.sheetName, addressOf(m, 'TH_2'), 4_449_000_000_000 + i); // a unit slip: flagged
  typed.put(fake, m.sheetName, addressOf(m, 'TH_3'), 53);
  typed.put(fake, m.sheetName, addressOf(m, 'GC_2'), `số liệu sơ bộ ${i}`, true);
}

/** The fills of every named cell of the unit sheets, straight from the fake. */
const fills = (fake: FakeExcel, models: TemplateModel[]) =>
  Object.fromEntries(models.filter((m) => fake.sheetNames().includes(m.sheetName)).flatMap((m) => m.names.map((n) => [`${m.sheetName}!${n.name}`, fake.cell(m.sheetName, n.address).fill])));

test('random failures mid-batch: no user value lost, no half-made template blocks a retry, every failure told in Vietnamese', async () => {
  await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 7 }), async (steps) => {
    const fake = new FakeExcel({ sheets: ['Sheet1'] });
    const typed = new Typed();
    await insertUnit(fake, typed, 1);
    await insertUnit(fake, typed, 2);
    let units = 2;
    const models = () => Array.from({ length: units }, (_, i) => unit(i + 1));
    const clean = fills(fake, models());

    for (const s of steps) {
      const sheetName = `Xã ${(s.sheet % units) + 1}`;
      fake.activateAsUser(sheetName);
      if (s.kind === 'edit') { // the user types again (never a failure: it is not our batch)
        const m = unit((s.sheet % units) + 1);
        typed.put(fake, sheetName, addressOf(m, 'TH_3'), 50 + s.sheet);
        continue;
      }
      const sheetsBefore = fake.sheetNames();
      if (s.fail) fake.injectFailure({ ...(s.fail.aim ? { match: s.fail.aim } : {}), nth: s.fail.nth, code: s.fail.code } satisfies InjectedFailure);
      const run = async (): Promise<unknown> => {
        if (s.kind === 'check') return checkAndFlag(asContext(fake));
        if (s.kind === 'clear') return clearFlags(asContext(fake));
        if (s.kind === 'consolidate') return consolidateSheets(asContext(fake), {}, ALL_FEATURES);
        return insertTemplate(asContext(fake), unit(units + 1), ALL_FEATURES, { unitSheet: true });
      };
      const outcome = await run().then((value) => ({ ok: true as const, value }), (err: unknown) => ({ ok: false as const, err }));
      const fired = s.fail !== null && fake.armedFailures === 0;
      fake.disarmFailures();
      if (!outcome.ok) {
        // Only an injected failure may fail a step, and it reaches the user as Vietnamese.
        expect(fired).toBe(true);
        const e = outcome.err;
        expect(e instanceof UserFacingError || (e instanceof FakeOfficeError && CODES.includes(e.code as InjectedCode))).toBe(true);
        expect(messageOf(e)).toMatch(VIETNAMESE);
        if (s.kind === 'consolidate' || s.kind === 'insertUnit') expect(fake.sheetNames()).toEqual(sheetsBefore); // nothing half-made stays
      }
      if (s.kind === 'insertUnit') {
        if (!outcome.ok) {
          // The retry, as the user would do it, inserts the whole template.
          await expect(insertTemplate(asContext(fake), unit(units + 1), ALL_FEATURES, { unitSheet: true })).resolves.toMatchObject({ kind: 'inserted' });
        }
        const m = unit(units + 1);
        for (const n of m.names) expect([n.name, fake.name(n.name, m.sheetName)]).toEqual([n.name, expect.stringContaining('!$')]);
        units++;
        await insertedValues(fake, typed, m);
      }
      expect(typed.lost(fake)).toEqual([]);
    }
    // Whatever happened, a clean check and a clean clear on each sheet give back the fills it started with.
    for (let i = 1; i <= units; i++) {
      fake.activateAsUser(`Xã ${i}`);
      await checkAndFlag(asContext(fake));
      await clearFlags(asContext(fake));
    }
    const now = fills(fake, models());
    expect(Object.fromEntries(Object.entries(now).filter(([k]) => k in clean))).toEqual(clean);
    expect(typed.lost(fake)).toEqual([]);
  }), { numRuns: 10 });
});

async function insertedValues(fake: FakeExcel, typed: Typed, m: TemplateModel): Promise<void> {
  typed.put(fake, m.sheetName, addressOf(m, 'TH_3'), 49);
}
