import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useBoard, useBoardReadOnly, useSessionStore } from '../board/BoardContext';
import { canvasOwnsKeysFrom, isControlTarget } from '../canvas/shortcuts';
import { useCanvasActions } from '../canvas/useCanvasActions';
import { copy } from './copy';
import { cut } from './cut';
import { paste } from './paste';
import { actionForKey, findAction, runAction } from './registry';
import type { Action, ActionContext } from './types';

/** The context actions run in on the board on screen. Must be used inside its ReactFlowProvider. */
export function useActionContext(): ActionContext {
  const board = useBoard();
  const session = useSessionStore();
  const readOnly = useBoardReadOnly();
  const canvas = useCanvasActions();
  const flow = useReactFlow();
  return useMemo(
    () => ({
      board,
      session,
      readOnly,
      canvas,
      view: {
        fit: () => void flow.fitView({ padding: 0.1, duration: 200 }),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
      },
    }),
    [board, session, readOnly, canvas, flow],
  );
}

/** True while a modal dialog is open: then no key reaches the canvas, whatever has focus. */
function modalDialogOpen(): boolean {
  return document.querySelector('dialog:modal, [aria-modal="true"]') !== null;
}

/** The context of the canvas on screen, for commands from outside it (the desktop menu). */
let active: ActionContext | null = null;

/**
 * Runs an action of the canvas on screen by id, as the desktop menu does. Nothing happens
 * without a board, or while a dialog is open or a text field has focus (there the menu's
 * undo, redo and select all act on the text instead).
 */
export function runActionFromMenu(id: string): boolean {
  const focus = document.activeElement;
  if (!canvasOwnsKeysFrom(focus, modalDialogOpen())) {
    const editable =
      focus instanceof HTMLElement && (focus.isContentEditable || /^(INPUT|TEXTAREA)$/.test(focus.tagName));
    if (editable && (id === 'undo' || id === 'redo' || id === 'selectAll')) document.execCommand(id);
    return false;
  }
  const action = findAction(id);
  return !!active && !!action && runAction(active, action);
}

/**
 * The canvas keyboard: key presses and clipboard events run the registry's actions. Nothing
 * fires while the user types in a field or works in a dialog; a viewer gets only the actions
 * that change nothing (copy is the one clipboard action).
 */
export function useActionKeyboard(ctx: ActionContext): void {
  useEffect(() => {
    active = ctx;
    const owned = (target: EventTarget | null) => canvasOwnsKeysFrom(target, modalDialogOpen());

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !owned(event.target)) return;
      const match = actionForKey(event);
      // Ctrl+C/X/V become clipboard events, handled below.
      if (!match || match.shortcut.clipboard) return;
      // Enter on a focused button (a toolbar tool, a menu) activates that button instead.
      if (event.key === 'Enter' && isControlTarget(event.target)) return;
      if (runAction(ctx, match.action, { shiftKey: event.shiftKey })) event.preventDefault();
    };

    const hasTextSelection = () => (window.getSelection()?.toString() ?? '') !== '';
    const clipboardHandler = (action: Action) => (event: ClipboardEvent) => {
      if (!owned(event.target) || !event.clipboardData) return;
      // Copying selected text (e.g. from a notice) stays the browser's.
      if (action !== paste && hasTextSelection()) return;
      if (runAction(ctx, action, { clipboard: event.clipboardData })) event.preventDefault();
    };
    const onCopy = clipboardHandler(copy);
    const onCut = clipboardHandler(cut);
    const onPaste = clipboardHandler(paste);

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      if (active === ctx) active = null;
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ctx]);
}
