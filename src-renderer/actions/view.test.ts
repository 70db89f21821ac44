import { describe, expect, it } from 'vitest';
import { fitView } from './fitView';
import { runAction } from './registry';
import { headlessContext } from './testing';
import { zoomIn } from './zoomIn';
import { zoomOut } from './zoomOut';

describe('zoom in, zoom out, fit', () => {
  it('move the view, also for a viewer, and change nothing on the board', () => {
    const { ctx, board, viewCalls, sticky, becomeViewer } = headlessContext();
    sticky();
    becomeViewer();
    const before = board.snapshot();
    expect(runAction(ctx, zoomIn)).toBe(true);
    expect(runAction(ctx, zoomOut)).toBe(true);
    expect(runAction(ctx, fitView)).toBe(true);
    expect(viewCalls).toEqual(['zoomIn', 'zoomOut', 'fit']);
    expect(board.snapshot()).toBe(before);
  });
});
