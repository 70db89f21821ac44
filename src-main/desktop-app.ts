import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startSyncServer } from '../server/index';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/export/formats';
import {
  type BoardSessionInfo,
  type DesktopEvent,
  EVENT_CHANNEL,
  type HostingStatus,
  LANGUAGES,
  type Language,
  type OpenBoardResult,
} from '../shared/ipc/contract';
import { serveAppAsset } from './app-protocol';
import { boardPathFromArgv } from './argv';
import { BOARD_EXTENSION, BoardSession } from './board-session';
import type { BrowserWindow, ElectronMain, IpcMainInvokeEvent } from './electron-types';
import { ExternalLinks } from './external-links';
import { writeFileAtomic } from './files/atomic-write';
import { saveExport } from './files/export-files';
import { BoardFiles } from './files/board-files';
import { validateBoardFile } from './files/board-validator';
import { RecoveryStore } from './files/recovery-store';
import { HostingService } from './hosting/hosting-service';
import { parseJoinInput, resolveWorkshop } from './hosting/join-resolver';
import { isAppFrame, IpcRouter } from './ipc/ipc-router';
import { buildMenuTemplate, type MenuAction, toElectronTemplate } from './menu';
import { RecentList } from './recent-list';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  type ExternalLink,
  isAppUrl,
  isPermissionGranted,
} from './security';
import { languageFromLocale, type MainStrings, stringsFor, windowTitle } from './strings';
import { loadWindowState, MIN_SIZE, restoreWindowState, saveWindowState } from './window-state';

/** Where the built app is, relative to the bundled main script (out/main/main.js). */
export interface AppPaths {
  /** out/renderer: the page, also served to browser participants of a hosted workshop. */
  rendererDir: string;
  /** out/preload/preload.cjs */
  preloadScript: string;
  /** The electron-vite dev server, in development only. */
  devServerUrl: string | null;
}

interface AppWindow {
  window: BrowserWindow;
  session: BoardSession;
  /** Set once the renderer has dealt with unsaved changes, so the next close goes through. */
  closeApproved: boolean;
  /** The close was part of quitting the app: quit again once the renderer approves it. */
  quitPending: boolean;
}

const settingsSchema = z.object({ language: z.enum(LANGUAGES) }).partial();

/**
 * The Electron main process: wires the plain modules (files, recent list, sessions,
 * hosting, menus, security rules) to windows, dialogs and the IPC router. Holds no logic
 * of its own that a module could hold.
 */
export class DesktopApp {
  private readonly windows = new Map<number, AppWindow>();
  private readonly userData: string;
  private readonly files = new BoardFiles(validateBoardFile);
  private readonly recovery: RecoveryStore;
  private readonly recent: RecentList;
  private readonly hosting: HostingService;
  private readonly links: ExternalLinks;
  private hostingOwner: AppWindow | null = null;
  private language: Language = 'en';
  private quitting = false;
  /** Files the OS asked to open before the app was ready (macOS open-file at launch). */
  private readonly earlyFiles: string[] = [];
  private ready = false;
  private windowStateTimer: NodeJS.Timeout | null = null;
  private rememberedWindowState: unknown;

  constructor(
    private readonly electron: ElectronMain,
    private readonly paths: AppPaths,
  ) {
    this.userData = electron.app.getPath('userData');
    this.recovery = new RecoveryStore(join(this.userData, 'recovery'), this.files);
    this.recent = new RecentList(join(this.userData, 'recent.json'));
    this.hosting = new HostingService({
      startServer: startSyncServer,
      dataRoot: join(this.userData, 'workshops'),
      staticDir: existsSync(join(paths.rendererDir, 'index.html')) ? paths.rendererDir : null,
      networkInterfaces,
      onChange: (status) => this.onHostingChanged(status),
    });
    this.links = new ExternalLinks({
      openExternal: (url) => electron.shell.openExternal(url),
      confirm: (link) => this.askOpenLink(link),
    });
  }

  private get strings(): MainStrings {
    return stringsFor(this.language);
  }

  private get appOrigins(): string[] {
    return this.paths.devServerUrl ? [APP_ORIGIN, new URL(this.paths.devServerUrl).origin] : [APP_ORIGIN];
  }

