// Files built to hurt a reader: each is answered — findings, or one clear line — and the flagged copy is
// written where there are findings. (How fast, and in how much memory: `npm run bench`.)
import { promises as fs } from 'fs';
import path from 'path';
import type { Report } from '../../src/core/types';
import { atPlanEntries } from '../../src/template/samples';
import { openPackage } from '../../src/xlsx/package';
import { buildAdversaries, type Adversary } from '../support/adversarial';
import { run, templateFilledWith, tmpDir } from '../support/xlsx';

jest.setTimeout(120_000);
const dir = tmpDir();
let set: Adversary[];

beforeAll(async () => {
  const file = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000 }, 'goc.xlsx');
  set = await buildAdversaries(dir, await fs.readFile(file));
});

const NAMES = ['whole-sheet-validation', 'million-cells', 'hundred-thousand-names', 'very-long-string', 'nesting-bomb-in-sheet', 'nesting-bomb-elsewhere', 'entity-expansion'];

describe.each(NAMES)('%s', (name) => {
  it('check answers with findings or one clear line; --out writes a copy that reads back the same', async () => {
    const a = set.find((x) => x.name === name)!;
    const r = await run('check', a.file, '--json');
    expect([name, r.code]).toEqual([name, a.expect.code]);
    if (a.expect.code === 2) {
      expect(r.err).toMatch(/^chitieu: [^\n]+\n$/);
      expect(r.err).toMatch(a.expect.message);
      return;
    }
    const report = JSON.parse(r.out) as Report;
    expect(report.findings).toContainEqual(expect.objectContaining({ name: 'TH_2', code: 'unit-slip' }));
    const out = path.join(dir, `${name}-danh-dau.xlsx`);
    expect((await run('check', a.file, '--out', out)).code).toBe(1);
    const again = JSON.parse((await run('check', out, '--json')).out) as Report;
    expect(again.indicators).toEqual(report.indicators);
    if (name === 'very-long-string') {
      const pkg = openPackage(await fs.readFile(out));
      const gc = [...pkg.definedNames].find((d) => d.name === 'GC_2')!.formula.replace(/.*!|\$/g, '');
      const note = pkg.readCells(pkg.sheets[0]!.name, [gc]).get(gc)!.value as string;
      expect(note.length).toBeGreaterThan(5_000_000);
      expect(note).toMatch(/^Ghi chú rất dài\. [\s\S]*\n\[chitieu\] Lỗi: /);
    }
  });
});
