/**
 * The shapes exchanged between the renderer and the Electron main process, and the API the
 * preload exposes as `window.cxDesktop`. Types and constants only (no zod), so the sandboxed
 * preload bundle stays small; the argument validators are in `contract.ts`.
 */

import type { ExportFormat } from '../export/formats';

/** UI languages the app ships. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A problem the user can read: a stable code for programs and a sentence for people. */
export interface DesktopIssue {
  code: string;
  message: string;
}

/** What every request returns over the wire: a value or a typed error, never a throw. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: DesktopIssue };

/**
 * How the current window's board is bound: none (start screen), a board never saved, a
 * board file, or a live workshop board joined over the network.
 */
export type BoardKind = 'none' | 'untitled' | 'file' | 'live';

/** The current window's board as the title bar and the save indicator show it. */
export interface BoardSessionInfo {
  kind: BoardKind;
  /** File name without folder (`Onboarding.cxboard`), "Untitled", or the live room's name. */
  name: string;
  /** Folder or server shown next to the name; for display only. */
  location: string | null;
  /** True while there are changes not yet written to the board's file. */
  dirty: boolean;
}

/** A board handed to the renderer to show. */
export interface OpenedBoard {
  session: BoardSessionInfo;
  /** The `.cxboard` bytes; the renderer parses them with `parseBoardFile`. */
  bytes: Uint8Array;
  /** True when the bytes come from autosaved work recovered after a crash. */
  recovered: boolean;
  /** Non-fatal notes from loading (repaired parts), shown to the user. */
  warnings: DesktopIssue[];
}

export type OpenBoardResult =
  | { status: 'opened'; board: OpenedBoard }
  | { status: 'cancelled' }
  | { status: 'refused'; error: DesktopIssue };

export type SaveBoardResult =
  | { status: 'saved'; session: BoardSessionInfo }
  | { status: 'cancelled' }
  | { status: 'failed'; error: DesktopIssue };

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/**
 * An export handed to main to save: the file's bytes, the name the save dialog suggests
 * (a file name, never a path: `exportFileName` in shared/export) and the format, which
 * picks the dialog's filter and is checked against the bytes' signature.
 */
export interface SaveExportRequest {
  bytes: Uint8Array;
  suggestedName: string;
  format: ExportFormat;
}

export type SaveExportResult =
  /** `name`: the file name the person chose, without its folder (for a notice). */
  { status: 'saved'; name: string } | { status: 'cancelled' } | { status: 'failed'; error: DesktopIssue };

export interface RecentEntry {
  id: string;
  /** File name without folder. */
  name: string;
  /** Folder, for display. */
  location: string;
  /** When the file was last opened or saved (ms since epoch). */
  openedAt: number;
}

export interface AppInfo {
  version: string;
  platform: string;
  language: Language;
}

/** A network interface the workshop can be hosted on. */
export interface NetworkInterfaceOption {
  id: string;
  /** OS name of the interface (`eth0`, `Wi-Fi`). */
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** True for loopback: only this computer can join. */
  internal: boolean;
}

/** Someone connected to the hosted workshop. */
export interface Participant {
  /** Awareness client id. */
  id: number;
  name: string;
  color: string | null;
}

/** Where a renderer connects its y-websocket provider. */
export interface WorkshopConnection {
  /** http(s) base of the sync server, e.g. `http://192.168.1.20:4321`. */
  serverUrl: string;
  /** ws(s) base for the provider, e.g. `ws://192.168.1.20:4321/sync` (the room is appended). */
  websocketUrl: string;
  room: string;
  /** Query parameters the provider sends with the room (`{ token }` or `{ code }`). */
  params: Record<string, string>;
  role: 'editor' | 'viewer';
}

export type HostingStatus =
  | { running: false; error: DesktopIssue | null }
  | {
      running: true;
      /** Join code in canonical form (`ACD7KM`); show it with `formatJoinCode`. */
      joinCode: string;
      /** Link that opens the join page (`http://addr:port/join/CODE`). */
      joinLink: string;
      /** Address of the web app for participants without the desktop app. */
      browserUrl: string;
      interface: NetworkInterfaceOption;
      /** How the host's own window connects to the workshop room. */
      connection: WorkshopConnection;
      participants: Participant[];
      startedAt: number;
    };

export type ResolveWorkshopResult =
  | { status: 'resolved'; connection: WorkshopConnection }
  | { status: 'failed'; error: DesktopIssue };

/**
 * Canvas actions the native menu runs in the renderer, by the id of the renderer's action
 * (src-renderer/actions, whose test checks each id is there and that the key shown here is a
 * key of that same action), with the key the menu shows (`mac`: on macOS, when it differs).
 * The page handles these keys itself, so the menu shows them without registering them.
 */
