import { describe, expect, it } from 'vitest';
import { bringToFront } from './bringToFront';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('bring to front', () => {
  it('puts the selected elements in front of the others', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const back = sticky();
    const front = sticky();
    expect(board.snapshot().elementOrder).toEqual([back, front]);
    session.getState().setSelection([back]);
    expect(runAction(ctx, bringToFront)).toBe(true);
    expect(board.snapshot().elementOrder).toEqual([front, back]);
  });

  it('applies only to selected elements, and not for a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const back = sticky();
    sticky();
    const journey = board.addJourney({ kind: 'cjm', x: 0, y: 600 });
    session.getState().setSelection([journey]);
    expect(runAction(ctx, bringToFront)).toBe(false);
    session.getState().setSelection([back]);
    becomeViewer();
    expect(runAction(ctx, bringToFront)).toBe(false);
    expect(board.snapshot().elementOrder[0]).toBe(back);
  });
});
