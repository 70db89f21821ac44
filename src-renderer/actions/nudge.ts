import { hasSelection } from './selection';
import { defineAction } from './types';

/** Nudge distance in flow units; Shift moves ten times as far. */
export const NUDGE = 1;
export const NUDGE_LARGE = 10;

/** Moves the selection by one step (ten with Shift) with an arrow key; one undo step per press. */
function nudge<const Id extends string>(id: Id, code: string, dx: number, dy: number) {
  return defineAction({
    id,
    labelKey: `actions.${id}`,
    shortcuts: [{ codes: [code], shift: 'any' }],
    viewer: false,
    enabled: hasSelection,
    perform(ctx, { shiftKey }) {
      const step = shiftKey ? NUDGE_LARGE : NUDGE;
      ctx.canvas.nudgeSelection(dx * step, dy * step);
    },
  });
}

export const nudgeLeft = nudge('nudgeLeft', 'ArrowLeft', -1, 0);
export const nudgeRight = nudge('nudgeRight', 'ArrowRight', 1, 0);
export const nudgeUp = nudge('nudgeUp', 'ArrowUp', 0, -1);
export const nudgeDown = nudge('nudgeDown', 'ArrowDown', 0, 1);
