import { hasSelection } from './selection';
import { defineAction } from './types';

/** Duplicates the selection next to the original and selects the copies. */
export const duplicate = defineAction({
  id: 'duplicate',
  labelKey: 'actions.duplicate',
  shortcuts: [{ codes: ['KeyD'], mod: true }],
  viewer: false,
  enabled: hasSelection,
  perform(ctx) {
    ctx.canvas.duplicateSelection();
  },
});
