import { describe, expect, it } from 'vitest';
import { deleteSelection } from './delete';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('delete', () => {
  it('deletes exactly the selection (elements and frames) as one undo step', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const gone = sticky(0, 0, 'gone');
    const kept = sticky(300, 0, 'kept');
    const journey = board.addJourney({ kind: 'cjm', x: 0, y: 600 });
    session.getState().setSelection([gone, journey]);
    expect(runAction(ctx, deleteSelection)).toBe(true);
    const snap = board.snapshot();
    expect(snap.elementOrder).toEqual([kept]);
    expect(snap.journeys[journey]).toBeUndefined();
    expect(session.getState().selection).toEqual([]);
    board.history.undo();
    expect(board.snapshot().elements[gone]).toBeDefined();
    expect(board.snapshot().journeys[journey]).toBeDefined();
  });

  it('deletes nothing when nothing is selected', () => {
    const { ctx, board, sticky } = headlessContext();
    const a = sticky();
    expect(runAction(ctx, deleteSelection)).toBe(false);
    expect(board.snapshot().elementOrder).toEqual([a]);
  });

  it('is refused to a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky();
    session.getState().setSelection([a]);
    becomeViewer();
    expect(runAction(ctx, deleteSelection)).toBe(false);
    expect(board.snapshot().elementOrder).toEqual([a]);
  });
});