export const MENU_CANVAS_ACTIONS = {
  undo: { accelerator: 'CmdOrCtrl+Z' },
  redo: { accelerator: 'Ctrl+Y', mac: 'Shift+Cmd+Z' },
  duplicate: { accelerator: 'CmdOrCtrl+D' },
  delete: { accelerator: 'Delete' },
  selectAll: { accelerator: 'CmdOrCtrl+A' },
  zoomIn: { accelerator: 'CmdOrCtrl+=' },
  zoomOut: { accelerator: 'CmdOrCtrl+-' },
  fitView: { accelerator: 'CmdOrCtrl+0' },
} as const satisfies Record<string, { accelerator: string; mac?: string }>;
export type MenuCanvasAction = keyof typeof MENU_CANVAS_ACTIONS;
const MENU_CANVAS_ACTION_IDS = Object.keys(MENU_CANVAS_ACTIONS) as MenuCanvasAction[];

/** The app's own commands sent by the native menu to the renderer (besides the canvas actions). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'close',
  'closeWindow',
  'hostWorkshop',
  'joinWorkshop',
  'language:en',
  'language:ru',
  'openRecent',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number] | MenuCanvasAction;

/** Whether a menu command is a canvas action of the renderer. */
export function isMenuCanvasAction(command: string): command is MenuCanvasAction {
  return (MENU_CANVAS_ACTION_IDS as string[]).includes(command);
}

/** The single main→renderer event channel. */
export const EVENT_CHANNEL = 'cx:event';

/** Messages the main process pushes to a window. */
export type DesktopEvent =
  | { type: 'menu-command'; command: MenuCommand; recentId?: string }
  | { type: 'board-opened'; result: OpenBoardResult }
  | { type: 'session-changed'; session: BoardSessionInfo }
  | { type: 'hosting-changed'; status: HostingStatus };

/**
 * The API the preload script exposes as `window.cxDesktop`. Undefined in a browser.
 * Every method resolves; failures that are not an expected outcome reject with an Error
 * whose message is readable.
 */
export interface DesktopApi {
  getAppInfo(): Promise<AppInfo>;
  /** Rebuilds the native menus in the UI language. */
  setLanguage(language: Language): Promise<void>;
  /** Starts a new untitled board in this window. */
  newBoard(): Promise<BoardSessionInfo>;
  /**
   * A board waiting for this window (recovered work, or a file from the OS, or why that
   * file was refused); null if none. Calling it also tells main that later boards can be pushed
   * through `onBoardOpened`.
   */
  takePendingBoard(): Promise<OpenBoardResult | null>;
  /** Native Open dialog. */
  openBoard(): Promise<OpenBoardResult>;
  openRecent(id: string): Promise<OpenBoardResult>;
  /** Writes to the board's file; asks for a name first when it has none. */
  saveBoard(bytes: Uint8Array): Promise<SaveBoardResult>;
  saveBoardAs(bytes: Uint8Array): Promise<SaveBoardResult>;
  /** Writes a copy (e.g. of a live workshop board) without rebinding the window. */
  saveCopy(bytes: Uint8Array): Promise<SaveBoardResult>;
  /** Native Save dialog for an export (filter of its format), then writes the file atomically. */
  saveExport(request: SaveExportRequest): Promise<SaveExportResult>;
  /** Hands the latest state for crash recovery; marks the board as changed. */
  autosave(bytes: Uint8Array): Promise<void>;
  /** Forgets the board (and its recovery data); the window shows the start screen. */
  closeBoard(): Promise<void>;
  /** Native "Save changes?" question for the current board. */
  confirmUnsavedChanges(): Promise<UnsavedChoice>;
  /** Closes this window without asking again (after the renderer has dealt with changes). */
  closeWindow(): Promise<void>;
  listRecent(): Promise<RecentEntry[]>;
  removeRecent(id: string): Promise<RecentEntry[]>;
  clearRecent(): Promise<RecentEntry[]>;
  listNetworkInterfaces(): Promise<NetworkInterfaceOption[]>;
  startHosting(options: { interfaceId: string; port?: number }): Promise<HostingStatus>;
  stopHosting(): Promise<HostingStatus>;
  getHostingStatus(): Promise<HostingStatus>;
  resolveWorkshop(request: { input: string; host?: string; token?: string }): Promise<ResolveWorkshopResult>;
  /** Tells main this window now shows a live workshop board (title, save-copy). */
  markJoined(info: { room: string; serverUrl: string }): Promise<BoardSessionInfo>;
  /** Menu commands; `openRecent` carries the entry's id in `detail.recentId`. */
  onMenuCommand(listener: (command: MenuCommand, detail: { recentId?: string }) => void): () => void;
  onBoardOpened(listener: (result: OpenBoardResult) => void): () => void;
  onSessionChanged(listener: (session: BoardSessionInfo) => void): () => void;
  onHostingChanged(listener: (status: HostingStatus) => void): () => void;
}
