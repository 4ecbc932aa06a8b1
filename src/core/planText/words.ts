// A plan read from text, shown back: the rule of an entry in words ("không quá 9,5 %"), and the plan JSON
// as text with the entries in the order of the source (JSON.parse/stringify would put "2" before "1.1").
import type { PlanEntryJson, PlanJson, PlanTarget } from '../planJson';
import { formatVietnameseNumber } from '../vnNumber';
import { entriesInOrder } from './read';

function figure(t: PlanTarget | undefined, unit: string): string {
  const u = unit ? (unit === '%' || unit === '‰' ? unit : ` ${unit}`) : '';
  if (t === null || t === undefined) return '';
  if (typeof t === 'number') return formatVietnameseNumber(t) + u;
  if (typeof t === 'string') return t + u;
  return `${formatVietnameseNumber(t.tu)} – ${formatVietnameseNumber(t.den)}${u}`;
}

/** The rule as a person would say it. */
export function ruleInWords(e: PlanEntryJson): string {
  if (e.tieuDe) return '';
  const x = figure(e.keHoach, e.donViTinh);
  const about = e.khoang ? 'khoảng ' : '';
  const range = typeof e.keHoach === 'object' && e.keHoach !== null;
  if (range && e.quyTac !== 'growth-rate' && e.quyTac !== 'reduce') {
    const k = e.keHoach as { tu: number; den: number };
    const low = e.quyTac === 'max' || e.quyTac === 'lt';
    return `${about}${x} (${low ? 'nhiều nhất' : 'ít nhất'} ${formatVietnameseNumber(low ? k.den : k.tu)})`;
  }
  if (e.quyTac === 'max' && e.keHoach === 0) return `không còn (0${e.donViTinh ? ' ' + e.donViTinh : ''})`;
  switch (e.quyTac) {
    case 'min': return `từ ${about}${x} trở lên`;
    case 'max': return `không quá ${about}${x}`;
    case 'gt': return `trên ${about}${x}`;
    case 'lt': return `dưới ${about}${x}`;
    case 'reduce': return `giảm ${about}${x}${e.donViTinh === '%' ? ' (điểm %)' : ''}`;
    case 'decrease': return 'giảm so với cùng kỳ';
    case 'increase': return 'tăng so với cùng kỳ';
    case 'criteria': return `đạt ${e.keHoach} ${e.donViTinh}`.trim();
    case 'pass': return 'Đạt';
    case 'growth': return `từ ${x} trở lên và chỉ số từ ${typeof e.chiSo === 'number' ? formatVietnameseNumber(e.chiSo) : e.chiSo ?? ''}% trở lên`;
    case 'growth-rate': return `tăng ${about}${x} so với năm trước`;
    case 'structure': return `chiếm ${about}${x} (cơ cấu, không đánh giá)`;
    case 'info': return `để biết${e.ghiChu ? `: ${e.ghiChu}` : ''}`;
    default: return '';
  }
}

/**
 * Plan JSON text, two-space indented, one entry a line, in the order of the text. `reading: false` leaves
 * out what only the reading needs (`dong`, `khongDoc`): the plan as `template --plan` takes it.
 */
export function planJsonText(plan: PlanJson, opts: { reading?: boolean } = {}): string {
  const reading = opts.reading ?? true;
  const { chiTieu, khongDoc: unreadLines, ...head } = plan;
  void chiTieu;
  const khongDoc = reading ? unreadLines : undefined;
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const entries = entriesInOrder(plan).map(([id, e]) => {
    const { dong, ...rest } = e;
    return `    ${JSON.stringify(id)}: ${JSON.stringify(reading && dong !== undefined ? { ...rest, dong } : rest)}`;
  });
  const unread = khongDoc === undefined ? '' : `,\n  "khongDoc": [${khongDoc.length ? '\n' + khongDoc.map((k) => `    ${JSON.stringify(k)}`).join(',\n') + '\n  ' : ''}]`;
  return `{\n${top.join('\n')}${top.length ? '\n' : ''}  "chiTieu": {${entries.length ? '\n' + entries.join(',\n') + '\n  ' : ''}}${unread}\n}\n`;
}
