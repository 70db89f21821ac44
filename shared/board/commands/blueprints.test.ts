import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../BoardDoc';
import { checkInvariants } from '../invariants';

/** A journey of three stages with a linked blueprint holding a card in each of two stages. */
function linkedBoard() {
  const board = BoardDoc.create({ title: 'Blueprints' });
  const journey = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    stageTitles: ['A', 'B', 'C'],
  });
  const [a, b, c] = board.snapshot().journeys[journey]!.stages.map((s) => s.id) as [string, string, string];
  const bp = board.addBlueprint({ journeyId: journey, x: 0, y: 900 });
  const onA = board.addProcessCard(bp, { columnId: a, lane: 'frontstage', text: 'greet', owner: 'Desk' });
  const onB = board.addProcessCard(bp, { columnId: b, lane: 'support', text: 'CRM', system: 'amoCRM' });
  return { board, journey, bp, stages: { a, b, c }, cards: { onA, onB } };
}

const columnsOf = (board: BoardDoc, bp: string) =>
  board.snapshot().blueprints[bp]!.columns.map((c) => `${c.title}${c.kept ? '*' : ''}`);

describe('blueprint columns follow the journey', () => {
  it('adds, renames, reorders with the stages', () => {
    const { board, journey, bp, stages } = linkedBoard();
    board.addStage(journey, { title: 'D' });
    board.renameStage(journey, stages.a, 'A2');
    board.moveStage(journey, stages.c, { before: stages.a });
    expect(columnsOf(board, bp)).toEqual(['C', 'A2', 'B', 'D']);
    expect(checkInvariants(board.snapshot())).toEqual([]);
  });

  it('deleting a stage deletes its column cards, or keeps the column after the stages', () => {
    const { board, journey, bp, stages, cards } = linkedBoard();
    board.deleteStage(journey, stages.a, { blueprintCards: 'keep' });
    expect(columnsOf(board, bp)).toEqual(['B', 'C', 'A*']);
    expect(board.snapshot().blueprints[bp]!.cells[`${stages.a}:frontstage`]?.map((c) => c.id)).toEqual([
      cards.onA,
    ]);
    board.deleteStage(journey, stages.b);
    expect(columnsOf(board, bp)).toEqual(['C', 'A*']);
    expect(
      Object.values(board.snapshot().blueprints[bp]!.cells)
        .flat()
        .map((c) => c.id),
    ).toEqual([cards.onA]);
    // The kept column is the blueprint's own: it can be renamed and deleted.
    board.renameBlueprintColumn(bp, stages.a, 'A (old)');
    expect(columnsOf(board, bp)).toEqual(['C', 'A (old)*']);
    board.deleteBlueprintColumn(bp, stages.a);
    expect(columnsOf(board, bp)).toEqual(['C']);
    expect(checkInvariants(board.snapshot())).toEqual([]);
  });

  it('a card a peer adds to a stage deleted with "keep" at the same time lands in the kept column', () => {
    const { board, journey, bp, stages } = linkedBoard();
    const peer = BoardDoc.fromYDoc(new Y.Doc());
    Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(board.ydoc));
    board.deleteStage(journey, stages.a, { blueprintCards: 'keep' });
    const late = peer.addProcessCard(bp, { columnId: stages.a, lane: 'backstage', text: 'late' });
    Y.applyUpdate(board.ydoc, Y.encodeStateAsUpdate(peer.ydoc));
    expect(board.snapshot().blueprints[bp]!.cells[`${stages.a}:backstage`]?.map((c) => c.id)).toEqual([late]);
  });

  it('detach turns the stages into own columns, in order, with their cards', () => {
    const { board, journey, bp, stages, cards } = linkedBoard();
    board.deleteStage(journey, stages.c, { blueprintCards: 'keep' });
    board.detachBlueprint(bp, { x: 10, y: 2000 });
    board.addStage(journey, { title: 'E' });
    const snap = board.snapshot().blueprints[bp]!;
    expect(snap).toMatchObject({ journeyId: null, x: 10, y: 2000 });
    expect(columnsOf(board, bp)).toEqual(['A', 'B', 'C']);
    expect(snap.cells[`${stages.a}:frontstage`]?.[0]?.id).toBe(cards.onA);
    board.history.undo();
    board.history.undo();
    expect(board.snapshot().blueprints[bp]!.journeyId).toBe(journey);
  });
});

describe('blueprint lanes, handoffs and mirror', () => {
  it('custom lanes sit in their zone; deleting one takes its cards and their handoffs', () => {
    const { board, bp, stages, cards } = linkedBoard();
    const partners = board.addBlueprintLane(bp, { title: 'Partners', zone: 'backstage' });
    const lanes = board.snapshot().blueprints[bp]!.lanes.map((l) => l.id);
    expect(lanes).toEqual(['evidence', 'customer', 'frontstage', 'backstage', partners, 'support']);
    const onPartners = board.addProcessCard(bp, {
      columnId: stages.b,
      lane: partners,
      actorKind: 'ai-agent',
    });
    board.addHandoff(bp, cards.onA, onPartners);
    board.addHandoff(bp, onPartners, cards.onB);
    expect(board.snapshot().blueprints[bp]!.handoffs).toHaveLength(2);
    board.deleteBlueprintLane(bp, partners);
    const snap = board.snapshot().blueprints[bp]!;
    expect(snap.lanes).toHaveLength(5);
    expect(snap.handoffs).toEqual([]);
    expect(checkInvariants(board.snapshot())).toEqual([]);
  });

  it('deleting a card removes its handoffs; the mirror switch is stored', () => {
    const { board, bp, cards } = linkedBoard();
    board.addHandoff(bp, cards.onA, cards.onB);
    expect(() => board.addHandoff(bp, cards.onA, cards.onB)).toThrow(/exists/);
    board.deleteProcessCard(bp, cards.onB);
    expect(board.snapshot().blueprints[bp]!.handoffs).toEqual([]);
    board.setBlueprintMirror(bp, true);
    expect(board.snapshot().blueprints[bp]!.mirrorSteps).toBe(true);
  });

  it('an older blueprint without lane and handoff maps gets them on first use', () => {
    const { board, bp, cards } = linkedBoard();
    const m = board.ydoc.getMap<Y.Map<unknown>>('blueprints').get(bp)!;
    board.ydoc.transact(() => {
      m.delete('lanes');
      m.delete('handoffs');
    });
    expect(board.snapshot().blueprints[bp]!.lanes).toHaveLength(5);
    board.addBlueprintLane(bp, { title: 'Legal', zone: 'support' });
    board.addHandoff(bp, cards.onB, cards.onA);
    expect(board.snapshot().blueprints[bp]!.lanes).toHaveLength(6);
    expect(board.snapshot().blueprints[bp]!.handoffs).toHaveLength(1);
  });
});
