/**
 * The AI-automation opportunity matrix as rows to show or export (DOMAIN 2.6): a board snapshot
 * and a matrix id in, plain rows out. One projection for the canvas table, its chart and
 * not-to-do views, and the spreadsheet / CSV / Markdown exports (UI and command line), so all of
 * them agree on row order, priority, filters and the method's hints.
 *
 * Pure: no Yjs, DOM or React. Sorting and filtering are views; nothing here writes the board.
 */
import type {
  BoardSnapshot,
  JourneySnapshot,
  MatrixDecision,
  MatrixRowSnapshot,
  MatrixSnapshot,
  MetricSnapshot,
  MomentSnapshot,
} from '../board';
import { AI_HUMAN_FIT_CAP, type AiPriorityDetails, aiPriority, compareAiPriority } from '../metrics';

/** Row orders a matrix can be shown in: the journey's stage order, or highest priority first. */
export const MATRIX_SORTS = ['stage', 'priority'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

/** Decision filters: every row, one decision, or rows not decided yet. */
export const MATRIX_FILTERS = ['all', 'now', 'later', 'not-to-do', 'undecided'] as const;
export type MatrixFilter = (typeof MATRIX_FILTERS)[number];

/**
 * The method's rules as hints (never blocks), translated by the UI as `matrix.hint.<code>`:
 * - `metric-first`: an AI idea but no metric to prove it ("metric first, then the solution");
 * - `no-value`: a started row that adds value for neither the company nor the client
 *   ("leave the stage as it is": suggest not to do);
 * - `human-high-fit`: a human must stay, yet the row claims a high automation fit (the fit
 *   counts only up to the cap in the priority).
 */
export const MATRIX_HINT_CODES = ['metric-first', 'no-value', 'human-high-fit'] as const;
export type MatrixHintCode = (typeof MATRIX_HINT_CODES)[number];

/** Automation fit from which a human-must-stay row is hinted: anything the cap would lower. */
export const HUMAN_HIGH_FIT = AI_HUMAN_FIT_CAP + 1;

/** One row of a matrix, ready to show. */
export interface MatrixRowView {
  /** The stored row: stage, six text cells, scores, flags, decision, metric link. */
  row: MatrixRowSnapshot;
  /** Position of the stage in the journey, 0-based (detached rows: -1). */
  stageIndex: number;
  /** True for a row kept after its stage was deleted. */
  detached: boolean;
  /** Priority 0..100 (unrounded), or null while a score is missing. */
  priority: number | null;
  /** The working behind the priority, when there is one. */
  priorityDetails: AiPriorityDetails | null;
  /** The linked metric, when it still exists on this stage. */
  metric: MetricSnapshot | null;
  /** The stage's metrics, for the metric column's choices. */
  stageMetrics: MetricSnapshot[];
  /** The stage's moments of truth, for the target-moment column's choices. */
  moments: MomentSnapshot[];
  hints: MatrixHintCode[];
}

/** The parts of a board snapshot a projection reads. */
export type MatrixSource = Pick<BoardSnapshot, 'matrices' | 'journeys' | 'metrics'>;

/** What to show of a matrix. */
export interface MatrixViewOptions {
  sort?: MatrixSort;
  filter?: MatrixFilter;
}

/** A matrix projected for display or export. */
export interface MatrixProjection {
  matrix: MatrixSnapshot;
  journey: JourneySnapshot;
  /** Rows of live stages, filtered and sorted as asked. */
  rows: MatrixRowView[];
  /** Every live row decided "not to do", in stage order (the not-to-do deliverable). */
  notToDo: MatrixRowView[];
  /** Rows kept after their stage was deleted, in the order they were kept. */
  detached: MatrixRowView[];
  /** How many live rows the journey has (before filtering). */
  total: number;
}

/** True when a text cell holds something other than white space. */
function filled(text: string): boolean {
  return text.trim() !== '';
}

/** The method's hints for one row (see {@link MATRIX_HINT_CODES}). */
export function matrixRowHints(row: MatrixRowSnapshot, metric: MetricSnapshot | null): MatrixHintCode[] {
  const hints: MatrixHintCode[] = [];
  const { cells } = row;
  if (filled(cells.handToAi) && !metric && !filled(cells.metric)) hints.push('metric-first');
  const started =
    Object.values(cells).some(filled) || row.pain !== null || row.money !== null || row.fit !== null;
  if (started && !filled(cells.companyValue) && !filled(cells.clientValue) && row.decision !== 'not-to-do')
    hints.push('no-value');
  if (row.humanMustStay && row.fit !== null && row.fit >= HUMAN_HIGH_FIT) hints.push('human-high-fit');
  return hints;
}

/** Whether a row passes a decision filter. */
export function passesFilter(row: MatrixRowSnapshot, filter: MatrixFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'undecided') return row.decision === null;
  return row.decision === (filter satisfies MatrixDecision);
}

