import { selectedElements } from './selection';
import { defineAction } from './types';

/** Starts editing the text of the one selected element. */
export const edit = defineAction({
  id: 'edit',
  labelKey: 'actions.edit',
  shortcuts: [{ codes: ['Enter', 'NumpadEnter'], shift: 'any' }],
  viewer: false,
  enabled: (ctx) => ctx.session.getState().selection.length === 1 && selectedElements(ctx).length === 1,
  perform(ctx) {
    ctx.canvas.editSelection();
  },
});
