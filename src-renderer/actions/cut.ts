import { hasSelection } from './selection';
import { defineAction } from './types';

/** Copies the selection to the clipboard, then deletes it (one undo step brings it back). */
export const cut = defineAction({
  id: 'cut',
  labelKey: 'actions.cut',
  shortcuts: [{ codes: ['KeyX'], mod: true, clipboard: true }],
  viewer: false,
  enabled: hasSelection,
  perform(ctx, { clipboard }) {
    if (!clipboard) return false;
    const text = ctx.canvas.cutSelection();
    if (!text) return false;
    clipboard.setData('text/plain', text);
    return true;
  },
});
