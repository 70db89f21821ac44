import { z } from 'zod';
import { compareOrdered } from '../order';
import { childMaps, dict, type IssueSink, own, strip, subMap, type YMap } from '../read';
import { cellKey, LIMITS } from '../schema';
import {
  boolean,
  coordinate,
  id,
  MAX_TITLE_LENGTH,
  nullableId,
  oneOf,
  orderKey,
  repairFields,
  stringList,
  text,
} from './fields';
import type { JourneySnapshot } from './journey';

/**
 * The service blueprint (DOMAIN 2.4): columns (a linked journey's stages, or its own) ×
 * lanes (five fixed ones, each with custom lanes in its zone), holding process cards with
 * handoff arrows between them. Stored as a Y.Map with `columns`, `lanes`, `cards` and
 * `handoffs` maps (an absent `lanes` or `handoffs` map reads as empty).
 */
export const BLUEPRINT_LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'] as const;
/** Service blueprint rows, top to bottom (DOMAIN 2.4); a fixed lane's id is its name. */
export type BlueprintLane = (typeof BLUEPRINT_LANES)[number];
/** The three lines, each drawn below the zone of the named lane (the lane and its custom lanes). */
export const BLUEPRINT_LINES = {
  interaction: 'customer',
  visibility: 'frontstage',
  internalInteraction: 'backstage',
} as const satisfies Record<string, BlueprintLane>;
export type BlueprintLine = keyof typeof BLUEPRINT_LINES;

