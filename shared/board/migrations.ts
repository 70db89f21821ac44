import * as Y from 'yjs';
import { newId } from './ids';
import { MATURITY_LEVELS } from './records/maturity';
import { LIMITS, SCHEMA_VERSION } from './schema';
import { newText } from './text';

/**
 * Ordered, named migrations of the board document, each taking a Y.Doc from `from` to
 * `from + 1` inside one transaction. A board records its version in `meta.schemaVersion`.
 *
 * Versions 1 and 2 are the pre-release layouts the first builds wrote; fixture files of each
 * live in test/fixtures/boards/ and must keep loading.
 */
export interface Migration {
  id: string;
  from: number;
  up(doc: Y.Doc): void;
}

type YMap = Y.Map<unknown>;

function maps(parent: unknown): YMap[] {
  if (!(parent instanceof Y.Map)) return [];
  return [...parent.values()].filter((v): v is YMap => v instanceof Y.Map);
}

function toText(map: YMap, key: string): void {
  const value = map.get(key);
  if (typeof value === 'string') map.set(key, newText(value));
  else if (value === undefined) map.set(key, newText());
}

/** Vertical room each card placed by a migration gets (a persona card with room to spare). */
const PLACED_CARD_SPACING = 640;
/** Gap between the column of placed cards and the leftmost item of the board. */
const PLACED_CARD_COLUMN = 520;

/** Top-left corner of the column left of everything on the board where a migration puts cards. */
function columnLeftOfBoard(doc: Y.Doc): { x: number; y: number } {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const key of ['elements', 'journeys', 'blueprints', 'matrices']) {
    for (const record of maps(doc.getMap(key))) {
      const rx = record.get('x');
      const ry = record.get('y');
      if (typeof rx === 'number' && Number.isFinite(rx)) x = Math.min(x, rx);
      if (typeof ry === 'number' && Number.isFinite(ry)) y = Math.min(y, ry);
    }
  }
  const bound = LIMITS.coordinate;
  return {
    x: Number.isFinite(x) ? Math.max(-bound, x - PLACED_CARD_COLUMN) : 0,
    y: Number.isFinite(y) ? Math.min(bound, Math.max(-bound, y)) : 0,
  };
}

/**
 * A v2 row field's value as it can live under its flat v3 key, or undefined when it cannot
 * be moved. A shared type already in the document cannot be inserted a second time: texts
 * are copied; other types (a map, an array, a sub-document where a row field holds a text,
 * a number or a flag) are damage no reader would show, so they are dropped with the row.
 */
