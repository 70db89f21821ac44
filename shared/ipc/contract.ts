/**
 * The typed contract between the renderer and the Electron main process.
 *
 * Every request channel has a zod schema for its arguments; the main process validates
 * each call against it in one place (src-main/ipc/ipc-router.ts) before any handler runs.
 * Nothing here carries a file-system path from the renderer: files are picked in native
 * dialogs or named by a recent-list id that only the main process can resolve.
 *
 * Pure TypeScript + zod: imported by main, preload and renderer alike.
 */
import { z } from 'zod';

/** Largest board file the app reads or writes (bytes). Larger input is refused. */
export const MAX_BOARD_BYTES = 64 * 1024 * 1024;

/** Serialized `.cxboard` bytes, as produced by `serializeBoardFile`. */
export const boardBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0, 'The board is empty.')
  .refine((bytes) => bytes.byteLength <= MAX_BOARD_BYTES, 'The board is larger than the allowed size.');

/** Id of a recent-list entry (issued by the main process). */
export const recentIdSchema = z.string().regex(/^[a-f0-9-]{8,64}$/);

/** UI languages the app ships. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** Id of a network interface offered for hosting (issued by the main process). */
export const interfaceIdSchema = z.string().min(1).max(200);

const bytesArg = z.object({ bytes: boardBytesSchema }).strict();
const noArgs = z.tuple([]);

/**
 * Request channels: name → schema of the argument list. The keys are the complete set of
 * channels the main process answers; any other channel is refused.
 */
export const requestSchemas = {
  'app:info': noArgs,
  'app:setLanguage': z.tuple([z.object({ language: languageSchema }).strict()]),
  'board:new': noArgs,
  'board:takePending': noArgs,
  'board:open': noArgs,
  'board:openRecent': z.tuple([z.object({ id: recentIdSchema }).strict()]),
  'board:save': z.tuple([bytesArg]),
  'board:saveAs': z.tuple([bytesArg]),
  'board:saveCopy': z.tuple([bytesArg]),
  'board:autosave': z.tuple([bytesArg]),
  'board:close': noArgs,
  'board:confirmUnsaved': noArgs,
  'window:close': noArgs,
  'recent:list': noArgs,
  'recent:remove': z.tuple([z.object({ id: recentIdSchema }).strict()]),
  'recent:clear': noArgs,
  'hosting:interfaces': noArgs,
  'hosting:start': z.tuple([
    z
      .object({
        interfaceId: interfaceIdSchema,
        port: z.number().int().min(0).max(65535).optional(),
      })
      .strict(),
  ]),
  'hosting:stop': noArgs,
  'hosting:status': noArgs,
  'workshop:resolve': z.tuple([
    z
      .object({
        /** A join link, a sync server URL, or a bare join code. */
        input: z.string().trim().min(1).max(2048),
        /** Host address (`192.168.1.20:4321`) when `input` is a bare code. */
        host: z.string().trim().max(300).optional(),
        /** Room token when the server requires one. */
        token: z.string().trim().max(4096).optional(),
      })
      .strict(),
  ]),
  'workshop:joined': z.tuple([
    z
      .object({
        room: z.string().min(1).max(200),
        serverUrl: z.string().min(1).max(2048),
      })
      .strict(),
  ]),
} as const;

export type RequestChannel = keyof typeof requestSchemas;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;

/** True when `channel` is one of the contract's request channels. */
export function isRequestChannel(channel: string): channel is RequestChannel {
  return Object.hasOwn(requestSchemas, channel);
}

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

/** Commands sent by the native menu to the renderer. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'close',
  'closeWindow',
  'undo',
  'redo',
  'duplicate',
  'delete',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'fitView',
  'hostWorkshop',
  'joinWorkshop',
  'language:en',
  'language:ru',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The single main→renderer event channel. */
export const EVENT_CHANNEL = 'cx:event';

/** Messages the main process pushes to a window. */
export type DesktopEvent =
  | { type: 'menu-command'; command: MenuCommand }
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
  /** A board waiting for this window: recovered work or a file from the OS; null if none. */
  takePendingBoard(): Promise<OpenedBoard | null>;
  /** Native Open dialog. */
  openBoard(): Promise<OpenBoardResult>;
  openRecent(id: string): Promise<OpenBoardResult>;
  /** Writes to the board's file; asks for a name first when it has none. */
  saveBoard(bytes: Uint8Array): Promise<SaveBoardResult>;
  saveBoardAs(bytes: Uint8Array): Promise<SaveBoardResult>;
  /** Writes a copy (e.g. of a live workshop board) without rebinding the window. */
  saveCopy(bytes: Uint8Array): Promise<SaveBoardResult>;
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
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onBoardOpened(listener: (result: OpenBoardResult) => void): () => void;
  onSessionChanged(listener: (session: BoardSessionInfo) => void): () => void;
  onHostingChanged(listener: (status: HostingStatus) => void): () => void;
}

/** Result type of each request channel, as the main-process handler returns it. */
export interface RequestResults {
  'app:info': AppInfo;
  'app:setLanguage': null;
  'board:new': BoardSessionInfo;
  'board:takePending': OpenedBoard | null;
  'board:open': OpenBoardResult;
  'board:openRecent': OpenBoardResult;
  'board:save': SaveBoardResult;
  'board:saveAs': SaveBoardResult;
  'board:saveCopy': SaveBoardResult;
  'board:autosave': null;
  'board:close': null;
  'board:confirmUnsaved': UnsavedChoice;
  'window:close': null;
  'recent:list': RecentEntry[];
  'recent:remove': RecentEntry[];
  'recent:clear': RecentEntry[];
  'hosting:interfaces': NetworkInterfaceOption[];
  'hosting:start': HostingStatus;
  'hosting:stop': HostingStatus;
  'hosting:status': HostingStatus;
  'workshop:resolve': ResolveWorkshopResult;
  'workshop:joined': BoardSessionInfo;
}
