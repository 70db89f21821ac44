import { hasSelection } from './selection';
import { defineAction } from './types';

/** Deletes what is selected, as one undo step. Only the selection: nothing else is touched. */
export const deleteSelection = defineAction({
  id: 'delete',
  labelKey: 'actions.delete',
  shortcuts: [{ codes: ['Delete'] }, { codes: ['Backspace'] }],
  viewer: false,
  enabled: hasSelection,
  perform(ctx) {
    ctx.canvas.deleteSelection();
  },
});
