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
    case 'growth': return `từ ${x} trở lên, chỉ số ${typeof e.chiSo === 'number' ? formatVietnameseNumber(e.chiSo) : e.chiSo ?? ''}% so cùng kỳ`;
    case 'growth-rate': return `tăng ${about}${x} so với năm trước`;
    case 'structure': return `chiếm ${about}${x} (cơ cấu, không đánh giá)`;
    case 'info': return `để biết${e.ghiChu ? `: ${e.ghiChu}` : ''}`;
    default: return '';
  }
}

/** Plan JSON text, two-space indented, one entry a line, in the order of the text. */
export function planJsonText(plan: PlanJson): string {
  const { chiTieu, khongDoc, ...head } = plan;
  void chiTieu;
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const entries = entriesInOrder(plan).map(([id, e]) => `    ${JSON.stringify(id)}: ${JSON.stringify(e)}`);
  const unread = khongDoc === undefined ? '' : `,\n  "khongDoc": [${khongDoc.length ? '\n' + khongDoc.map((k) => `    ${JSON.stringify(k)}`).join(',\n') + '\n  ' : ''}]`;
  return `{\n${top.join('\n')}${top.length ? '\n' : ''}  "chiTieu": {${entries.length ? '\n' + entries.join(',\n') + '\n  ' : ''}}${unread}\n}\n`;
}
