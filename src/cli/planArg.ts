// `--plan FILE` of template, check and adopt: one reader, one message naming the file.
import { promises as fs } from 'fs';
import type { Plan } from '../core/plan';
import { PlanError } from '../core/planError';
import { readPlanFile } from '../core/planFile';
import { FileProblem } from '../xlsx/io';

/** The plan of `--plan FILE` (either form), its one-line error naming the file. */
export async function readPlan(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new FileProblem(`không đọc được tệp kế hoạch "${file}"`);
  }
  try {
    return readPlanFile(text);
  } catch (err) {
    if (err instanceof PlanError) throw new PlanError(`kế hoạch "${file}": ${err.message}`);
    throw err;
  }
}
