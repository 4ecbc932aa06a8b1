// The requirement words of the YC column: written from the plan, read back from what a user types.
import fc from 'fast-check';
import { formatRequirement, parseRequirement, type Requirement } from '../../src/core/requirement';
import { formatVietnameseNumber } from '../../src/core/vnNumber';
import type { RuleKind } from '../../src/core/types';

const fig = (value: number, decimals = 0) => ({ value, text: formatVietnameseNumber(value, decimals) });

describe('requirement words', () => {
  it.each<[string, Requirement, string]>([
    ['≥ 95', { rule: 'min', target: { kind: 'number', value: fig(95) } }, '%'],
    ['dưới 1,2', { rule: 'lt', target: { kind: 'number', value: fig(1.2, 1) } }, '%'],
    ['không quá 9,5', { rule: 'max', target: { kind: 'number', value: fig(9.5, 1) } }, '%'],
    ['giảm 1,5 điểm', { rule: 'reduce', target: { kind: 'number', value: fig(1.5, 1) } }, '%'],
    ['giảm 12 hộ', { rule: 'reduce', target: { kind: 'number', value: fig(12) } }, 'hộ'],
    ['6,5 – 7', { rule: 'min', target: { kind: 'range', from: fig(6.5, 1), to: fig(7) } }, 'tỷ đồng'],
    ['9/9', { rule: 'criteria', target: { kind: 'criteria', required: 9, of: 9 } }, 'tiêu chí'],
    ['Đạt', { rule: 'pass', target: { kind: 'none' } }, ''],
    ['tăng ≥ 8,5%', { rule: 'growth-rate', target: { kind: 'number', value: fig(8.5, 1) } }, 'tỷ đồng'],
    ['tăng 6,5 – 7,0%', { rule: 'growth-rate', target: { kind: 'range', from: fig(6.5, 1), to: fig(7, 1) } }, '%'],
    ['khoảng 5', { rule: 'min', target: { kind: 'number', value: fig(5) }, approximate: true }, 'km'],
    ['cơ cấu', { rule: 'structure', target: { kind: 'none' } }, '%'],
    ['theo dõi', { rule: 'info', target: { kind: 'none' } }, 'người'],
    ['theo dõi 9.350', { rule: 'info', target: { kind: 'number', value: fig(9350) } }, 'người'],
    ['tăng', { rule: 'increase', target: { kind: 'none' } }, 'hộ'],
    ['giảm', { rule: 'decrease', target: { kind: 'none' } }, 'vụ'],
    ['trên 90', { rule: 'gt', target: { kind: 'number', value: fig(90) } }, '%'],
    ['tăng trưởng', { rule: 'growth', target: { kind: 'none' } }, 'tỷ đồng'],
  ])('"%s" is written and read as the same requirement', (words, req, unit) => {
    expect(formatRequirement(req, unit)).toBe(words);
    expect(parseRequirement(words)).toEqual(req);
  });

  it.each<[string, RuleKind, number | [number, number] | null]>([
    ['giảm còn 2,1', 'max', 2.1], ['25–27', 'min', [25, 27]], ['từ 9 trở lên', 'min', 9], ['tăng từ 9% trở lên', 'growth-rate', 9],
    ['—', 'info', null], ['  DƯỚI   3 % ', 'lt', 3], ['giảm 0,05‰', 'reduce', 0.05], ['không vượt 10', 'max', 10],
  ])('reads the words people write: "%s"', (words, rule, target) => {
    const r = parseRequirement(words)!;
    expect(r.rule).toBe(rule);
    if (target === null) expect(r.target.kind).toBe('none');
    else if (Array.isArray(target)) expect(r.target).toMatchObject({ kind: 'range', from: { value: target[0] }, to: { value: target[1] } });
    else expect(r.target).toMatchObject({ kind: 'number', value: { value: target } });
  });

  it('returns null for words it does not understand, never a wrong rule', () => {
    for (const w of ['!', 'nhiều', 'tăng nhiều', '9/0', '7 – 3', '', 'giảm hộ']) expect(parseRequirement(w)).toBeNull();
  });

  it('reads back whatever it writes (property)', () => {
    const figure = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 3 })).map(([n, d]) => fig(n / 10 ** d, d));
    const req: fc.Arbitrary<Requirement> = fc.oneof(
      fc.record({ rule: fc.constantFrom<RuleKind>('min', 'max', 'gt', 'lt', 'reduce', 'growth-rate', 'structure', 'info'), value: figure, approximate: fc.boolean() })
        .filter((r) => r.rule !== 'reduce' || r.value.value > 0)
        .map(({ rule, value, approximate }) => ({ rule, target: { kind: 'number' as const, value }, ...(approximate && rule !== 'info' ? { approximate: true } : {}) })),
      fc.record({ rule: fc.constantFrom<RuleKind>('min', 'max', 'gt', 'lt', 'growth-rate'), a: figure, b: figure })
        .filter(({ a, b }) => a.value < b.value)
        .map(({ rule, a, b }) => ({ rule, target: { kind: 'range' as const, from: a, to: b } })),
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([x, extra]) => ({ rule: 'criteria' as const, target: { kind: 'criteria' as const, required: x, of: x + extra } })),
      fc.constantFrom<Requirement>(...(['pass', 'decrease', 'increase', 'growth', 'structure', 'info'] as RuleKind[]).map((rule) => ({ rule, target: { kind: 'none' as const } }))),
    );
    fc.assert(fc.property(req, fc.constantFrom('%', 'hộ', 'tỷ đồng', '‰', ''), (r, unit) => {
      const back = parseRequirement(formatRequirement(r, unit));
      const values = (x: Requirement | null) => JSON.stringify(x, (k, v: unknown) => (k === 'text' ? undefined : v));
      expect(values(back)).toBe(values(r));
    }), { numRuns: 1000 });
  });
});
