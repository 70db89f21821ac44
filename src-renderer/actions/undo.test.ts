import { describe, expect, it } from 'vitest';
import { runAction } from './registry';
import { headlessContext } from './testing';
import { undo } from './undo';

describe('undo', () => {
  it('takes back the last change of this user', () => {
    const { ctx, board, sticky } = headlessContext();
    const id = sticky();
    expect(runAction(ctx, undo)).toBe(true);
    expect(board.snapshot().elements[id]).toBeUndefined();
  });

  it('is disabled with nothing to undo, and for a viewer', () => {
    const { ctx, board, sticky, becomeViewer } = headlessContext();
    expect(runAction(ctx, undo)).toBe(false);
    const id = sticky();
    becomeViewer();
    expect(runAction(ctx, undo)).toBe(false);
    expect(board.snapshot().elements[id]).toBeDefined();
  });

  it('leaves text editing', () => {
    const { ctx, session, sticky } = headlessContext();
    const id = sticky();
    session.getState().setEditing(id);
    runAction(ctx, undo);
    expect(session.getState().editingId).toBeNull();
  });
});
