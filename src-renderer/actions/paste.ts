import { defineAction } from './types';

/**
 * Pastes board elements from the clipboard (checked before anything is written), or plain
 * text from elsewhere as a new sticky note.
 */
export const paste = defineAction({
  id: 'paste',
  labelKey: 'actions.paste',
  shortcuts: [{ codes: ['KeyV'], mod: true, clipboard: true }],
  viewer: false,
  perform(ctx, { clipboard }) {
    const text = clipboard?.getData('text/plain');
    if (!text) return false;
    ctx.canvas.paste(text);
    return true;
  },
});
