import { defineAction } from './types';

/** Redoes what undo took back; both conventions (Ctrl+Shift+Z and Ctrl+Y) work. */
export const redo = defineAction({
  id: 'redo',
  labelKey: 'actions.redo',
  shortcuts: [
    { codes: ['KeyZ'], mod: true, shift: true },
    { codes: ['KeyY'], mod: true },
  ],
  viewer: false,
  enabled: (ctx) => ctx.board.history.canRedo(),
  perform(ctx) {
    ctx.canvas.redo();
  },
});
