// A row the user adds in Excel (an id in TT, a name, a requirement) gets the template's live formulas from
// Kiểm tra, in the check's own write batch: only in its empty formula cells, by address, before its names —
// so a batch Excel stops half-way is finished by the next check, never left half-done.
import fs from 'fs';
import path from 'path';
import { planFromJson } from '../../src/core/planRead';
import { planJsonWithOrder } from '../../src/core/planWrite';
import type { CheckedReport } from '../../src/core/checked';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag } from '../../src/excel/flags';
import { templateOfRequest } from '../../src/excel/insertRequest';
import { STATUS_TEXT } from '../../src/core/rules';
import type { TemplateModel } from '../../src/template/model';
import { asContext, fillAsUser, insert, newFake } from './harness';
import type { FakeExcel } from './fake';

const PLAN = planFromJson(fs.readFileSync(path.join(__dirname, '../fixtures/plans/xa-nho-2026.json'), 'utf8'));

async function inserted(): Promise<{ fake: FakeExcel; model: TemplateModel }> {
  const model = templateOfRequest({ year: 2026, period: 'nam', unit: '', plan: JSON.parse(JSON.stringify(planJsonWithOrder(PLAN))) });
  const fake = newFake();
  expect((await insert(fake, model, ALL_FEATURES)).kind).toBe('inserted');
  await fillAsUser(fake, model, { TH_1: 13000, TH_2: 8.5 });
  return { fake, model };
}

/** Two rows typed below the table: a level in % ("≥ 90") and a flow in people ("≥ 300"). */
async function addRows(fake: FakeExcel, model: TemplateModel): Promise<{ level: number; flow: number }> {
  const level = model.lastRow + 1;
  const flow = model.lastRow + 2;
  await fake.userEdit(model.sheetName, `A${level}`, [['21', 'Tỷ lệ hộ dùng nhà tiêu hợp vệ sinh', '%', 90]]);
  await fake.userEdit(model.sheetName, `G${level}`, 85);
  await fake.userEdit(model.sheetName, `M${level}`, '≥ 90');
  await fake.userEdit(model.sheetName, `A${flow}`, [['22', 'Lao động được giải quyết việc làm', 'người', 300]]);
  await fake.userEdit(model.sheetName, `F${flow}`, [[280, 310]]);
  await fake.userEdit(model.sheetName, `M${flow}`, '≥ 300');
  return { level, flow };
}

async function check(fake: FakeExcel): Promise<CheckedReport> {
  fake.resetSyncCount();
  const report = await checkAndFlag(asContext(fake));
  // No extra round trip for the formulas: list names, read, write.
  expect(fake.syncCount).toBe(3);
  return report;
}

const formulaAt = (fake: FakeExcel, model: TemplateModel, address: string) => fake.cell(model.sheetName, address).formula;
/** What a user sees of the added rows: every cell of A..M, value or formula. */
const rowsOf = (fake: FakeExcel, model: TemplateModel, rows: number[]) => rows.flatMap((r) => 'ABCDEFGHIJKLM'.split('').map((c) => {
  const cell = fake.cell(model.sheetName, `${c}${r}`);
  return `${c}${r}=${cell.formula ?? String(cell.value)}`;
}));

