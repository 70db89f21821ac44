import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { LIMITS } from './schema';
import { MAX_TEXT_LENGTH } from './text';
import {
  ACTOR_KINDS,
  BLUEPRINT_LANES,
  EMOTION_MAX,
  EMOTION_MIN,
  GOAL_KINDS,
  LANE_TYPES,
  MATRIX_COLUMNS,
  MATRIX_DECISIONS,
  MATURITY_LEVELS,
  METRIC_CATEGORIES,
  MOMENT_TYPES,
} from './types';

/**
 * Validators for every record of the board in its plain (snapshot) form. Used wherever
 * plain records come from outside: the clipboard, IPC, imports; and by tests to check that
 * whatever the document holds, its snapshot is always well-formed.
 */
const id = z.string().regex(ID_PATTERN);
const text = z.string().max(MAX_TEXT_LENGTH);
const short = z.string().max(500);
const coord = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const size = z.number().finite().min(1).max(LIMITS.size);
const score = z.number().int().min(1).max(5).nullable();

export const elementStyleSchema = z.object({
  color: z.string().max(32),
  shape: z.enum(['rectangle', 'ellipse', 'diamond']).optional(),
  fontSize: z.number().min(6).max(400).optional(),
});

export const elementSchema = z.object({
  id,
  type: z.enum(['sticky', 'text', 'shape', 'frame', 'connector']),
  x: coord,
  y: coord,
  width: size,
  height: size,
  text,
  style: elementStyleSchema,
  z: z.string().min(1).max(200),
  frameId: id.nullable(),
  from: id.nullable(),
  to: id.nullable(),
});

export const stageSchema = z.object({
  id,
  title: text,
  emotion: z.object({
    asIs: z.number().min(EMOTION_MIN).max(EMOTION_MAX).nullable(),
    toBe: z.number().min(EMOTION_MIN).max(EMOTION_MAX).nullable(),
  }),
});

export const laneSchema = z.object({ id, type: z.enum(LANE_TYPES), title: text });

export const cardSchema = z.object({
  id,
  stageId: id,
  laneId: id,
  text,
  color: z.string().max(32),
  tags: z.array(z.string().max(LIMITS.tagLength)).max(LIMITS.tags),
  evidence: text,
  redact: z.boolean(),
});

export const momentSchema = z.object({
  id,
  stageId: id,
  type: z.enum(MOMENT_TYPES),
  target: text,
  current: text,
});

export const journeySchema = z.object({
  id,
  kind: z.enum(['cjm', 'reverse', 'ejm']),
  title: text,
  x: coord,
  y: coord,
  personaId: id.nullable(),
  segment: text,
  scenarioGoal: text,
  state: z.enum(['as-is', 'to-be']),
  endGoal: text,
  goalKind: z.enum(GOAL_KINDS).nullable(),
  whyLadder: z.array(z.string().max(2000)).max(LIMITS.whySteps),
  stages: z.array(stageSchema),
  lanes: z.array(laneSchema),
  cells: z.record(z.string(), z.array(cardSchema)),
  moments: z.array(momentSchema),
});

export const personaSchema = z.object({
  id,
  name: text,
  segment: text,
  goals: text,
  jtbd: text,
  expectations: z.object({ personalisation: text, speed: text, simplicity: text }),
  quote: text,
});

export const processCardSchema = z.object({
  id,
  columnId: id,
  lane: z.enum(BLUEPRINT_LANES),
  text,
  actorKind: z.enum(ACTOR_KINDS),
  owner: text,
  system: text,
  pros: z.array(z.string().max(2000)).max(LIMITS.listItems),
  cons: z.array(z.string().max(2000)).max(LIMITS.listItems),
});

export const blueprintSchema = z.object({
  id,
  title: text,
  x: coord,
  y: coord,
  journeyId: id.nullable(),
  columns: z.array(z.object({ id, title: text })),
  cells: z.record(z.string(), z.array(processCardSchema)),
});

export const metricSchema = z.object({
  id,
  journeyId: id,
  stageId: id,
  kind: z.string().max(64),
  name: short,
  category: z.enum(METRIC_CATEGORIES),
  current: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  unit: z.string().max(32),
  period: z.string().max(64),
  source: z.enum(['customer', 'company']),
  owner: short,
  history: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), value: z.number().finite() })),
});

export const matrixRowSchema = z.object({
  stageId: id,
  stageTitle: text,
  cells: z.object(
    Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, text])) as Record<
      (typeof MATRIX_COLUMNS)[number],
      typeof text
    >,
  ),
  metricId: id.nullable(),
  pain: score,
  money: score,
  fit: score,
  humanMustStay: z.boolean(),
  humanReason: text,
  risks: text,
  decision: z.enum(MATRIX_DECISIONS).nullable(),
});

export const matrixSchema = z.object({
  id,
  journeyId: id,
  title: text,
  x: coord,
  y: coord,
  rows: z.array(matrixRowSchema),
  detachedRows: z.array(matrixRowSchema),
});

export const boardSnapshotSchema = z.object({
  meta: z.object({
    schemaVersion: z.number().int().min(1),
    title: text,
    maturity: z.enum(MATURITY_LEVELS).nullable(),
  }),
  elements: z.record(z.string(), elementSchema),
  elementOrder: z.array(id),
  journeys: z.record(z.string(), journeySchema),
  personas: z.record(z.string(), personaSchema),
  blueprints: z.record(z.string(), blueprintSchema),
  metrics: z.record(z.string(), metricSchema),
  matrices: z.record(z.string(), matrixSchema),
});

/** Clipboard payload for copy/paste of free elements between boards. */
export const clipboardSchema = z.object({
  kind: z.literal('cxboard/elements'),
  version: z.literal(1),
  elements: z.array(elementSchema).max(5000),
});
export type ClipboardPayload = z.infer<typeof clipboardSchema>;
