import * as Y from 'yjs';
import type { z } from 'zod';
import { type IssueSink, own, type YMap } from '../read';
import { type BlueprintSnapshot, blueprintSchema, readBlueprint } from './blueprint';
import { elementSchema, readElement } from './element';
import { type JourneySnapshot, journeySchema, readJourney } from './journey';
import { matrixSchema, readMatrix } from './matrix';
import { maturityCardSchema, readMaturityCard } from './maturity';
import { metricSchema, readMetric } from './metric';
import { personaSchema, readPersona } from './persona';

/**
 * The root collections of a board, one entry per record kind that lives at the root of the
 * Y.Doc. Snapshot, inspection, repair, `ROOT_KEYS` and `boardSnapshotSchema` are all read
 * from this table, so a new kind of root record is one definition file plus one line here.
 */
export interface RecordCollection<T> {
  /** Validator of one record as plain data. */
  readonly schema: z.ZodType<T>;
  /** Records that follow their journey's stages: reread whenever a journey changes. */
  readonly followsJourneys: boolean;
  /**
   * Reads one record; null when it is not shown (reported through `onIssue` when it cannot
   * be read at all, silent when it is an orphan, e.g. a metric of a deleted stage).
   */
  read(
    id: string,
    m: YMap,
    journeys: Readonly<Record<string, JourneySnapshot>>,
    onIssue: IssueSink,
  ): T | null;
  /** Repair: deletes the stored parts of a shown record that its snapshot does not show; returns how many. */
  prune?(m: YMap, record: T): number;
}

function collection<T>(definition: RecordCollection<T>): RecordCollection<T> {
  return definition;
}

/** Deletes the children of `map` (if it is one) whose ids are not in `live`; returns how many. */
function pruneChildren(map: unknown, live: ReadonlySet<string>): number {
  let count = 0;
  const m = map as YMap;
  for (const id of [...m.keys()]) {
    if (!live.has(id)) {
      m.delete(id);
      count++;
    }
  }
  return count;
}

/** Deletes the entries of `map` (if it is one) that are not records (not Y.Maps); returns how many. */
function pruneNonRecords(map: unknown): number {
  let count = 0;
  const m = map as YMap;
  for (const [id, value] of [...m.entries()]) {
    if (!(value instanceof Y.Map)) {
      m.delete(id);
      count++;
    }
  }
  return count;
}

function shownCardIds(cells: Readonly<Record<string, readonly { id: string }[]>>): Set<string> {
  const ids = new Set<string>();
  for (const list of Object.values(cells)) for (const card of list) ids.add(card.id);
  return ids;
}

/** Root collections in reading order: journeys first, as other records follow them. */
export const RECORD_COLLECTIONS = {
  journeys: collection({
    schema: journeySchema,
    followsJourneys: false,
    read: (id, m, _journeys, onIssue) => readJourney(id, m, onIssue),
    prune: (m, j) =>
      pruneChildren(m.get('stages'), new Set(j.stages.map((s) => s.id))) +
      pruneChildren(m.get('lanes'), new Set(j.lanes.map((l) => l.id))) +
      pruneChildren(m.get('cards'), shownCardIds(j.cells)) +
      pruneChildren(m.get('moments'), new Set(j.moments.map((mo) => mo.id))),
  }),
  elements: collection({
    schema: elementSchema,
    followsJourneys: false,
    read: (id, m, _journeys, onIssue) => readElement(id, m, onIssue),
  }),
  personas: collection({
    schema: personaSchema,
    followsJourneys: false,
    read: (id, m) => readPersona(id, m),
  }),
  maturityCards: collection({
    schema: maturityCardSchema,
    followsJourneys: false,
    read: (id, m, _journeys, onIssue) => readMaturityCard(id, m, onIssue),
    prune: (m, card) => pruneChildren(m.get('areas'), new Set(card.areas.map((a) => a.id))),
  }),
  blueprints: collection({
    schema: blueprintSchema,
    followsJourneys: true,
    read: readBlueprint,
    // Own columns that are records stay even when hidden: a linked blueprint shows them
    // again once its journey is deleted.
    prune: (m, bp: BlueprintSnapshot) =>
      pruneNonRecords(m.get('columns')) +
      (m.get('lanes') instanceof Y.Map
        ? pruneChildren(m.get('lanes'), new Set(bp.lanes.filter((l) => l.kind === 'custom').map((l) => l.id)))
        : 0) +
      pruneChildren(m.get('cards'), shownCardIds(bp.cells)) +
      (m.get('handoffs') instanceof Y.Map
        ? pruneChildren(m.get('handoffs'), new Set(bp.handoffs.map((h) => h.id)))
        : 0),
  }),
  metrics: collection({
    schema: metricSchema,
    followsJourneys: true,
    read: (id, m, journeys, onIssue) => {
      const metric = readMetric(id, m, onIssue);
      // A metric is shown only on a live stage of its journey.
      return metric && own(journeys, metric.journeyId)?.stages.some((s) => s.id === metric.stageId)
        ? metric
        : null;
    },
  }),
  matrices: collection({
    schema: matrixSchema,
    followsJourneys: true,
    read: readMatrix,
    prune: (m, matrix) => {
      const live = new Set(matrix.rows.map((r) => r.stageId));
      const rows = m.get('rows') as YMap;
      let count = 0;
      for (const key of [...rows.keys()]) {
        if (!live.has(key.split('|')[0]!)) {
          rows.delete(key);
          count++;
        }
      }
      return count;
    },
  }),
};

/** A root collection holding records. */
export type RecordCollectionKey = keyof typeof RECORD_COLLECTIONS;
/** The record type of a collection definition. */
export type CollectionRecord<C> = C extends RecordCollection<infer T> ? T : never;

/** The record collections as typed `[key, definition]` pairs, in reading order. */
export const RECORD_COLLECTION_ENTRIES = Object.entries(RECORD_COLLECTIONS) as [
  RecordCollectionKey,
  RecordCollection<unknown>,
][];

/**
 * Collections whose records are items on the canvas that a connector may join (free elements
 * and the structured frames and cards). Connector checks, readers, repair and invariants use it.
 */
export const CANVAS_ITEM_COLLECTIONS = [
  'elements',
  'journeys',
  'personas',
  'maturityCards',
  'blueprints',
  'matrices',
] as const satisfies readonly RecordCollectionKey[];

/** Root keys of the Y.Doc: one Y.Map per collection. Nothing else lives at the root. */
export const ROOT_KEYS: readonly ('meta' | RecordCollectionKey)[] = [
  'meta',
  ...RECORD_COLLECTION_ENTRIES.map(([key]) => key),
];
