import { hasSelection } from './selection';
import { defineAction } from './types';

/**
 * Copies the selection (with the contents of selected frames and the connectors between
 * copied items) to the clipboard as text. A viewer may copy: it changes nothing.
 */
export const copy = defineAction({
  id: 'copy',
  labelKey: 'actions.copy',
  shortcuts: [{ codes: ['KeyC'], mod: true, clipboard: true }],
  viewer: true,
  enabled: hasSelection,
  perform(ctx, { clipboard }) {
    const text = ctx.canvas.copySelection();
    if (!text || !clipboard) return false;
    clipboard.setData('text/plain', text);
    return true;
  },
});
