// `chitieu template --plan PLAN.json`: another plan's figures in the template; bad plans refused with one
// line that names the field.
import { promises as fs } from 'fs';
import path from 'path';
import { parsePlanFile, planFileText, PlanError } from '../../src/core/planFile';
import { buildTemplate } from '../../src/template/model';
import { COLUMN_ORDER } from '../../src/template/layout';
import { namedCells } from '../../src/xlsx/definedNames';
import type { Report } from '../../src/core/types';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';

const dir = tmpDir();
const EXAMPLE = path.join(__dirname, '../../docs/plan-example.json');

type Plan = { nam?: number; donVi?: string; namGocGia?: number; chiTieu: Record<string, Record<string, unknown>> };
const example = async (): Promise<Plan> => JSON.parse(await fs.readFile(EXAMPLE, 'utf8')) as Plan;

async function writePlan(name: string, plan: unknown): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, typeof plan === 'string' ? plan : JSON.stringify(plan, null, 2));
  return file;
}

/** Every named cell of a model: value, formula, number format. */
function cellsOf(model: ReturnType<typeof buildTemplate>) {
  const out: Record<string, unknown> = {};
  for (const row of model.rows) for (const k of COLUMN_ORDER) {
    const c = row.cells[k];
    if (c?.name && !['DON_VI', 'NAM_BAO_CAO'].includes(c.name)) out[c.name] = [c.value, c.formula, c.numFmt, row.row];
  }
  return out;
}

