import { defineAction } from './types';

/** Undoes this user's last change (never a collaborator's: see BoardDoc.history). */
export const undo = defineAction({
  id: 'undo',
  labelKey: 'actions.undo',
  shortcuts: [{ codes: ['KeyZ'], mod: true }],
  viewer: false,
  enabled: (ctx) => ctx.board.history.canUndo(),
  perform(ctx) {
    ctx.canvas.undo();
  },
});
