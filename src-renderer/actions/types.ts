import type { BoardDoc } from '../../shared/board';
import type { SessionStore } from '../board/sessionStore';
import type { Shortcut } from '../canvas/shortcuts';
import type { CanvasActions } from '../canvas/useCanvasActions';

/** The view of the canvas, for the zoom actions. */
export interface ViewControls {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
}

/** Everything an action may use: the board, this window's session and the canvas. */
export interface ActionContext {
  board: BoardDoc;
  session: SessionStore;
  /** The board is open for viewing only (a viewer): only actions with `viewer: true` run. */
  readOnly: boolean;
  canvas: CanvasActions;
  view: ViewControls;
}

/** The text side of the clipboard, as a clipboard event's `clipboardData` offers it. */
export interface ClipboardData {
  getData(format: 'text/plain'): string;
  setData(format: 'text/plain', data: string): void;
}

/** How an action was started, where that changes what it does. */
export interface Trigger {
  /** Shift was held (nudging moves ten times as far). */
  shiftKey?: boolean;
  /** Started from a clipboard event: read from / write to its data. */
  clipboard?: ClipboardData;
  /** A creation tool chosen from the keyboard on the toolbar: place the item in the view now. */
  placeInView?: boolean;
}

/**
 * One user action: what it is called, its keys, who may use it and what it does. The toolbar,
 * the keyboard, the style panel, the top bar and the desktop menu all read it from the registry.
 */
export interface Action<Id extends string = string> {
  id: Id;
  /** i18n key of its name (en and ru). */
  labelKey: string;
  /** Its keys; the first one is shown in tooltips and menus. */
  shortcuts: readonly Shortcut[];
  /** Whether a viewer (a board open for viewing only) may use it: true only if it changes nothing. */
  viewer: boolean;
  /** Whether it applies now (e.g. something is selected); absent means always. */
  enabled?(ctx: ActionContext): boolean;
  /**
   * Does it. Returns false when there turned out to be nothing to do (e.g. nothing on the
   * selection can be copied), so the key or clipboard event is left to the browser.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most actions always act and return nothing.
  perform(ctx: ActionContext, trigger: Trigger): boolean | void;
}

/** Declares an action, keeping its id as a literal type. */
export function defineAction<const Id extends string>(action: Action<Id>): Action<Id> {
  return action;
}
