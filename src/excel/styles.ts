// The template's cell styles as Office.js range formats (the ExcelJS adapter has its own table).
import { COLORS, type CellStyle } from '../template/model';

export interface OfficeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontal?: 'Center' | 'Right' | 'Left';
}

export const OFFICE_STYLES: Record<CellStyle, OfficeStyle> = {
  title: { bold: true, size: 14, horizontal: 'Center' },
  label: { bold: true, horizontal: 'Right' },
  titleInput: { fill: COLORS.inputFill },
  note: { italic: true, size: 11, horizontal: 'Center', wrap: true },
  header: { bold: true, fill: COLORS.headerFill, wrap: true, horizontal: 'Center' },
  number: { italic: true, size: 10, horizontal: 'Center' },
  section: { bold: true, fill: COLORS.sectionFill },
  heading: { bold: true, wrap: true },
  text: { wrap: true },
  input: { fill: COLORS.inputFill },
  output: { fontColor: '#404040' },
  status: { bold: true, horizontal: 'Center' },
};

/** Excel column width in points from a width in characters (Times New Roman 12). */
export const charsToPoints = (chars: number): number => Math.round(chars * 6.5);
