// The template written as .xlsx: what a user opening it in Excel gets.
import path from 'path';
import { readXlsx, run, tmpDir } from '../support/xlsx';
import { namedCells } from '../../src/xlsx/definedNames';
import { buildTemplate } from '../../src/template/model';

describe('template .xlsx', () => {
  let wb: Awaited<ReturnType<typeof readXlsx>>;
  beforeAll(async () => {
    const file = path.join(tmpDir(), 'mau.xlsx');
    expect((await run('template', '--out', file, '--year', '2023', '--unit', 'UBND xã Bình Nghi')).code).toBe(0);
    wb = await readXlsx(file);
  });
  const cell = (name: string) => {
    const nc = namedCells(wb).get(name)!;
    return wb.getWorksheet(nc.sheet)!.getCell(nc.address);
  };

  it('carries every defined name of the model, workbook-scoped', () => {
    const names = namedCells(wb);
    const model = buildTemplate({ year: 2023 });
    expect(model.names.every((n) => names.get(n.name)?.address === n.address)).toBe(true);
    expect(names.get('TH_2')?.sheet).toBe('Chỉ tiêu KT-XH');
  });
  it('has the title block: unit, year, period, base year of constant prices', () => {
    expect(cell('DON_VI').value).toBe('UBND xã Bình Nghi');
    expect(cell('NAM_BAO_CAO').value).toBe(2023);
    expect(cell('KY_BAO_CAO').value).toBe('Năm');
    expect(cell('NAM_GOC_GIA').value).toBe(2010);
    expect(cell('KY_BAO_CAO').dataValidation).toMatchObject({ type: 'list', formulae: ['"Năm,Ước thực hiện năm,3 tháng,6 tháng,Ước thực hiện 6 tháng,9 tháng,Ước thực hiện 9 tháng,10 tháng,Ước thực hiện 10 tháng,Quý I,Ước thực hiện quý I,Quý II,Ước thực hiện quý II,Quý III,Ước thực hiện quý III,Quý IV,Ước thực hiện quý IV"'] });
  });
  it('keeps live formulas, formats, validation, frozen header and print setup', () => {
    expect((cell('DG_2').value as { formula: string }).formula).toMatch(/^IF\(AND\(ISNUMBER\(TH_2\)/);
    expect(cell('KH_4').numFmt).toBe('#,##0.000');
    expect(cell('TH_9').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], showInputMessage: true, errorStyle: 'stop' });
    expect(cell('TH_9').dataValidation.prompt).toMatch(/Đơn vị tính: %/);
    const ws = wb.getWorksheet('Chỉ tiêu KT-XH')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => c.rules[0]!.formulae[0])).toEqual(['$J7="Chưa đạt"', 'OR($J7="Đạt",$J7="Vượt")']);
  });
});
