import type { Tool } from '../board/sessionStore';
import { type KeyInput, matchesShortcut, type Shortcut } from '../canvas/shortcuts';
import { bringToFront } from './bringToFront';
import { cancel } from './cancel';
import { copy } from './copy';
import { cut } from './cut';
import { deleteSelection } from './delete';
import { duplicate } from './duplicate';
import { edit } from './edit';
import { fitView } from './fitView';
import { nudgeDown, nudgeLeft, nudgeRight, nudgeUp } from './nudge';
import { paste } from './paste';
import { redo } from './redo';
import { selectAll } from './selectAll';
import { TOOL_ACTIONS } from './tools';
import type { Action, ActionContext, Trigger } from './types';
import { undo } from './undo';
import { zoomIn } from './zoomIn';
import { zoomOut } from './zoomOut';

/** Every user action of the canvas. Adding one: its own file, then one line here. */
export const ACTIONS = [
  undo,
  redo,
  cut,
  copy,
  paste,
  duplicate,
  deleteSelection,
  selectAll,
  bringToFront,
  edit,
  cancel,
  nudgeLeft,
  nudgeRight,
  nudgeUp,
  nudgeDown,
  zoomIn,
  zoomOut,
  fitView,
  ...TOOL_ACTIONS,
] as const;

export type ActionId = (typeof ACTIONS)[number]['id'];

const BY_ID = new Map<string, Action>(ACTIONS.map((action) => [action.id, action]));

/** The action with this id. */
export function getAction(id: ActionId): Action {
  return BY_ID.get(id)!;
}

/** The action with this id, or null for an id from outside (e.g. the desktop menu). */
export function findAction(id: string): Action | null {
  return BY_ID.get(id) ?? null;
}

/** The action that picks this tool. */
export function toolAction(tool: Tool): Action {
  return getAction(`tool.${tool}`);
}

/** The action a key press stands for, with the shortcut it matched; null if none. */
export function actionForKey(input: KeyInput): { action: Action; shortcut: Shortcut } | null {
  for (const action of ACTIONS) {
    const shortcut = action.shortcuts.find((s) => matchesShortcut(s, input));
    if (shortcut) return { action, shortcut };
  }
  return null;
}

/** Whether the action may run now: a viewer only gets actions that change nothing. */
export function isAvailable(ctx: ActionContext, action: Action): boolean {
  if (ctx.readOnly && !action.viewer) return false;
  return action.enabled?.(ctx) ?? true;
}

/**
 * Runs an action if it is available. Returns true when it ran (the caller then stops the
 * browser's own handling of the key or clipboard event).
 */
export function runAction(ctx: ActionContext, action: Action, trigger: Trigger = {}): boolean {
  if (!isAvailable(ctx, action)) return false;
  return action.perform(ctx, trigger) !== false;
}
