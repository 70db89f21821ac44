import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './BoardDoc';
import { parseBoardFile, serializeBoardFile } from './file';
import { checkInvariants } from './invariants';
import { boardSnapshotSchema, MAX_TITLE_LENGTH } from './records';
import { repairDoc } from './repair';
import { MAX_TEXT_LENGTH } from './text';

/**
 * Keys and values from a peer or a file are untrusted. A valid Yjs update may name records
 * after Object.prototype members or carry huge or deeply nested values; the board reads it
 * without a throw, shows what is sound and repairs the rest.
 */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** What an honest board looks like: one journey with a stage. */
function honestBoard() {
  const board = BoardDoc.create({ title: 'Honest' });
  const journey = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A'] });
  const stage = board.snapshot().journeys[journey]!.stages[0]!.id;
  return { board, journey, stage };
}

/** A hostile peer's update on top of `base`: records pointing at an inherited name. */
function hostileUpdate(base: Y.Doc, name: string, stage: string): Uint8Array {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(peer);
  peer.transact(() => {
    const metric = new Y.Map<unknown>();
    metric.set('journeyId', name);
    metric.set('stageId', stage);
    metric.set('history', new Y.Array());
    peer.getMap('metrics').set(`m-${name}`, metric);
    const matrix = new Y.Map<unknown>();
    matrix.set('journeyId', name);
    matrix.set('rows', new Y.Map());
    peer.getMap('matrices').set(`x-${name}`, matrix);
    const blueprint = new Y.Map<unknown>();
    blueprint.set('journeyId', name);
    blueprint.set('columns', new Y.Map());
    blueprint.set('cards', new Y.Map());
    peer.getMap('blueprints').set(`b-${name}`, blueprint);
    // A connector to an inherited name, and an element whose frame is one.
    const connector = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ type: 'connector', from: name, to: name, frameId: name }))
      connector.set(k, v);
    peer.getMap('elements').set(`c-${name}`, connector);
  });
  return Y.encodeStateAsUpdate(peer, before);
}

function expectSound(board: BoardDoc) {
  const snap = board.snapshot();
  expect(checkInvariants(snap)).toEqual([]);
  expect(boardSnapshotSchema.safeParse(snap).success).toBe(true);
  return snap;
}

describe('record ids named after Object.prototype members', () => {
  it.each(INHERITED)('a metric, matrix and blueprint on journey "%s" break nothing', (name) => {
    const { board, journey, stage } = honestBoard();
    const seen = board.snapshot();
    Y.applyUpdate(board.ydoc, hostileUpdate(board.ydoc, name, stage), 'remote');
    const snap = expectSound(board);
    // No such journey: the metric and matrix are not shown, the blueprint stands alone.
    expect(Object.keys(snap.metrics)).toEqual([]);
    expect(Object.keys(snap.matrices)).toEqual([]);
    expect(snap.blueprints[`b-${name}`]).toMatchObject({ journeyId: null, columns: [] });
    expect(Object.keys(snap.elements)).toEqual([]);
    expect(snap.journeys[journey]).toBe(seen.journeys[journey]);
    // Lookups by an inherited name find nothing.
    expect(snap.journeys[name]).toBeUndefined();

    // Repair removes what is not shown, and the board still reads the same.
    const report = repairDoc(board.ydoc);
    expect(report.orphans).toBeGreaterThan(0);
    expect(board.ydoc.getMap('metrics').size).toBe(0);
    expect(expectSound(board).blueprints[`b-${name}`]).toBeDefined();

    // A fresh board fed the same bytes (a newcomer, a reload) reads it too.
    const newcomer = BoardDoc.fromYDoc(new Y.Doc());
    Y.applyUpdate(newcomer.ydoc, Y.encodeStateAsUpdate(board.ydoc));
    expectSound(newcomer);
  });

  it.each(INHERITED)('a journey named "%s" is an ordinary journey', (name) => {
    const board = BoardDoc.create();
    const doc = board.ydoc;
    doc.transact(() => {
      const j = new Y.Map<unknown>();
      j.set('kind', 'cjm');
      const stages = new Y.Map<unknown>();
      const s = new Y.Map<unknown>();
      s.set('title', 'Stage');
      stages.set('s1', s);
      j.set('stages', stages);
      j.set('lanes', new Y.Map());
      j.set('cards', new Y.Map());
      j.set('moments', new Y.Map());
      doc.getMap('journeys').set(name, j);
    }, 'remote');
    const metric = board.addMetric({ journeyId: name, stageId: 's1', kind: 'nps' });
    const matrix = board.addMatrix({ journeyId: name, x: 0, y: 0 });
    const snap = expectSound(board);
    expect(Object.hasOwn(snap.journeys, name)).toBe(true);
    expect(snap.metrics[metric]?.journeyId).toBe(name);
    expect(snap.matrices[matrix]?.rows.map((r) => r.stageTitle)).toEqual(['Stage']);
    expect(repairDoc(doc).removed).toEqual([]);
    board.deleteJourney(name);
    expect(Object.keys(expectSound(board).journeys)).toEqual([]);
  });

  it.each(INHERITED)('a board file holding records on "%s" loads', (name) => {
    const { board, stage } = honestBoard();
    Y.applyUpdate(board.ydoc, hostileUpdate(board.ydoc, name, stage), 'remote');
    const loaded = parseBoardFile(serializeBoardFile(board));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expectSound(loaded.board);
  });
});

