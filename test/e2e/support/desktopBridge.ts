import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, watch } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DesktopApp } from '../../../src-main/desktop-app';
import type {
  BrowserWindow,
  BrowserWindowOptions,
  ElectronMain,
  IpcMainInvokeEvent,
  Session,
} from '../../../src-main/electron-types';
import type { ElectronMenuItem } from '../../../src-main/menu';
import { APP_ORIGIN } from '../../../src-main/security';
import { assertBuilt, RENDERER_DIR, ROOT } from '../../support/build';

/**
 * The desktop app without the Electron binary: the real main process (`DesktopApp` from
 * src-main, with its IPC router, board sessions, file service on real files, recovery
 * store, recent list, menus and hosting service with a real embedded sync server) runs in
 * the test's Node process, and each of its windows is a page of Debian's Chromium showing
 * the built renderer with the real preload script (out/preload/preload.cjs).
 *
 * What stands in for Electron, and how faithfully:
 * - `BrowserWindow` is a Playwright page. `app://bundle/…` is served to it as
 *   `http://bundle.localhost/…` (a secure context like app://) by the app's own protocol
 *   handler, with its CSP header. Sender frames are mapped back to `app://bundle/…`, so the
 *   router's trusted-sender check runs unchanged.
 * - The preload runs as an init script in the page's top frame; its `require('electron')`
 *   gets a `contextBridge` that defines `window.cxDesktop` and an `ipcRenderer` whose
 *   `invoke` goes through a Playwright binding into the handlers `DesktopApp` registered
 *   with `ipcMain`, and whose listeners receive `webContents.send` events. Arguments and
 *   results cross as Electron's structured clone would carry them (Uint8Array included).
 * - Web permissions: each page gets the Chromium permissions for which the app's own
 *   permission check handler answers yes (clipboard writes, local network access).
 * - Native dialogs (open, save, message boxes) are the one behaviour stand-in: `dialogs`
 *   answers each with what the test queued (a real path on disk, a button), records what
 *   was asked, and fails the call for a dialog the test did not expect.
 * - The native menu is the template `DesktopApp` built; `clickMenu` calls the item's own
 *   click handler, as Electron does when the person picks it.
 * Left untested here, covered by src-main/desktop-app.test.ts and the Electron e2e where the
 * binary exists: the Electron window itself (navigation guard, window.open handler, web
 * permissions, macOS specifics, isolation of the preload's world).
 */

/** Where the app's pages are served to Chromium (`*.localhost` is a secure context). */
const PAGE_ORIGIN = 'http://bundle.localhost';
const PRELOAD_SCRIPT = `${ROOT}out/preload/preload.cjs`;
/** Playwright's permission names → Electron's, for the permissions the app may grant. */
const PERMISSION_NAMES: Record<string, string> = {
  'clipboard-write': 'clipboard-sanitized-write',
  'clipboard-read': 'clipboard-read',
  'local-network-access': 'local-network-access',
};

/** A dialog the test expects, with the answer the person gives. */
type DialogAnswer =
  | { kind: 'open'; path: string | null }
  | { kind: 'save'; path: string | null }
  | { kind: 'message'; button: string };

/** What a native dialog showed: its title (open/save) or message and detail, and its buttons. */
export interface DialogQuestion {
  kind: DialogAnswer['kind'];
  title?: string;
  message?: string;
  detail?: string;
  defaultPath?: string;
  buttons?: string[];
}

interface PendingDialog {
  answer: DialogAnswer;
  asked: (question: DialogQuestion) => void;
}

/** The native dialogs as the test answers them. */
export class DialogSeam {
  private readonly pending: PendingDialog[] = [];
  /** Dialogs shown that the test did not expect (each also failed the request). */
  readonly unexpected: DialogQuestion[] = [];

  /** The next Open dialog picks `path` (null: the person cancels). Resolves when it is shown. */
  expectOpen(path: string | null): Promise<DialogQuestion> {
    return this.expect({ kind: 'open', path });
  }

  /** The next Save dialog answers `path` (null: cancel). Resolves when it is shown. */
  expectSave(path: string | null): Promise<DialogQuestion> {
    return this.expect({ kind: 'save', path });
  }

  /** The next message box is answered with the button labelled `button`. */
  expectMessage(button: string): Promise<DialogQuestion> {
    return this.expect({ kind: 'message', button });
  }

  private expect(answer: DialogAnswer): Promise<DialogQuestion> {
    return new Promise((asked) => this.pending.push({ answer, asked }));
  }

  /** Takes the queued answer for a dialog of `kind`, or records and throws for an unexpected one. */
  private take<K extends DialogAnswer['kind']>(question: DialogQuestion & { kind: K }) {
    const next = this.pending[0];
    if (!next || next.answer.kind !== question.kind) {
      this.unexpected.push(question);
      throw new Error(`unexpected ${question.kind} dialog: ${question.title ?? question.message}`);
    }
    this.pending.shift();
    next.asked(question);
    return next.answer as Extract<DialogAnswer, { kind: K }>;
  }

