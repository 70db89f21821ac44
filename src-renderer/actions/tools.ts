import type { Tool } from '../board/sessionStore';
import { CREATION_TOOLS } from '../canvas/useCanvasActions';
import { defineAction } from './types';

/**
 * Picks a canvas tool (one action per tool, in toolbar order). A creation tool chosen from
 * the keyboard on the toolbar places its item in the middle of the view at once; the
 * connector tool picked with one item selected starts the connector from that item.
 */
function tool<const T extends Tool>(name: T, code: string, viewer = false) {
  return defineAction({
    id: `tool.${name}` as const,
    labelKey: `tool.${name}`,
    shortcuts: [{ codes: [code] }],
    viewer,
    perform(ctx, { placeInView }) {
      const state = ctx.session.getState();
      state.setEditing(null);
      if (placeInView && CREATION_TOOLS[name]) {
        ctx.canvas.createInView(name);
        return;
      }
      state.setTool(name);
      if (name === 'connector' && state.selection.length === 1) state.setConnectFrom(state.selection[0]!);
    },
  });
}

/** The tool actions in toolbar order. Only looking around (select, hand) is open to viewers. */
export const TOOL_ACTIONS = [
  tool('select', 'KeyV', true),
  tool('hand', 'KeyH', true),
  tool('sticky', 'KeyN'),
  tool('text', 'KeyT'),
  tool('rectangle', 'KeyR'),
  tool('ellipse', 'KeyO'),
  tool('diamond', 'KeyD'),
  tool('frame', 'KeyF'),
  tool('connector', 'KeyC'),
] as const;
