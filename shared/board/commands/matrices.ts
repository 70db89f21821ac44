import { fail } from '../errors';
import { newId } from '../ids';
import * as Y from 'yjs';
import type { AiHumanReason, AiRisk } from '../../metrics/ai-matrix';
import {
  type MatrixColumn,
  type MatrixDecision,
  MATRIX_COLUMNS,
  matrixCellField,
  matrixFields,
  matrixRowFields,
  oneOf,
  rowKey,
} from '../records';
import { newText, setTextField } from '../text';
import { checkFramePatch, writeFramePatch } from './blueprints';
import { type CommandContext, newRecord, partOf, recordIn } from './context';
import { deleteWithAttachments } from './elements';

/** Commands of AI-opportunity matrices: the frame and the rows that follow its journey's stages. */

/** Fields of a stage's row that `updateMatrixRow` accepts. */
export type MatrixRowPatch = Partial<{
  pain: number | null;
  money: number | null;
  fit: number | null;
  humanMustStay: boolean;
  humanReasonKind: AiHumanReason | null;
  humanReason: string;
  riskKinds: AiRisk[];
  risks: string;
  decision: MatrixDecision | null;
  metricId: string | null;
}>;

/** Adds an AI-opportunity matrix that follows a journey: one row per stage. */
export function addMatrix(
  ctx: CommandContext,
  input: { journeyId: string; title?: string; x: number; y: number },
): string {
  if (typeof input !== 'object' || input === null) fail('matrix must be an object');
  recordIn(ctx.roots.journeys, input.journeyId, 'journey');
  const title = matrixFields.title.check(input.title ?? '', 'title');
  const x = matrixFields.x.check(input.x, 'x');
  const y = matrixFields.y.check(input.y, 'y');
  const id = newId();
  ctx.run('addMatrix', () => {
    ctx.roots.matrices.set(
      id,
      newRecord({
        id,
        journeyId: input.journeyId,
        title: newText(title),
        x,
        y,
        rows: new Y.Map(),
        detached: new Y.Array(),
      }),
    );
  });
  return id;
}

/** Moves or renames a matrix. */
export function updateMatrix(
  ctx: CommandContext,
  id: string,
  patch: Partial<{ title: string; x: number; y: number }>,
): void {
  const m = recordIn(ctx.roots.matrices, id, 'matrix');
  const checked = checkFramePatch(matrixFields, patch);
  ctx.run('updateMatrix', () => writeFramePatch(m, checked));
}

/** Deletes a matrix and connectors attached to it. */
export function deleteMatrix(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.matrices, id, 'matrix');
  ctx.run('deleteMatrix', () => {
    ctx.roots.matrices.delete(id);
    deleteWithAttachments(ctx, new Set([id]));
  });
}

/** The rows map of a matrix, after checking that `stageId` is a live stage of its journey. */
function matrixRows(ctx: CommandContext, matrixId: string, stageId: string): Y.Map<unknown> {
  const matrix = recordIn(ctx.roots.matrices, matrixId, 'matrix');
  const journeyId = String(matrix.get('journeyId'));
  const journey = recordIn(ctx.roots.journeys, journeyId, 'journey');
  recordIn(partOf(journey, 'stages', `journey ${journeyId}`), stageId, 'stage');
  return partOf(matrix, 'rows', `matrix ${matrixId}`);
}

const columnField = oneOf(MATRIX_COLUMNS, 'targetMoment');

/** Writes one of the six text columns of a stage's row. */
export function setMatrixCell(
  ctx: CommandContext,
  matrixId: string,
  stageId: string,
  column: MatrixColumn,
  text: string,
): void {
  const rows = matrixRows(ctx, matrixId, stageId);
  const col = columnField.check(column, 'matrix column');
  const value = matrixCellField.check(text, 'cell text');
  ctx.run('setMatrixCell', () => setTextField(rows, rowKey(stageId, `cell:${col}`), value));
}

/** Scores, flags, decision and metric link of a stage's row. */
export function updateMatrixRow(
  ctx: CommandContext,
  matrixId: string,
  stageId: string,
  patch: MatrixRowPatch,
): void {
  const rows = matrixRows(ctx, matrixId, stageId);
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const values: [string, unknown][] = [];
  const texts: [string, string][] = [];
  for (const key of [
    'pain',
    'money',
    'fit',
    'humanMustStay',
    'humanReasonKind',
    'riskKinds',
    'decision',
  ] as const)
    if (patch[key] !== undefined) values.push([key, matrixRowFields[key].check(patch[key], key)]);
  for (const key of ['humanReason', 'risks'] as const)
    if (patch[key] !== undefined) texts.push([key, matrixRowFields[key].check(patch[key], key)]);
  if (patch.metricId !== undefined) {
    if (patch.metricId !== null) {
      const metric = recordIn(ctx.roots.metrics, patch.metricId, 'metric');
      if (metric.get('stageId') !== stageId) fail('the metric belongs to another stage');
    }
    values.push(['metricId', patch.metricId]);
  }
  ctx.run('updateMatrixRow', () => {
    for (const [k, v] of values) rows.set(rowKey(stageId, k), v);
    for (const [k, v] of texts) setTextField(rows, rowKey(stageId, k), v);
  });
}
