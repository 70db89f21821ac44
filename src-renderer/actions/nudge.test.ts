import { describe, expect, it } from 'vitest';
import { NUDGE, NUDGE_LARGE, nudgeDown, nudgeLeft, nudgeRight, nudgeUp } from './nudge';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('nudge', () => {
  it('moves the selection one step per press, ten with Shift, elements and frames alike', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(100, 100);
    const journey = board.addJourney({ kind: 'cjm', x: 0, y: 600 });
    session.getState().setSelection([a, journey]);
    expect(runAction(ctx, nudgeRight)).toBe(true);
    runAction(ctx, nudgeDown, { shiftKey: true });
    const snap = board.snapshot();
    expect(snap.elements[a]).toMatchObject({ x: 100 + NUDGE, y: 100 + NUDGE_LARGE });
    expect(snap.journeys[journey]).toMatchObject({ x: NUDGE, y: 600 + NUDGE_LARGE });
    runAction(ctx, nudgeLeft);
    runAction(ctx, nudgeUp);
    expect(board.snapshot().elements[a]).toMatchObject({ x: 100, y: 100 + NUDGE_LARGE - NUDGE });
  });

  it('leaves the arrow keys alone without a selection, and refuses a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky(100, 100);
    expect(runAction(ctx, nudgeRight)).toBe(false);
    session.getState().setSelection([a]);
    becomeViewer();
    expect(runAction(ctx, nudgeRight)).toBe(false);
    expect(board.snapshot().elements[a]).toMatchObject({ x: 100, y: 100 });
  });
});
