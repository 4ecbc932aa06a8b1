// Writes a report's flags into a workbook read by ExcelJS (for `check --out`, always a copy): the status
// cells show the engine's verdict, findings colour their cells and carry a note with the message, and the
// note column gets the row's findings after whatever the user wrote there.
import type ExcelJS from 'exceljs';
import { FLAG_FILL, NOTE_PREFIX, planFlags } from '../core/flags';
import type { Report } from '../core/types';
import type { NamedCell } from './definedNames';
import { argb } from './styles';

export function writeFlags(workbook: ExcelJS.Workbook, cells: Map<string, NamedCell>, report: Report): void {
  const plan = planFlags(report);
  const at = (name: string): ExcelJS.Cell | null => {
    const nc = cells.get(name.toUpperCase());
    const ws = nc && workbook.getWorksheet(nc.sheet);
    return ws ? ws.getCell(nc!.address) : null;
  };
  for (const row of plan.rows) {
    const status = at(row.statusName);
    if (status) {
      const v = status.value;
      // Keep the live formula; give it the engine's result so a viewer that does not recalculate shows it.
      if (v && typeof v === 'object' && 'formula' in v) status.value = { formula: v.formula, result: row.statusText } as ExcelJS.CellFormulaValue;
      // A value the user typed over the formula is theirs: kept (the row's findings still go to its note).
      else if (v === null || v === undefined || v === '') status.value = row.statusText;
    }
    const note = at(row.noteName);
    if (note && row.note) {
      const own = typeof note.value === 'string' ? note.value : note.value == null ? '' : String(note.value);
      note.value = (own ? own + '\n' : '') + NOTE_PREFIX + row.note;
      note.alignment = { ...note.alignment, wrapText: true, vertical: 'top' };
    }
  }
  for (const mark of plan.cells) {
    const cell = at(mark.name);
    if (!cell) continue;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(FLAG_FILL[mark.severity]) } };
    const text = NOTE_PREFIX + mark.messages.join('\n');
    const existing = typeof cell.note === 'string' ? cell.note : '';
    cell.note = existing ? `${existing}\n${text}` : text;
  }
}
