import {
  type BoardDoc,
  MATRIX_COLUMNS,
  type MatrixRowSnapshot,
  type MatrixSnapshot,
} from '../../../shared/board';
import { matrixSchema } from '../../../shared/board/records';
import { journeyNodeSizeNow } from '../journey/size';

/**
 * Copies of AI matrices (duplicate, copy/paste within a board and across boards). A copy is
 * the matrix's snapshot: its rows with their stages' ids and titles. Pasting follows, in
 * order: the copy of its journey pasted in the same batch (rows matched by position, the
 * pasted journey has the same stages in the same order); else its journey on this board (rows
 * matched by stage, rows of stages deleted since are dropped); else a new light journey made
 * from the rows' stage titles, above the matrix, so the matrix always follows a journey.
 */

/** Reads a matrix from untrusted data: the record's schema, plus stages once each. Null when wrong. */
export function parseMatrix(raw: unknown): MatrixSnapshot | null {
  const parsed = matrixSchema.safeParse(raw);
  if (!parsed.success) return null;
  const matrix = parsed.data;
  if (new Set(matrix.rows.map((r) => r.stageId)).size !== matrix.rows.length) return null;
  return matrix;
}

/** Gap between a journey made for a pasted matrix and the matrix below it. */
const GAP = 80;

/** Writes the row's fields into the matrix's row of `stageId`. */
function writeRow(
  board: BoardDoc,
  matrixId: string,
  stageId: string,
  row: MatrixRowSnapshot,
  keepMetric: boolean,
) {
  for (const column of MATRIX_COLUMNS)
    if (row.cells[column] !== '') board.setMatrixCell(matrixId, stageId, column, row.cells[column]);
  board.updateMatrixRow(matrixId, stageId, {
    pain: row.pain,
    money: row.money,
    fit: row.fit,
    humanMustStay: row.humanMustStay,
    humanReasonKind: row.humanReasonKind,
    humanReason: row.humanReason,
    riskKinds: row.riskKinds,
    risks: row.risks,
    decision: row.decision,
    ...(keepMetric ? { metricId: row.metricId } : {}),
  });
}

/**
 * Writes a copy of `matrix` at `at` with the board's public commands, inside the caller's
 * batch; `pasted` maps ids of frames pasted earlier in the same batch to their copies.
 * Detached rows are not copied (they belong to the original's history). Returns the new id.
 */
export function pasteMatrix(
  board: BoardDoc,
  matrix: MatrixSnapshot,
  at: { x: number; y: number },
  pasted: ReadonlyMap<string, string> = new Map(),
): string {
  const before = board.snapshot();
  const copiedJourney = pasted.get(matrix.journeyId);
  let journeyId: string;
  let stageOf: (row: MatrixRowSnapshot, index: number) => string | undefined;
  let matrixAt = at;
  if (copiedJourney && Object.hasOwn(before.journeys, copiedJourney)) {
    journeyId = copiedJourney;
    const stages = before.journeys[copiedJourney]!.stages;
    stageOf = (_row, i) => stages[i]?.id;
  } else if (Object.hasOwn(before.journeys, matrix.journeyId)) {
    journeyId = matrix.journeyId;
    const live = new Set(before.journeys[journeyId]!.stages.map((s) => s.id));
    stageOf = (row) => (live.has(row.stageId) ? row.stageId : undefined);
  } else {
    journeyId = board.addJourney({
      kind: 'cjm',
      preset: 'light',
      x: at.x,
      y: at.y,
      stageTitles: matrix.rows.map((r) => r.stageTitle),
    });
    const journey = board.snapshot().journeys[journeyId]!;
    const stages = journey.stages;
    stageOf = (_row, i) => stages[i]?.id;
    matrixAt = { x: at.x, y: at.y + journeyNodeSizeNow(journey).height + GAP };
  }
  const id = board.addMatrix({ journeyId, title: matrix.title, x: matrixAt.x, y: matrixAt.y });
  const metrics = board.snapshot().metrics;
  matrix.rows.forEach((row, i) => {
    const stageId = stageOf(row, i);
    if (!stageId) return;
    const metric = row.metricId && Object.hasOwn(metrics, row.metricId) ? metrics[row.metricId] : undefined;
    writeRow(
      board,
      id,
      stageId,
      row,
      !!metric && metric.stageId === stageId && metric.journeyId === journeyId,
    );
  });
  return id;
}
