// The template as data: names of the contract, formats, validation prompts, formulas by name.
import { indicatorKeys, INDICATORS } from '../../src/core/catalog';
import { cellName } from '../../src/core/names';
import { buildTemplate } from '../../src/template/model';
import { COLUMNS } from '../../src/template/layout';

const model = buildTemplate({ year: 2023 });
const byName = new Map(model.rows.flatMap((r) => Object.values(r.cells).filter((c) => c?.name).map((c) => [c!.name!, { ...c!, row: r.row }] as const)));

describe('the template model', () => {
  it('names every value cell <COL>_<id> as the contract says', () => {
    for (const { id, measure } of indicatorKeys()) {
      for (const col of ['KH', 'TN', 'TH'] as const) expect(byName.has(cellName(col, id, measure))).toBe(true);
      expect(byName.has(cellName('KHTT', id, measure))).toBe(id === '1' || id.startsWith('1.'));
    }
    expect(['TH_1_2_1_SX', 'KHTT_1_SP', 'TN_7', 'TH_QP_2_3'].every((n) => byName.has(n))).toBe(true);
    expect(new Set(model.names.map((n) => n.name)).size).toBe(model.names.length);
  });

  it('keeps each indicator on one row, in the plan\'s order', () => {
    const rowOf = (id: string, m: 'sp' | 'sx' | null = null) => byName.get(cellName('TH', id, m))!.row;
    for (const { id, measure } of indicatorKeys()) {
      const r = rowOf(id, measure);
      for (const col of ['KH', 'TN', 'DG', 'GC'] as const) expect(byName.get(cellName(col, id, measure))!.row).toBe(r);
    }
    const order = INDICATORS.filter((i) => i.plan.kind !== 'growth').map((i) => rowOf(i.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rowOf('1', 'sp')).toBeLessThan(rowOf('1.3', 'sp'));
    expect(rowOf('1.3', 'sp')).toBeLessThan(rowOf('1', 'sx'));
  });

  it('prefills the plan with the written precision as an en-US number format', () => {
    expect(byName.get('KH_4')).toMatchObject({ value: 927.818, numFmt: '#,##0.000' });
    expect(byName.get('KHTT_1_SP')).toMatchObject({ value: 107.64, numFmt: '0.00' });
    expect(byName.get('KHTT_1_1_SX')).toMatchObject({ value: 103.5, numFmt: '0.0' });
    expect(byName.get('KHTT_1_2_1_SP')).toMatchObject({ value: 110, numFmt: '0.0' });
    expect(byName.get('KH_14')).toMatchObject({ value: 90, numFmt: '"> "0' });
    expect(byName.get('KH_22_1')).toMatchObject({ value: 9, numFmt: '0"/9"' });
    expect(byName.get('KH_6')!.value).toBe('Đạt');
    expect(byName.get('KH_QP_2_1')!.value).toBe('Giảm');
  });

  it('has live formulas that refer to cells by name', () => {
    // A flow is paced by the months the period covers (6 tháng: ½), read from the period cell's text — the
    // number before " tháng", after any words ("Ước thực hiện 9 tháng"); a quarter wherever "Quý" stands.
    expect(byName.get('DG_2')!.formula).toMatch(/ROUND\(TH_2\/IF\(ISNUMBER\(SEARCH\("Quý",KY_BAO_CAO\)\),0\.25,IFERROR\(VALUE\(TRIM\(RIGHT\(LEFT\(KY_BAO_CAO,FIND\(" tháng",KY_BAO_CAO\)-1\),2\)\)\)\/12,1\)\),0\)>KH_2/);
    expect(byName.get('CS_1_1_SP')!.formula).toMatch(/TH_1_1_SP\/IF\(ISNUMBER\(TN_1_1_SP\),TN_1_1_SP,KH_1_1_SP\/KHTT_1_1_SP\*100/);
    expect(byName.get('PT_16')!.formula).toMatch(/\(TN_16-TH_16\)\/KH_16/);
    expect(byName.get('DG_QP_2')!.formula).toMatch(/DG_QP_2_1="Chưa đạt"/);
    expect(byName.get('CS_9')!.formula).toBeUndefined(); // a rate has no growth index
  });

  it('validates input cells by unit, with a Vietnamese prompt naming the unit and the plan', () => {
    expect(byName.get('TH_9')!.validation).toMatchObject({ type: 'decimal', operator: 'between', min: 0, max: 100 });
    expect(byName.get('TH_9')!.validation!.prompt).toMatch(/Đơn vị tính: %\. Kế hoạch: 95\./);
    expect(byName.get('TH_15_1')!.validation).toMatchObject({ type: 'whole', min: 0 });
    expect(byName.get('TH_6')!.validation).toMatchObject({ type: 'list', list: ['Đạt', 'Chưa đạt'] });
    expect(byName.get('TH_2')!.validation!.prompt).toMatch(/Tỷ đồng\. Kế hoạch: 4\.449\./);
    expect(byName.get('TH_22_1')!.validation).toMatchObject({ type: 'whole', min: 0, max: 9 });
    for (const c of byName.values()) {
      if (c.validation) expect(c.validation.prompt.length).toBeLessThanOrEqual(255);
    }
  });

  it('freezes the header and colours the status column', () => {
    expect(model.freeze).toEqual({ rows: 6, columns: 2 });
    expect(model.conditionalFormats.map((c) => c.range)).toEqual([`J7:J${model.lastRow}`, `J7:J${model.lastRow}`]);
    expect(COLUMNS.actual.letter).toBe('G');
  });
});
