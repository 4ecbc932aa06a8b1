// "Ước thực hiện" (an estimate) vs "chính thức" (official figures) carried with the report period: read from
// the period cell and --period, kept in the report, the summary paragraph and consolidation — and absent
// wherever the workbook says neither, so the seed's results stay as they were.
import { consolidate, estimateMixText, type UnitInput } from '../../src/core/consolidate';
import { checkWorkbook } from '../../src/core/engine';
import {
  ESTIMATE_CHOICES, overridePeriod, paceOf, parsePeriod, PERIOD_CHOICES, PERIOD_LIST, periodCode, periodText, readPeriod, readPeriodCell, snapshotPeriod, withEstimate,
} from '../../src/core/period';
import { summarize } from '../../src/core/summary';
import type { Period, Report } from '../../src/core/types';
import { snapshotOf, type Entries } from '../../src/template/inMemory';
import { buildTemplate } from '../../src/template/model';
import { atPlanEntries } from '../../src/template/samples';

describe('parsePeriod: ước and chính thức', () => {
  it.each([
    ['9t-uoc', '9t'], ['uoc-9t', '9t'], ['9T_UOC', '9t'], ['ước 9 tháng', '9t'], ['Ước thực hiện 9 tháng', '9t'],
    ['Ước thực hiện 9 tháng năm 2026', '9t'], ['Ước thực hiện năm 2026', 'nam'], ['Ước TH năm', 'nam'], ['ước thực hiện cả năm 2026', 'nam'], ['nam-uoc', 'nam'],
    ['Ước thực hiện quý III', 'q3'], ['q3-uoc', 'q3'], ['Ước thực hiện 6 tháng đầu năm', '6t'], ['uoc thang 10', '10t'],
  ])('%s is the estimate of %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ period, estimate: true });
  });

  it.each([
    ['9t-ct', '9t'], ['chính thức 9 tháng', '9t'], ['Chính thức năm', 'nam'], ['Số chính thức năm 2025', 'nam'], ['q2-chinh-thuc', 'q2'],
  ])('%s is the official figure of %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ period, estimate: false });
  });

  it.each([['nam', 'nam'], ['6t', '6t'], ['9 tháng', '9t'], ['Quý III', 'q3'], ['Năm', 'nam'], ['tháng 10', '10t'], ['Thực hiện 6 tháng', '6t']])(
    '%s says neither: no estimate field at all', (text, period) => {
      const r = parsePeriod(text);
      expect(r).toEqual({ period });
      expect(r).not.toHaveProperty('estimate');
    });

  it.each(['ước chính thức 9 tháng', '9t-uoc-ct', '9t-xyz', 'uoc', 'chính thức', '13t-uoc', ''])('%s is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('the period cell and the list', () => {
  it('writes every choice so that it reads back as itself', () => {
    for (const c of PERIOD_LIST) expect(parsePeriod(periodText(c.period, c.estimate))).toEqual(c);
    for (const p of PERIOD_CHOICES) expect(parsePeriod(periodText(p, false))).toEqual({ period: p, estimate: false });
  });

  it('says the estimate as reports do', () => {
    expect(periodText('9t', true)).toBe('Ước thực hiện 9 tháng');
    expect(periodText('nam', true)).toBe('Ước thực hiện năm');
    expect(periodText('q3', true)).toBe('Ước thực hiện quý III');
    expect(periodText('6t', false)).toBe('Chính thức 6 tháng');
    // Unchanged when the workbook says neither.
    expect(PERIOD_CHOICES.map((p) => periodText(p))).toEqual(['Năm', '3 tháng', '6 tháng', '9 tháng', '10 tháng', 'Quý I', 'Quý II', 'Quý III', 'Quý IV']);
  });

  it('offers each period then its estimate, within the 255 characters of an Excel list', () => {
    const texts = PERIOD_LIST.map((c) => periodText(c.period, c.estimate));
    expect(texts.filter((_, i) => PERIOD_LIST[i]!.estimate === undefined)).toEqual(PERIOD_CHOICES.map((p) => periodText(p)));
    expect(texts).toContain('Ước thực hiện 9 tháng');
    expect(texts).toContain('Ước thực hiện năm');
    expect(PERIOD_LIST.filter((c) => c.estimate).map((c) => c.period)).toEqual(ESTIMATE_CHOICES);
    expect(texts.join(',').length + 2).toBeLessThanOrEqual(255);
  });

  it('reads the cell with its estimate; readPeriod still gives the period alone', () => {
    expect(readPeriodCell('Ước thực hiện 9 tháng')).toEqual({ period: '9t', estimate: true });
    expect(readPeriod('Ước thực hiện 9 tháng')).toBe('9t');
    expect(readPeriodCell('Năm')).toEqual({ period: 'nam' });
    expect(readPeriodCell(2026)).toEqual({ period: 'nam' });
    expect(readPeriodCell('rác')).toEqual({ period: 'nam' });
  });

  it('codes: 9t-uoc, 9t-ct, and the bare period when unstated', () => {
    expect(periodCode('9t', true)).toBe('9t-uoc');
    expect(periodCode('q3', false)).toBe('q3-ct');
    expect(periodCode('nam')).toBe('nam');
    for (const c of PERIOD_LIST) expect(parsePeriod(periodCode(c.period, c.estimate))).toEqual(c);
  });

  it('pacing does not depend on the estimate: 9 tháng is 75 % of the year either way', () => {
    expect(paceOf(readPeriodCell('Ước thực hiện 9 tháng').period, 'flow')).toBe(0.75);
    expect(paceOf(readPeriodCell('Ước thực hiện quý II').period, 'flow')).toBe(0.25);
  });
});

