// Entries of a commune's report on test/fixtures/plans/xa-nho-2026.json and the verdicts worked out by hand,
// shared by the command line's and the add-in's tests of that plan.
import type { Report } from '../../src/core/types';
import type { Entries } from '../../src/template/inMemory';

// A commune's ~20 targets, every rule of a small plan. Verdicts by hand:
// 1 min 12.500 ← 13.000 vượt; 2 growth-rate 8,5 (the row is the rate) ← 8,5 đạt; 3 min 62 ← 60 chưa;
// 4 lt 1,2 ← 1,2 chưa (not below); 5 reduce 12 hộ ← 80 → 66 = 14 vượt; 6 min 95 ← 95 đạt; 7 gt 70 ← 71 đạt;
// 8 khoảng 150 ← 150 đạt; 9 19/19 ← 18 chưa; 10 min 98,5 ← 98,6 vượt; 11 increase ← 300 → 320 đạt;
// 12 info; 13 min 3 ← 3 đạt; 14 decrease ← 10 → 8 đạt; 15 Đạt đạt; 16 max 7,5 ← 7,6 chưa; 17 min 1.450 ← 1.500
// vượt; 18 info; 19 min 100 ← 100 đạt; 20 pass ← Chưa đạt chưa.
export const COMMUNE: Entries = {
  TH_1: 13000, TH_2: 8.5, TH_3: 60, TH_4: 1.2, TN_5: 80, TH_5: 66, TH_6: 95, TH_7: 71, TH_8: 150, TH_9: 18, TH_10: 98.6,
  TN_11: 300, TH_11: 320, TH_12: 9400, TH_13: 3, TN_14: 10, TH_14: 8, TH_15: 'Đạt', TH_16: 7.6, TH_17: 1500, TH_19: 100, TH_20: 'Chưa đạt',
};
export const COMMUNE_STATUS = {
  1: 'vuot', 2: 'dat', 3: 'chua-dat', 4: 'chua-dat', 5: 'vuot', 6: 'dat', 7: 'dat', 8: 'dat', 9: 'chua-dat', 10: 'vuot', 11: 'dat',
  12: 'khong-du-lieu', 13: 'dat', 14: 'dat', 15: 'dat', 16: 'chua-dat', 17: 'vuot', 18: 'khong-du-lieu', 19: 'dat', 20: 'chua-dat',
};

/** Each row's verdict by its key ("1", "1/sp"), to compare with a verdict table like COMMUNE_STATUS. */
export const statuses = (report: Report) => Object.fromEntries(report.indicators.map((i) => [i.measure ? `${i.id}/${i.measure}` : i.id, i.status]));
