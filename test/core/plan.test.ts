// The plan model: plan JSON in (any unit's numbering, the plan's order), one-line errors naming the field,
// junk never a crash, the published JSON Schema agreeing with the files, and the seed as data.
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { INDICATORS, HEADINGS, SEED_PLAN } from '../../src/core/catalog';
import { planFromJson } from '../../src/core/planRead';
import { planJsonText } from '../../src/core/planWrite';
import { PlanError } from '../../src/core/planError';
import { keyOrderAt } from '../../src/core/jsonKeyOrder';
import { readPlanFile } from '../../src/core/planFile';
import { unitKindOf, natureOfUnit } from '../../src/core/units';

const ROOT = path.join(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const PLANS = readdirSync(path.join(ROOT, 'test/fixtures/plans')).filter((f) => f.endsWith('.json'));
const SEED_TEXT = read('src/core/plans/seed-2023.json');

const errorOf = (text: string): string => {
  try {
    planFromJson(text);
  } catch (err) {
    if (err instanceof PlanError) return err.message;
    throw err;
  }
  return '';
};
const plan = (chiTieu: Record<string, unknown>, top: Record<string, unknown> = {}) => JSON.stringify({ ...top, chiTieu });

describe('planFromJson', () => {
  it('keeps the plan\'s order of ids, which JSON.parse does not ("1", "2" before "1.1")', () => {
    // Written as text, the way a file holds it: a JS object literal would already be reordered.
    const entries: [string, object][] = [
      ['1', { tenChiTieu: 'A', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 5, thanhPhan: ['1.1', '1.2'] }],
      ['1.1', { tenChiTieu: 'B', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 2 }],
      ['1.2', { tenChiTieu: 'C', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 3 }],
      ['2.a', { tenChiTieu: 'D', donViTinh: '%', quyTac: 'lt', keHoach: '1,2' }],
      ['III', { tenChiTieu: 'MÔI TRƯỜNG', donViTinh: '', tieuDe: true }],
      ['III.4', { tenChiTieu: 'E', donViTinh: 'hộ', quyTac: 'reduce', keHoach: 12, nhom: 'III' }],
      ['2', { tenChiTieu: 'F', donViTinh: 'người', quyTac: 'info', keHoach: 9350 }],
    ];
    const text = `{ "chiTieu": {\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n} }`;
    expect(Object.keys(JSON.parse(text).chiTieu)).toEqual(['1', '2', '1.1', '1.2', '2.a', 'III', 'III.4']);
    const p = planFromJson(text);
    expect(p.order).toEqual(['1', '1.1', '1.2', '2.a', 'III', 'III.4', '2']);
    expect(p.indicators.map((i) => i.id)).toEqual(['1', '1.1', '1.2', '2.a', 'III.4', '2']);
    expect(p.headings).toEqual([{ id: 'III', tt: 'III', name: 'MÔI TRƯỜNG' }]);
    const lt = p.indicators.find((i) => i.id === '2.a')!;
    expect(lt).toMatchObject({ rule: 'lt', unit: 'percent', nature: 'level', plan: { kind: 'number', value: { value: 1.2, text: '< 1,2' } } });
    expect(p.indicators.find((i) => i.id === 'III.4')).toMatchObject({ unit: 'households', nature: 'flow', heading: 'III', rule: 'reduce' });
  });

  it('reads every target form: range, x/N, Đạt, none, approximate, one growth value with its index', () => {
    const p = planFromJson(plan({
      '1': { tenChiTieu: 'GRDP', donViTinh: '%', quyTac: 'growth-rate', keHoach: { tu: '6,5', den: '7,0' } },
      '2': { tenChiTieu: 'NTM', donViTinh: 'tiêu chí', quyTac: 'criteria', keHoach: '17/19' },
      '3': { tenChiTieu: 'ANTT', donViTinh: 'Đạt/Chưa đạt', quyTac: 'pass', keHoach: 'Đạt' },
      '4': { tenChiTieu: 'Hộ khá', donViTinh: 'hộ', quyTac: 'increase', keHoach: null },
      '5': { tenChiTieu: 'Đường', donViTinh: 'km', quyTac: 'min', keHoach: 5, khoang: true },
      '6': { tenChiTieu: 'GTSX', donViTinh: 'tỷ đồng', quyTac: 'growth', keHoach: '15.800', chiSo: '108,2' },
      '7': { tenChiTieu: 'Nông nghiệp chiếm', donViTinh: '%', quyTac: 'structure', keHoach: '41,20' },
    }, { namGocGia: 2020, nam: 2026, kyBaoCao: '9t' }));
    expect(p).toMatchObject({ baseYear: 2020, year: 2026, period: '9t' });
    const by = (id: string) => p.indicators.find((i) => i.id === id)!;
    expect(by('1').plan).toEqual({ kind: 'range', from: { value: 6.5, text: '6,5' }, to: { value: 7, text: '7,0' } });
    expect(by('2').plan).toEqual({ kind: 'criteria', required: 17, of: 19, text: '17/19' });
    expect(by('3').plan).toEqual({ kind: 'pass', text: 'Đạt' });
    expect(by('4').plan).toEqual({ kind: 'none' });
    expect(by('5')).toMatchObject({ approximate: true, unit: 'quantity', plan: { kind: 'number', value: { value: 5 } } });
    expect(by('6').plan).toEqual({ kind: 'indexed', value: { value: 15800, text: '15.800' }, index: { value: 108.2, text: '108,2' } });
    expect(by('7').plan).toEqual({ kind: 'number', value: { value: 41.2, text: '41,20' } });
  });

  it.each([
    [plan({ '2.a': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 'nhiều' } }), /^chiTieu\['2\.a'\]\.keHoach phải là số .*"nhiều"/],
    [plan({ '2.a': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 120 } }), /^chiTieu\['2\.a'\]\.keHoach là 120%, vượt mức tối đa 100%/],
    [plan({ '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'nhieu', keHoach: 1 } }), /^chiTieu\['1'\]\.quyTac phải là một trong min, max/],
    [plan({ '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min' } }), /^thiếu chiTieu\['1'\]\.keHoach/],
    [plan({ '1': { donViTinh: '%', quyTac: 'min', keHoach: 1 } }), /^thiếu chiTieu\['1'\]\.tenChiTieu/],
    [plan({ '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'max', keHoach: { tu: 3, den: 2 } } }), /^chiTieu\['1'\]\.keHoach: "tu" \(3\) phải nhỏ hơn "den" \(2\)/],
    [plan({ '1': { tenChiTieu: 'A', donViTinh: 'tỷ đồng', quyTac: 'min', keHoach: 3, thanhPhan: ['9'] } }), /^chiTieu\['1'\]\.thanhPhan\[0\]: không có chỉ tiêu mã "9"/],
    [plan({ '1.a': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 1 }, '1.A': { tenChiTieu: 'B', donViTinh: '%', quyTac: 'min', keHoach: 1 } }), /^chiTieu\['1\.A'\]: trùng mã với "1\.a"/],
    [plan({ '1 2': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 1 } }), /^chiTieu\['1 2'\]: mã "1 2" không dùng được/],
    [plan({ '1.sp': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 1 } }), /^chiTieu\['1\.sp'\]: mã không được kết thúc bằng "sp"/],
    [plan({ a: { tenChiTieu: 'A', donViTinh: '%', quyTac: 'structure', keHoach: 40, nhom: 'H' }, b: { tenChiTieu: 'B', donViTinh: '%', quyTac: 'structure', keHoach: 50, nhom: 'H' }, H: { tenChiTieu: 'Cơ cấu', donViTinh: '', tieuDe: true } }),
      /các tỷ trọng cơ cấu a \+ b cộng lại được 90%, phải bằng 100%/],
    ['{"chiTieu": {"1": ', /^không phải JSON hợp lệ/],
    ['[]', /^kế hoạch phải là một đối tượng JSON/],
  ])('refuses a bad plan with one line naming the field (%#)', (text, message) => {
    const m = errorOf(text);
    expect(m).toMatch(message);
    expect(m.split('\n')).toHaveLength(1);
  });

  it('gives a PlanError, never a crash, for junk in any field of any plan (fuzzed)', () => {
    const base = JSON.parse(read('test/fixtures/plans/tinh-2026.json')) as { chiTieu: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    const ids = Object.keys(base.chiTieu);
    const fields = ['tenChiTieu', 'donViTinh', 'quyTac', 'keHoach', 'chiSo', 'khoang', 'tinhChat', 'sp', 'sx', 'nhom', 'thanhPhan', 'thuoc', 'quyenSo', 'tieuDe', 'tatCa', 'tt', 'dong', 'ghiChu', 'xyz'];
    const junk = fc.oneof(fc.jsonValue(), fc.constantFrom('', '—', '6,5 – 7', '1.2.3', 'Đạt', '9/0', '> 90', '1e400', 'NaN', '-5', { tu: 2, den: 1 }, ['1'], null));
    fc.assert(fc.property(
      fc.constantFrom(...ids), fc.constantFrom(...fields), junk, fc.constantFrom('nam', 'namGocGia', 'kyBaoCao', 'donVi', 'thuTu', 'chiTieu', 'none'), junk,
      (id, key, value, topKey, topValue) => {
        const p = structuredClone(base);
        p.chiTieu[id]![key] = value;
        if (topKey !== 'none') (p as Record<string, unknown>)[topKey] = topValue;
        try {
          const out = planFromJson(JSON.stringify(p));
          expect(out.indicators.length + out.headings.length).toBe(out.order.length);
        } catch (err) {
          if (!(err instanceof PlanError)) throw err;
          expect(err.message.split('\n')).toHaveLength(1);
          expect(err.message.length).toBeGreaterThan(10);
        }
      },
    ), { numRuns: 600 });
    fc.assert(fc.property(fc.string(), (text) => {
      try { planFromJson(text); } catch (err) { if (!(err instanceof PlanError)) throw err; }
    }), { numRuns: 300 });
  });

  it('writes back what it reads: planFromJson(planJsonText(p)) is p, for every test plan and the seed', () => {
    for (const text of [SEED_TEXT, ...PLANS.map((f) => read(`test/fixtures/plans/${f}`))]) {
      const p = planFromJson(text);
      expect(planFromJson(planJsonText(p))).toEqual(p);
    }
  });
});

describe('the seed plan as data', () => {
  it('loads from src/core/plans/seed-2023.json with the 41 indicators of the catalog, in the text\'s order', () => {
    expect(INDICATORS).toHaveLength(41);
    const fromText = planFromJson(SEED_TEXT);
    expect(fromText.order).toEqual(keyOrderAt(SEED_TEXT, ['chiTieu']));
    expect(fromText).toEqual(SEED_PLAN);
    expect(HEADINGS.map((h) => h.id)).toEqual(['I', '8', '15', '22', 'II', 'QP.2']);
  });

  it('accepts the seed\'s older form (docs/plan-example.json: figures only) as the seed with those figures', () => {
    const p = readPlanFile(read('docs/plan-example.json'));
    expect(p.indicators.map((i) => [i.id, i.rule])).toEqual(INDICATORS.map((i) => [i.id, i.rule]));
    expect(p.order).toEqual(SEED_PLAN.order);
  });
});

describe('plan JSON Schema (schemas/plan.schema.json)', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(read('schemas/plan.schema.json')) as object);
  it.each(['src/core/plans/seed-2023.json', ...PLANS.map((f) => `test/fixtures/plans/${f}`)])('accepts %s', (file) => {
    const ok = validate(JSON.parse(read(file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('refuses what the reader refuses: an unknown rule, a range without den, an id with a space, a heading with a figure', () => {
    const bad = [
      { chiTieu: { '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'nhieu', keHoach: 1 } } },
      { chiTieu: { '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: { tu: 1 } } } },
      { chiTieu: { '1 2': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min', keHoach: 1 } } },
      { chiTieu: { I: { tenChiTieu: 'A', donViTinh: '', tieuDe: true, keHoach: 3 } } },
      { chiTieu: { '1': { tenChiTieu: 'A', donViTinh: '%', quyTac: 'min' } } },
    ];
    for (const b of bad) {
      expect(validate(b)).toBe(false);
      expect(() => planFromJson(JSON.stringify(b))).toThrow(PlanError);
    }
  });
});

describe('units from their labels', () => {
  it.each([
    ['%', 'percent', 'level'], ['‰', 'permille', 'level'], ['Triệu đồng', 'trieu-dong', 'flow'], ['tỷ đồng', 'ty-dong', 'flow'],
    ['triệu đồng/người', 'per-head', 'level'], ['hộ', 'households', 'flow'], ['người', 'people', 'flow'], ['lao động', 'people', 'flow'],
    ['xã', 'count', 'flow'], ['doanh nghiệp', 'count', 'flow'], ['ha', 'quantity', 'flow'], ['giường/vạn dân', 'beds', 'level'],
    ['bác sĩ/vạn dân', 'beds', 'level'], ['năm', 'generic', 'level'], ['lượt khách quốc tế', 'generic', 'level'], ['Tiêu chí', 'criteria', 'level'],
  ])('%s is %s, a %s', (label, kind, nature) => {
    expect(unitKindOf(label)).toBe(kind);
    expect(natureOfUnit(unitKindOf(label))).toBe(nature);
  });
});