  /** Electron's `dialog` module, answering from the queue. */
  readonly electronDialog: ElectronMain['dialog'] = {
    showOpenDialog: async (_window, options) => {
      const { path } = this.take({ kind: 'open', title: options.title });
      return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (_window, options) => {
      const { path } = this.take({ kind: 'save', title: options.title, defaultPath: options.defaultPath });
      return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
    },
    showMessageBox: async (_window, options) => {
      const question: DialogQuestion & { kind: 'message' } = {
        kind: 'message',
        message: options.message,
        buttons: options.buttons,
        ...(options.detail ? { detail: options.detail } : {}),
      };
      const { button } = this.take(question);
      const response = options.buttons.indexOf(button);
      if (response < 0) throw new Error(`no button "${button}" in ${options.buttons.join(', ')}`);
      return { response };
    },
  };
}

export interface DesktopAppOptions {
  /** The profile folder (`userData`): recent list, recovery, settings, workshops. */
  userData: string;
  /** OS locale the app starts with when no language was chosen yet (default en-US). */
  locale?: string;
}

/** A running desktop app: its windows as Chromium pages, its dialogs and menu. */
export interface DesktopHarness {
  context: BrowserContext;
  dialogs: DialogSeam;
  /** The app's windows that are still open, oldest first. */
  windows(): TestWindow[];
  /** Waits for the app's `n`-th window (1-based) to have loaded its page. */
  window(n?: number): Promise<TestWindow>;
  /** Picks a menu item by its labels (`'File', 'Save As…'`), as the person would. */
  clickMenu(...labels: string[]): void;
  /** Errors the pages reported (uncaught exceptions, console errors). */
  pageErrors: string[];
  /** The app ends as after a crash or power cut: no close events, no cleanup, pages gone. */
  crash(): Promise<void>;
  /** Stops a hosted workshop, closes every window and the browser context. */
  close(): Promise<void>;
}

/** One app window: the Chromium page and what main did to the window. */
export interface TestWindow {
  page: Page;
  /** The window title main set last. */
  title(): string;
  /** The person clicks the window's close button. */
  requestClose(): void;
  /** Resolves once the window is closed (destroyed). */
  closed: Promise<void>;
}

/** Starts the desktop app on `userData` with its windows in a new context of `browser`. */
export async function startDesktopApp(browser: Browser, options: DesktopAppOptions): Promise<DesktopHarness> {
  assertBuilt();
  if (!existsSync(PRELOAD_SCRIPT))
    throw new Error('out/preload/preload.cjs is missing: run `npm run build:app`.');
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: 1400, height: 900 },
  });
  const dialogs = new DialogSeam();
  const pageErrors: string[] = [];
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const appListeners = new Map<string, ((...args: never[]) => unknown)[]>();
  const windows: ChromiumWindow[] = [];
  /** Every window ever created, in order, and who waits for the next one. */
  const created: ChromiumWindow[] = [];
  const onCreated: (() => void)[] = [];
  let focused: ChromiumWindow | null = null;
  let menu: ElectronMenuItem[] = [];
  let serveApp: ((request: Request) => Response | Promise<Response>) | null = null;
  let headersListener: Parameters<Session['webRequest']['onHeadersReceived']>[0] | null = null;
  let permissionCheck: Parameters<Session['setPermissionCheckHandler']>[0] | null = null;
  /** Gives the pages the Chromium permissions the app's own permission handler grants. */
  const grantAppPermissions = async () => {
    const granted = Object.entries(PERMISSION_NAMES)
      .filter(([, electronName]) => permissionCheck?.(null, electronName))
      .map(([playwrightName]) => playwrightName);
    await context.clearPermissions();
    await context.grantPermissions(granted, { origin: PAGE_ORIGIN });
  };
  let nextId = 1;

  const emitApp = (event: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  };

  class ChromiumWindow implements BrowserWindow {
    readonly id = nextId++;
    readonly pageReady: Promise<Page>;
    page: Page | null = null;
    title = '';
    destroyed = false;
    private readonly listeners = new Map<string, ((...args: never[]) => unknown)[]>();
    private resolveClosed!: () => void;
    readonly closed = new Promise<void>((resolve) => {
      this.resolveClosed = resolve;
    });
    readonly webContents: BrowserWindow['webContents'];

    constructor(readonly options: BrowserWindowOptions) {
      windows.push(this);
      created.push(this);
      for (const notify of onCreated.splice(0)) notify();
      focused = this;
      this.title = options.title;
      this.pageReady = grantAppPermissions()
        .then(() => context.newPage())
        .then((page) => {
          this.page = page;
          page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
          page.on('console', (message) => {
            if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
          });
          return page;
        });
      this.webContents = {
        id: this.id,
        send: (channel: string, payload: unknown) => {
          if (this.destroyed) return;
          void this.pageReady
            .then((page) =>
              page.evaluate(
                ([name, data]) =>
                  (globalThis as { __cxEmit?: (c: string, p: unknown) => void }).__cxEmit?.(name, data),
                [channel, toWire(payload)] as const,
              ),
            )
            .catch(() => undefined);
        },
        isDestroyed: () => this.destroyed,
        isCrashed: () => false,
        // Navigation, webview and crash events are Electron's; Chromium pages do not raise them.
        on: () => undefined,
        setWindowOpenHandler: () => undefined,
      };
    }

    async loadURL(url: string): Promise<void> {
      const page = await this.pageReady;
      await page.goto(toPageUrl(url));
      this.emit('ready-to-show');
    }

    on(event: string, listener: (...args: never[]) => unknown): void {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }

    once(event: string, listener: (...args: never[]) => unknown): void {
      this.on(event, listener);
    }

    private emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? [])
        (listener as (...a: unknown[]) => unknown)(...args);
    }

    show(): void {}
    focus(): void {
      focused = this;
      this.emit('focus');
    }
    /** Like Electron: a preventable 'close', then the window is destroyed. */
    close(): void {
      if (this.destroyed) return;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      if (focused === this) focused = windows.at(-1) ?? null;
      this.emit('closed');
      void this.pageReady.then((page) => page.close()).finally(() => this.resolveClosed());
      if (windows.length === 0) emitApp('window-all-closed');
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isMaximized = () => false;
    restore(): void {}
    maximize(): void {}
    getNormalBounds = () => ({ x: 0, y: 0, width: 1400, height: 900 });
    setTitle(title: string): void {
      this.title = title;
    }
    setDocumentEdited(): void {}
    setRepresentedFilename(): void {}
    static getAllWindows = () => [...windows];
    static getFocusedWindow = () => focused;
  }

  const windowOfPage = (page: Page) => windows.find((w) => w.page === page);

  // ipcRenderer.invoke → the handler main registered, with the sending frame as Electron reports it.
  await context.exposeBinding('__cxInvoke', async (source, channel: string, args: unknown[]) => {
    const window = windowOfPage(source.page);
    if (!window) throw new Error('The page is not an app window.');
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = {
      sender: window.webContents,
      senderFrame: { url: toAppUrl(source.frame.url()), parent: source.frame.parentFrame() },
    } as unknown as IpcMainInvokeEvent;
    return toWire(await handler(event, ...(fromWire(args) as unknown[])));
  });
  await context.addInitScript({ content: preloadShim(readFileSync(PRELOAD_SCRIPT, 'utf8')) });
  // app://bundle/… is answered by the protocol handler the app registered, then by its header policy.
  await context.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const request = route.request();
    if (!serveApp) return route.abort();
    const response = await serveApp(new Request(toAppUrl(request.url()), { method: request.method() }));
    let headers: Record<string, string[]> = {};
    response.headers.forEach((value, name) => {
      headers[name] = [value];
    });
    headersListener?.({ url: toAppUrl(request.url()), responseHeaders: headers }, (changed) => {
      headers = changed.responseHeaders ?? headers;
    });
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')])),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });

  const electron: ElectronMain = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => options.userData,
      getAppPath: () => ROOT,
      getLocale: () => options.locale ?? 'en-US',
      getVersion: () => '0.1.0',
      addRecentDocument: () => undefined,
      showAboutPanel: () => undefined,
      setAboutPanelOptions: () => undefined,
      on: ((event: string, listener: (...args: never[]) => unknown) => {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      }) as ElectronMain['app']['on'],
    },
    BrowserWindow: ChromiumWindow,
    Menu: {
      buildFromTemplate: (template) => template as never,
      setApplicationMenu: (built) => {
        menu = (built ?? []) as unknown as ElectronMenuItem[];
      },
    },
    dialog: dialogs.electronDialog,
    ipcMain: {
      handle: (channel, listener) => {
        handlers.set(channel, listener as never);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme, handler) => {
        serveApp = handler;
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener) => {
            headersListener = listener;
          },
        },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: (handler) => {
          permissionCheck = handler;
        },
      },
    },
    shell: {
      openExternal: async (url) => {
        throw new Error(`not opened in a test: ${url}`);
      },
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1400, height: 900 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1400, height: 900 } }),
    },
  };

  const app = new DesktopApp(electron, {
    rendererDir: RENDERER_DIR,
    preloadScript: PRELOAD_SCRIPT,
    devServerUrl: null,
  });
  app.run(['cx-board'], ROOT);

  const testWindow = (window: ChromiumWindow): TestWindow => ({
    page: window.page!,
    title: () => window.title,
    requestClose: () => window.close(),
    closed: window.closed,
  });

  return {
    context,
    dialogs,
    pageErrors,
    windows: () => windows.filter((w) => w.page).map(testWindow),
    async window(n = 1) {
      // Windows are created while main starts (recovered boards first); wait for the n-th.
      while (created.length < n) await new Promise<void>((resolve) => onCreated.push(resolve));
      const window = created[n - 1]!;
      const page = await window.pageReady;
      await page.waitForLoadState('load');
      await page.waitForFunction(() => 'cxDesktop' in globalThis);
      return testWindow(window);
    },
    clickMenu(...labels) {
      let items = menu;
      let item: ElectronMenuItem | undefined;
      for (const label of labels) {
        item = items.find((candidate) => candidate.label?.replace('&', '') === label);
        if (!item) throw new Error(`no menu item "${label}" in ${items.map((i) => i.label).join(', ')}`);
        items = item.submenu ?? [];
      }
      if (!item?.click) throw new Error(`menu item ${labels.join(' → ')} does nothing`);
      item.click();
    },
    async crash() {
      for (const window of [...windows]) window.destroyed = true;
      windows.length = 0;
      await context.close();
    },
    async close() {
      for (const window of [...windows]) {
        await window.page
          ?.evaluate(() =>
            (globalThis as { cxDesktop?: { stopHosting(): Promise<unknown> } }).cxDesktop?.stopHosting(),
          )
          .catch(() => undefined);
      }
      for (const window of [...windows]) window.destroy();
      await context.close();
    },
  };
}

