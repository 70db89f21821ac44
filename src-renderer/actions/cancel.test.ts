import { describe, expect, it } from 'vitest';
import { cancel } from './cancel';
import { runAction } from './registry';
import { headlessContext } from './testing';

describe('cancel (Escape)', () => {
  it('leaves a creation tool first, then clears the selection', () => {
    const { ctx, session, sticky } = headlessContext();
    const a = sticky();
    session.getState().setSelection([a]);
    session.getState().setTool('sticky');
    expect(runAction(ctx, cancel)).toBe(true);
    expect(session.getState().tool).toBe('select');
    expect(session.getState().selection).toEqual([a]);
    runAction(ctx, cancel);
    expect(session.getState().selection).toEqual([]);
  });

  it('drops a connector being started', () => {
    const { ctx, session, sticky } = headlessContext();
    session.getState().setTool('connector');
    session.getState().setConnectFrom(sticky());
    runAction(ctx, cancel);
    expect(session.getState()).toMatchObject({ tool: 'select', connectFrom: null });
  });

  it('works for a viewer', () => {
    const { ctx, session, sticky, becomeViewer } = headlessContext();
    session.getState().setSelection([sticky()]);
    becomeViewer();
    expect(runAction(ctx, cancel)).toBe(true);
    expect(session.getState().selection).toEqual([]);
  });
});
