// How many round trips (context.sync) an adapter operation takes on a workbook `scale` times bigger:
// the benchmark and the adapter tests use it to show the count does not grow with the workbook.
import { checkAndFlag, clearFlags } from '../../src/excel/flags';
import { realisticEntries } from '../../src/template/samples';
import { addUnrelatedContent, asContext, fillAsUser, insert, newFake, templateModel } from './harness';

/**
 * Builds a fake workbook with `scale` × (an unrelated filled sheet + 100 unrelated defined names), then
 * measures one operation: `insert` the template, `check` a filled template, or `clear` the flags of a
 * checked one. Returns the number of context.sync() calls the operation made.
 */
export async function measureSyncs(kind: 'insert' | 'check' | 'clear', scale: number): Promise<number> {
  const fake = newFake();
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
