// Shared arrangement for the adapter tests and the sync-budget helper: a fake Excel with the template
// inserted by the real adapter, filled as a user would, and workbooks made bigger with unrelated content.
import type { RawValue } from '../../src/core/types';
import { ALL_FEATURES, type Features } from '../../src/excel/features';
import { insertTemplate, type InsertOutcome } from '../../src/excel/insertTemplate';
import type { Entries } from '../../src/template/inMemory';
import { buildTemplate, type TemplateModel } from '../../src/template/model';
import { FakeExcel, type FakeExcelOptions, type Scalar } from './fake';

export const YEAR = 2023;
export const NO_FEATURES: Features = { validation: false, conditionalFormats: false, freezePanes: false, onChanged: false, pageLayout: false, merges: false };

export const asContext = (fake: FakeExcel): Excel.RequestContext => fake.context as unknown as Excel.RequestContext;

export function templateModel(): TemplateModel {
  return buildTemplate({ year: YEAR });
}

/**
 * A fake Excel for the adapter. The adapter reads named formula cells (DG_, CS_, PT_) with `values` but
 * never uses their results: the fake does not calculate, so every formula shows "" here.
 */
export function newFake(options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel({ sheets: ['Sheet1'], ...options });
}

export async function insert(fake: FakeExcel, model = templateModel(), features: Features = ALL_FEATURES): Promise<InsertOutcome> {
  return insertTemplate(asContext(fake), model, features);
}

/** A1 address of a defined name of the template ("G12"). */
export function addressOf(model: TemplateModel, name: string): string {
  const n = model.names.find((x) => x.name === name);
  if (!n) throw new Error(`the template has no name ${name}`);
  return n.address;
}

/** What a user types for an entry: numbers as numbers, error values as their literal, empty as "". */
function typed(value: RawValue | undefined): Scalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  return value;
}

/** Types every entry into its cell, as a user would (values parsed like typed input; no validation). */
export async function fillAsUser(fake: FakeExcel, model: TemplateModel, entries: Entries): Promise<void> {
  for (const [name, value] of Object.entries(entries)) {
    await fake.userEdit(model.sheetName, addressOf(model, name), typed(value));
  }
}

/** Makes the workbook bigger with content the template checks must ignore: `scale` × (sheets, names). */
export function addUnrelatedContent(fake: FakeExcel, scale: number): void {
  for (let i = 0; i < scale; i++) {
    const sheet = `Số liệu ${i + 1}`;
    fake.addSheet(sheet);
    const rows: Scalar[][] = [];
    for (let r = 0; r < 40; r++) rows.push(Array.from({ length: 12 }, (_, c) => (c === 0 ? `Dòng ${r + 1}` : (r + 1) * (c + 1) + i)));
    fake.setValues(sheet, 'A1', rows);
    fake.setCell(sheet, 'B2', { fill: '#FF9999' });
    for (let k = 0; k < 25; k++) {
      fake.defineName(`Vung_${i}_${k}`, `'${sheet}'!$B$${k + 2}:$L$${k + 2}`);
      fake.defineName(`HeSo_${i}_${k}`, `=${(k + 1) / 10}`);
      fake.defineName(`Nhan_${i}_${k}`, `="nhãn ${k}"`);
      fake.defineName(`Cu_${i}_${k}`, `'${sheet}'!$A$${k + 1}`, sheet); // sheet-scoped
    }
  }
}