describe('Kiểm tra writes the live formulas of a row the user added', () => {
  it('the status and % cells of a level row, also the growth cell of a flow row, referring to the row\'s own cells', async () => {
    const { fake, model } = await inserted();
    const { level, flow } = await addRows(fake, model);
    const report = await check(fake);
    expect(report.plan!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/thêm chỉ tiêu mới 21/), expect.stringMatching(/thêm chỉ tiêu mới 22/)]));
    // Level row: % so kế hoạch (I) and Đánh giá (J); no growth index for a level (H stays empty, as in the template).
    expect(formulaAt(fake, model, `H${level}`)).toBeNull();
    expect(formulaAt(fake, model, `I${level}`)).toBe(`=IF(AND(ISNUMBER(G${level}),ISNUMBER(D${level})),IFERROR(ROUND(G${level}/D${level}*100,2),""),"")`);
    const status = formulaAt(fake, model, `J${level}`)!;
    expect(status).toMatch(new RegExp(`^=IF\\(AND\\(ISNUMBER\\(G${level}\\),ISNUMBER\\(D${level}\\)\\)`));
    for (const s of [STATUS_TEXT.vuot, STATUS_TEXT.dat, STATUS_TEXT['chua-dat'], STATUS_TEXT['khong-du-lieu']]) expect(status).toContain(`"${s}"`);
    // Flow row: growth (H) against the previous year in F; judged against the plan paced by the period cell.
    expect(formulaAt(fake, model, `H${flow}`)).toBe(`=IF(AND(ISNUMBER(G${flow}),ISNUMBER(F${flow})),IFERROR(ROUND(G${flow}/F${flow}*100,2),""),"")`);
    expect(formulaAt(fake, model, `J${flow}`)).toContain('KY_BAO_CAO');
    // Named like template rows, the formula cells too.
    const names = new Map(fake.names().map((n) => [n.name, n.reference]));
    for (const c of ['CS', 'PT', 'DG']) expect(names.get(`${c}_22`)).toMatch(new RegExp(`\\$?${({ CS: 'H', PT: 'I', DG: 'J' } as Record<string, string>)[c]}\\$?${flow}$`));
    // What the user typed stays.
    expect(fake.cell(model.sheetName, `G${level}`).value).toBe(85);
    expect(fake.cell(model.sheetName, `F${flow}`).value).toBe(280);
    expect(fake.cell(model.sheetName, `B${flow}`).value).toBe('Lao động được giải quyết việc làm');
  });

  it('a formula cell holding what the user typed is kept, and a plan note says so; the other cells get their formulas', async () => {
    const { fake, model } = await inserted();
    const { level } = await addRows(fake, model);
    await fake.userEdit(model.sheetName, `J${level}`, 'Đạt');
    const report = await check(fake);
    expect(fake.cell(model.sheetName, `J${level}`)).toMatchObject({ value: 'Đạt', formula: null });
    expect(formulaAt(fake, model, `I${level}`)).toMatch(/^=IF\(/);
    expect(report.plan!.notes).toContainEqual(`Ô J${level} (đánh giá của chỉ tiêu mới 21) đã có nội dung: giữ nguyên, không ghi công thức vào ô này.`);
    // The engine still judges the row (85 < 90): the finding is there whatever the typed status says.
    expect(report.indicators.find((i) => i.id === '21')!.status).toBe('chua-dat');
  });

  it('a second check leaves the formulas as they are (the row is named now, no longer added)', async () => {
    const { fake, model } = await inserted();
    const { level, flow } = await addRows(fake, model);
    await check(fake);
    const after = rowsOf(fake, model, [level, flow]);
    const again = await check(fake);
    expect(again.plan!.notes).toEqual([]);
    expect(rowsOf(fake, model, [level, flow])).toEqual(after);
  });

  it('template rows get no formula written: only the added rows\' formula cells get one', async () => {
    const { fake, model } = await inserted();
    await addRows(fake, model);
    const table = Array.from({ length: model.lastRow - 6 }, (_, i) => i + 7);
    const formulaColumns = (cells: string[]) => cells.filter((c) => /^[HIJ]/.test(c));
    const before = formulaColumns(rowsOf(fake, model, table));
    const ops = fake.operations.length;
    await check(fake);
    expect(formulaColumns(rowsOf(fake, model, table))).toEqual(before);
    expect(fake.operations.slice(ops).filter((o) => o === 'Range.formulas')).toHaveLength(5); // I, J of 21; H, I, J of 22
  });

  it('the new growth and % cells get the number format of the template\'s cells of their column; a format the user set, and every other cell\'s look, stay', async () => {
    const { fake, model } = await inserted();
    const { level, flow } = await addRows(fake, model);
    // The user formatted one of them before the check (a percent with one decimal).
    fake.setCell(model.sheetName, `I${flow}`, { numberFormat: '0.0' });
    // The template's format, as the sheet has it: a template row whose growth and % compute (indicator 1).
    const row1 = Number(/\d+$/.exec(fake.names().find((n) => n.name === 'TH_1')!.reference)![0]);
    const templateFormat = { H: fake.cell(model.sheetName, `H${row1}`).numberFormat, I: fake.cell(model.sheetName, `I${row1}`).numberFormat };
    expect(templateFormat).toEqual({ H: '0.00', I: '0.00' });
    const look = (rows: number[]) => rows.flatMap((r) => 'ABCDEFGHIJKLM'.split('').map((c) => {
      const { value: _v, formula: _f, ...rest } = fake.cell(model.sheetName, `${c}${r}`);
      return [`${c}${r}`, rest] as const;
    }));
    const before = new Map(look([...Array.from({ length: model.lastRow - 6 }, (_, i) => i + 7), level, flow]));
    await check(fake);
    expect(fake.cell(model.sheetName, `I${level}`).numberFormat).toBe(templateFormat.I);
    expect(fake.cell(model.sheetName, `H${flow}`).numberFormat).toBe(templateFormat.H);
    expect(fake.cell(model.sheetName, `I${flow}`).numberFormat).toBe('0.0');
    // What changed in the look of the table and the added rows: the two number formats, nothing else (no
    // fills, since no finding is on those cells; the level's empty H stays General).
    const changed = look([...before.keys()].map((k) => Number(/\d+$/.exec(k)![0])).filter((r, i, a) => a.indexOf(r) === i))
      .filter(([ref, now]) => JSON.stringify(now) !== JSON.stringify(before.get(ref)))
      .map(([ref, now]) => `${ref}:${Object.keys(now).filter((k) => JSON.stringify((now as Record<string, unknown>)[k]) !== JSON.stringify((before.get(ref) as Record<string, unknown>)[k])).join(',')}`);
    expect(changed.filter((c) => !/^[A-Z]+\d+:fill$/.test(c) && !/:note$/.test(c))).toEqual([`I${level}:numberFormat`, `H${flow}:numberFormat`]);
    expect(fake.cell(model.sheetName, `H${level}`).numberFormat).toBe('General');
  });

  it('the template\'s format of the sheet is followed, not a fixed one (the user changed the table\'s % to one decimal)', async () => {
    const { fake, model } = await inserted();
    for (let r = 7; r <= model.lastRow; r++) if (fake.cell(model.sheetName, `I${r}`).formula) fake.setCell(model.sheetName, `I${r}`, { numberFormat: '0.0' });
    const { level } = await addRows(fake, model);
    await check(fake);
    expect(fake.cell(model.sheetName, `I${level}`).numberFormat).toBe('0.0');
  });

  describe('a batch Excel stops half-way', () => {
    async function clean(): Promise<string[]> {
      const { fake, model } = await inserted();
      const { level, flow } = await addRows(fake, model);
      await check(fake);
      return [...rowsOf(fake, model, [level, flow]), ...fake.names().map((n) => `${n.name}→${n.reference}`).sort()];
    }

    it.each([
      ['the first name of the added rows', { match: /NamedItemCollection\.add/, nth: 0 }],
      ['the second formula', { match: /Range\.formulas/, nth: 1 }],
      ['the last formula', { match: /Range\.formulas/, nth: 4 }],
    ])('failing at %s: nothing half-done after the next check, no note about our own formulas', async (_what, failure) => {
      const want = await clean();
      const { fake, model } = await inserted();
      const { level, flow } = await addRows(fake, model);
      fake.injectFailure({ ...failure, code: 'GeneralException' });
      await expect(checkAndFlag(asContext(fake))).rejects.toThrow();
      // Whatever ran: no formula names a cell that is not there (they use addresses), the user's values stay.
      expect(fake.cell(model.sheetName, `G${level}`).value).toBe(85);
      const report = await check(fake);
      expect(report.plan!.notes.filter((n) => /giữ nguyên/.test(n))).toEqual([]);
      expect([...rowsOf(fake, model, [level, flow]), ...fake.names().map((n) => `${n.name}→${n.reference}`).sort()]).toEqual(want);
    });
  });
});
