import { BoardDoc } from '../../shared/board';
import { createSessionStore } from '../board/sessionStore';
import { createCanvasActions } from '../canvas/useCanvasActions';
import type { ActionContext, ClipboardData } from './types';

/** The visible part of the board in the headless context. */
export const VIEW = { x: 0, y: 0, width: 1000, height: 800 };

/**
 * A headless action context over a real BoardDoc and session store, for the action tests.
 * The React Flow viewport is the one part that needs a browser: `view` records the calls.
 */
export function headlessContext() {
  const board = BoardDoc.create({ title: 'Test' });
  const session = createSessionStore();
  const viewCalls: string[] = [];
  const ctx: ActionContext = {
    board,
    session,
    readOnly: false,
    canvas: createCanvasActions({ board, session, viewRect: () => VIEW, t: (key) => key }),
    view: {
      fit: () => viewCalls.push('fit'),
      zoomIn: () => viewCalls.push('zoomIn'),
      zoomOut: () => viewCalls.push('zoomOut'),
    },
  };
  /** Opens the board for viewing only, as a viewer token does. */
  const becomeViewer = () => {
    board.setReadOnly(true);
    ctx.readOnly = true;
  };
  /** Adds a sticky note and returns its id. */
  const sticky = (x = 100, y = 100, text = '') => board.addElement({ type: 'sticky', x, y, text });
  return { ctx, board, session, viewCalls, becomeViewer, sticky };
}

/** A clipboard event's data: one text slot, as the browser's DataTransfer offers. */
export function clipboardData(initial = ''): ClipboardData & { text: string } {
  return {
    text: initial,
    getData() {
      return this.text;
    },
    setData(_format, data) {
      this.text = data;
    },
  };
}
