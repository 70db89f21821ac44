import type * as ExcelJS from 'exceljs';
import type { ColumnKind, ExportColumn, MatrixExport, SheetCell } from './matrix-export';
import type { ExportContext } from './runner';
import { loadExcel, sheetName, workbookBytes } from './xlsx';

/** Column widths in characters, by what a column holds. */
const WIDTHS: Record<ColumnKind, number> = {
  text: 22,
  longText: 36,
  score: 13,
  priority: 13,
  flag: 13,
  decision: 14,
  number: 12,
};

/**
 * Priority bands and their fills (ARGB): high from 50 (e.g. 4·4·4), medium from 20 (e.g.
 * 3·3·3), low below. The same thresholds name the band in a cell note for screen readers.
 */
export const PRIORITY_BANDS = [
  { from: 50, fill: 'FFF4B183' },
  { from: 20, fill: 'FFFFE699' },
  { from: 0, fill: 'FFC6EFCE' },
] as const;

export function priorityFill(priority: number): string {
  return (PRIORITY_BANDS.find((band) => priority >= band.from) ?? PRIORITY_BANDS[2]).fill;
}

const HEADER_FILL = 'FFD9E1F2';

/** Adds a sheet with a bold, wrapped, frozen header row and sized, wrapping columns. */
function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ExportColumn[],
  rows: readonly (readonly SheetCell[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: WIDTHS[c.kind] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return sheet;
}

/** 1–5 drop-downs on the score columns, the decision list on the decision column, priority colours. */
function addChoices(
  sheet: ExcelJS.Worksheet,
  columns: readonly ExportColumn[],
  data: MatrixExport,
  priorities?: readonly (number | null)[],
) {
  const decisions = Object.values(data.labels.matrix.decisions);
  const flags = [data.labels.yes, data.labels.no];
  const list = (items: readonly string[]) => [`"${items.join(',')}"`];
  for (let r = 2; r <= sheet.rowCount; r++) {
    columns.forEach((column, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (column.kind === 'score')
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: list(['1', '2', '3', '4', '5']),
          showErrorMessage: true,
        };
      else if (column.kind === 'decision')
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: list(decisions),
          showErrorMessage: true,
        };
      else if (column.kind === 'flag')
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: list(flags),
          showErrorMessage: true,
        };
      else if (column.kind === 'priority') {
        const priority = priorities?.[r - 2] ?? (typeof cell.value === 'number' ? cell.value : null);
        if (priority !== null && priority !== undefined)
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: priorityFill(priority) } };
        cell.alignment = { horizontal: 'center', vertical: 'top' };
      }
    });
  }
}

/**
 * The matrix export as an XLSX workbook: one sheet per matrix named after its journey, then
 * the not-to-do sheet and the stage-metrics sheet; headers in the export language; frozen
 * header rows, widths and wrapping; 1–5, yes/no and decision drop-downs; priority coloured.
 */
export async function matrixXlsx(data: MatrixExport, context?: ExportContext): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'CX Board';
  const taken = new Set<string>();
  // The fixed sheets' names are reserved first, so a journey called "Not to do" gets "(2)".
  const notToDoName = sheetName(data.labels.matrix.notToDoSheet, taken);
  const metricsName = sheetName(data.labels.matrix.metricsSheet, taken);
  const total = data.sheets.length + 3;
  let done = 0;
  for (const matrix of data.sheets) {
    await context?.checkpoint();
    const sheet = addTable(workbook, sheetName(matrix.title, taken), data.columns, matrix.rows);
    addChoices(sheet, data.columns, data, matrix.priorities);
    context?.progress(++done, total);
  }
  await context?.checkpoint();
  addChoices(addTable(workbook, notToDoName, data.notToDoColumns, data.notToDo), data.notToDoColumns, data);
  context?.progress(++done, total);
  addTable(workbook, metricsName, data.metricColumns, data.metrics);
  context?.progress(++done, total);
  const bytes = await workbookBytes(workbook, context);
  context?.progress(++done, total);
  return bytes;
}
