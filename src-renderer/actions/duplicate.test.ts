import { describe, expect, it } from 'vitest';
import { DUPLICATE_OFFSET } from '../canvas/useCanvasActions';
import { duplicate } from './duplicate';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('duplicate', () => {
  it('copies the selection next to the original and selects the copy', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(100, 50, 'twin');
    session.getState().setSelection([a]);
    expect(runAction(ctx, duplicate)).toBe(true);
    const [copyId] = session.getState().selection;
    expect(copyId).not.toBe(a);
    expect(board.snapshot().elements[copyId!]).toMatchObject({
      text: 'twin',
      x: 100 + DUPLICATE_OFFSET,
      y: 50 + DUPLICATE_OFFSET,
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
