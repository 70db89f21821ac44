import { defineAction } from './types';

/** Zooms in around the middle of the view. Shift is allowed: Ctrl and + is Ctrl+Shift+= on many layouts. */
export const zoomIn = defineAction({
  id: 'zoomIn',
  labelKey: 'actions.zoomIn',
  shortcuts: [{ codes: ['Equal', 'NumpadAdd'], mod: true, shift: 'any' }],
  viewer: true,
  perform(ctx) {
    ctx.view.zoomIn();
  },
});
