import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '../shared/ipc/contract';
import { DesktopApp } from './desktop-app';
import type { BrowserWindowOptions, ElectronMain, IpcMainInvokeEvent } from './electron-types';
import type { ElectronMenuItem } from './menu';
import { titleOf, validBoard } from './test-support/boards';

/**
 * The wiring of the main process, checked where the Electron binary cannot run: a
 * stand-in records what the app asks of Electron (window options, protocol, handlers) and
 * answers the native dialogs. Everything behind it (files, sessions, IPC checks) is real.
 */
type Listener = (...args: never[]) => unknown;

function makeElectron(userData: string, saveTarget: () => string) {
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const calls = {
    schemes: [] as unknown[],
    handlers: new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>(),
    protocolHandler: null as null | ((request: Request) => Promise<Response> | Response),
    headersListener: null as null | Listener,
    permissionHandler: null as
      | null
      | ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void),
    opened: [] as string[],
    menus: [] as ElectronMenuItem[][],
    messages: [] as { message: string; buttons: string[] }[],
    /** The button the next message box answers with. */
    messageResponse: 2,
  };
  let nextId = 1;
  class FakeWindow {
    readonly id = nextId++;
    readonly listeners = new Map<string, Listener>();
    readonly contentsListeners = new Map<string, Listener>();
    openHandler: ((details: { url: string }) => unknown) | null = null;
    title = '';
    url = '';
    sent: unknown[] = [];
    focused = 0;
    readonly webContents = {
      id: this.id,
      send: (_channel: string, payload: unknown) => this.sent.push(payload),
      isDestroyed: () => false,
      isCrashed: () => false,
      on: (event: string, listener: Listener) => this.contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        this.openHandler = handler;
      },
    };
    constructor(readonly options: BrowserWindowOptions) {
      windows.push(this);
    }
    loadURL = async (url: string) => {
      this.url = url;
    };
    on = (event: string, listener: Listener) => this.listeners.set(event, listener);
    once = (event: string, listener: Listener) => this.listeners.set(event, listener);
    show() {}
    focus() {
      this.focused++;
    }
    close() {}
    destroy() {}
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    restore() {}
    maximize() {}
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 });
    setTitle(title: string) {
      this.title = title;
    }
    setDocumentEdited() {}
    setRepresentedFilename() {}
    static getAllWindows = () => windows;
    static getFocusedWindow = () => null;
  }
  const electron = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      quit() {},
      exit() {},
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getAppPath: () => process.cwd(),
      getLocale: () => 'ru-RU',
      getVersion: () => '0.1.0',
      addRecentDocument: (path: string) => calls.opened.push(path),
      showAboutPanel() {},
      setAboutPanelOptions() {},
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: ElectronMenuItem[]) => template,
      setApplicationMenu: (menu: ElectronMenuItem[]) => calls.menus.push(menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: false, filePath: saveTarget() }),
      showMessageBox: async (_window: unknown, options: { message: string; buttons: string[] }) => {
        calls.messages.push(options);
        return { response: calls.messageResponse };
      },
    },
    ipcMain: { handle: (channel: string, listener: never) => calls.handlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (_scheme: string, handler: never) => {
        calls.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener: Listener) => (calls.headersListener = listener) },
        setPermissionRequestHandler: (handler: never) => {
          calls.permissionHandler = handler;
        },
        setPermissionCheckHandler() {},
      },
    },
    shell: { openExternal: async (url: string) => void calls.opened.push(url) },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
  };
  return { electron: electron as unknown as ElectronMain, windows, calls, appListeners };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-app-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('timed out');
}

describe('DesktopApp wiring', () => {
  it('creates a locked-down window, answers IPC through the router, saves and reopens from the OS', async () => {
    const rendererDir = join(folder, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>app');
    const target = join(folder, 'Journey');
    const { electron, windows, calls, appListeners } = makeElectron(join(folder, 'userData'), () => target);
    const app = new DesktopApp(electron, {
      rendererDir,
      preloadScript: '/x/preload.cjs',
      devServerUrl: null,
    });

    expect(app.run(['cx-board'], folder)).toBe(true);
    expect(calls.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    await until(() => windows.length === 1 && calls.handlers.size > 0 && calls.menus.length > 0);
    const [window] = windows;

    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
    expect(window!.url).toBe('app://bundle/index.html');
    expect([...calls.handlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    // Native menus in the OS language.
    expect(calls.menus.at(-1)!.map((item) => item.label)).toContain('&Файл');

    const fromApp = {
      sender: window!.webContents,
      senderFrame: { url: 'app://bundle/index.html', parent: null },
    };
    const invoke = (channel: string, ...args: unknown[]) =>
      calls.handlers.get(channel)!(fromApp as unknown as IpcMainInvokeEvent, ...args);

    expect(await invoke('board:new')).toEqual({
      ok: true,
      value: { kind: 'untitled', name: 'Без названия', location: null, dirty: false },
    });
    const fromElsewhere = { ...fromApp, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(
      await calls.handlers.get('board:new')!(fromElsewhere as unknown as IpcMainInvokeEvent),
    ).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });

    // Save: the dialog answers a name without extension; the file is written and the title follows.
    const saved = await invoke('board:save', { bytes: validBoard('Onboarding') });
    expect(saved).toMatchObject({
      ok: true,
      value: { status: 'saved', session: { name: 'Journey.cxboard' } },
    });
    expect(titleOf(new Uint8Array(await readFile(`${target}.cxboard`)))).toBe('Onboarding');
    expect(window!.title).toBe('Journey.cxboard — CX Board');
    expect(existsSync(join(folder, 'userData', 'recent.json'))).toBe(true);

    // The app:// protocol serves the page with the CSP header.
    const response = await calls.protocolHandler!(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");

    // Navigation away is blocked; web links go to the system browser; permissions denied.
    let prevented = false;
    window!.contentsListeners.get('will-navigate')!({
      url: 'https://evil.example/',
      preventDefault: () => (prevented = true),
    } as never);
    expect(prevented).toBe(true);
    // A web link is denied as a window and, once the person confirms in the app's Russian
    // dialog, opened in the system browser.
    calls.messageResponse = 0;
    expect(window!.openHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    await until(() => calls.opened.includes('https://example.com/help'));
    expect(calls.messages.at(-1)).toMatchObject({
      message: 'Открыть ссылку на «example.com» вне CX Board?',
      buttons: ['Открыть ссылку', 'Отмена'],
    });
    let granted: boolean | null = null;
    calls.permissionHandler!(null, 'media', (ok) => {
      granted = ok;
    });
    expect(granted).toBe(false);

    // A second launch with the file focuses the window that shows it.
    const focusedBefore = window!.focused;
    appListeners.get('second-instance')!(
      {} as never,
      ['cx-board', `${target}.cxboard`] as never,
      folder as never,
    );
    await until(() => window!.focused > focusedBefore);
    expect(windows).toHaveLength(1);
  });
});
