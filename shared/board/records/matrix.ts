import * as Y from 'yjs';
import { z } from 'zod';
import { type IssueSink, own, subMap, type YMap } from '../read';
import {
  boolean,
  coordinate,
  id,
  MAX_TITLE_LENGTH,
  nullableId,
  nullableInteger,
  nullableOneOf,
  repairFields,
  setOf,
  text,
} from './fields';
import { AI_HUMAN_REASONS, AI_RISKS } from '../../metrics/ai-matrix';
import { type JourneySnapshot, MAX_STAGES } from './journey';

/**
 * The AI-opportunity matrix (DOMAIN 2.6): one row per stage of its journey. Row fields are
 * stored flat in the matrix's `rows` Y.Map under `${stageId}|${field}` keys (so two people
 * filling different fields of a new row never overwrite each other); rows kept after their
 * stage was deleted are plain objects in the `detached` Y.Array.
 */
export const MATRIX_COLUMNS = [
  'targetMoment',
  'today',
  'handToAi',
  'metric',
  'companyValue',
  'clientValue',
] as const;
/** The six text columns of the AI-opportunity matrix, in the talk's order (DOMAIN 2.6). */
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const MATRIX_DECISIONS = ['now', 'later', 'not-to-do'] as const;
export type MatrixDecision = (typeof MATRIX_DECISIONS)[number];

export const matrixFields = {
  journeyId: id(),
  title: text(MAX_TITLE_LENGTH),
  x: coordinate(),
  y: coordinate(),
};

/** Fields of one row, stored under `rowKey(stageId, field)`; the text columns under `cell:<column>`. */
export const matrixRowFields = {
  /** Metric attached to the stage that proves the change, if linked. */
  metricId: nullableId(),
  /** 1..5 each, or null when not scored yet. */
  pain: nullableInteger(1, 5),
  money: nullableInteger(1, 5),
  fit: nullableInteger(1, 5),
  humanMustStay: boolean(),
  /** Why a human must stay, as one of the method's reasons (`AI_HUMAN_REASONS`), or null. */
  humanReasonKind: nullableOneOf(AI_HUMAN_REASONS),
  /** Why a human must stay, in the team's own words (beside or instead of the reason kind). */
  humanReason: text(),
  /** Risks of handing the stage to AI, from the method's list (`AI_RISKS`). */
  riskKinds: setOf(AI_RISKS),
  /** Other risks, in the team's own words. */
  risks: text(),
  decision: nullableOneOf(MATRIX_DECISIONS),
};
/** Every matrix cell is a text field of this definition. */
export const matrixCellField = text();
const stageTitleField = text();

const idSchema = id().schema;

export const matrixRowSchema = z.object({
  /** The journey stage this row belongs to. */
  stageId: idSchema,
  stageTitle: stageTitleField.schema,
  cells: z.object(
    Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, matrixCellField.schema])) as Record<
      MatrixColumn,
      typeof matrixCellField.schema
    >,
  ),
  metricId: matrixRowFields.metricId.schema,
  pain: matrixRowFields.pain.schema,
  money: matrixRowFields.money.schema,
  fit: matrixRowFields.fit.schema,
  humanMustStay: matrixRowFields.humanMustStay.schema,
  // Added after the first release: a copy from an older version has neither (clipboard).
  humanReasonKind: matrixRowFields.humanReasonKind.schema.default(null),
  humanReason: matrixRowFields.humanReason.schema,
  riskKinds: matrixRowFields.riskKinds.schema.default([]),
  risks: matrixRowFields.risks.schema,
  decision: matrixRowFields.decision.schema,
});
export type MatrixRowSnapshot = z.infer<typeof matrixRowSchema>;

export const matrixSchema = z.object({
  id: idSchema,
  journeyId: matrixFields.journeyId.schema,
  title: matrixFields.title.schema,
  x: matrixFields.x.schema,
  y: matrixFields.y.schema,
  /** One row per stage of the journey, in stage order. */
  rows: z.array(matrixRowSchema),
  /** Rows kept after their stage was deleted ("keep" was chosen). */
  detachedRows: z.array(matrixRowSchema).max(MAX_STAGES),
});
export type MatrixSnapshot = z.infer<typeof matrixSchema>;

/** Key of one field of one matrix row in the matrix's flat `rows` map. */
export function rowKey(stageId: string, field: string): string {
  return `${stageId}|${field}`;
}

/** Reads a row's fields through `get(field)`, repairing each. */
function repairRow(stageId: string, stageTitle: string, get: (field: string) => unknown): MatrixRowSnapshot {
  const cells = {} as Record<MatrixColumn, string>;
  for (const column of MATRIX_COLUMNS) cells[column] = matrixCellField.repair(get(`cell:${column}`));
  const f = {} as Record<string, unknown>;
  for (const key of Object.keys(matrixRowFields))
    f[key] = matrixRowFields[key as keyof typeof matrixRowFields].repair(get(key));
  return {
    stageId,
    stageTitle,
    cells,
    ...(f as Omit<MatrixRowSnapshot, 'stageId' | 'stageTitle' | 'cells'>),
  };
}

/** Reads the row of one stage from a matrix's flat `rows` map. */
export function readRow(rows: YMap, stageId: string, stageTitle: string): MatrixRowSnapshot {
  return repairRow(stageId, stageTitle, (field) => rows.get(rowKey(stageId, field)));
}

/** A detached row (a plain object from a peer or a file), repaired field by field; null if it has no stage. */
function readDetachedRow(raw: unknown): MatrixRowSnapshot | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const get = (key: string) => (Object.hasOwn(r, key) ? r[key] : undefined);
  const stageId = id().repair(get('stageId'));
  if (!stageId) return null;
  const rawCells = get('cells');
  const cells =
    typeof rawCells === 'object' && rawCells !== null ? (rawCells as Record<string, unknown>) : {};
  return repairRow(stageId, stageTitleField.repair(get('stageTitle')), (field) =>
    field.startsWith('cell:')
      ? Object.hasOwn(cells, field.slice(5))
        ? cells[field.slice(5)]
        : undefined
      : get(field),
  );
}

/** The matrix follows its journey: one row per live stage, in stage order. */
export function readMatrix(
  id: string,
  m: YMap,
  journeys: Readonly<Record<string, JourneySnapshot>>,
  onIssue: IssueSink,
): MatrixSnapshot | null {
  const f = repairFields(matrixFields, m);
  const journey = f.journeyId ? own(journeys, f.journeyId) : undefined;
  const rows = subMap(m, 'rows');
  if (!journey || !rows) {
    onIssue?.({ collection: 'matrices', id, problem: journey ? 'missing-structure' : 'no-journey' });
    return null;
  }
  const detached = m.get('detached');
  const detachedRows: MatrixRowSnapshot[] = [];
  if (detached instanceof Y.Array) {
    for (const raw of detached) {
      if (detachedRows.length >= MAX_STAGES) break;
      const row = readDetachedRow(raw);
      if (row) detachedRows.push(row);
    }
  }
  return {
    id,
    ...f,
    rows: journey.stages.map((s) => readRow(rows, s.id, s.title)),
    detachedRows,
  };
}