function movableRowValue(value: unknown): unknown {
  if (value instanceof Y.Text) return newText(value.toString());
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) return undefined;
  return value;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // v1 stored texts as plain strings (last writer wins); v2 stores Y.Text so concurrent
    // edits of one card merge character by character.
    id: 'v2-texts-as-ytext',
    from: 1,
    up(doc) {
      const meta = doc.getMap('meta');
      toText(meta, 'title');
      for (const el of maps(doc.getMap('elements'))) toText(el, 'text');
      for (const j of maps(doc.getMap('journeys'))) {
        for (const key of ['title', 'segment', 'scenarioGoal', 'endGoal']) toText(j, key);
        for (const s of maps(j.get('stages'))) toText(s, 'title');
        for (const l of maps(j.get('lanes'))) toText(l, 'title');
        for (const c of maps(j.get('cards'))) {
          toText(c, 'text');
          toText(c, 'evidence');
        }
      }
    },
  },
  {
    // v2 had one emotion score per stage (`emotion`) and matrix rows as nested maps per
    // stage; v3 adds the to-be series and flattens rows to `${stageId}|field` keys so two
    // people filling different fields of a new row never overwrite each other's row map.
    id: 'v3-emotion-series-and-flat-matrix-rows',
    from: 2,
    up(doc) {
      for (const j of maps(doc.getMap('journeys'))) {
        for (const s of maps(j.get('stages'))) {
          const old = s.get('emotion');
          if (!s.has('emotionAsIs')) s.set('emotionAsIs', typeof old === 'number' ? old : null);
          if (!s.has('emotionToBe')) s.set('emotionToBe', null);
          s.delete('emotion');
        }
        if (!(j.get('moments') instanceof Y.Map)) j.set('moments', new Y.Map());
      }
      for (const matrix of maps(doc.getMap('matrices'))) {
        const rows = matrix.get('rows');
        if (!(rows instanceof Y.Map)) continue;
        for (const [stageId, row] of [...rows.entries()]) {
          if (!(row instanceof Y.Map)) continue;
          for (const [field, value] of row.entries()) {
            const key = `${stageId}|${field}`;
            const moved = movableRowValue(value);
            if (moved !== undefined && !rows.has(key)) rows.set(key, moved);
          }
          rows.delete(stageId);
        }
        if (!(matrix.get('detached') instanceof Y.Array)) matrix.set('detached', new Y.Array());
      }
    },
  },
  {
    // v4 metrics keep the raw data their value is computed from (`inputs`, and `current` is then
    // derived from it) and say which task they solve (`task`). The bump is for the older apps:
    // they would type a value over the inputs without dropping them, so they must refuse v4 boards.
    id: 'v4-metric-inputs-and-task',
    from: 3,
    up(doc) {
      for (const metric of maps(doc.getMap('metrics'))) {
        if (!metric.has('inputs')) metric.set('inputs', null);
        toText(metric, 'task');
      }
    },
  },
  {
    // v4 personas were names behind a journey's header and the CX maturity self-assessment
    // one board-wide level (`meta.maturity`); v5 draws both as cards on the canvas: personas
    // get a position (a column left of everything else, in id order) and the old level
    // becomes a maturity card with one "whole company" area.
    id: 'v5-personas-and-maturity-on-canvas',
    from: 4,
    up(doc) {
      const column = columnLeftOfBoard(doc);
      let row = 0;
      const place = (record: YMap) => {
        record.set('x', column.x);
        record.set('y', Math.min(LIMITS.coordinate, column.y + row * PLACED_CARD_SPACING));
        row++;
      };
      const personas = doc.getMap('personas');
      for (const id of [...personas.keys()].sort()) {
        const persona = personas.get(id);
        if (persona instanceof Y.Map) place(persona as YMap);
      }
      const meta = doc.getMap('meta');
      const level = meta.get('maturity');
      if (typeof level === 'string' && (MATURITY_LEVELS as readonly string[]).includes(level)) {
        const areaId = newId();
        const area = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: areaId, order: 'a0', kind: 'company', level }))
          area.set(k, v);
        area.set('name', newText());
        const areas = new Y.Map<unknown>();
        areas.set(areaId, area);
        const card = new Y.Map<unknown>();
        const cardId = newId();
        card.set('id', cardId);
        card.set('title', newText());
        card.set('areas', areas);
        place(card);
        doc.getMap('maturityCards').set(cardId, card);
      }
      meta.delete('maturity');
    },
  },
];

/** Outcome of bringing a document to the current schema. */
export type MigrationResult =
  | { ok: true; from: number; applied: string[] }
  | { ok: false; code: 'newer-version' | 'no-version'; version: number | null };

/** Reads the schema version a document was written with, or null when it has none. */
export function schemaVersionOf(doc: Y.Doc): number | null {
  const v = doc.getMap('meta').get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

/**
 * Applies every migration the document needs, in order, then stamps the current version.
 * Refuses (changing nothing) a document from a newer app or one with no version at all.
 */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const from = schemaVersionOf(doc);
  if (from === null) return { ok: false, code: 'no-version', version: null };
  if (from > SCHEMA_VERSION) return { ok: false, code: 'newer-version', version: from };
  const applied: string[] = [];
  if (from === SCHEMA_VERSION) return { ok: true, from, applied };
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) {
      const step = migrations.find((m) => m.from === v);
      if (!step) throw new Error(`no migration from schema version ${v}`);
      step.up(doc);
      applied.push(step.id);
    }
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION);
  }, 'migrate');
  return { ok: true, from, applied };
}