/** `app://bundle/x` → the URL Chromium loads it from. */
function toPageUrl(url: string): string {
  return url.startsWith(APP_ORIGIN) ? PAGE_ORIGIN + url.slice(APP_ORIGIN.length) : url;
}

/** A page URL → the `app://bundle/x` URL the Electron window would report. */
function toAppUrl(url: string): string {
  return url.startsWith(PAGE_ORIGIN) ? APP_ORIGIN + url.slice(PAGE_ORIGIN.length) : url;
}

/**
 * Uint8Arrays as `{ __cxBytes: number[] }`, which Playwright's serializer carries. The page
 * side runs these same two functions (their source is put into the init script).
 */
function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __cxBytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toWire(v)]));
  return value;
}

function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === 'object') {
    if ('__cxBytes' in value) return Uint8Array.from((value as { __cxBytes: number[] }).__cxBytes);
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, fromWire(v)]));
  }
  return value;
}

/**
 * The preload, run in the page's top frame before its scripts, with the `require('electron')`
 * of a sandboxed preload: `contextBridge` and `ipcRenderer` over the `__cxInvoke` binding and
 * the `__cxEmit` entry point for `webContents.send`.
 */
function preloadShim(preloadSource: string): string {
  return `(() => {
  if (window.top !== window) return;
  const toWire = ${toWire.toString()};
  const fromWire = ${fromWire.toString()};
  const listeners = new Map();
  Object.defineProperty(window, '__cxEmit', {
    value: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({}, fromWire(payload));
    },
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }),
    },
    ipcRenderer: {
      invoke: async (channel, ...args) => fromWire(await window.__cxInvoke(channel, toWire(args))),
      on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      removeListener: (channel, listener) =>
        listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload cannot load ' + name);
  };
  const module = { exports: {} };
  (function (module, exports, require) {
${preloadSource}
  })(module, module.exports, require);
})();`;
}

