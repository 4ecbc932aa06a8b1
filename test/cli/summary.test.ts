// `chitieu summary FILE [--json]` on real .xlsx files.
import path from 'path';
import { promises as fs } from 'fs';
import { atPlanEntries } from '../../src/template/samples';
import type { Summary } from '../../src/core/summary';
import { run, templateFilledWith, tmpDir } from '../support/xlsx';

const dir = tmpDir();

describe('chitieu summary', () => {
  it('prints the paragraph and the lists; --json the documented object; exit 0 without errors', async () => {
    const file = await templateFilledWith(dir, { ...atPlanEntries(), TH_4: 883.3, TH_15_2: 1850 }, 'tom-tat.xlsx', ['--unit', 'UBND xã Bình Nghi']);
    const text = await run('summary', file);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Đánh giá: .*tom-tat\.xlsx — UBND xã Bình Nghi — năm 2023 \(giá so sánh 2010\)/);
    expect(text.out).toMatch(/Ước thực hiện năm 2023 có 45\/47 chỉ tiêu đạt và vượt kế hoạch .*; 2 chỉ tiêu chưa đạt: Tổng thu ngân sách đạt 95,2% kế hoạch, thiếu 44,518 tỷ đồng; Tạo việc làm mới đạt 92,5% kế hoạch, thiếu 150 người\./);
    expect(text.out).toMatch(/CHỈ TIÊU CHƯA ĐẠT \(2\)/);
    const j = await run('summary', file, '--json');
    expect(j.code).toBe(0);
    const s = JSON.parse(j.out) as Summary & { file: string };
    expect(Object.keys(s)).toEqual(['file', 'period', 'year', 'unit', 'baseYear', 'counted', 'counts', 'achieved', 'notAchieved', 'noData', 'growth', 'errors', 'warnings', 'paragraph']);
    expect(s).toMatchObject({ file, period: 'nam', year: 2023, unit: 'UBND xã Bình Nghi', baseYear: 2010, counted: 47, achieved: 45, errors: 0 });
    expect(s.notAchieved.map((x) => x.id)).toEqual(['4', '15.2']);
  });

  it('exit 1 and a warning when the table has errors; exit 2 with one line for an unusable file', async () => {
    const file = await templateFilledWith(dir, { ...atPlanEntries(), TH_2: 4449000000000 }, 'loi.xlsx');
    const r = await run('summary', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/LƯU Ý: biểu còn 1 lỗi/);
    const text = path.join(dir, 'ghi-chu.xlsx');
    await fs.writeFile(text, 'không phải Excel');
    for (const f of [path.join(dir, 'khong-co.xlsx'), text]) {
      const bad = await run('summary', f);
      expect(bad.code).toBe(2);
      expect(bad.err.trim().split('\n')).toHaveLength(1);
    }
    expect((await run('summary')).code).toBe(2);
  });
});
