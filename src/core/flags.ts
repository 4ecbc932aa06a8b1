// What the adapters mark in the cells for a report: one plan of marks, drawn by both the ExcelJS and
// the Office.js adapters, so the flagged copy and the add-in look the same.
import { cellName } from './names';
import { STATUS_TEXT, UNJUDGED_TEXT } from './rules';
import type { Finding, Report, Severity } from './types';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, shortfall: 1, warning: 2 };

/** Fill colours by the worst severity on a cell. */
export const FLAG_FILL: Record<Severity, string> = { error: '#FF9999', shortfall: '#F8CBAD', warning: '#FFE699' };

export const SEVERITY_WORD: Record<Severity, string> = { error: 'Lỗi', shortfall: 'Chưa đạt', warning: 'Cảnh báo' };

export interface CellMark {
  /** Defined name of the cell to mark. */
  name: string;
  severity: Severity;
  /** The messages for this cell, one per finding, prefixed with their severity. */
  messages: string[];
}

export interface RowMark {
  /** DG_… status cell and the status text to show there. */
  statusName: string;
  statusText: string;
  /** GC_… note cell and the short text for it (empty when the row has no finding). */
  noteName: string;
  note: string;
}

export interface FlagPlan {
  cells: CellMark[];
  rows: RowMark[];
}

/**
 * Findings listed but not marked in the cells: an empty cell the user has yet to fill is not an error in
 * the sheet, and colouring every row of a fresh template would hide the marks that matter.
 */
export const UNMARKED_CODES: ReadonlySet<string> = new Set(['missing', 'missing-plan']);

export function planFlags(report: Report): FlagPlan {
  const byCell = new Map<string, CellMark>();
  const byRow = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (UNMARKED_CODES.has(f.code)) continue;
    const name = f.name ?? cellName('DG', f.id, f.measure);
    const mark = byCell.get(name) ?? { name, severity: f.severity, messages: [] };
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[mark.severity]) mark.severity = f.severity;
    mark.messages.push(`${SEVERITY_WORD[f.severity]}: ${f.message}`);
    byCell.set(name, mark);
    const rk = `${f.id}/${f.measure ?? ''}`;
    byRow.set(rk, [...(byRow.get(rk) ?? []), f]);
  }
  const rows: RowMark[] = report.indicators.map((ind) => {
    const fs = (byRow.get(`${ind.id}/${ind.measure ?? ''}`) ?? []).slice().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    return {
      statusName: cellName('DG', ind.id, ind.measure),
      statusText: ind.judged === false ? UNJUDGED_TEXT : STATUS_TEXT[ind.status],
      noteName: cellName('GC', ind.id, ind.measure),
      note: fs.length ? fs.map((f) => `${SEVERITY_WORD[f.severity]}: ${f.message}`).join('\n') : '',
    };
  });
  return { cells: [...byCell.values()], rows };
}

/** Marks the flag writers prefix to the note column, so clearing knows what is theirs. */
export const NOTE_PREFIX = '[chitieu] ';
