import * as Y from 'yjs';
import { childMaps, dict, type ReadIssue } from './read';
import {
  CANVAS_ITEM_COLLECTIONS,
  type JourneySnapshot,
  metaFields,
  RECORD_COLLECTION_ENTRIES,
  ROOT_KEYS,
} from './records';
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

    // Every record the readers cannot show is removed: reported when it cannot be read,
    // counted as an orphan when it hangs on something deleted (a metric of a deleted stage).
    const journeys = dict<JourneySnapshot>();
    for (const [key, definition] of RECORD_COLLECTION_ENTRIES) {
      const root = doc.getMap<unknown>(key);
      for (const [id, m] of [...childMaps(root, key, undefined)]) {
        let reported = false;
        const record = definition.read(id, m, journeys, (issue) => {
          reported = true;
          sink(issue);
        });
        if (record === null) {
          root.delete(id);
          if (!reported) orphans++;
          continue;
        }
        if (key === 'journeys') journeys[id] = record as JourneySnapshot;
        orphans += definition.prune?.(m, record) ?? 0;
      }
    }
    const elements = doc.getMap<unknown>('elements');
    const endpoints = CANVAS_ITEM_COLLECTIONS.map((k) => doc.getMap<unknown>(k));
    const isItem = (id: unknown) =>
      typeof id === 'string' && endpoints.some((root) => root.get(id) instanceof Y.Map);
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
