import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './BoardDoc';
import { checkInvariants } from './invariants';
import { repairDoc } from './repair';

/** A journey and a standalone blueprint, plus a linked blueprint holding an own column. */
function board() {
  const b = BoardDoc.create({ title: 'Repair' });
  const journey = b.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const standalone = b.addBlueprint({ x: 0, y: 500, columnTitles: ['One'] });
  const linked = b.addBlueprint({ journeyId: journey, x: 0, y: 900 });
  // An own column of a linked blueprint (a deleted stage's kept column) shows after the stages.
  const ownColumn = new Y.Map<unknown>();
  ownColumn.set('order', 'a0');
  ownColumn.set('title', 'Kept');
  const linkedColumns = b.ydoc
    .getMap<Y.Map<unknown>>('blueprints')
    .get(linked)!
    .get('columns') as Y.Map<unknown>;
  linkedColumns.set('own-column', ownColumn);
  return { b, journey, standalone, linked };
}

/** Puts a value that is not a record into every part map of the journey and the blueprints. */
function damage(doc: Y.Doc, journey: string, blueprints: string[]) {
  doc.transact(() => {
    const j = doc.getMap<Y.Map<unknown>>('journeys').get(journey)!;
    (j.get('stages') as Y.Map<unknown>).set('bad-stage', 'not a record');
    (j.get('lanes') as Y.Map<unknown>).set('bad-lane', ['not', 'a', 'record']);
    (j.get('cards') as Y.Map<unknown>).set('bad-card', null);
    (j.get('moments') as Y.Map<unknown>).set('bad-moment', 7);
    for (const id of blueprints) {
      const bp = doc.getMap<Y.Map<unknown>>('blueprints').get(id)!;
      (bp.get('columns') as Y.Map<unknown>).set('bad-column', new Y.Array());
      (bp.get('cards') as Y.Map<unknown>).set('bad-card', { text: 'plain object' });
    }
  }, 'remote');
}

describe('repairDoc', () => {
  it('deletes entries that are not records inside journeys and blueprints, so a second repair finds nothing', () => {
    const { b, journey, standalone, linked } = board();
    const before = b.snapshot();
    damage(b.ydoc, journey, [standalone, linked]);

    const first = repairDoc(b.ydoc);
    // Stages, lanes, and the standalone blueprint's columns are reported (readers walk them);
    // cards and moments and the linked blueprint's columns are cleaned up silently.
    expect(first.removed.map((r) => `${r.collection}/${r.id}`).sort()).toEqual(
      expect.arrayContaining(['columns/bad-column', 'lanes/bad-lane', 'stages/bad-stage']),
    );
    expect(repairDoc(b.ydoc)).toEqual({ removed: [], orphans: 0 });

    const after = b.snapshot();
    expect(after).toEqual(before);
    expect(checkInvariants(after)).toEqual([]);
    const j = b.ydoc.getMap<Y.Map<unknown>>('journeys').get(journey)!;
    for (const part of ['stages', 'lanes', 'cards', 'moments'])
      expect([...(j.get(part) as Y.Map<unknown>).keys()]).not.toContainEqual(expect.stringMatching(/^bad-/));
    for (const id of [standalone, linked]) {
      const bp = b.ydoc.getMap<Y.Map<unknown>>('blueprints').get(id)!;
      expect((bp.get('columns') as Y.Map<unknown>).has('bad-column')).toBe(false);
      expect((bp.get('cards') as Y.Map<unknown>).has('bad-card')).toBe(false);
    }
    // The linked blueprint's own column is a record: kept after the stages, and still there once the journey goes.
    expect(after.blueprints[linked]?.columns.at(-1)).toEqual({ id: 'own-column', title: 'Kept', kept: true });
    b.deleteJourney(journey);
    expect(b.snapshot().blueprints[linked]?.columns).toContainEqual({
      id: 'own-column',
      title: 'Kept',
      kept: false,
    });
  });
});
