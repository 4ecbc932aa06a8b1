// Round trip on every fixture document (issue 12): `plan` → `template --plan` → fill → `check`. Every entry's
// rule reaches the template's requirement column (YC) and the check, untouched; a chosen figure of each
// rule is achieved or short as a person would judge it from the resolution's words.
import { promises as fs } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import type { PlanEntryJson, PlanJson, PlanRule } from '../../src/core/planJson';
import { parseRequirement } from '../../src/core/requirement';
import { cellName } from '../../src/core/names';
import type { Report, Status } from '../../src/core/types';
import { namedCells } from '../../src/xlsx/definedNames';
import { fixtureDocs } from '../fixtures/planText/styles';
import { fillByName, readXlsx, run, tmpDir } from '../support/xlsx';

const dir = tmpDir();

/** One figure per rule, by the start of its name as the reader gives it: values that reach it, and values short of it. */
interface Case { rule: PlanRule; name: string; ok: Cells; short: Cells }
type Cells = { TN?: number | string; TH: number | string };
const CASES: Case[] = [
  // 47,9 would round to 48, the plan's written precision: short is below 47,5.
  { rule: 'min', name: 'Tỷ lệ che phủ rừng', ok: { TH: 48 }, short: { TH: 47.4 } },
  { rule: 'max', name: 'Tỷ lệ lạm phát', ok: { TH: 4.5 }, short: { TH: 4.6 } },
  { rule: 'gt', name: 'Tỷ lệ hộ dùng điện an toàn', ok: { TH: 99.5 }, short: { TH: 99 } },
  { rule: 'lt', name: 'Tỷ suất sinh thô', ok: { TH: 14 }, short: { TH: 15 } },
  { rule: 'reduce', name: 'Số hộ nghèo', ok: { TN: 200, TH: 155 }, short: { TN: 200, TH: 160 } },
  { rule: 'decrease', name: 'Kiềm chế, kéo giảm tội phạm', ok: { TN: 50, TH: 40 }, short: { TN: 50, TH: 55 } },
  { rule: 'increase', name: 'Số hộ khá, giàu', ok: { TN: 10, TH: 12 }, short: { TN: 10, TH: 9 } },
  { rule: 'criteria', name: 'Số thôn đạt chuẩn văn hóa', ok: { TH: 12 }, short: { TH: 11 } },
  { rule: 'pass', name: 'Giữ vững xã đạt chuẩn nông thôn mới', ok: { TH: 'Đạt' }, short: { TH: 'Chưa đạt' } },
  // The rate is the row's figure (unit %): the user enters the growth reached.
  { rule: 'growth-rate', name: 'Tổng mức bán lẻ hàng hóa', ok: { TH: 12.5 }, short: { TH: 11 } },
  // 6.900 ≥ 6.886 and 6.900 / 6.400 = 107,8% ≥ 107,64%; 6.850 misses the value.
  { rule: 'growth', name: 'Tổng sản phẩm trên địa bàn', ok: { TN: 6400, TH: 6900 }, short: { TN: 6400, TH: 6850 } },
];

function findEntry(plan: PlanJson, c: Case): [string, PlanEntryJson] {
  const hits = Object.entries(plan.chiTieu).filter(([, e]) => e.quyTac === c.rule && e.tenChiTieu.startsWith(c.name));
  if (hits.length !== 1) throw new Error(`${c.rule} "${c.name}": ${hits.length} entries`);
  return hits[0]!;
}

/** The requirement column's rule: growth rows say "tăng trưởng". */
function ycRule(wb: ExcelJS.Workbook, id: string): string | undefined {
  const nc = namedCells(wb).get(cellName('YC', id));
  if (!nc) return undefined;
  return parseRequirement(String(wb.getWorksheet(nc.sheet)!.getCell(nc.address).value ?? ''))?.rule;
}

async function checked(template: string, name: string, fill: Record<string, number | string>): Promise<Report & { planNotes?: string[] }> {
  const wb = await readXlsx(template);
  fillByName(wb, fill);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const c = await run('check', file, '--json');
  expect(c.err).toBe('');
  return JSON.parse(c.out) as Report & { planNotes?: string[] };
}

const docs = fixtureDocs().filter((d) => d.lines.some((l) => l.expected.length > 0));

describe.each(docs.map((d) => [d.name, d] as const))('plan → template --plan → check: %s', (name, doc) => {
  const base = path.join(dir, name);
  let plan: PlanJson;
  let template: string;

  beforeAll(async () => {
    await fs.writeFile(`${base}.txt`, doc.text);
    const p = await run('plan', `${base}.txt`, '--out', `${base}.json`);
    expect(p.err).toBe('');
    plan = JSON.parse(await fs.readFile(`${base}.json`, 'utf8')) as PlanJson;
    template = `${base}.xlsx`;
    const t = await run('template', '--plan', `${base}.json`, '--out', template);
    expect(t).toMatchObject({ code: 0, err: '' });
  });

  it('every entry arrives with its rule: in the YC column, in the check, with no plan notes', async () => {
    const wb = await readXlsx(template);
    const entries = Object.entries(plan.chiTieu).filter(([, e]) => !e.tieuDe);
    expect(entries.length).toBeGreaterThan(100);
    const empty = await checked(template, `${name}-trong.xlsx`, {});
    expect(empty.planNotes).toBeUndefined();
    const ids = new Set(empty.indicators.map((i) => i.id));
    for (const [id, e] of entries) {
      expect([id, ycRule(wb, id)]).toEqual([id, e.quyTac]);
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
    // Headings are rows of the template, not indicators of the check.
    for (const [id] of Object.entries(plan.chiTieu).filter(([, e]) => e.tieuDe)) expect([id, ids.has(id)]).toEqual([id, false]);
    expect(empty.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([['ok', ['dat', 'vuot']], ['short', ['chua-dat']]] as const)('chosen figures of each rule: %s', async (which, statuses) => {
    const fill: Record<string, number | string> = {};
    const ids = CASES.map((c) => {
      const [id] = findEntry(plan, c);
      for (const [col, v] of Object.entries(c[which])) fill[cellName(col as 'TH', id)] = v;
      return id;
    });
    const report = await checked(template, `${name}-${which}.xlsx`, fill);
    const status = (id: string) => report.indicators.find((i) => i.id === id)?.status;
    const got = ids.map((id, k) => [CASES[k]!.rule, status(id)] as const);
    expect(got.filter(([, st]) => !(statuses as readonly (Status | undefined)[]).includes(st))).toEqual([]);
    expect(got).toHaveLength(CASES.length);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

it('a text with no readable target gives no plan to build a template from', async () => {
  const doc = fixtureDocs().find((d) => d.lines.every((l) => l.expected.length === 0))!;
  const base = path.join(dir, doc.name);
  await fs.writeFile(`${base}.txt`, doc.text);
  expect((await run('plan', `${base}.txt`, '--out', `${base}.json`)).code).toBe(1);
  const t = await run('template', '--plan', `${base}.json`, '--out', `${base}.xlsx`);
  expect(t.code).toBe(2);
  expect(t.err).toMatch(/"chiTieu" không có chỉ tiêu nào/);
});