describe('plan JSON', () => {
  it('docs/plan-example.json is the seed plan, and builds the same template as the built-in plan', async () => {
    const text = await fs.readFile(EXAMPLE, 'utf8');
    expect(text).toBe(planFileText(undefined, { year: 2023, unit: 'UBND huyện Tây Sơn', baseYear: 2010 }));
    const plan = parsePlanFile(text);
    expect(plan).toMatchObject({ year: 2023, unit: 'UBND huyện Tây Sơn', baseYear: 2010 });
    expect(cellsOf(buildTemplate({ year: 2023, plan: plan.plan }))).toEqual(cellsOf(buildTemplate({ year: 2023 })));
  });

  it('template --plan writes another year\'s figures, base year and unit; check reads them', async () => {
    const p = await example();
    p.nam = 2024;
    p.donVi = 'UBND xã Vĩnh An';
    p.namGocGia = 2020;
    p.chiTieu['2']!.keHoach = '5.100,5';
    p.chiTieu['9']!.keHoach = 96;
    // 1.1 (sp) and its total move together, or the plan's components would not add up.
    p.chiTieu['1.1']!.sp = { keHoach: 1800000, chiSo: '104,00' };
    p.chiTieu['1']!.sp = { keHoach: 6960655, chiSo: 108 };
    const planFile = await writePlan('ke-hoach-2024.json', p);
    const out = path.join(dir, 'bieu-2024.xlsx');
    const r = await run('template', '--out', out, '--plan', planFile);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kế hoạch từ .*ke-hoach-2024\.json, giá so sánh 2020/);
    const wb = await readXlsx(out);
    const names = namedCells(wb);
    const cell = (n: string) => wb.getWorksheet(names.get(n)!.sheet)!.getCell(names.get(n)!.address);
    expect(cell('KH_2').value).toBe(5100.5);
    expect(cell('KH_2').numFmt).toBe('#,##0.0');
    expect(cell('KHTT_1_1_SP')).toMatchObject({ value: 104, numFmt: '0.00' });
    expect(cell('KH_9').value).toBe(96);
    expect(cell('NAM_BAO_CAO').value).toBe(2024);
    expect(cell('DON_VI').value).toBe('UBND xã Vĩnh An');
    expect(cell('NAM_GOC_GIA').value).toBe(2020);
    const heading = wb.getWorksheet(names.get('KH_2')!.sheet)!.getCell(`B${Number(names.get('TH_1_SP')!.address.slice(1)) - 1}`).value;
    expect(String(heading)).toMatch(/giá so sánh 2020/);
    expect(String(cell('TH_9').dataValidation.prompt)).toMatch(/Kế hoạch: 96\./);

    fillByName(wb, { TH_2: 5000, TH_9: 95.4 }); // 95,4 is below 96 at the plan's written precision (95,5 would round to it)
    const filled = path.join(dir, 'bieu-2024-dien.xlsx');
    await wb.xlsx.writeFile(filled);
    const c = await run('check', filled, '--json');
    const report = JSON.parse(c.out) as Report & { baseYear: number };
    expect(report.baseYear).toBe(2020);
    expect(report.indicators.find((i) => i.id === '2')).toMatchObject({ plan: 5100.5, status: 'chua-dat' });
    expect(report.indicators.find((i) => i.id === '9')).toMatchObject({ plan: 96, status: 'chua-dat' });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Command-line options win over the plan file's title block.
    const out2 = path.join(dir, 'bieu-2025.xlsx');
    expect((await run('template', '--out', out2, '--plan', planFile, '--year', '2025')).code).toBe(0);
    const wb2 = await readXlsx(out2);
    const n2 = namedCells(wb2).get('NAM_BAO_CAO')!;
    expect(wb2.getWorksheet(n2.sheet)!.getCell(n2.address).value).toBe(2025);
  });

  const refused: [string, (p: Plan) => unknown, RegExp][] = [
    ['a missing plan value', (p) => { delete p.chiTieu['2']!.keHoach; return p; }, /thiếu "chiTieu\['2'\]\.keHoach"/],
    ['a missing indicator', (p) => { delete p.chiTieu['5']; return p; }, /thiếu "chiTieu\['5'\]"/],
    ['a missing index of indicator 1', (p) => { delete (p.chiTieu['1.2']!.sx as Record<string, unknown>).chiSo; return p; }, /thiếu "chiTieu\['1\.2'\]\.sx\.chiSo"/],
    ['a missing unit', (p) => { delete p.chiTieu['3']!.donViTinh; return p; }, /thiếu "chiTieu\['3'\]\.donViTinh"/],
    ['a unit that is not the catalog\'s', (p) => { p.chiTieu['4']!.donViTinh = 'Triệu đồng'; return p; }, /"chiTieu\['4'\]\.donViTinh" là "Triệu đồng" nhưng chỉ tiêu 4 tính bằng "Tỷ đồng"/],
    ['a text that is no number', (p) => { p.chiTieu['2']!.keHoach = 'bốn nghìn'; return p; }, /"chiTieu\['2'\]\.keHoach" phải là số/],
    ['a wrong type', (p) => { p.chiTieu['2']!.keHoach = true; return p; }, /"chiTieu\['2'\]\.keHoach" phải là số .*đang là true/],
    ['a % above 100', (p) => { p.chiTieu['9']!.keHoach = 105; return p; }, /"chiTieu\['9'\]\.keHoach" là 105%, vượt mức tối đa 100%/],
    ['components that do not add up', (p) => { (p.chiTieu['1.3']!.sp as Record<string, unknown>).keHoach = 2000000; return p; }, /"chiTieu\['1'\]\.sp\.keHoach" là 6\.886\.145 nhưng các thành phần 1\.1 \+ 1\.2 \+ 1\.3 cộng lại được/],
    ['a part above its whole', (p) => { p.chiTieu['4.1.1']!.keHoach = 600; return p; }, /"chiTieu\['4\.1\.1'\]\.keHoach" \(600\) lớn hơn kế hoạch của chỉ tiêu 4\.1/],
    ['an unknown id', (p) => { p.chiTieu['99'] = { donViTinh: '%', keHoach: 1 }; return p; }, /"chiTieu\['99'\]": không có chỉ tiêu mã "99"/],
    ['a misspelt field', (p) => ({ ...p, namGocgia: 2010 }), /trường "namGocgia" không có trong lược đồ/],
    ['a year out of range', (p) => ({ ...p, nam: 23 }), /"nam" phải là năm/],
    ['text that is no JSON', () => '{ "chiTieu": ', /không phải JSON hợp lệ/],
  ];
  it.each(refused)('refuses %s with one line naming the field, exit 2', async (what, edit, message) => {
    const file = await writePlan(`sai-${what.replace(/\W+/g, '-')}.json`, edit(await example()));
    const out = path.join(dir, `khong-ghi-${what.replace(/\W+/g, '-')}.xlsx`);
    const r = await run('template', '--out', out, '--plan', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^chitieu: kế hoạch ".*": /);
    expect(r.err).toMatch(message);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('refuses a plan file that is missing', async () => {
    const r = await run('template', '--out', path.join(dir, 'x.xlsx'), '--plan', path.join(dir, 'khong-co.json'));
    expect([r.code, r.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(r.err).toMatch(/không đọc được tệp kế hoạch/);
  });

  it('reads figures as numbers or Vietnamese text, keeping the written precision', () => {
    expect(() => parsePlanFile('[]')).toThrow(PlanError);
    const text = planFileText();
    const p = JSON.parse(text) as Plan;
    p.chiTieu['22.1']!.keHoach = '7/9';
    p.chiTieu['14']!.keHoach = '> 92,5';
    const plan = parsePlanFile(JSON.stringify(p));
    expect(plan.baseYear).toBe(2010);
    expect(plan.plan['22.1']).toEqual({ kind: 'criteria', required: 7, of: 9, text: '7/9' });
    expect(plan.plan['14']).toEqual({ kind: 'number', value: { value: 92.5, text: '> 92,5' } });
    expect(plan.plan['18.1']).toEqual({ kind: 'number', value: { value: 33, text: '33,00' } });
  });
});
