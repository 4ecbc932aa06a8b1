// Where an adopted table ("Nhận dạng bảng có sẵn") keeps its rows and flags: small on purpose, so the check
// path finds an adopted sheet without loading the recogniser (it loads on demand).

/** Settings key of an adopted table's rows (rule, target, unit …), by the key in its mark's comment. */
export const ADOPTED_SETTING = 'chitieu.bang';
export const adoptedSettingKey = (key: string): string => `${ADOPTED_SETTING}#${key}`;

/** The key in the adopted mark's comment ("chitieu:bang:k3f9x2"), or null. */
export function adoptedKey(comment: string | null | undefined): string | null {
  const m = /^chitieu:bang:([0-9a-z]+)$/.exec((comment ?? '').trim());
  return m ? m[1]! : null;
}
