import { errorLine } from '../../src/cli/errorLine';

describe('the error line on stderr', () => {
  it('stays one line whatever the message quotes', () => {
    expect(errorLine('phần "a\r\nb\u0007c" hỏng')).toBe('chitieu: phần "a b c" hỏng\n');
    expect(errorLine('ô "x\u2028y"')).toBe('chitieu: ô "x y"\n');
  });
  it('leaves Vietnamese text and ordinary punctuation as they are', () => {
    expect(errorLine('tệp "Báo cáo 6 tháng.xlsx" không có biểu chỉ tiêu')).toBe('chitieu: tệp "Báo cáo 6 tháng.xlsx" không có biểu chỉ tiêu\n');
  });
});