describe('--period over the cell', () => {
  const cell = { period: '9t' as Period, estimate: true };
  it('a bare period keeps the cell\'s ước; a stated one replaces it', () => {
    expect(overridePeriod(cell, { period: '6t' })).toEqual({ period: '6t', estimate: true });
    expect(overridePeriod(cell, '6t')).toEqual({ period: '6t', estimate: true });
    expect(overridePeriod(cell, { period: '9t', estimate: false })).toEqual({ period: '9t', estimate: false });
    expect(overridePeriod({ period: 'nam' }, { period: '9t' })).toEqual({ period: '9t' });
    expect(overridePeriod(cell, undefined)).toBe(cell);
    expect(snapshotPeriod('Năm', { period: '6t', estimate: true })).toEqual({ period: '6t', estimate: true });
  });
});

const model = buildTemplate({ year: 2023 });
const entries: Entries = atPlanEntries();
const snap = (estimate?: boolean, period: Period = 'nam', unit?: string) =>
  ({ ...snapshotOf(model, entries, period), year: 2023, ...(estimate !== undefined ? { estimate } : {}), ...(unit ? { unit } : {}) });

describe('the report and the summary', () => {
  it('the report gains uoc right after period, only when stated; the verdicts do not change', () => {
    const plain = checkWorkbook(snap());
    const est = checkWorkbook(snap(true));
    const off = checkWorkbook(snap(false));
    expect(plain).not.toHaveProperty('uoc');
    expect(Object.keys(plain)).toEqual(['period', 'indicators', 'findings']);
    expect(Object.keys(est)).toEqual(['period', 'uoc', 'indicators', 'findings']);
    expect(est.uoc).toBe(true);
    expect(off.uoc).toBe(false);
    expect(est.indicators).toEqual(plain.indicators);
    expect(est.findings).toEqual(plain.findings);
  });

  it('withEstimate leaves an unstated report as it is', () => {
    const r: Report = { period: '6t', indicators: [], findings: [] };
    expect(withEstimate(r, undefined)).toBe(r);
    expect(JSON.stringify(withEstimate({ ...r, uoc: true }, false))).toBe('{"period":"6t","uoc":false,"indicators":[],"findings":[]}');
  });

  it('the paragraph opens "Ước thực hiện 9 tháng năm 2023" for an estimate, "Thực hiện" for official figures, as before when unstated', () => {
    const para = (estimate: boolean | undefined, period: Period) => summarize(checkWorkbook(snap(estimate, period)), { year: 2023 }).paragraph;
    expect(para(true, '9t')).toMatch(/^Ước thực hiện 9 tháng năm 2023 có \d+\/\d+ chỉ tiêu đạt và vượt kế hoạch/);
    expect(para(false, 'nam')).toMatch(/^Thực hiện năm 2023 có \d+\/\d+ chỉ tiêu/);
    expect(para(undefined, 'nam')).toMatch(/^Ước thực hiện năm 2023 có/);
    expect(para(undefined, 'nam')).toBe(para(true, 'nam'));
    // Official figures are not "ước đạt".
    expect(para(false, 'nam')).not.toMatch(/(^|\s)ước/i);
  });

  it('the summary carries uoc only when stated', () => {
    expect(summarize(checkWorkbook(snap()))).not.toHaveProperty('uoc');
    expect(summarize(checkWorkbook(snap(true, '9t'))).uoc).toBe(true);
  });
});

describe('consolidation', () => {
  const unit = (i: number, estimate?: boolean): UnitInput => ({ source: `s${i}`, snapshot: snap(estimate, '9t', `Xã ${i}`), fallbackName: `s${i}` });
  const merge = (...units: UnitInput[]) => consolidate(units, { describe: (s) => `sheet "${s}"` });

  it('keeps ước when every unit agrees, and merges all of them', () => {
    const c = merge(unit(1, true), unit(2, true));
    expect(c.estimate).toBe(true);
    expect(c.estimateMixed).toBeNull();
    expect(c.included).toHaveLength(2);
    expect(estimateMixText(c)).toBeNull();
  });

  it('says nothing and adds no field when no unit says', () => {
    const c = merge(unit(1), unit(2));
    expect(c).not.toHaveProperty('estimate');
    expect(c.estimateMixed).toBeNull();
  });

  it('estimate mixed with official: all merged, the total is an estimate, and the units are named by kind', () => {
    const c = merge(unit(1, true), unit(2, false), unit(3));
    expect(c.included.map((u) => u.unit)).toEqual(['Xã 1', 'Xã 2', 'Xã 3']);
    expect(c.estimate).toBe(true);
    expect(c.estimateMixed).toEqual({ estimate: ['Xã 1'], official: ['Xã 2'], unstated: ['Xã 3'] });
    expect(estimateMixText(c)).toBe('Các đơn vị báo cáo khác loại số liệu (số ước thực hiện: Xã 1; số chính thức: Xã 2; không ghi ước hay chính thức: Xã 3) — số tổng hợp là số ước thực hiện.');
  });

  it('official mixed with unstated: no estimate in the total, still said', () => {
    const c = merge(unit(1, false), unit(2));
    expect(c).not.toHaveProperty('estimate');
    expect(estimateMixText(c)).toMatch(/số chính thức: Xã 1; không ghi ước hay chính thức: Xã 2\) — số tổng hợp không ghi ước hay chính thức\.$/);
  });
});
