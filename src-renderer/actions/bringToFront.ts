import { selectedElements } from './selection';
import { defineAction } from './types';

/** Brings the selected elements in front of everything else. */
export const bringToFront = defineAction({
  id: 'bringToFront',
  labelKey: 'actions.bringToFront',
  shortcuts: [],
  viewer: false,
  enabled: (ctx) => selectedElements(ctx).length > 0,
  perform(ctx) {
    ctx.canvas.bringToFront();
  },
});
