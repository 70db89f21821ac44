import { z } from 'zod';
import { compareOrdered } from '../order';
import { ID_PATTERN } from '../ids';
import { childMaps, dict, type IssueSink, strip, subMap, type YMap } from '../read';
import { cellKey, LIMITS } from '../schema';
import {
  boolean,
  coordinate,
  id,
  label,
  MAX_TITLE_LENGTH,
  nullableId,
  nullableNumber,
  number,
  nullableOneOf,
  oneOf,
  orderKey,
  repairFields,
  stringList,
  text,
} from './fields';

/**
 * The journey map record (DOMAIN 2.1–2.3) and its parts: stages, lanes, cards in cells
 * (stage × lane) and moments of truth. Stored as one Y.Map per journey holding four Y.Maps
 * (`stages`, `lanes`, `cards`, `moments`) keyed by id.
 */
export const JOURNEY_KINDS = ['cjm', 'reverse', 'ejm'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

export const LANE_TYPES = [
  'goals',
  'steps',
  'touchpoints',
  'expectations',
  'emotions',
  'moments',
  'barriers',
  'quotes',
  'ideas',
  'metrics',
  'custom',
] as const;
/** The typed rows of a journey map (DOMAIN 2.1). */
export type LaneType = (typeof LANE_TYPES)[number];

export const MOMENT_TYPES = ['ZMOT', 'FMOT', 'SMOT', 'UMOT'] as const;
/** Moments of truth (DOMAIN 2.2). */
export type MomentType = (typeof MOMENT_TYPES)[number];

export const GOAL_KINDS = ['stability', 'positive-emotion', 'avoid-worst'] as const;
/** The three kinds of end goal of a reverse CJM (DOMAIN 2.3). */
export type GoalKind = (typeof GOAL_KINDS)[number];

export const MAP_STATES = ['as-is', 'to-be'] as const;
/** Whether a map (or an emotion series) shows the current or the desired state. */
export type MapState = (typeof MAP_STATES)[number];

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** Most stages and lanes one journey holds. */
export const MAX_STAGES = 500;
export const MAX_LANES = 100;

export const stageFields = {
  order: orderKey(),
  title: text(),
  /** Emotion score per series, EMOTION_MIN..EMOTION_MAX, or null when not set. */
  emotionAsIs: nullableNumber(EMOTION_MIN, EMOTION_MAX),
  emotionToBe: nullableNumber(EMOTION_MIN, EMOTION_MAX),
};

export const laneFields = {
  order: orderKey(),
  type: oneOf(LANE_TYPES, 'custom'),
  title: text(),
};

export const cardFields = {
  order: orderKey(),
  stageId: id(),
  laneId: id(),
  text: text(),
  color: label(32, 'yellow'),
  tags: stringList(LIMITS.tags, LIMITS.tagLength),
  /** Source or evidence note (research reference). */
  evidence: text(),
  /** Customer quotes only: blur this card in exports. */
  redact: boolean(),
  /**
   * A metric of the same journey this card is tied to (DOMAIN 2.4: an employee's barrier
   * tied to the metric it moves), or null.
   */
  metricId: nullableId(),
};

export const momentFields = {
  stageId: id(),
  type: oneOf(MOMENT_TYPES, 'FMOT'),
  /** What we want the customer to conclude and feel. */
  target: text(),
  /** What the customer concludes today. */
  current: text(),
};

export const journeyFields = {
  kind: oneOf(JOURNEY_KINDS, 'cjm'),
  title: text(MAX_TITLE_LENGTH),
  x: coordinate(),
  y: coordinate(),
  personaId: nullableId(),
  segment: text(),
  scenarioGoal: text(),
  state: oneOf(MAP_STATES, 'as-is'),
  /** Reverse CJM: end goal, its kind, and the "why?" ladder from the first answer up. */
  endGoal: text(),
  goalKind: nullableOneOf(GOAL_KINDS),
  whyLadder: stringList(LIMITS.whySteps, 2000),
};

/** Largest weight of one metric in a journey's CX index, and most metrics it weighs. */
export const CX_WEIGHT_MAX = 100;
export const MAX_CX_METRICS = 200;

/**
 * A metric's weight in its journey's CX index (DOMAIN 2.5). Stored in the journey's `cxWeights`
 * Y.Map (metric id → weight), so two people weighing different metrics both keep theirs.
 */
export const cxWeightField = number(0, CX_WEIGHT_MAX, 0);

const idSchema = id().schema;

export const stageSchema = z.object({
  id: idSchema,
  title: stageFields.title.schema,
  emotion: z.object({ asIs: stageFields.emotionAsIs.schema, toBe: stageFields.emotionToBe.schema }),
});
export type StageSnapshot = z.infer<typeof stageSchema>;

export const laneSchema = z.object({
  id: idSchema,
  type: laneFields.type.schema,
  title: laneFields.title.schema,
});
export type LaneSnapshot = z.infer<typeof laneSchema>;

export const cardSchema = z.object({
  id: idSchema,
  stageId: cardFields.stageId.schema,
  laneId: cardFields.laneId.schema,
  text: cardFields.text.schema,
  color: cardFields.color.schema,
  tags: cardFields.tags.schema,
  evidence: cardFields.evidence.schema,
  redact: cardFields.redact.schema,
  // Copies from before the link existed have none.
  metricId: cardFields.metricId.schema.default(null),
});
export type CardSnapshot = z.infer<typeof cardSchema>;

export const momentSchema = z.object({
  id: idSchema,
  stageId: momentFields.stageId.schema,
  type: momentFields.type.schema,
  target: momentFields.target.schema,
  current: momentFields.current.schema,
});
export type MomentSnapshot = z.infer<typeof momentSchema>;

export const journeySchema = z.object({
  id: idSchema,
  kind: journeyFields.kind.schema,
  title: journeyFields.title.schema,
  x: journeyFields.x.schema,
  y: journeyFields.y.schema,
  personaId: journeyFields.personaId.schema,
  segment: journeyFields.segment.schema,
  scenarioGoal: journeyFields.scenarioGoal.schema,
  state: journeyFields.state.schema,
  endGoal: journeyFields.endGoal.schema,
  goalKind: journeyFields.goalKind.schema,
  whyLadder: journeyFields.whyLadder.schema,
  /** Stages in journey order. */
  stages: z.array(stageSchema).max(MAX_STAGES),
  /** Lanes top to bottom. */
  lanes: z.array(laneSchema).max(MAX_LANES),
  /** Cards of live cells only, keyed `${stageId}:${laneId}`, each list in cell order. */
  cells: z.record(z.string(), z.array(cardSchema)),
  moments: z.array(momentSchema),
  /**
   * The journey's CX index: metric id → weight, for the metrics the team chose. An id whose
   * metric is gone is ignored by the index (`deleteMetric` removes its own entry).
   */
  // Added after the first release: a copy from an older version has none (clipboard).
  cxWeights: z.record(idSchema, cxWeightField.schema).default(() => ({})),
});
export type JourneySnapshot = z.infer<typeof journeySchema>;

/** Reads a journey. One without a known kind or without its four part maps is skipped. */
export function readJourney(id: string, m: YMap, onIssue: IssueSink): JourneySnapshot | null {
  const kind = m.get('kind');
  if (typeof kind !== 'string' || !(JOURNEY_KINDS as readonly string[]).includes(kind)) {
    onIssue?.({ collection: 'journeys', id, problem: 'unknown-kind' });
    return null;
  }
  const stagesMap = subMap(m, 'stages');
  const lanesMap = subMap(m, 'lanes');
  const cardsMap = subMap(m, 'cards');
  const momentsMap = subMap(m, 'moments');
  if (!stagesMap || !lanesMap || !cardsMap || !momentsMap) {
    onIssue?.({ collection: 'journeys', id, problem: 'missing-structure' });
    return null;
  }
  const stages = [...childMaps(stagesMap, 'stages', onIssue)]
    .map(([sid, sm]) => {
      const f = repairFields(stageFields, sm);
      return {
        id: sid,
        order: f.order,
        title: f.title,
        emotion: { asIs: f.emotionAsIs, toBe: f.emotionToBe },
      };
    })
    .sort(compareOrdered)
    .slice(0, MAX_STAGES);
  const lanes: (LaneSnapshot & { order: string })[] = [];
  for (const [lid, lm] of childMaps(lanesMap, 'lanes', onIssue)) {
    const type = lm.get('type');
    if (typeof type !== 'string' || !(LANE_TYPES as readonly string[]).includes(type)) {
      onIssue?.({ collection: 'lanes', id: lid, problem: 'unknown-type' });
      continue;
    }
    lanes.push({ id: lid, ...repairFields(laneFields, lm) });
  }
  lanes.sort(compareOrdered);
  lanes.splice(MAX_LANES);
  const stageIds = new Set(stages.map((s) => s.id));
  const laneIds = new Set(lanes.map((l) => l.id));

  const cellLists = new Map<string, (CardSnapshot & { order: string })[]>();
  for (const [cid, cm] of childMaps(cardsMap, 'cards', onIssue)) {
    const card = repairFields(cardFields, cm);
    // A card whose stage or lane is gone (deleted concurrently) is not part of the board.
    if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) continue;
    const key = cellKey(card.stageId, card.laneId);
    const list = cellLists.get(key) ?? [];
    cellLists.set(key, list);
    list.push({ id: cid, ...card });
  }
  const cells = dict<CardSnapshot[]>();
  for (const key of [...cellLists.keys()].sort())
    cells[key] = cellLists.get(key)!.sort(compareOrdered).map(strip);

  const moments: MomentSnapshot[] = [];
  for (const [mid, mm] of childMaps(momentsMap, 'moments', onIssue)) {
    const moment = repairFields(momentFields, mm);
    if (stageIds.has(moment.stageId)) moments.push({ id: mid, ...moment });
  }
  moments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const cxWeights = dict<number>();
  const weightsMap = subMap(m, 'cxWeights');
  if (weightsMap) {
    let count = 0;
    for (const key of [...weightsMap.keys()].sort()) {
      const weight = weightsMap.get(key);
      if (count >= MAX_CX_METRICS) break;
      if (!ID_PATTERN.test(key) || typeof weight !== 'number' || !Number.isFinite(weight)) continue;
      cxWeights[key] = cxWeightField.repair(weight);
      count++;
    }
  }

  const f = repairFields(journeyFields, m);
  return {
    id,
    ...f,
    stages: stages.map(strip),
    lanes: lanes.map(strip),
    cells,
    moments,
    cxWeights,
  };
}
