import type { ActionContext } from './types';

/** Whether anything is selected. */
export function hasSelection(ctx: ActionContext): boolean {
  return ctx.session.getState().selection.length > 0;
}

/** The selected free elements (not frames such as journey maps) that are on the board. */
export function selectedElements(ctx: ActionContext): string[] {
  const elements = ctx.board.snapshot().elements;
  return ctx.session.getState().selection.filter((id) => elements[id] !== undefined);
}
