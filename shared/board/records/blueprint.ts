import { z } from 'zod';
import { compareOrdered } from '../order';
import { childMaps, dict, type IssueSink, own, strip, subMap, type YMap } from '../read';
import { cellKey, LIMITS } from '../schema';
import {
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
 * five fixed lanes, holding process cards. Stored as a Y.Map with `columns` and `cards` maps.
 */
export const BLUEPRINT_LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'] as const;
/** Service blueprint rows, top to bottom (DOMAIN 2.4). */
export type BlueprintLane = (typeof BLUEPRINT_LANES)[number];
/** The three lines, each drawn below the named lane. */
export const BLUEPRINT_LINES = {
  interaction: 'customer',
  visibility: 'frontstage',
  internalInteraction: 'backstage',
} as const satisfies Record<string, BlueprintLane>;

export const ACTOR_KINDS = ['employee', 'bot', 'ai-agent', 'copilot', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Most own columns of a standalone blueprint. */
export const MAX_COLUMNS = 200;

export const blueprintFields = {
  title: text(MAX_TITLE_LENGTH),
  x: coordinate(),
  y: coordinate(),
  /** Linked journey: columns follow its stages live. Null for a standalone blueprint. */
  journeyId: nullableId(),
};

export const columnFields = { order: orderKey(), title: text() };

export const processCardFields = {
  order: orderKey(),
  columnId: id(),
  lane: oneOf(BLUEPRINT_LANES, 'customer'),
  text: text(),
  actorKind: oneOf(ACTOR_KINDS, 'employee'),
  owner: text(),
  system: text(),
  pros: stringList(LIMITS.listItems, 2000),
  cons: stringList(LIMITS.listItems, 2000),
};

const idSchema = id().schema;

export const blueprintColumnSchema = z.object({
  /** A journey stage id when linked, else the blueprint's own column id. */
  id: idSchema,
  title: columnFields.title.schema,
});
export type BlueprintColumnSnapshot = z.infer<typeof blueprintColumnSchema>;

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

export const blueprintSchema = z.object({
  id: idSchema,
  title: blueprintFields.title.schema,
  x: blueprintFields.x.schema,
  y: blueprintFields.y.schema,
  journeyId: blueprintFields.journeyId.schema,
  columns: z.array(blueprintColumnSchema),
  /** Cards of live columns only, keyed `${columnId}:${lane}`, each list in order. */
  cells: z.record(z.string(), z.array(processCardSchema)),
});
export type BlueprintSnapshot = z.infer<typeof blueprintSchema>;

/** Columns of a blueprint: the linked journey's stages, or its own ordered columns. */
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
  const columns = journey
    ? journey.stages.map((s) => ({ id: s.id, title: s.title }))
    : [...childMaps(columnsMap, 'columns', onIssue)]
        .map(([cid, cm]) => ({ id: cid, ...repairFields(columnFields, cm) }))
        .sort(compareOrdered)
        .slice(0, MAX_COLUMNS)
        .map(strip);
  const columnIds = new Set(columns.map((c) => c.id));
  const lists = new Map<string, (ProcessCardSnapshot & { order: string })[]>();
  for (const [cid, cm] of childMaps(cardsMap, 'cards', onIssue)) {
    const lane = cm.get('lane');
    const card = repairFields(processCardFields, cm);
    if (!columnIds.has(card.columnId) || card.lane !== lane) continue;
    const key = cellKey(card.columnId, card.lane);
    const list = lists.get(key) ?? [];
    lists.set(key, list);
    list.push({ id: cid, ...card });
  }
  const cells = dict<ProcessCardSnapshot[]>();
  for (const key of [...lists.keys()].sort()) cells[key] = lists.get(key)!.sort(compareOrdered).map(strip);
  return {
    id,
    title: f.title,
    x: f.x,
    y: f.y,
    journeyId: journey ? f.journeyId : null,
    columns,
    cells,
  };
}