/** A plain object nested `depth` levels deep. */
function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, color: value };
  return value;
}

describe('huge and deeply nested values', () => {
  it('are trimmed or dropped on read, never thrown on', () => {
    const { board, journey, stage } = honestBoard();
    const lane = board.snapshot().journeys[journey]!.lanes[0]!.id;
    const card = board.addCard(journey, { stageId: stage, laneId: lane });
    const sticky = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const metric = board.addMetric({ journeyId: journey, stageId: stage, kind: 'nps' });
    const matrix = board.addMatrix({ journeyId: journey, x: 0, y: 0 });
    const nested = deep(2000);
    let chain = new Y.Map<unknown>();
    const top = chain;
    for (let i = 0; i < 500; i++) {
      const next = new Y.Map<unknown>();
      chain.set('a', next);
      chain = next;
    }
    board.ydoc.transact(() => {
      const j = board.ydoc.getMap('journeys').get(journey) as Y.Map<unknown>;
      const c = (j.get('cards') as Y.Map<unknown>).get(card) as Y.Map<unknown>;
      c.set('text', 'x'.repeat(MAX_TEXT_LENGTH * 2));
      c.set('tags', [nested, 'ok', 't'.repeat(5000)]);
      c.set('evidence', top);
      j.set('whyLadder', [nested, 'why']);
      const el = board.ydoc.getMap('elements').get(sticky) as Y.Map<unknown>;
      el.set('style', nested);
      el.set('x', Number.POSITIVE_INFINITY);
      el.set('width', 1e300);
      const m = board.ydoc.getMap('metrics').get(metric) as Y.Map<unknown>;
      (m.get('history') as Y.Array<unknown>).push([
        nested,
        { date: '2026-01-01', value: 3 },
        { date: nested, value: 1 },
      ]);
      m.set('unit', 'u'.repeat(10_000));
      const x = board.ydoc.getMap('matrices').get(matrix) as Y.Map<unknown>;
      (x.get('detached') as Y.Array<unknown>).push([
        nested,
        { stageId: 'gone', stageTitle: nested, cells: nested, pain: 9 },
      ]);
      board.ydoc.getMap('meta').set('title', 't'.repeat(20_000));
    }, 'remote');

    const snap = expectSound(board);
    const shown = snap.journeys[journey]!.cells[`${stage}:${lane}`]![0]!;
    expect(shown.text).toHaveLength(MAX_TEXT_LENGTH);
    expect(shown.tags).toEqual(['ok']);
    expect(shown.evidence).toBe('');
    expect(snap.journeys[journey]!.whyLadder).toEqual(['why']);
    expect(snap.elements[sticky]).toMatchObject({ x: 0, width: 100_000, style: { color: 'yellow' } });
    expect(snap.metrics[metric]).toMatchObject({ unit: '', history: [{ date: '2026-01-01', value: 3 }] });
    expect(snap.matrices[matrix]!.detachedRows).toMatchObject([
      { stageId: 'gone', stageTitle: '', pain: null },
    ]);
    expect(snap.meta.title).toHaveLength(MAX_TITLE_LENGTH);
    expect(() => repairDoc(board.ydoc)).not.toThrow();
    expectSound(board);
  });

  it('a board whose title is longer than any command writes is saved and opened again', () => {
    const board = BoardDoc.create({ title: 'short' });
    board.ydoc.getMap('meta').set('title', 't'.repeat(20_000));
    const first = parseBoardFile(serializeBoardFile(board));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.board.snapshot().meta.title).toHaveLength(MAX_TITLE_LENGTH);
    const again = parseBoardFile(serializeBoardFile(first.board));
    expect(again.ok && again.board.snapshot().meta.title).toBe('t'.repeat(MAX_TITLE_LENGTH));
  });
});