function viewOf(
  row: MatrixRowSnapshot,
  stageIndex: number,
  journey: JourneySnapshot,
  metricsByStage: ReadonlyMap<string, MetricSnapshot[]>,
): MatrixRowView {
  const detached = stageIndex < 0;
  const stageMetrics = detached ? [] : (metricsByStage.get(row.stageId) ?? []);
  const metric = (row.metricId && stageMetrics.find((m) => m.id === row.metricId)) || null;
  const scored = aiPriority(row);
  return {
    row,
    stageIndex,
    detached,
    priority: scored.ok ? scored.value : null,
    priorityDetails: scored.ok ? scored.details : null,
    metric,
    stageMetrics,
    moments: detached ? [] : journey.moments.filter((m) => m.stageId === row.stageId),
    hints: matrixRowHints(row, metric),
  };
}

/** Rows highest priority first; rows without a priority last; ties keep stage order. */
function byPriority(rows: readonly MatrixRowView[]): MatrixRowView[] {
  return [...rows].sort((a, b) => compareAiPriority(a.row, b.row) || a.stageIndex - b.stageIndex);
}

/**
 * Projects one matrix of a board: its live rows in the journey's stage order (or by
 * priority), filtered by decision, with the not-to-do list and the detached rows. Null when
 * the board has no such matrix (or its journey is gone). Metrics are looked up among the
 * journey's metrics on the row's stage only, so a link left pointing elsewhere by concurrent
 * edits shows as no metric.
 */
export function projectMatrix(
  board: MatrixSource,
  matrixId: string,
  options: MatrixViewOptions = {},
): MatrixProjection | null {
  if (!Object.hasOwn(board.matrices, matrixId)) return null;
  const matrix = board.matrices[matrixId]!;
  if (!Object.hasOwn(board.journeys, matrix.journeyId)) return null;
  const journey = board.journeys[matrix.journeyId]!;
  const metricsByStage = new Map<string, MetricSnapshot[]>();
  for (const metric of Object.values(board.metrics)) {
    if (metric.journeyId !== journey.id) continue;
    const list = metricsByStage.get(metric.stageId) ?? [];
    list.push(metric);
    metricsByStage.set(metric.stageId, list);
  }
  for (const list of metricsByStage.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stageIndex = new Map(journey.stages.map((s, i) => [s.id, i]));
  // The snapshot's rows already follow the stages; the index comes from the journey so a row
  // is placed by its stage even if a caller hands in rows of an older snapshot.
  const live = matrix.rows
    .filter((r) => stageIndex.has(r.stageId))
    .map((r) => viewOf(r, stageIndex.get(r.stageId)!, journey, metricsByStage))
    .sort((a, b) => a.stageIndex - b.stageIndex);
  const filter = options.filter ?? 'all';
  const shown = live.filter((v) => passesFilter(v.row, filter));
  return {
    matrix,
    journey,
    rows: options.sort === 'priority' ? byPriority(shown) : shown,
    notToDo: live.filter((v) => v.row.decision === 'not-to-do'),
    detached: matrix.detachedRows.map((r) => viewOf(r, -1, journey, metricsByStage)),
    total: live.length,
  };
}

/** Matrices of a board in a stable order (title, then id), for pickers and exports. */
export function matricesOf(board: MatrixSource): MatrixSnapshot[] {
  return Object.values(board.matrices)
    .filter((m) => Object.hasOwn(board.journeys, m.journeyId))
    .sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Matrices that follow a journey. */
export function matricesOfJourney(board: MatrixSource, journeyId: string): MatrixSnapshot[] {
  return matricesOf(board).filter((m) => m.journeyId === journeyId);
}

/** Highest value on the chart's value axis (pain × money, each 1–5). */
export const MATRIX_VALUE_MAX = 25;

/** Where a row sits on the 2×2 chart: value = pain × money (1–25) against automation fit (1–5). */
export interface MatrixChartPoint {
  view: MatrixRowView;
  value: number;
  fit: number;
  /** Which quarter: value high/low (above the middle of 1–25), fit high/low (above 3). */
  quadrant: 'high-value-high-fit' | 'high-value-low-fit' | 'low-value-high-fit' | 'low-value-low-fit';
}

/** The chart's points: every row scored on pain, money and fit (the others are listed as unscored). */
export function matrixChartPoints(rows: readonly MatrixRowView[]): MatrixChartPoint[] {
  const points: MatrixChartPoint[] = [];
  for (const view of rows) {
    const { pain, money, fit } = view.row;
    if (pain === null || money === null || fit === null) continue;
    const value = pain * money;
    const highValue = value > (1 + MATRIX_VALUE_MAX) / 2;
    const highFit = fit > 3;
    points.push({
      view,
      value,
      fit,
      quadrant: `${highValue ? 'high' : 'low'}-value-${highFit ? 'high' : 'low'}-fit`,
    });
  }
  return points;
}
