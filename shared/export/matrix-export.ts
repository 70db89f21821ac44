import type { BoardSnapshot, MatrixColumn, MetricSnapshot } from '../board';
import { type MatrixRowView, type MatrixSort, projectMatrix } from '../matrix';
import { type ExportLabels, exportLabels } from './labels';
import type { ExportLanguage } from './language';

/** A value in an exported table: text, a number, or nothing. */
export type SheetCell = string | number | null;

/** What kind of value a column holds: how writers format, size and validate it. */
export type ColumnKind = 'text' | 'longText' | 'score' | 'priority' | 'flag' | 'decision' | 'number';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}

/** One matrix as a table: its journey's title and its rows (stage order unless asked otherwise). */
export interface MatrixSheet {
  matrixId: string;
  /** The journey's title (the sheet and section name); never empty. */
  title: string;
  rows: SheetCell[][];
  /** Each row's priority 0..100 rounded, or null (for colouring). */
  priorities: (number | null)[];
}

/**
 * The AI-automation matrices of an export (a selected matrix, or every matrix in a frame), as
 * plain tables in the export language: one table per matrix, the not-to-do list across them,
 * and the stages' metrics. Built from `projectMatrix` (shared/matrix), so order, priority and
 * the not-to-do rule are the canvas's. The writers (XLSX, CSV, Markdown) only format this.
 */
export interface MatrixExport {
  language: ExportLanguage;
  labels: ExportLabels;
  /** Columns of a matrix table (the stage first, then the method's order, scores, decision). */
  columns: ExportColumn[];
  sheets: MatrixSheet[];
  /** The not-to-do list: the journey, then the matrix columns. */
  notToDoColumns: ExportColumn[];
  notToDo: SheetCell[][];
  metricColumns: ExportColumn[];
  metrics: SheetCell[][];
}

const TEXT_COLUMNS: readonly MatrixColumn[] = [
  'targetMoment',
  'today',
  'handToAi',
  'metric',
  'companyValue',
  'clientValue',
];

function matrixColumns(l: ExportLabels): ExportColumn[] {
  const m = l.matrix;
  return [
    { header: m.stage, kind: 'text' },
    ...TEXT_COLUMNS.map((c): ExportColumn => ({ header: m[c], kind: 'longText' })),
    { header: m.pain, kind: 'score' },
    { header: m.money, kind: 'score' },
    { header: m.fit, kind: 'score' },
    { header: m.priority, kind: 'priority' },
    { header: m.humanMustStay, kind: 'flag' },
    { header: m.humanReason, kind: 'longText' },
    { header: m.risks, kind: 'longText' },
    { header: m.decision, kind: 'decision' },
  ];
}

function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** The metric cell: the linked metric with its current and target, then the free text. */
function metricText(view: MatrixRowView): string {
  const parts: string[] = [];
  const metric = view.metric;
  if (metric) {
    const unit = metric.unit ? ` ${metric.unit}` : '';
    const values =
      metric.current !== null || metric.target !== null
        ? ` (${formatNumber(metric.current)} → ${formatNumber(metric.target)}${unit})`
        : '';
    parts.push(`${metric.name}${values}`);
  }
  if (view.row.cells.metric.trim()) parts.push(view.row.cells.metric);
  return parts.join('\n');
}

function joinNonEmpty(parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== '').join('; ');
}

function matrixRow(view: MatrixRowView, l: ExportLabels): SheetCell[] {
  const { row } = view;
  const m = l.matrix;
  return [
    row.stageTitle,
    ...TEXT_COLUMNS.map((c) => (c === 'metric' ? metricText(view) : row.cells[c])),
    row.pain,
    row.money,
    row.fit,
    view.priority === null ? null : Math.round(view.priority),
    row.humanMustStay ? l.yes : l.no,
    joinNonEmpty([row.humanReasonKind ? m.humanReasons[row.humanReasonKind] : '', row.humanReason]),
    joinNonEmpty([...row.riskKinds.map((r) => m.riskKinds[r]), row.risks]),
    row.decision ? m.decisions[row.decision] : '',
  ];
}

function metricRow(
  journeyTitle: string,
  stageTitle: string,
  metric: MetricSnapshot,
  l: ExportLabels,
): SheetCell[] {
  return [
    journeyTitle,
    stageTitle,
    metric.name,
    l.metrics.categories[metric.category],
    metric.current,
    metric.target,
    metric.unit,
    metric.period,
    l.metrics.sources[metric.source],
    metric.owner,
  ];
}

export interface MatrixExportOptions {
  language: ExportLanguage;
  /** Row order of the matrix tables (the not-to-do list and metrics stay in stage order). */
  sort?: MatrixSort;
}

/**
 * Builds the export of `matrixIds` (in that order; unknown ids, or matrices whose journey is
 * gone, are skipped). Returns null when none is left.
 */
export function buildMatrixExport(
  board: BoardSnapshot,
  matrixIds: readonly string[],
  options: MatrixExportOptions,
): MatrixExport | null {
  const labels = exportLabels(options.language);
  const columns = matrixColumns(labels);
  const sheets: MatrixSheet[] = [];
  const notToDo: SheetCell[][] = [];
  const metrics: SheetCell[][] = [];
  const journeysDone = new Set<string>();
  for (const matrixId of matrixIds) {
    const projection = projectMatrix(board, matrixId, { sort: options.sort ?? 'stage' });
    if (!projection) continue;
    const title = projection.journey.title.trim() || projection.matrix.title.trim() || labels.matrix.untitled;
    sheets.push({
      matrixId,
      title,
      rows: projection.rows.map((v) => matrixRow(v, labels)),
      priorities: projection.rows.map((v) => (v.priority === null ? null : Math.round(v.priority))),
    });
    for (const view of projection.notToDo) notToDo.push([title, ...matrixRow(view, labels)]);
    // The stages' metrics, once per journey (two matrices of one journey share them).
    if (journeysDone.has(projection.journey.id)) continue;
    journeysDone.add(projection.journey.id);
    for (const view of [...projection.rows].sort((a, b) => a.stageIndex - b.stageIndex))
      for (const metric of view.stageMetrics)
        metrics.push(metricRow(title, view.row.stageTitle, metric, labels));
  }
  if (sheets.length === 0) return null;
  const mt = labels.metrics;
  return {
    language: options.language,
    labels,
    columns,
    sheets,
    notToDoColumns: [{ header: labels.matrix.journey, kind: 'text' }, ...columns],
    notToDo,
    metricColumns: [
      { header: labels.matrix.journey, kind: 'text' },
      { header: labels.matrix.stage, kind: 'text' },
      { header: mt.name, kind: 'text' },
      { header: mt.category, kind: 'text' },
      { header: mt.current, kind: 'number' },
      { header: mt.target, kind: 'number' },
      { header: mt.unit, kind: 'text' },
      { header: mt.period, kind: 'text' },
      { header: mt.source, kind: 'text' },
      { header: mt.owner, kind: 'text' },
    ],
    metrics,
  };
}
