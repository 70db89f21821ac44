import { defineAction } from './types';

/** Escape: leaves a creation or connector tool first; with the select tool, clears the selection. */
export const cancel = defineAction({
  id: 'cancel',
  labelKey: 'actions.cancel',
  shortcuts: [{ codes: ['Escape'], shift: 'any' }],
  viewer: true,
  perform(ctx) {
    const state = ctx.session.getState();
    if (state.connectFrom || state.tool !== 'select') state.setTool('select');
    else state.setSelection([]);
  },
});
