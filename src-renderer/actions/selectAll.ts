import { defineAction } from './types';

/** Selects every item on the board (elements and frames). */
export const selectAll = defineAction({
  id: 'selectAll',
  labelKey: 'actions.selectAll',
  shortcuts: [{ codes: ['KeyA'], mod: true }],
  viewer: true,
  perform(ctx) {
    ctx.canvas.selectAll();
  },
});
