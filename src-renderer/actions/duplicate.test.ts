import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP } from '../canvas/placement';
import { duplicate } from './duplicate';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('duplicate', () => {
  it('copies the selection into the free space beside the original and selects the copy', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(100, 50, 'twin');
    session.getState().setSelection([a]);
    expect(runAction(ctx, duplicate)).toBe(true);
    const [copyId] = session.getState().selection;
    expect(copyId).not.toBe(a);
    expect(board.snapshot().elements[copyId!]).toMatchObject({
      text: 'twin',
      x: 100 + 200 + PLACEMENT_GAP, // right of the 200-wide original
      y: 50,
    });
  });

  it('does nothing without a selection, or for a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky();
    expect(runAction(ctx, duplicate)).toBe(false);
    session.getState().setSelection([a]);
    becomeViewer();
    expect(runAction(ctx, duplicate)).toBe(false);
    expect(board.snapshot().elementOrder).toEqual([a]);
  });
});