export const ACTOR_KINDS = ['employee', 'bot', 'ai-agent', 'copilot', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Most own columns of a standalone blueprint. */
export const MAX_COLUMNS = 200;
/** Most custom lanes of one blueprint. */
export const MAX_CUSTOM_LANES = 20;
/** Most handoff arrows of one blueprint. */
export const MAX_HANDOFFS = 1000;

export const blueprintFields = {
  title: text(MAX_TITLE_LENGTH),
  x: coordinate(),
  y: coordinate(),
  /** Linked journey: columns follow its stages live. Null for a standalone blueprint. */
  journeyId: nullableId(),
  /** Linked only: the customer-actions lane also shows the journey's steps lane, read-only. */
  mirrorSteps: boolean(),
};

export const columnFields = { order: orderKey(), title: text() };

export const customLaneFields = {
  order: orderKey(),
  title: text(),
  /** The fixed lane whose zone it belongs to: it is drawn below that lane, above the next line. */
  zone: oneOf(BLUEPRINT_LANES, 'support'),
};

export const processCardFields = {
  order: orderKey(),
  columnId: id(),
  /** A fixed lane's name or a custom lane's id. */
  lane: id(),
  text: text(),
  actorKind: oneOf(ACTOR_KINDS, 'employee'),
  owner: text(),
  system: text(),
  pros: stringList(LIMITS.listItems, 2000),
  cons: stringList(LIMITS.listItems, 2000),
};

export const handoffFields = { from: id(), to: id() };

const idSchema = id().schema;

export const blueprintColumnSchema = z.object({
  /** A journey stage id when linked, else the blueprint's own column id. */
  id: idSchema,
  title: columnFields.title.schema,
  /**
   * Linked blueprints only: the column of a deleted stage whose process cards were kept
   * (it keeps the stage's id and sits after the live stages).
   */
  kept: z.boolean(),
});
export type BlueprintColumnSnapshot = z.infer<typeof blueprintColumnSchema>;

export const blueprintLaneSchema = z.object({
  /** A fixed lane's name, or a custom lane's id. */
  id: idSchema,
  kind: z.enum([...BLUEPRINT_LANES, 'custom']),
  zone: customLaneFields.zone.schema,
  /** Custom lanes only (a fixed lane shows its translated name). */
  title: customLaneFields.title.schema,
});
export type BlueprintLaneSnapshot = z.infer<typeof blueprintLaneSchema>;

export const processCardSchema = z.object({
  id: idSchema,
  columnId: processCardFields.columnId.schema,
  lane: processCardFields.lane.schema,
  text: processCardFields.text.schema,
  actorKind: processCardFields.actorKind.schema,
  owner: processCardFields.owner.schema,
  system: processCardFields.system.schema,
  pros: processCardFields.pros.schema,
  cons: processCardFields.cons.schema,
});
export type ProcessCardSnapshot = z.infer<typeof processCardSchema>;

/** Fields of a process card that commands accept. */
export type ProcessCardPatch = Partial<Omit<ProcessCardSnapshot, 'id' | 'columnId' | 'lane'>>;

export const handoffSchema = z.object({ id: idSchema, from: idSchema, to: idSchema });
/** A handoff arrow from one process card to another (of the same blueprint). */
export type HandoffSnapshot = z.infer<typeof handoffSchema>;

export const blueprintSchema = z.object({
  id: idSchema,
  title: blueprintFields.title.schema,
  x: blueprintFields.x.schema,
  y: blueprintFields.y.schema,
  journeyId: blueprintFields.journeyId.schema,
  mirrorSteps: blueprintFields.mirrorSteps.schema,
  columns: z.array(blueprintColumnSchema),
  /** Every lane top to bottom: each fixed lane followed by the custom lanes of its zone. */
  lanes: z.array(blueprintLaneSchema),
  /** Cards of live columns and lanes only, keyed `${columnId}:${lane}`, each list in order. */
  cells: z.record(z.string(), z.array(processCardSchema)),
  /** Arrows between shown cards, sorted by id. */
  handoffs: z.array(handoffSchema).max(MAX_HANDOFFS),
});
export type BlueprintSnapshot = z.infer<typeof blueprintSchema>;

const FIXED_LANES: ReadonlySet<string> = new Set(BLUEPRINT_LANES);

/** Whether `lane` names one of the five fixed lanes. */
export function isFixedLane(lane: string): lane is BlueprintLane {
  return FIXED_LANES.has(lane);
}

/** Own columns in order (a standalone blueprint's columns, or a linked one's kept columns). */
function readOwnColumns(columnsMap: YMap, onIssue: IssueSink): { id: string; title: string }[] {
  return [...childMaps(columnsMap, 'columns', onIssue)]
    .map(([cid, cm]) => ({ id: cid, ...repairFields(columnFields, cm) }))
    .sort(compareOrdered)
    .slice(0, MAX_COLUMNS)
    .map(strip);
}

/** Every lane in order: each fixed lane, then the custom lanes of its zone. */
function readLanes(lanesMap: YMap | null, onIssue: IssueSink): BlueprintLaneSnapshot[] {
  const custom = lanesMap
    ? [...childMaps(lanesMap, 'lanes', onIssue)]
        .filter(([lid]) => !isFixedLane(lid))
        .map(([lid, lm]) => ({ id: lid, ...repairFields(customLaneFields, lm) }))
        .sort(compareOrdered)
        .slice(0, MAX_CUSTOM_LANES)
    : [];
  return BLUEPRINT_LANES.flatMap((zone): BlueprintLaneSnapshot[] => [
    { id: zone, kind: zone, zone, title: '' },
    ...custom
      .filter((l) => l.zone === zone)
      .map((l) => ({ id: l.id, kind: 'custom' as const, zone, title: l.title })),
  ]);
}

/**
 * Columns of a blueprint: the linked journey's stages followed by its kept columns, or its
 * own ordered columns. Own columns that are copies of live stages (left by a concurrent
 * detach or journey deletion that was undone) are not shown twice.
 */
export function readBlueprint(
  id: string,
  m: YMap,
  journeys: Readonly<Record<string, JourneySnapshot>>,
  onIssue: IssueSink,
): BlueprintSnapshot | null {
  const columnsMap = subMap(m, 'columns');
  const cardsMap = subMap(m, 'cards');
  if (!columnsMap || !cardsMap) {
    onIssue?.({ collection: 'blueprints', id, problem: 'missing-structure' });
    return null;
  }
  const f = repairFields(blueprintFields, m);
  const journey = f.journeyId ? own(journeys, f.journeyId) : undefined;
  const ownColumns = readOwnColumns(columnsMap, onIssue);
  let columns: BlueprintColumnSnapshot[];
  if (journey) {
    const stageIds = new Set(journey.stages.map((s) => s.id));
    columns = [
      ...journey.stages.map((s) => ({ id: s.id, title: s.title, kept: false })),
      ...ownColumns.filter((c) => !stageIds.has(c.id)).map((c) => ({ ...c, kept: true })),
    ];
  } else {
    columns = ownColumns.map((c) => ({ ...c, kept: false }));
  }
  const lanes = readLanes(subMap(m, 'lanes'), onIssue);
  const columnIds = new Set(columns.map((c) => c.id));
  const laneIds = new Set(lanes.map((l) => l.id));
  const lists = new Map<string, (ProcessCardSnapshot & { order: string })[]>();
  const shown = new Set<string>();
  for (const [cid, cm] of childMaps(cardsMap, 'cards', onIssue)) {
    const lane = cm.get('lane');
    const card = repairFields(processCardFields, cm);
    if (!columnIds.has(card.columnId) || card.lane !== lane || !laneIds.has(card.lane)) continue;
    const key = cellKey(card.columnId, card.lane);
    const list = lists.get(key) ?? [];
    lists.set(key, list);
    list.push({ id: cid, ...card });
    shown.add(cid);
  }
  const cells = dict<ProcessCardSnapshot[]>();
  for (const key of [...lists.keys()].sort()) cells[key] = lists.get(key)!.sort(compareOrdered).map(strip);
  const handoffsMap = subMap(m, 'handoffs');
  const handoffs: HandoffSnapshot[] = [];
  if (handoffsMap) {
    for (const [hid, hm] of childMaps(handoffsMap, 'handoffs', onIssue)) {
      const h = repairFields(handoffFields, hm);
      if (h.from !== h.to && shown.has(h.from) && shown.has(h.to)) handoffs.push({ id: hid, ...h });
    }
    handoffs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    handoffs.splice(MAX_HANDOFFS);
  }
  return {
    id,
    title: f.title,
    x: f.x,
    y: f.y,
    journeyId: journey ? f.journeyId : null,
    mirrorSteps: f.mirrorSteps,
    columns,
    lanes,
    cells,
    handoffs,
  };
}
