// How each template cell style looks in an .xlsx (ExcelJS). The Office.js adapter maps the same styles.
import type ExcelJS from 'exceljs';
import { COLORS, type CellStyle } from '../template/model';

export const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase();

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8C8C8C' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: 'Times New Roman', size: 12, ...extra });
const fill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

export interface XlsxStyle {
  font: Partial<ExcelJS.Font>;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
  fill?: ExcelJS.Fill;
}

export const XLSX_STYLES: Record<CellStyle, XlsxStyle> = {
  title: { font: font({ bold: true, size: 14 }), alignment: { horizontal: 'center', vertical: 'middle' } },
  label: { font: font({ bold: true }), alignment: { horizontal: 'right' } },
  titleInput: { font: font(), border: box, fill: fill(COLORS.inputFill), alignment: { horizontal: 'left' } },
  note: { font: font({ italic: true, size: 11 }), alignment: { horizontal: 'center', wrapText: true } },
  header: { font: font({ bold: true }), border: box, fill: fill(COLORS.headerFill), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  number: { font: font({ italic: true, size: 10 }), border: box, alignment: { horizontal: 'center' } },
  section: { font: font({ bold: true }), border: box, fill: fill(COLORS.sectionFill) },
  heading: { font: font({ bold: true }), border: box, alignment: { vertical: 'middle', wrapText: true } },
  text: { font: font(), border: box, alignment: { vertical: 'middle', wrapText: true } },
  input: { font: font(), border: box, fill: fill(COLORS.inputFill) },
  output: { font: font({ color: { argb: 'FF404040' } }), border: box },
  status: { font: font({ bold: true }), border: box, alignment: { horizontal: 'center' } },
};
