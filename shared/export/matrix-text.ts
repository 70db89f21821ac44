import { type CsvSeparator, toCsv } from './csv';
import { markdownHeading, markdownTable } from './markdown';
import type { MatrixExport } from './matrix-export';

/**
 * The matrix export as CSV: one table, the journey first on every row (a frame's matrices
 * end up in one file a script can read), then the matrix columns. The not-to-do list and the
 * metrics need the XLSX or Markdown export (CSV has no sheets).
 */
export function matrixCsv(data: MatrixExport, separator: CsvSeparator): Uint8Array {
  const rows = [
    [data.labels.matrix.journey, ...data.columns.map((c) => c.header)],
    ...data.sheets.flatMap((sheet) => sheet.rows.map((row) => [sheet.title, ...row])),
  ];
  return new TextEncoder().encode(toCsv(rows, separator));
}

/** The matrix export as Markdown: a section per matrix, then the not-to-do list and the metrics. */
export function matrixMarkdown(data: MatrixExport): Uint8Array {
  const headers = data.columns.map((c) => c.header);
  const parts = data.sheets.map(
    (sheet) => `${markdownHeading(2, sheet.title)}\n\n${markdownTable(headers, sheet.rows)}`,
  );
  if (data.notToDo.length > 0)
    parts.push(
      `${markdownHeading(2, data.labels.matrix.notToDoSheet)}\n\n${markdownTable(
        data.notToDoColumns.map((c) => c.header),
        data.notToDo,
      )}`,
    );
  if (data.metrics.length > 0)
    parts.push(
      `${markdownHeading(2, data.labels.matrix.metricsSheet)}\n\n${markdownTable(
        data.metricColumns.map((c) => c.header),
        data.metrics,
      )}`,
    );
  return new TextEncoder().encode(`${parts.join('\n\n')}\n`);
}