  /** Registers what must be registered before `ready`, then starts. Returns false if another instance runs. */
  run(argv: string[], cwd: string): boolean {
    const { app, protocol } = this.electron;
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return false;
    }
    protocol.registerSchemesAsPrivileged([
      {
        scheme: APP_SCHEME,
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    app.on('open-file', (event, path) => {
      event.preventDefault();
      if (this.ready) void this.openFromOs(path);
      else this.earlyFiles.push(path);
    });
    app.on('second-instance', (_event, secondArgv, workingDirectory) => {
      const path = boardPathFromArgv(secondArgv, workingDirectory);
      if (path) void this.openFromOs(path);
      else this.focusAnyWindow();
    });
    app.on('web-contents-created', (_event, contents) => {
      // Belt and braces: no page of this app may embed <webview>.
      contents.on('will-attach-webview', (event) => event.preventDefault());
    });
    app.on('before-quit', () => {
      this.quitting = true;
    });
    app.on('window-all-closed', () => {
      void this.hosting.stop();
      if (process.platform !== 'darwin' || this.quitting) app.quit();
    });
    app.on('activate', () => {
      if (this.ready && this.windows.size === 0) this.createWindow();
    });
    void app.whenReady().then(() => this.start(argv, cwd));
    return true;
  }

  private async start(argv: string[], cwd: string): Promise<void> {
    const { app } = this.electron;
    this.language = await this.loadLanguage();
    this.rememberedWindowState = await loadWindowState(join(this.userData, 'window-state.json'));
    app.setAboutPanelOptions({
      applicationName: this.strings.productName,
      applicationVersion: app.getVersion(),
    });
    this.applySessionPolicy();
    this.electron.protocol.handle(APP_SCHEME, (request) => this.serveApp(request));
    await this.recent.load();
    this.registerIpc();
    this.ready = true;

    // Autosaved work of a crashed run comes back first, one window per board.
    for (const recovered of await this.recovery.list((file, reason) =>
      log(`skipped recovery ${file}: ${reason}`),
    )) {
      const appWindow = this.createWindow();
      appWindow.session.deliver({
        status: 'opened',
        board: await appWindow.session.adoptRecovered(recovered),
      });
    }
    const launchFile = boardPathFromArgv(argv, cwd);
    for (const path of [...this.earlyFiles.splice(0), ...(launchFile ? [launchFile] : [])]) {
      await this.openFromOs(path);
    }
    if (this.windows.size === 0) this.createWindow();
    this.refreshMenu();
  }

  // ── windows ────────────────────────────────────────────────────────────────

  private createWindow(): AppWindow {
    const { BrowserWindow, screen } = this.electron;
    const areas = [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)];
    const cascade = this.windows.size * 28;
    const state = restoreWindowState(this.rememberedWindowState, areas);
    const window = new BrowserWindow({
      ...state.bounds,
      x: state.bounds.x + cascade,
      y: state.bounds.y + cascade,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: this.strings.productName,
      backgroundColor: '#f7f7f5',
      webPreferences: {
        preload: this.paths.preloadScript,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: true,
      },
    });
    const appWindow: AppWindow = {
      window,
      session: this.createSession(() => appWindow),
      closeApproved: false,
      quitPending: false,
    };
    const id = window.webContents.id;
    this.windows.set(id, appWindow);
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    this.guardNavigation(appWindow);
    window.on('close', (event) => this.onWindowClose(appWindow, event));
    window.on('closed', () => {
      this.windows.delete(id);
      if (this.hostingOwner === appWindow) void this.stopHosting();
      this.refreshMenu();
    });
    for (const change of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
      window.on(change, () => this.rememberWindowState(window));
    }
    window.on('focus', () => this.refreshMenu());
    void window.loadURL(this.paths.devServerUrl ?? `${APP_ORIGIN}/index.html`);
    return appWindow;
  }

  private createSession(owner: () => AppWindow): BoardSession {
    return new BoardSession({
      files: this.files,
      recovery: this.recovery,
      recent: this.recent,
      dialogs: {
        chooseFileToOpen: () => this.chooseFileToOpen(owner().window),
        chooseSaveTarget: (name) => this.chooseSaveTarget(owner().window, name),
        askUnsaved: (name) => this.askUnsaved(owner().window, name),
      },
      untitledName: () => this.strings.untitled,
      onChange: (info) => this.onSessionChanged(owner(), info),
      onDeliver: (result) => send(owner().window, { type: 'board-opened', result }),
      onError: (message) => log(message),
    });
  }

  /** The page may not leave the app; links to the web open in the system browser. */
  private guardNavigation({ window }: AppWindow): void {
    const contents = window.webContents;
    const stayInApp = (event: { preventDefault(): void; url: string }) => {
      if (!isAppUrl(event.url, this.appOrigins)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.setWindowOpenHandler(({ url }) => {
      void this.links.open(url).then(
        (outcome) => {
          if (outcome === 'refused') log(`link refused: ${url.slice(0, 200)}`);
        },
        (error) => log(`link not opened: ${(error as Error).message}`),
      );
      return { action: 'deny' };
    });
    contents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
  }

  /**
   * Closing a window with unsaved changes asks the renderer to deal with them (it asks
   * the person, saves if wanted, then calls `closeWindow`). A crashed renderer cannot
   * answer: its window closes, and the recovery data brings the work back next start.
   */
  private onWindowClose(appWindow: AppWindow, event: { preventDefault(): void }): void {
    const { window, session } = appWindow;
    if (appWindow.closeApproved || !session.info().dirty || window.webContents.isCrashed()) return;
    event.preventDefault();
    // A prevented close cancels a quit in progress; remember it for when the renderer approves.
    appWindow.quitPending = this.quitting;
    this.quitting = false;
    send(window, { type: 'menu-command', command: 'closeWindow' });
  }

  private onSessionChanged(appWindow: AppWindow, info: BoardSessionInfo): void {
    const { window, session } = appWindow;
    if (window.isDestroyed()) return;
    window.setTitle(windowTitle(info, this.strings));
    if (process.platform === 'darwin') {
      window.setDocumentEdited(info.dirty);
      window.setRepresentedFilename(session.path ?? '');
    }
    if (session.path) this.electron.app.addRecentDocument(session.path);
    // Hosting belongs to the board it started with.
    if (this.hostingOwner === appWindow && info.kind !== 'file' && info.kind !== 'untitled')
      void this.stopHosting();
    send(window, { type: 'session-changed', session: info });
    this.refreshMenu();
  }

  private rememberWindowState(window: BrowserWindow): void {
    if (this.windowStateTimer) clearTimeout(this.windowStateTimer);
    this.windowStateTimer = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      this.rememberedWindowState = state;
      void saveWindowState(join(this.userData, 'window-state.json'), state).catch((error) =>
        log(`window state not saved: ${(error as Error).message}`),
      );
    }, 500);
  }

  private focusAnyWindow(): void {
    const first = [...this.windows.values()][0];
    if (!first) {
      if (this.ready) this.createWindow();
      return;
    }
    if (first.window.isMinimized()) first.window.restore();
    first.window.focus();
  }

  /** A file from the OS: focus the window that shows it, or use an empty one, or open a new one. */
  private async openFromOs(path: string): Promise<void> {
    const all = [...this.windows.values()];
    const showing = all.find((w) => w.session.path === path);
    if (showing) {
      showing.window.focus();
      return;
    }
    const target = all.find((w) => w.session.isReplaceable()) ?? this.createWindow();
    const result: OpenBoardResult = await target.session.openPath(path);
    target.session.deliver(result);
    if (target.window.isMinimized()) target.window.restore();
    target.window.focus();
  }

  // ── dialogs ────────────────────────────────────────────────────────────────

  private async chooseFileToOpen(window: BrowserWindow): Promise<string | null> {
    const answer = await this.electron.dialog.showOpenDialog(window, {
      title: this.strings.dialogs.openTitle,
      filters: [{ name: this.strings.dialogs.boardFiles, extensions: [BOARD_EXTENSION.slice(1)] }],
      properties: ['openFile'],
    });
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  }

  private async chooseSaveTarget(window: BrowserWindow, suggestedName: string): Promise<string | null> {
    const answer = await this.electron.dialog.showSaveDialog(window, {
      title: this.strings.dialogs.saveTitle,
      defaultPath: suggestedName,
      filters: [{ name: this.strings.dialogs.boardFiles, extensions: [BOARD_EXTENSION.slice(1)] }],
      properties: ['showOverwriteConfirmation'],
    });
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  private async chooseExportTarget(
    window: BrowserWindow,
    suggestedName: string,
    format: ExportFormat,
  ): Promise<string | null> {
    const d = this.strings.dialogs;
    const answer = await this.electron.dialog.showSaveDialog(window, {
      title: d.exportTitle,
      defaultPath: suggestedName,
      filters: [{ name: d.exportFilters[format], extensions: [EXPORT_FORMATS[format].extension] }],
      properties: ['showOverwriteConfirmation'],
    });
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  private async askUnsaved(window: BrowserWindow, name: string): Promise<'save' | 'discard' | 'cancel'> {
    const d = this.strings.dialogs;
    const { response } = await this.electron.dialog.showMessageBox(window, {
      type: 'warning',
      message: d.unsavedQuestion(name),
      detail: d.unsavedDetail,
      buttons: [d.save, d.dontSave, d.cancel],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
  }

  /** The "Open a link to …?" box, asked before a link leaves for a place not approved yet. */
  private async askOpenLink(link: ExternalLink): Promise<boolean> {
    const d = this.strings.dialogs;
    const focused = this.electron.BrowserWindow.getFocusedWindow();
    const owner = focused ?? [...this.windows.values()][0]?.window;
    if (!owner) return false;
    const { response } = await this.electron.dialog.showMessageBox(owner, {
      type: 'question',
      message: d.openLinkQuestion(link.target),
      detail: d.openLinkDetail(link.url.length > 300 ? `${link.url.slice(0, 300)}…` : link.url),
      buttons: [d.openLink, d.cancel],
      // Enter or Escape keeps the person in the app.
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  }

  // ── IPC ────────────────────────────────────────────────────────────────────

  private registerIpc(): void {
    const router = new IpcRouter<IpcMainInvokeEvent>({
      isTrustedSender: (event) => isAppFrame(event, this.appOrigins) && this.windows.has(event.sender.id),
      onRefused: (channel, code, detail) => log(`IPC ${channel} refused (${code}): ${detail}`),
    });
    const windowOf = (event: IpcMainInvokeEvent): AppWindow => {
      const appWindow = this.windows.get(event.sender.id);
      if (!appWindow) throw new Error('The window is gone.');
      return appWindow;
    };
    const sessionOf = (event: IpcMainInvokeEvent) => windowOf(event).session;
    /** The window leaves its board: a workshop hosted for that board ends. */
    const leaving = async (event: IpcMainInvokeEvent) => {
      const appWindow = windowOf(event);
      if (this.hostingOwner === appWindow) await this.stopHosting();
      return appWindow.session;
    };

    router.handle('app:info', () => ({
      version: this.electron.app.getVersion(),
      platform: process.platform,
      language: this.language,
    }));
    router.handle('app:setLanguage', async (_event, { language }) => {
      await this.setLanguage(language);
      return null;
    });
    router.handle('board:new', async (event) => (await leaving(event)).newBoard());
    router.handle('board:takePending', (event) => sessionOf(event).takePending());
    router.handle('board:open', async (event) => {
      const result = await sessionOf(event).openWithDialog();
      if (result.status === 'opened') await leaving(event);
      return result;
    });
    router.handle('board:openRecent', async (event, { id }) => {
      const result = await sessionOf(event).openRecent(id);
      if (result.status === 'opened') await leaving(event);
      return result;
    });
    router.handle('board:save', (event, { bytes }) => sessionOf(event).save(bytes));
    router.handle('board:saveAs', (event, { bytes }) => sessionOf(event).saveAs(bytes));
    router.handle('board:saveCopy', (event, { bytes }) => sessionOf(event).saveCopy(bytes));
    router.handle('board:autosave', async (event, { bytes }) => {
      await sessionOf(event).autosave(bytes);
      return null;
    });
    router.handle('board:close', async (event) => {
      await (await leaving(event)).close();
      return null;
    });
    router.handle('export:save', (event, request) =>
      saveExport(request, (name, format) => this.chooseExportTarget(windowOf(event).window, name, format)),
    );
    router.handle('board:confirmUnsaved', (event) => sessionOf(event).askUnsaved());
    router.handle('window:close', async (event) => {
      const appWindow = windowOf(event);
      // The renderer has saved or discarded: the board's recovery data is no longer needed.
      if (appWindow.session.info().dirty) await appWindow.session.close();
      appWindow.closeApproved = true;
      appWindow.window.close();
      if (appWindow.quitPending) this.electron.app.quit();
      return null;
    });
    router.handle('recent:list', () => this.recent.list());
    router.handle('recent:remove', async (_event, { id }) => {
      await this.recent.remove(id);
      this.refreshMenu();
      return this.recent.list();
    });
    router.handle('recent:clear', async () => {
      await this.recent.clear();
      this.refreshMenu();
      return this.recent.list();
    });
    router.handle('hosting:interfaces', () => this.hosting.listInterfaces());
    router.handle('hosting:start', async (event, options) => {
      const appWindow = windowOf(event);
      const kind = appWindow.session.info().kind;
      if (kind !== 'file' && kind !== 'untitled') {
        return {
          running: false,
          error: { code: 'no-board', message: 'Open or create a board to host a workshop.' },
        };
      }
      if (this.hostingOwner && this.hostingOwner !== appWindow && this.hosting.status().running) {
        return {
          running: false,
          error: { code: 'already-hosting', message: 'Another window is already hosting a workshop.' },
        };
      }
      this.hostingOwner = appWindow;
      return this.hosting.start(options);
    });
    router.handle('hosting:stop', () => this.stopHosting());
    router.handle('hosting:status', (event) =>
      this.hostingOwner === windowOf(event) ? this.hosting.status() : { running: false, error: null },
    );
    router.handle('workshop:resolve', async (_event, { input, host, token }) => {
      const parsed = parseJoinInput(input, host, token);
      return parsed.ok ? resolveWorkshop(parsed.target) : { status: 'failed', error: parsed.error };
    });
    router.handle('workshop:joined', (event, { room, serverUrl }) =>
      sessionOf(event).markLive(room, serverUrl),
    );
    router.attach(this.electron.ipcMain);
  }

  // ── hosting ────────────────────────────────────────────────────────────────

  private onHostingChanged(status: HostingStatus): void {
    if (this.hostingOwner && !this.hostingOwner.window.isDestroyed()) {
      send(this.hostingOwner.window, { type: 'hosting-changed', status });
    }
  }

  private async stopHosting(): Promise<HostingStatus> {
    const status = await this.hosting.stop();
    this.hostingOwner = null;
    return status;
  }

  // ── menus, language, session policy ───────────────────────────────────────

  private refreshMenu(): void {
    const { Menu, BrowserWindow, app } = this.electron;
    const focused = BrowserWindow.getFocusedWindow();
    const current = focused ? this.windows.get(focused.webContents.id) : [...this.windows.values()][0];
    const template = buildMenuTemplate(
      {
        platform: process.platform,
        language: this.language,
        recent: this.recent.list(),
        hasBoard: current !== undefined && current.session.info().kind !== 'none',
        developer: !app.isPackaged,
      },
      this.strings,
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(toElectronTemplate(template, (action) => this.onMenu(action))),
    );
  }

  private onMenu(action: MenuAction): void {
    const { BrowserWindow } = this.electron;
    const focused = BrowserWindow.getFocusedWindow();
    const target =
      (focused ? this.windows.get(focused.webContents.id) : undefined) ??
      [...this.windows.values()][0] ??
      null;
    switch (action.kind) {
      case 'about':
        this.electron.app.showAboutPanel();
        return;
      case 'clearRecent':
        void this.recent.clear().then(() => this.refreshMenu());
        return;
      case 'language':
        void this.setLanguage(action.language);
        for (const { window } of this.windows.values()) {
          send(window, { type: 'menu-command', command: `language:${action.language}` });
        }
        return;
      case 'openRecent':
        sendTo(target ?? this.createWindow(), {
          type: 'menu-command',
          command: 'openRecent',
          recentId: action.id,
        });
        return;
      case 'command':
        sendTo(target ?? this.createWindow(), { type: 'menu-command', command: action.command });
        return;
    }
  }

  private async setLanguage(language: Language): Promise<void> {
    if (language === this.language) return;
    this.language = language;
    for (const { window, session } of this.windows.values())
      window.setTitle(windowTitle(session.info(), this.strings));
    this.refreshMenu();
    const file = join(this.userData, 'settings.json');
    await mkdir(this.userData, { recursive: true });
    await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ language })));
  }

  private async loadLanguage(): Promise<Language> {
    try {
      const parsed = settingsSchema.safeParse(
        JSON.parse(await readFile(join(this.userData, 'settings.json'), 'utf8')),
      );
      if (parsed.success && parsed.data.language) return parsed.data.language;
    } catch {
      // No settings yet: follow the OS.
    }
    return languageFromLocale(this.electron.app.getLocale());
  }

  /** CSP on every page response, and no web permissions beyond clipboard writes. */
  private applySessionPolicy(): void {
    const session = this.electron.session.defaultSession;
    const csp = contentSecurityPolicy({ dev: this.paths.devServerUrl !== null });
    session.webRequest.onHeadersReceived((details, callback) => {
      const headers = { ...details.responseHeaders };
      if (isAppUrl(details.url, this.appOrigins)) headers['Content-Security-Policy'] = [csp];
      callback({ responseHeaders: headers });
    });
    session.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(isPermissionGranted(permission)),
    );
    session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  }

  private async serveApp(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const asset = await serveAppAsset(this.paths.rendererDir, request.url);
    return new Response(asset.body, {
      status: asset.status,
      headers: {
        'Content-Type': asset.contentType,
        'Content-Security-Policy': contentSecurityPolicy({ dev: false }),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }
}

function send(window: BrowserWindow, event: DesktopEvent): void {
  if (!window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(EVENT_CHANNEL, event);
  }
}

function sendTo(appWindow: AppWindow, event: DesktopEvent): void {
  send(appWindow.window, event);
  appWindow.window.focus();
}

function log(message: string): void {
  process.stderr.write(`[cx-board] ${message}\n`);
}