/**
 * Waits, on file-system events, until a file of `dir` whose name matches `pattern` has bytes
 * that satisfy `accept` (and returns them), or, with `accept` null, until no such file is
 * left. Fails after `timeoutMs` with what was there.
 */
export async function waitForFile(
  dir: string,
  pattern: RegExp,
  accept: ((bytes: Uint8Array) => boolean) | null,
  timeoutMs = 20_000,
): Promise<Uint8Array> {
  await mkdir(dir, { recursive: true });
  const check = async (): Promise<Uint8Array | null> => {
    const names = (await readdir(dir)).filter((name) => pattern.test(name));
    if (accept === null) return names.length === 0 ? new Uint8Array() : null;
    for (const name of names) {
      const bytes = await readFile(join(dir, name)).catch(() => null);
      if (bytes && accept(new Uint8Array(bytes))) return new Uint8Array(bytes);
    }
    return null;
  };
  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // Watching starts before the first look, so a change in between is not missed.
    const changes = watch(dir, { signal: abort.signal });
    const first = await check();
    if (first) return first;
    for await (const _change of changes) {
      const found = await check();
      if (found) return found;
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(deadline);
    abort.abort();
  }
  throw new Error(`no ${accept ? 'matching' : 'removal of'} ${pattern} in ${dir}: ${await readdir(dir)}`);
}
