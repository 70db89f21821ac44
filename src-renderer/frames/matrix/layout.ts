import type { MatrixColumn, MatrixSnapshot } from '../../../shared/board';
import { MATRIX_COLUMNS } from '../../../shared/board';

/**
 * Sizes of the AI-matrix frame, in flow pixels. Everything is placed from these numbers (rows
 * have one fixed height; long text wraps and scrolls inside its cell), so the node's size is
 * known before React Flow measures it. `matrix.css` uses the same numbers through CSS
 * variables set from here.
 */
export const MATRIX_METRICS = {
  padding: 12,
  headerHeight: 112,
  columnHeaderHeight: 44,
  rowHeight: 148,
  /** Room below the rows (detached-rows note). */
  footerHeight: 28,
  /** The chart and not-to-do views need at least this much room below the header. */
  minBodyHeight: 460,
} as const;

/** The table's columns after the stage name, in order: the six of the method, then prioritisation. */
export const TABLE_COLUMNS = [
  'stage',
  ...MATRIX_COLUMNS,
  'pain',
  'money',
  'fit',
  'human',
  'risks',
  'decision',
  'priority',
  'suggest',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const COLUMN_WIDTHS: Readonly<Record<TableColumn, number>> = {
  stage: 150,
  targetMoment: 210,
  today: 200,
  handToAi: 220,
  metric: 210,
  companyValue: 190,
  clientValue: 190,
  pain: 64,
  money: 64,
  fit: 64,
  human: 180,
  risks: 180,
  decision: 124,
  priority: 96,
  suggest: 60,
};

/** True for the six text columns of the method. */
export function isTextColumn(column: TableColumn): column is MatrixColumn {
  return (MATRIX_COLUMNS as readonly string[]).includes(column);
}

/** Left edge of each column, relative to the table. */
export const COLUMN_LEFT: Readonly<Record<TableColumn, number>> = (() => {
  const left = {} as Record<TableColumn, number>;
  let x = 0;
  for (const column of TABLE_COLUMNS) {
    left[column] = x;
    x += COLUMN_WIDTHS[column];
  }
  return left;
})();

/** Width of the whole table. */
export const TABLE_WIDTH = TABLE_COLUMNS.reduce((sum, column) => sum + COLUMN_WIDTHS[column], 0);

/** Height of the frame's body (below the header) for a matrix with this many rows. */
export function bodyHeight(rows: number): number {
  const m = MATRIX_METRICS;
  return Math.max(m.minBodyHeight, m.columnHeaderHeight + Math.max(rows, 1) * m.rowHeight + m.footerHeight);
}

/** The node's size: it depends on the number of stages only (views and filters never resize it). */
export function matrixNodeSize(matrix: Pick<MatrixSnapshot, 'rows'>): { width: number; height: number } {
  const m = MATRIX_METRICS;
  return {
    width: m.padding * 2 + TABLE_WIDTH,
    height: m.padding * 2 + m.headerHeight + bodyHeight(matrix.rows.length),
  };
}
