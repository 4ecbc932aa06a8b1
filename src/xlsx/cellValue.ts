// What an ExcelJS cell holds, as the engine's RawValue: formulas give their cached result, rich text its
// plain text, error values their code; a date is text to the engine (no indicator is a date).
import type ExcelJS from 'exceljs';
import type { RawValue } from '../core/types';

export function rawValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // A number in a date format far outside the calendar reads as an invalid Date: Excel shows it as ####.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '#######' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : rawValue(result as ExcelJS.CellValue);
    }
    if ('text' in value && typeof (value as ExcelJS.CellHyperlinkValue).text === 'string') return (value as ExcelJS.CellHyperlinkValue).text;
  }
  return String(value);
}
