// How many round trips (context.sync) an adapter operation takes on a workbook `scale` times bigger:
// the benchmark and the adapter tests use it to show the count does not grow with the workbook.
import { consolidateSheets } from '../../src/excel/consolidate';
import { ALL_FEATURES } from '../../src/excel/features';
import { checkAndFlag, clearFlags } from '../../src/excel/flags';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { buildTemplate } from '../../src/template/model';
import type { FakeExcel } from './fake';
import { realisticEntries } from '../../src/template/samples';
import { addUnrelatedContent, asContext, fillAsUser, insert, newFake, templateModel } from './harness';

/**
 * Builds a fake workbook with `scale` × (an unrelated filled sheet + 100 unrelated defined names), then
 * measures one operation: `insert` the template, `check` a filled template, `clear` the flags of a
 * checked one, or `consolidate` 3 × `scale` unit sheets. Returns the number of context.sync() calls the operation made.
 */
export async function measureSyncs(kind: 'insert' | 'check' | 'clear' | 'consolidate', scale: number): Promise<number> {
  const fake = newFake();
  if (kind === 'consolidate') return consolidateSyncs(fake, scale);
  addUnrelatedContent(fake, Math.max(0, Math.round(scale)));
  const model = templateModel();
  const ctx = asContext(fake);
  if (kind !== 'insert') {
    const inserted = await insert(fake, model);
    if (inserted.kind !== 'inserted') throw new Error(`measureSyncs: the template was not inserted (${inserted.kind})`);
    await fillAsUser(fake, model, realisticEntries(1));
    if (kind === 'clear') await checkAndFlag(ctx);
  }
  fake.resetSyncCount();
  if (kind === 'insert') {
    const outcome = await insert(fake, model);
    if (outcome.kind !== 'inserted') throw new Error(`measureSyncs: insert gave ${outcome.kind}`);
  } else if (kind === 'check') {
    await checkAndFlag(ctx);
  } else {
    await clearFlags(ctx);
  }
  return fake.syncCount;
}

/** "Tổng hợp từ các sheet" over 3 × `scale` unit sheets (each a full template added as a unit sheet). */
async function consolidateSyncs(fake: FakeExcel, scale: number): Promise<number> {
  const n = 3 * Math.max(1, Math.round(scale));
  for (let i = 1; i <= n; i++) {
    const model = buildTemplate({ year: 2023, unit: `Đơn vị ${i}`, sheetName: `Đơn vị ${i}` });
    const r = await insertTemplate(asContext(fake), model, ALL_FEATURES, { unitSheet: true });
    if (r.kind !== 'inserted') throw new Error(`measureSyncs: unit sheet ${i} was not inserted (${r.kind})`);
  }
  fake.resetSyncCount();
  const outcome = await consolidateSheets(asContext(fake), {}, ALL_FEATURES);
  if (outcome.included.length !== n) throw new Error(`measureSyncs: consolidated ${outcome.included.length} of ${n} units`);
  return fake.syncCount;
}
