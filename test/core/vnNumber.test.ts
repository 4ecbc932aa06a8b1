// Reading numbers as Vietnamese staff type them, and saying when a text can be read two ways.
import fc from 'fast-check';
import { decimalsOf, formatVietnameseNumber, readCellText, roundTo } from '../../src/core/vnNumber';

const value = (text: string) => {
  const r = readCellText(text);
  if (r.kind !== 'number') throw new Error(`${text} read as ${r.kind}`);
  return r;
};

describe('readCellText', () => {
  it.each([
    ['1.725.490', 1725490], ['107,64', 107.64], ['1 725 490', 1725490], ['1\u00a0725\u00a0490', 1725490], ['01', 1],
    ['1.725.490,5', 1725490.5], ['1,725,490', 1725490], ['1,725,490.5', 1725490.5], ['107.64', 107.64], ['0,818', 0.818],
    ['95%', 95], ['95 %', 95], ['-5', -5], ['\u22125', -5], ['  42  ', 42], ['1E+06', 1e6], ['20.789.767', 20789767],
  ])('reads %s as %d', (text, expected) => {
    expect(value(text).value).toBe(expected);
    expect(value(text).ambiguous).toBe(false);
  });

  it.each([
    ['927,818', 927.818, 927818], ['2.000', 2000, 2], ['1,725', 1.725, 1725], ['4.449', 4449, 4.449],
  ])('says %s is ambiguous: reads it the Vietnamese way, keeps the other reading', (text, vn, other) => {
    const r = value(text);
    expect([r.value, r.alternative, r.ambiguous]).toEqual([vn, other, true]);
  });

  it('keeps the written precision', () => {
    expect(value('107,64').decimals).toBe(2);
    expect(value('110,0').decimals).toBe(1);
    expect(value('927,818').decimals).toBe(3);
    expect(value('1.725.490').decimals).toBe(0);
    expect(decimalsOf('33,00')).toBe(2);
    expect(decimalsOf('0,05')).toBe(2);
    expect(decimalsOf('> 90')).toBe(0);
    expect(decimalsOf('9')).toBe(0);
  });

  it('reads the plan\'s other forms: > 90, 9/9, Đạt, Chưa đạt, giảm', () => {
    expect(readCellText('> 90')).toEqual({ kind: 'comparison', op: '>', value: 90, decimals: 0 });
    expect(readCellText('≥ 90,5')).toEqual({ kind: 'comparison', op: '>=', value: 90.5, decimals: 1 });
    expect(readCellText('9/9')).toEqual({ kind: 'fraction', numerator: 9, denominator: 9 });
    expect(readCellText('7 / 9')).toEqual({ kind: 'fraction', numerator: 7, denominator: 9 });
    expect(readCellText('Đạt')).toEqual({ kind: 'pass', achieved: true });
    expect(readCellText('ĐẠT')).toEqual({ kind: 'pass', achieved: true });
    expect(readCellText('chua dat')).toEqual({ kind: 'pass', achieved: false });
    expect(readCellText('Không đạt')).toEqual({ kind: 'pass', achieved: false });
    expect(readCellText('Giảm')).toEqual({ kind: 'decrease' });
    expect(readCellText('   ')).toEqual({ kind: 'empty' });
  });

  it.each(['abc', '12abc', '1..2', '--5', 'NaN', 'Infinity', '#N/A', '1,2,3,4', '1.72.5', '()', '1 72 5', '.', '1e999'])(
    'refuses %s', (text) => {
      expect(readCellText(text).kind).toBe('invalid');
    });
});

describe('formatVietnameseNumber', () => {
  it('writes as the plan does', () => {
    expect(formatVietnameseNumber(1725490)).toBe('1.725.490');
    expect(formatVietnameseNumber(107.64, 2)).toBe('107,64');
    expect(formatVietnameseNumber(-1234.5, 1)).toBe('-1.234,5');
    expect(formatVietnameseNumber(0.05)).toBe('0,05');
    expect(formatVietnameseNumber(103.5, 2)).toBe('103,50');
  });
});

describe('roundTo', () => {
  it('rounds half up through binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(103.49999999999, 1)).toBe(103.5);
    expect(roundTo(14.3 - 14.25, 2)).toBe(0.05);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(107.635, 2)).toBe(107.64);
  });
});

describe('properties', () => {
  const amounts = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
  it('formatting the Vietnamese way and reading back gives the same number', () => {
    fc.assert(fc.property(amounts, fc.integer({ min: 0, max: 6 }), (x, d) => {
      const r = readCellText(formatVietnameseNumber(x, d));
      return r.kind === 'number' && r.value === roundTo(x, d);
    }));
  });
  it('spaces between the thousands groups read the same', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
      const spaced = formatVietnameseNumber(n).replace(/\./g, ' ');
      const r = readCellText(spaced);
      return r.kind === 'number' && r.value === n;
    }));
  });
  it('never throws and never yields a number that is not finite, whatever the text', () => {
    const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\d.,\s%\-+eE/<>=]{0,20}$/));
    fc.assert(fc.property(texts, (t) => {
      const r = readCellText(t);
      if (r.kind === 'number') return Number.isFinite(r.value) && (r.alternative === undefined || Number.isFinite(r.alternative));
      if (r.kind === 'comparison') return Number.isFinite(r.value);
      return true;
    }), { numRuns: 500 });
  });
});
