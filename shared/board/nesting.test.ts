import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './BoardDoc';
import { deepestNesting, MAX_NESTING_DEPTH } from './nesting';

function chainOfMaps(depth: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    let map = doc.getMap<unknown>('elements');
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      map.set('d', next);
      map = next;
    }
  });
  return doc;
}

describe('deepestNesting', () => {
  it('counts a root entry as 1, one more per shared type and per JSON level', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 3);
    expect(deepestNesting(doc)).toBe(1);
    doc.getMap('meta').set('style', { color: { name: 'pink' } });
    expect(deepestNesting(doc)).toBe(3);
    expect(deepestNesting(chainOfMaps(5))).toBe(5);
  });

  it('finds a real board well within the bound', () => {
    const board = BoardDoc.create({ title: 'Bound' });
    const j = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['A', 'B'] });
    const snap = board.snapshot().journeys[j]!;
    board.addCard(j, { stageId: snap.stages[0]!.id, laneId: snap.lanes[0]!.id, text: 'card' });
    board.addMatrix({ journeyId: j, x: 0, y: 0 });
    const depth = deepestNesting(board.ydoc);
    expect(depth).toBeGreaterThanOrEqual(4);
    expect(depth).toBeLessThanOrEqual(8);
  });

  it('stops counting past the cap, so thousands of levels cost little and cannot overflow', () => {
    expect(deepestNesting(chainOfMaps(MAX_NESTING_DEPTH))).toBe(MAX_NESTING_DEPTH);
    expect(deepestNesting(chainOfMaps(MAX_NESTING_DEPTH + 1))).toBe(MAX_NESTING_DEPTH + 1);
    expect(deepestNesting(chainOfMaps(20_000))).toBeGreaterThan(MAX_NESTING_DEPTH);
    const json = new Y.Doc();
    let value: unknown = 'bottom';
    for (let i = 0; i < 5_000; i++) value = [value];
    json.getMap('meta').set('deep', value);
    expect(deepestNesting(json)).toBeGreaterThan(MAX_NESTING_DEPTH);
  });
});
