import { defineAction } from './types';

/** Fits the whole board into the window. */
export const fitView = defineAction({
  id: 'fitView',
  labelKey: 'actions.fitView',
  shortcuts: [
    { codes: ['Digit0', 'Numpad0'], mod: true, shift: 'any' },
    { codes: ['Digit1'], shift: true },
  ],
  viewer: true,
  perform(ctx) {
    ctx.view.fit();
  },
});
