import { describe, expect, it } from 'vitest';
import { runAction } from './registry';
import { selectAll } from './selectAll';
import { headlessContext } from './testing';

describe('select all', () => {
  it('selects every element and frame on the board, also for a viewer', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky();
    const b = sticky(300, 0);
    const journey = board.addJourney({ kind: 'cjm', x: 0, y: 600 });
    becomeViewer();
    expect(runAction(ctx, selectAll)).toBe(true);
    expect([...session.getState().selection].sort()).toEqual([a, b, journey].sort());
  });
});
