// Draws the template model into an ExcelJS worksheet: values, live formulas, formats, styles, defined
// names, data validation, conditional formatting, frozen header, A4 landscape print setup.
import ExcelJS from 'exceljs';
import type { TemplateModel } from '../template/model';
import type { ValidationSpec } from '../template/validation';
import { COLUMN_ORDER, COLUMNS, HEADER_ROW, NUMBER_ROW, PLAN_NAME, PLAN_SHEET } from '../template/layout';
import { planSheetCells } from '../core/planSheet';
import { argb, XLSX_STYLES } from './styles';

export function renderTemplate(workbook: ExcelJS.Workbook, model: TemplateModel): ExcelJS.Worksheet {
  if (workbook.getWorksheet(model.sheetName)) {
    throw new Error(`Sổ tính đã có trang "${model.sheetName}"; không ghi đè.`);
  }
  const ws = workbook.addWorksheet(model.sheetName, {
    views: [{ state: 'frozen', xSplit: model.freeze.columns, ySplit: model.freeze.rows }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${NUMBER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = COLUMN_ORDER.map((k) => ({ key: k, width: COLUMNS[k].width }));
  ws.getRow(HEADER_ROW).height = 48;

  for (const row of model.rows) {
    for (const k of COLUMN_ORDER) {
      const spec = row.cells[k];
      if (!spec) continue;
      const cell = ws.getCell(`${COLUMNS[k].letter}${row.row}`);
      if (spec.formula !== undefined) cell.value = { formula: spec.formula } as ExcelJS.CellFormulaValue;
      else if (spec.value !== undefined) cell.value = spec.value;
      if (spec.numFmt) cell.numFmt = spec.numFmt;
      const style = XLSX_STYLES[spec.style];
      cell.font = style.font;
      if (style.alignment) cell.alignment = style.alignment;
      if (style.border) cell.border = style.border;
      if (style.fill) cell.fill = style.fill;
      if (spec.name) cell.name = spec.name;
      if (spec.validation) cell.dataValidation = toDataValidation(spec.validation);
    }
  }
  for (const m of model.merges) ws.mergeCells(m);
  for (const cf of model.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{
        type: 'expression', priority: 1, formulae: [cf.formula],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } },
      }],
    });
  }
  workbook.calcProperties.fullCalcOnLoad = true;
  return ws;
}

/** The hidden sheet with the plan JSON (src/core/planSheet.ts says what is in it), unless the workbook has one. */
export function writePlanSheet(workbook: ExcelJS.Workbook, planJson: string): void {
  if (workbook.getWorksheet(PLAN_SHEET)) return;
  const ws = workbook.addWorksheet(PLAN_SHEET, { state: 'hidden' });
  ws.getColumn(1).width = 120;
  planSheetCells(planJson).forEach((text, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = text;
    cell.numFmt = '@';
    if (i === 0) cell.name = PLAN_NAME;
  });
}

export function toDataValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true, showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: v.errorTitle, error: v.error,
  } as const;
  if (v.type === 'list') return { type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`], ...messages };
  const formulae = v.operator === 'between' ? [v.min ?? 0, v.max ?? 0] : [v.min ?? 0];
  return { type: v.type, operator: v.operator ?? 'between', formulae, ...messages };
}

export function newTemplateWorkbook(model: TemplateModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  wb.created = new Date();
  renderTemplate(wb, model);
  // Last, so the template's sheets keep their places (sheet-scoped names count sheets by position).
  writePlanSheet(wb, model.planJson);
  return wb;
}
