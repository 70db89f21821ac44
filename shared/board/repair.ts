import * as Y from 'yjs';
import {
  childMaps,
  type ReadIssue,
  readBlueprint,
  readElement,
  readJourney,
  readMatrix,
  readMetric,
} from './read';
import { ROOT_KEYS } from './schema';
import type { JourneySnapshot } from './types';

type YMap = Y.Map<unknown>;

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
 * never changes what the user sees; it makes the stored document match it.
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
    const elements = doc.getMap<unknown>('elements');
    for (const [id, m] of [...childMaps(elements, 'elements', undefined)]) {
      if (!readElement(id, m, sink)) elements.delete(id);
    }
    const journeysRoot = doc.getMap<unknown>('journeys');
    const journeys: Record<string, JourneySnapshot> = {};
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
      const live = new Set(bp.columns.map((c) => c.id));
      const cards = m.get('cards') as YMap;
      for (const [cid, c] of [...cards.entries()]) {
        if (!(c instanceof Y.Map) || !live.has(String(c.get('columnId')))) {
          cards.delete(cid);
          orphans++;
        }
      }
    }
    const metrics = doc.getMap<unknown>('metrics');
    for (const [id, m] of [...childMaps(metrics, 'metrics', undefined)]) {
      const metric = readMetric(id, m, sink);
      const journey = metric ? journeys[metric.journeyId] : undefined;
      if (!metric) metrics.delete(id);
      else if (!journey?.stages.some((s) => s.id === metric.stageId)) {
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
    const items = (id: unknown) =>
      typeof id === 'string' && [elements, journeysRoot, blueprints, matrices].some((root) => root.has(id));
    for (const [id, m] of [...childMaps(elements, 'elements', undefined)]) {
      if (m.get('type') === 'connector' && (!items(m.get('from')) || !items(m.get('to')))) {
        elements.delete(id);
        orphans++;
      } else if (
        m.get('frameId') != null &&
        (elements.get(String(m.get('frameId'))) as YMap | undefined)?.get('type') !== 'frame'
      ) {
        m.set('frameId', null);
        orphans++;
      }
    }
  }, 'repair');
  return { removed, orphans };
}

/** Removes cards and moments of a journey whose stage or lane no longer exists. */
function pruneJourney(m: YMap, j: JourneySnapshot): number {
  let count = 0;
  const stageIds = new Set(j.stages.map((s) => s.id));
  const laneIds = new Set(j.lanes.map((l) => l.id));
  const lanes = m.get('lanes') as YMap;
  for (const [lid] of [...lanes.entries()]) {
    if (!laneIds.has(lid)) {
      lanes.delete(lid);
      count++;
    }
  }
  const cards = m.get('cards') as YMap;
  for (const [cid, c] of [...cards.entries()]) {
    if (
      !(c instanceof Y.Map) ||
      !stageIds.has(String(c.get('stageId'))) ||
      !laneIds.has(String(c.get('laneId')))
    ) {
      cards.delete(cid);
      count++;
    }
  }
  const moments = m.get('moments') as YMap;
  for (const [mid, mo] of [...moments.entries()]) {
    if (!(mo instanceof Y.Map) || !stageIds.has(String(mo.get('stageId')))) {
      moments.delete(mid);
      count++;
    }
  }
  return count;
}
