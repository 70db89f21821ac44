import { describe, expect, it } from 'vitest';
import { TOOLS } from '../board/sessionStore';
import { runAction, toolAction } from './registry';
import { headlessContext, VIEW } from './testing';
import { TOOL_ACTIONS } from './tools';

describe('tool actions', () => {
  it('exist for every tool, in toolbar order', () => {
    expect(TOOL_ACTIONS.map((a) => a.id)).toEqual(TOOLS.map((tool) => `tool.${tool}`));
  });

  it('pick the tool, and leave text editing', () => {
    const { ctx, session, sticky } = headlessContext();
    session.getState().setEditing(sticky());
    expect(runAction(ctx, toolAction('rectangle'))).toBe(true);
    expect(session.getState()).toMatchObject({ tool: 'rectangle', editingId: null });
  });

  it('start a connector from the one selected item', () => {
    const { ctx, session, sticky } = headlessContext();
    const a = sticky();
    session.getState().setSelection([a]);
    runAction(ctx, toolAction('connector'));
    expect(session.getState()).toMatchObject({ tool: 'connector', connectFrom: a });
  });

  it('place the item in the middle of the view when chosen from the keyboard on the toolbar', () => {
    const { ctx, board, session } = headlessContext();
    runAction(ctx, toolAction('sticky'), { placeInView: true });
    const [el] = Object.values(board.snapshot().elements);
    expect(el?.type).toBe('sticky');
    expect(el!.x + el!.width / 2).toBe(VIEW.x + VIEW.width / 2);
    expect(session.getState()).toMatchObject({ tool: 'select', selection: [el!.id], editingId: el!.id });
  });

  it('offer a viewer only the viewing tools', () => {
    const { ctx, session, becomeViewer } = headlessContext();
    becomeViewer();
    expect(TOOL_ACTIONS.filter((a) => a.viewer).map((a) => a.id)).toEqual(['tool.select', 'tool.hand']);
    expect(runAction(ctx, toolAction('sticky'))).toBe(false);
    expect(runAction(ctx, toolAction('hand'))).toBe(true);
    expect(session.getState().tool).toBe('hand');
  });
});
