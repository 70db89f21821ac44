/**
 * The parts of Electron's API the main process and the preload use, typed structurally.
 *
 * Why not `import … from 'electron'`: Electron ships its types inside the `electron`
 * package, which is an optional dependency whose install step downloads the binary. Where
 * that download is impossible (CI here) the package, and so its types, is absent, and the
 * typecheck must still pass. These declarations mirror Electron 40's signatures for what
 * we call (names and shapes copied from its electron.d.ts); the real module is loaded at
 * run time with `require('electron')`.
 */
import type { IpcMainLike } from './ipc/ipc-router';
import type { ElectronMenuItem } from './menu';
import type { Rectangle } from './window-state';

export interface WebFrameMain {
  url: string;
  parent: WebFrameMain | null;
}

export interface IpcMainInvokeEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

export interface WebContents {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  isCrashed(): boolean;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): void;
  on(event: 'did-finish-load', listener: () => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
}

export interface BrowserWindowOptions extends Partial<Rectangle> {
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

export interface BrowserWindow {
  id: number;
  webContents: WebContents;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'closed' | 'resize' | 'move' | 'maximize' | 'unmaximize' | 'focus', listener: () => void): void;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  focus(): void;
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isMaximized(): boolean;
  restore(): void;
  maximize(): void;
  getNormalBounds(): Rectangle;
  setTitle(title: string): void;
  /** macOS only. */
  setDocumentEdited(edited: boolean): void;
  /** macOS only. */
  setRepresentedFilename(filename: string): void;
}

export interface BrowserWindowConstructor {
  new (options: BrowserWindowOptions): BrowserWindow;
  getAllWindows(): BrowserWindow[];
  getFocusedWindow(): BrowserWindow | null;
}

export interface App {
  isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(code?: number): void;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  getLocale(): string;
  getVersion(): string;
  addRecentDocument(path: string): void;
  showAboutPanel(): void;
  setAboutPanelOptions(options: { applicationName: string; applicationVersion: string }): void;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): void;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): void;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'window-all-closed' | 'activate', listener: () => void): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): void;
}

export interface Menu {
  readonly __menu: unique symbol;
}

export interface MenuStatic {
  buildFromTemplate(template: ElectronMenuItem[]): Menu;
  setApplicationMenu(menu: Menu | null): void;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialog {
  showOpenDialog(
    window: BrowserWindow,
    options: { title: string; filters: FileFilter[]; properties: 'openFile'[] },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    window: BrowserWindow,
    options: {
      title: string;
      defaultPath: string;
      filters: FileFilter[];
      properties: 'showOverwriteConfirmation'[];
    },
  ): Promise<{ canceled: boolean; filePath: string }>;
  showMessageBox(
    window: BrowserWindow,
    options: {
      type: 'none' | 'info' | 'error' | 'question' | 'warning';
      message: string;
      detail?: string;
      buttons: string[];
      defaultId: number;
      cancelId: number;
      noLink?: boolean;
    },
  ): Promise<{ response: number }>;
}

export interface Protocol {
  registerSchemesAsPrivileged(
    schemes: {
      scheme: string;
      privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache?: boolean };
    }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface Session {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: WebContents, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: WebContents | null, permission: string) => boolean): void;
}

export interface Screen {
  getAllDisplays(): { workArea: Rectangle }[];
  getPrimaryDisplay(): { workArea: Rectangle };
}

/** What `require('electron')` returns in the main process (the parts used). */
export interface ElectronMain {
  app: App;
  BrowserWindow: BrowserWindowConstructor;
  Menu: MenuStatic;
  dialog: Dialog;
  ipcMain: IpcMainLike<IpcMainInvokeEvent>;
  protocol: Protocol;
  session: { defaultSession: Session };
  shell: { openExternal(url: string): Promise<void> };
  screen: Screen;
}

/** What `require('electron')` returns in a sandboxed preload (the parts used). */
export interface ElectronPreload {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  };
}
