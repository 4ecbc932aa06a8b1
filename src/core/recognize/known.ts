// Indicators whose good direction is known whatever the table says: lower is better for malnutrition,
// poverty, birth rate, the third child, accidents, crime, unemployment, pollution. A figure for one of
// them is a ceiling (max), "giảm" without a figure a decrease, and "giảm X" a reduction.
import { words } from './normalize';

const LOWER_IS_BETTER = [
  /suy dinh duong/, /ho ngheo/, /ty le ngheo/, /can ngheo/, /ty suat sinh/, /sinh con thu 3/, /con thu ba/,
  /tai nan/, /toi pham/, /an ninh.*vu viec/, /that nghiep/, /o nhiem/, /chay rung/, /chay no/, /ma tuy/,
  /te nan/, /tu vong/, /nha tam/, /nha dot nat/, /no dong/, /don thu/, /khieu nai/, /vi pham/, /mu chu/,
  /bo hoc/, /tao hon/, /mat can bang gioi tinh/,
];

export function lowerIsBetter(name: string): boolean {
  // Words with abbreviations spelled out: "SDD thể thấp còi" is malnutrition too.
  const f = words(name).join(' ');
  return LOWER_IS_BETTER.some((re) => re.test(f));
}
