import { defineAction } from './types';

/** Zooms out around the middle of the view. */
export const zoomOut = defineAction({
  id: 'zoomOut',
  labelKey: 'actions.zoomOut',
  shortcuts: [{ codes: ['Minus', 'NumpadSubtract'], mod: true, shift: 'any' }],
  viewer: true,
  perform(ctx) {
    ctx.view.zoomOut();
  },
});
