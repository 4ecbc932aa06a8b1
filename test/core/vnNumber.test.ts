// Reading numbers as Vietnamese staff type them, and writing them back the same way.
import fc from 'fast-check';
import { decimalsOf, formatRounded, formatVietnameseNumber, readCellText, roundTo, roundToDecimal, type CellReading } from '../../src/core/vnNumber';

const num = (value: number, decimals: number): CellReading => ({ kind: 'number', value, ambiguous: false, decimals });
const amb = (value: number, alternative: number, decimals: number): CellReading => ({ kind: 'number', value, alternative, ambiguous: true, decimals });

describe('readCellText', () => {
  it.each<[string, CellReading]>([
    // Vietnamese convention
    ['1.725.490', num(1725490, 0)],
    ['6.886.145', num(6886145, 0)],
    ['107,64', num(107.64, 2)],
    ['103,50', num(103.5, 2)],
    ['110,0', num(110, 1)],
    ['0,05', num(0.05, 2)],
    ['0,818', num(0.818, 3)],
    ['1.725.490,5', num(1725490.5, 1)],
    ['1.725,5', num(1725.5, 1)],
    ['1234,567', num(1234.567, 3)], // a 4-digit head is never a thousands group
    // en-US pasted
    ['1,725,490', num(1725490, 0)],
    ['1,725,490.5', num(1725490.5, 1)],
    ['1,725.25', num(1725.25, 2)],
    ['107.64', num(107.64, 2)],
    ['103.5', num(103.5, 1)],
    ['0.818', num(0.818, 3)],
    ['.5', num(0.5, 1)],
    [',5', num(0.5, 1)],
    // spaces as thousands separators: space, NBSP, narrow NBSP
    ['1 725 490', num(1725490, 0)],
    ['1\u00A0725\u00A0490', num(1725490, 0)],
    ['1\u202F725\u202F490', num(1725490, 0)],
    ['2 000', num(2000, 0)], // a space never marks decimals, so no ambiguity
    ['1 725 490,5', num(1725490.5, 1)],
    ['1 725 490.5', num(1725490.5, 1)],
    // plain, leading zeros, signs, surrounding whitespace
    ['9', num(9, 0)],
    ['01', num(1, 0)],
    ['007', num(7, 0)],
    ['01,5', num(1.5, 1)],
    ['  53\t', num(53, 0)],
    ['\u00A0420\u202F', num(420, 0)],
    ['-5', num(-5, 0)],
    ['\u22125', num(-5, 0)],
    ['+5', num(5, 0)],
    ['-1.234,5', num(-1234.5, 1)],
    ['-0', num(0, 0)],
    ['(1.725.490)', num(-1725490, 0)],
    ['( 12,5 )', num(-12.5, 1)],
    // percent and per mille are unit marks: the value is as typed
    ['95%', num(95, 0)],
    ['95 %', num(95, 0)],
    ['95\u00A0%', num(95, 0)],
    ['10,6%', num(10.6, 1)],
    ['-1,5%', num(-1.5, 1)],
    ['0,05‰', num(0.05, 2)],
    // Excel's scientific display, with either decimal mark
    ['1E+06', num(1_000_000, 0)],
    ['1e6', num(1_000_000, 0)],
    ['1,5E+03', num(1500, 0)],
    ['1.5E+03', num(1500, 0)],
    ['1,25E+01', num(12.5, 1)],
    ['2,5E-03', num(0.0025, 4)],
    ['-1,5E+03', num(-1500, 0)],
  ])('reads %j', (text, expected) => {
    expect(readCellText(text)).toEqual(expected);
  });

  it.each<[string, CellReading]>([
    ['927,818', amb(927.818, 927818, 3)],
    ['2.000', amb(2000, 2, 0)],
    ['1,725', amb(1.725, 1725, 3)],
    ['4.449', amb(4449, 4.449, 0)],
    ['538,567', amb(538.567, 538567, 3)],
    ['100.000', amb(100000, 100, 0)],
    ['-2.000', amb(-2000, -2, 0)],
    ['2.000 %', amb(2000, 2, 0)],
  ])('reads %j as ambiguous, Vietnamese reading first', (text, expected) => {
    expect(readCellText(text)).toEqual(expected);
  });

  it('does not call unambiguous forms ambiguous, nor give them an alternative', () => {
    for (const t of ['1.725.490', '1,725,490', '1.725.490,5', '1,725,490.5', '107,64', '107.64', '0,818', '0.818', '1 725 490', '1234.567', '01.725']) {
      const r = readCellText(t);
      expect(r).toMatchObject({ kind: 'number', ambiguous: false });
      expect(r).not.toHaveProperty('alternative');
    }
  });

  it.each([
    ['> 90', '>', 90, 0],
    ['>90', '>', 90, 0],
    ['>= 90', '>=', 90, 0],
    ['≥ 90', '>=', 90, 0],
    ['≥90,5', '>=', 90.5, 1],
    ['< 5', '<', 5, 0],
    ['<=5%', '<=', 5, 0],
    ['≤ 1.000', '<=', 1000, 0],
    ['> -1,25', '>', -1.25, 2],
  ] as const)('reads the comparison %j', (text, op, value, decimals) => {
    expect(readCellText(text)).toEqual({ kind: 'comparison', op, value, decimals });
  });

  it.each([
    ['9/9', 9, 9],
    ['7 / 9', 7, 9],
    ['0/19', 0, 19],
    ['09/10', 9, 10],
  ])('reads the fraction %j', (text, numerator, denominator) => {
    expect(readCellText(text)).toEqual({ kind: 'fraction', numerator, denominator });
  });

  it.each([
    ['Đạt', true],
    ['đạt', true],
    ['ĐẠT', true],
    ['dat', true],
    ['Đa\u0323t', true], // decomposed accents, as some Vietnamese keyboards type them
    ['Chưa đạt', false],
    ['chưa  Đạt', false],
    ['chua dat', false],
    ['CHƯA ĐẠT', false],
    ['Không đạt', false],
    ['khong dat', false],
  ])('reads the pass mark %j', (text, achieved) => {
    expect(readCellText(text)).toEqual({ kind: 'pass', achieved });
  });

  it.each(['giảm', 'Giảm', 'GIẢM', 'giam'])('reads %j as a decrease', (text) => {
    expect(readCellText(text)).toEqual({ kind: 'decrease' });
  });

  it.each(['', '   ', '\t\n', '\u00A0', '\u202F'])('reads %j as empty', (text) => {
    expect(readCellText(text)).toEqual({ kind: 'empty' });
  });

  it.each([
    'abc', '12abc', '1..2', '--5', '-', '+', '%', 'NaN', 'Infinity', '-Infinity', '#N/A', '#DIV/0!', '1,2,3,4', '1.72.5',
    '1.725.49', '1,725,49', '12.34.567', '1.725,490.5', '1.725 490', '0.725.490', '01.725.490', '1  725', '5.', '1,', '()',
    '( )', '(-5)', '5%%', '95 % %', '- 5', '1 . 725', '9/0', '1/5/2023', '1,5/3', '>', '> ', '>> 5', '= 90', '0x10',
    '1E+400', '1e', 'E5', '１２', '٣', 'đạt 100%', 'giảm 5', 'Đạt?', '9'.repeat(400),
  ])('reads %j as invalid, keeping the text', (text) => {
    expect(readCellText(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('decimalsOf', () => {
  it.each([
    ['107,64', 2], ['103,5', 1], ['110,0', 1], ['1.725.490', 0], ['33,00', 2], ['0,05', 2], ['9', 0],
    ['927,818', 3], ['2.000', 0], ['107.64', 2], ['> 90', 0], ['≥ 90,5', 1], ['95,50%', 2], ['2,5E-03', 4], ['abc', 0], ['9/9', 0],
  ])('%j is written to %d decimals', (text, decimals) => {
    expect(decimalsOf(text)).toBe(decimals);
  });
});

describe('roundTo', () => {
  it.each([
    [1.005, 2, 1.01], // 1.005 is 1.00499999999999989… in binary
    [103.49999999, 1, 103.5],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [107.645, 2, 107.65],
    [0.1 + 0.2, 2, 0.3],
    [0.1 + 0.2, 20, 0.3], // float noise beyond 15 significant digits is dropped, as Excel does
    [1234.5, 0, 1235],
    [0.5, 0, 1],
    [-0.5, 0, -1], // half away from zero, as Excel's ROUND
    [-1.005, 2, -1.01],
    [103.44, 1, 103.4],
    [1250, -2, 1300],
    [1725490, -3, 1725000],
    [5e-7, 6, 0.000001],
    [4e-7, 6, 0],
    [0.999, 2, 1],
    [9007199254740991, 0, 9007199254740991], // large integers are kept exactly
    [1e21, 2, 1e21],
  ])('roundTo(%p, %p) = %p', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 0), 0)).toBe(true);
  });

  it('passes non-finite values through instead of inventing a number', () => {
    expect(roundTo(Infinity, 2)).toBe(Infinity);
    expect(roundTo(NaN, 2)).toBeNaN();
  });

  // roundTo takes a path without digit strings when it is sure of the result: it must give the very double
  // the decimal path gives, most of all next to ties (x,xx5), where the two could part.
  const sameAsDecimal = (x: number, d: number) => {
    const fast = roundTo(x, d);
    const exact = roundToDecimal(x, d);
    expect([x, d, Object.is(fast, exact)]).toEqual([x, d, true]);
  };
  it('gives the same double as rounding on digit strings, for any number and precision', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 18 }), sameAsDecimal), { numRuns: 5000 });
  });
  it('gives the same double as rounding on digit strings next to ties and at written precisions', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 })).map(([n, e]) => n / 10 ** e);
    const nearTie = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 }))
      .map(([n, d, ulps]) => {
        const tie = (n + 0.5) / 10 ** d;
        let x = tie;
        for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? x + Math.abs(x) * Number.EPSILON : x - Math.abs(x) * Number.EPSILON;
        return x;
      });
    const product = fc.tuple(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 2000 })).map(([a, b]) => (a / 100) * (b / 1000) * 100);
    fc.assert(fc.property(fc.oneof(decimal, nearTie, product), fc.integer({ min: 0, max: 8 }), sameAsDecimal), { numRuns: 10000 });
  });
});

