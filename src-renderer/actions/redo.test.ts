import { describe, expect, it } from 'vitest';
import { redo } from './redo';
import { runAction } from './registry';
import { headlessContext } from './testing';
import { undo } from './undo';

describe('redo', () => {
  it('brings back what undo took back', () => {
    const { ctx, board, sticky } = headlessContext();
    const id = sticky();
    expect(runAction(ctx, redo)).toBe(false); // nothing undone yet
    runAction(ctx, undo);
    expect(runAction(ctx, redo)).toBe(true);
    expect(board.snapshot().elements[id]).toBeDefined();
  });

  it('is refused to a viewer', () => {
    const { ctx, board, sticky, becomeViewer } = headlessContext();
    const id = sticky();
    runAction(ctx, undo);
    becomeViewer();
    expect(runAction(ctx, redo)).toBe(false);
    expect(board.snapshot().elements[id]).toBeUndefined();
  });
});
