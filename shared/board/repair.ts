import * as Y from 'yjs';
import { childMaps, dict, own, type ReadIssue, type YMap } from './read';
import {
  type JourneySnapshot,
  metaFields,
  readBlueprint,
  readElement,
  readJourney,
  readMatrix,
  readMetric,
} from './records';
import { ROOT_KEYS } from './schema';
import { setTextField } from './text';

/** What `repairDoc` removed: unreadable records (reported) and orphans (counted). */
export interface RepairReport {
  /** Records that could not be read and were removed. */
  removed: ReadIssue[];
  /** Records left pointing at something deleted concurrently (e.g. a card of a deleted stage). */
  orphans: number;
}

/**
 * The restore step for untrusted documents (files, imports): removes records the readers
 * cannot read and records orphaned by concurrent deletes, in one transaction with origin
 * 'repair' (not undoable). What it removes was already invisible in snapshots, so repair
 * never changes what the user sees; it makes the stored document match it. Record ids are
 * untrusted keys: lookups go through null-prototype records and own keys only.
 */
export function repairDoc(doc: Y.Doc): RepairReport {
  const removed: ReadIssue[] = [];
  let orphans = 0;
  const sink = (issue: ReadIssue) => removed.push(issue);
  doc.transact(() => {
    for (const key of ROOT_KEYS) {
      if (key === 'meta') continue;
      const root = doc.getMap<unknown>(key);
      for (const [id, value] of [...root.entries()]) {
        if (!(value instanceof Y.Map)) {
          root.delete(id);
          sink({ collection: key, id, problem: 'not-a-record' });
        }
      }
    }
    // The title is read with the same bound it is written with; store what is shown, so a
    // board with an over-long title can be saved and opened again.
    const meta = doc.getMap<unknown>('meta');
    const title = meta.get('title');
    const shown = metaFields.title.repair(title);
    if ((title instanceof Y.Text || typeof title === 'string') && title.toString() !== shown)
      setTextField(meta, 'title', shown);

    const elements = doc.getMap<unknown>('elements');
    for (const [id, m] of [...childMaps(elements, 'elements', undefined)]) {
      if (!readElement(id, m, sink)) elements.delete(id);
    }
    const journeysRoot = doc.getMap<unknown>('journeys');
    const journeys = dict<JourneySnapshot>();
    for (const [id, m] of [...childMaps(journeysRoot, 'journeys', undefined)]) {
      const j = readJourney(id, m, sink);
      if (!j) {
        journeysRoot.delete(id);
        continue;
      }
      journeys[id] = j;
      orphans += pruneJourney(m, j);
    }
    const blueprints = doc.getMap<unknown>('blueprints');
    for (const [id, m] of [...childMaps(blueprints, 'blueprints', undefined)]) {
      const bp = readBlueprint(id, m, journeys, sink);
      if (!bp) {
        blueprints.delete(id);
        continue;
      }
      const live = new Set<string>();
      for (const cards of Object.values(bp.cells)) for (const card of cards) live.add(card.id);
      orphans += pruneChildren(m.get('cards') as YMap, live);
    }
    const metrics = doc.getMap<unknown>('metrics');
    for (const [id, m] of [...childMaps(metrics, 'metrics', undefined)]) {
      const metric = readMetric(id, m, sink);
      if (!metric) {
        metrics.delete(id);
        continue;
      }
      const journey = own(journeys, metric.journeyId);
      if (!journey?.stages.some((s) => s.id === metric.stageId)) {
        metrics.delete(id);
        orphans++;
      }
    }
    const matrices = doc.getMap<unknown>('matrices');
    for (const [id, m] of [...childMaps(matrices, 'matrices', undefined)]) {
      const matrix = readMatrix(id, m, journeys, sink);
      if (!matrix) {
        matrices.delete(id);
        continue;
      }
      const live = new Set(matrix.rows.map((r) => r.stageId));
      const rows = m.get('rows') as YMap;
      for (const key of [...rows.keys()]) {
        if (!live.has(key.split('|')[0]!)) {
          rows.delete(key);
          orphans++;
        }
      }
    }
    const isItem = (id: unknown) =>
      typeof id === 'string' &&
      [elements, journeysRoot, blueprints, matrices].some((root) => root.get(id) instanceof Y.Map);
    for (const [id, m] of [...childMaps(elements, 'elements', undefined)]) {
      const frameId = m.get('frameId');
      const frame = typeof frameId === 'string' ? elements.get(frameId) : undefined;
      if (m.get('type') === 'connector' && (!isItem(m.get('from')) || !isItem(m.get('to')))) {
        elements.delete(id);
        orphans++;
      } else if (frameId != null && !(frame instanceof Y.Map && frame.get('type') === 'frame')) {
        m.set('frameId', null);
        orphans++;
      }
    }
  }, 'repair');
  return { removed, orphans };
}

/** Deletes the children of `map` whose ids are not in `live`; returns how many. */
function pruneChildren(map: YMap, live: ReadonlySet<string>): number {
  let count = 0;
  for (const id of [...map.keys()]) {
    if (!live.has(id)) {
      map.delete(id);
      count++;
    }
  }
  return count;
}

/** Removes lanes, cards and moments of a journey that its snapshot does not show. */
function pruneJourney(m: YMap, j: JourneySnapshot): number {
  const cards = new Set<string>();
  for (const list of Object.values(j.cells)) for (const card of list) cards.add(card.id);
  return (
    pruneChildren(m.get('lanes') as YMap, new Set(j.lanes.map((l) => l.id))) +
    pruneChildren(m.get('cards') as YMap, cards) +
    pruneChildren(m.get('moments') as YMap, new Set(j.moments.map((mo) => mo.id)))
  );
}