describe('formatRounded (how messages write numbers)', () => {
  it('writes what formatVietnameseNumber writes of the rounded number, character for character', () => {
    const decimal = fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 9 })).map(([n, e]) => n / 10 ** e);
    const any = fc.oneof(decimal, fc.double({ noNaN: true }), fc.double({ min: -1e16, max: 1e16, noNaN: true }));
    fc.assert(fc.property(any, fc.integer({ min: -3, max: 12 }), (x, d) => {
      expect([x, d, formatRounded(x, d)]).toEqual([x, d, formatVietnameseNumber(roundTo(x, d))]);
    }), { numRuns: 10000 });
  });
  it.each([[1725490.4, 0, '1.725.490'], [-0.00004, 4, '0'], [-1234.56789, 3, '-1.234,568'], [107.6, 2, '107,6'], [0.1 + 0.2, 4, '0,3']])(
    'formatRounded(%p, %p) = %j', (x, d, text) => expect(formatRounded(x, d)).toBe(text));
});

describe('formatVietnameseNumber', () => {
  it.each<[number, number | undefined, string]>([
    [1725490, undefined, '1.725.490'],
    [107.64, 2, '107,64'],
    [-1234.5, 1, '-1.234,5'],
    [2000, undefined, '2.000'],
    [927.818, undefined, '927,818'],
    [110, 1, '110,0'],
    [33, 2, '33,00'],
    [0.05, undefined, '0,05'],
    [0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [1.005, 2, '1,01'],
    [0.1 + 0.2, undefined, '0,3'],
    [1 / 3, undefined, '0,3333333333'], // at most 10 decimals
    [0.12345678901, undefined, '0,123456789'], // rounded to 10, then no trailing zero
    [-0.004, 2, '0,00'], // rounds to zero: no minus sign
    [1e-7, undefined, '0,0000001'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [123456789012.34567, 6, '123.456.789.012,346000'], // no binary noise in padded decimals
    [1234.5, 0, '1.235'],
  ])('formatVietnameseNumber(%p, %p) = %j', (value, decimals, expected) => {
    expect(formatVietnameseNumber(value, decimals)).toBe(expected);
  });

  it('writes non-finite values as JavaScript does instead of throwing', () => {
    expect(formatVietnameseNumber(NaN)).toBe('NaN');
    expect(formatVietnameseNumber(-Infinity, 2)).toBe('-Infinity');
  });
});

// ---- properties ----

/** A decimal with up to 15 integer digits and up to 6 decimals, as its exact text and its number. */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.stringMatching(/^\d{0,6}$/))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`);
const decimalsArb = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined });
/** Both sorts of x: typed decimals and arbitrary doubles (results of arithmetic). */
const anyX = fc.oneof(
  decimalText.map(Number),
  fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) < 1e15),
);
const VN_SHAPE = /^-?\d{1,3}(\.\d{3})*(,\d+)?$/;

describe('properties', () => {
  it('format → read gives back roundTo(x, d), in the Vietnamese shape, close to x', () => {
    fc.assert(
      fc.property(anyX, decimalsArb, (x, d) => {
        const text = formatVietnameseNumber(x, d);
        expect(text).toMatch(VN_SHAPE);
        if (d !== undefined) expect(text.split(',')[1]?.length ?? 0).toBe(d);
        const r = readCellText(text);
        expect(r.kind).toBe('number');
        if (r.kind !== 'number') return;
        expect(r.value).toBe(roundTo(x, d ?? 10));
        // 15 significant digits of the input survive, plus the requested rounding
        expect(Math.abs(r.value - x)).toBeLessThanOrEqual(0.5 * 10 ** -(d ?? 10) + Math.abs(x) * 1e-14);
      }),
    );
  });

  it('a number typed with up to 15 significant digits comes back exactly', () => {
    fc.assert(
      fc.property(decimalText.filter((t) => t.replace(/^[-0.]+/, '').replace('.', '').length <= 15), (t) => {
        const x = Number(t);
        const r = readCellText(formatVietnameseNumber(x));
        expect(r).toMatchObject({ kind: 'number', value: x + 0 });
      }),
    );
  });

  const arbitraryText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    // strings of the characters numbers are made of reach far deeper into the parser
    fc.string({ unit: fc.constantFrom(...'0123456789.,,.  \u00A0\u202F-\u2212+%‰()eE/<>=≥≤đạt'.split('')), maxLength: 14 }),
  );

  it('readCellText never throws and never yields a non-finite value', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const r = readCellText(text);
        const numbers: number[] = [];
        if (r.kind === 'number') numbers.push(r.value, r.decimals, ...(r.alternative === undefined ? [] : [r.alternative]));
        if (r.kind === 'comparison') numbers.push(r.value, r.decimals);
        if (r.kind === 'fraction') numbers.push(r.numerator, r.denominator);
        for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
        if (r.kind === 'number') {
          expect(Number.isInteger(r.decimals) && r.decimals >= 0).toBe(true);
          expect(r.ambiguous).toBe(r.alternative !== undefined);
        }
        if (r.kind === 'invalid') expect(r.text).toBe(text);
        if (r.kind === 'empty') expect(text.trim()).toBe('');
      }),
    );
  });

  it('spaces between thousands groups read the same as dots, and are never ambiguous', () => {
    fc.assert(
      fc.property(anyX, decimalsArb, fc.constantFrom(' ', '\u00A0', '\u202F'), (x, d, space) => {
        const vn = formatVietnameseNumber(x, d);
        const spaced = vn.replace(/\./g, space);
        const plain = vn.replace(/\./g, '');
        const expected = roundTo(x, d ?? 10);
        // only a dot group is made unambiguous by spacing; "1,725" stays a lone three-decimal form
        expect(readCellText(spaced)).toMatchObject({ kind: 'number', value: expected, ...(vn.includes('.') ? { ambiguous: false } : {}) });
        expect(readCellText(plain)).toMatchObject({ kind: 'number', value: expected });
        expect(readCellText(` ${spaced}\u00A0`)).toMatchObject({ kind: 'number', value: expected });
      }),
    );
  });

  it('the en-US spelling reads the same, ambiguous exactly when it has one separator and three digits after it', () => {
    fc.assert(
      fc.property(anyX, decimalsArb, (x, d) => {
        const vn = formatVietnameseNumber(x, d);
        const en = vn.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
        const expected = roundTo(x, d ?? 10);
        const r = readCellText(en);
        if (/^-?[1-9]\d{0,2}[.,]\d{3}$/.test(en)) {
          // "2,000", "1.725": the Vietnamese reading comes first, the en-US one is the alternative
          expect(r).toMatchObject({ kind: 'number', ambiguous: true, alternative: expected });
        } else {
          expect(r).toMatchObject({ kind: 'number', value: expected, ambiguous: false });
        }
      }),
    );
  });
});
