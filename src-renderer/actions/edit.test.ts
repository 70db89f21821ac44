import { describe, expect, it } from 'vitest';
import { edit } from './edit';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('edit', () => {
  it('starts editing the one selected element', () => {
    const { ctx, session, sticky } = headlessContext();
    const a = sticky();
    session.getState().setSelection([a]);
    expect(runAction(ctx, edit)).toBe(true);
    expect(session.getState().editingId).toBe(a);
  });

  it('does not apply to several items, a frame, or a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky();
    const b = sticky();
    session.getState().setSelection([a, b]);
    expect(runAction(ctx, edit)).toBe(false);
    session.getState().setSelection([board.addJourney({ kind: 'cjm', x: 0, y: 600 })]);
    expect(runAction(ctx, edit)).toBe(false);
    session.getState().setSelection([a]);
    becomeViewer();
    expect(runAction(ctx, edit)).toBe(false);
    expect(session.getState().editingId).toBeNull();
  });
});
