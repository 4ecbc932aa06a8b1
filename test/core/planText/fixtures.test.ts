// The reader over the fixture documents (test/fixtures/planText): the shares the issue asks for, and
// that no unreadable line is ever claimed as a `min` target. `npm run bench:plantext` prints the figures.
import { readPlanText } from '../../../src/core/planText';
import { fixtureDocs } from '../../fixtures/planText/styles';
import { scoreDocs } from '../../fixtures/planText/score';
import { TARGETS, UNREADABLE } from '../../fixtures/planText/targets';

const docs = fixtureDocs();
const score = scoreDocs(docs);

describe('plan text fixtures', () => {
  it('hold at least 150 distinct target lines, each rule of the issue among them', () => {
    expect(new Set(TARGETS.map((t) => t.text)).size).toBeGreaterThanOrEqual(150);
    const rules = new Set(TARGETS.map((t) => t.expected.rule));
    for (const r of ['min', 'max', 'gt', 'lt', 'reduce', 'decrease', 'increase', 'criteria', 'pass', 'growth', 'growth-rate', 'structure', 'info']) expect(rules).toContain(r);
    expect(score.targets).toBe(docs.reduce((n, d) => n + d.lines.reduce((k, l) => k + l.expected.length, 0), 0));
  });

  it('read at least 95 % of rules and figures right, in every style', () => {
    expect(score.rule / score.targets).toBeGreaterThanOrEqual(0.95);
    expect(score.figure / score.targets).toBeGreaterThanOrEqual(0.95);
    expect(score.unit / score.targets).toBeGreaterThanOrEqual(0.9);
    for (const d of docs) {
      const one = scoreDocs([d]);
      if (one.targets) expect({ doc: d.name, share: one.all / one.targets >= 0.9 }).toEqual({ doc: d.name, share: true });
    }
  });

  it('list every unreadable line in khongDoc and never read one as min', () => {
    expect(score.unreadable).toBeGreaterThanOrEqual(UNREADABLE.length);
    expect(score.unreadListed).toBe(score.unreadable);
    expect(score.unreadAsMin).toBe(0);
    const plan = readPlanText(UNREADABLE.join('\n'));
    expect(Object.keys(plan.chiTieu)).toEqual([]);
    expect(plan.khongDoc!.map((k) => k.dong)).toEqual(UNREADABLE.map((_, i) => i + 1));
  });

  it('give every entry the line it was read from', () => {
    for (const d of docs) {
      const plan = readPlanText(d.text);
      const lines = d.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      for (const e of Object.values(plan.chiTieu)) {
        expect(e.dong).toBeGreaterThanOrEqual(1);
        // The entry's name comes from that line (its first word, accents and case as written).
        const firstWord = e.tenChiTieu.split(' ')[0]!.toLocaleLowerCase('vi');
        expect(lines[e.dong! - 1]!.toLocaleLowerCase('vi').replace(/\u00A0/g, ' ')).toContain(firstWord);
      }
    }
  });
});
