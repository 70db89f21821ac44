import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SyncServer, SyncServerOptions } from '../../../server/index';
import { assertBuilt, RENDERER_DIR } from '../../support/build';
import { startTestServer, type TestServer } from '../../support/servers';
import { type AppPageOptions, launchBrowser, openApp, type PageProblems } from './browser';

/** What {@link browserApp} gives a test file. Read its fields inside tests and hooks only. */
export interface BrowserApp {
  /** The web app's URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** The sync URL for providers, e.g. `ws://127.0.0.1:41234/sync`. */
  readonly syncUrl: string;
  /** The running server (in this process): `mintToken`, `createJoinCode`, `metrics()`, … */
  readonly server: SyncServer;
  /** Its data directory (removed after the file). */
  readonly dataDir: string;
  readonly browser: Browser;
  /**
   * Opens the app in a new page: `target` is a path relative to {@link url} (`'?join=CODE'`,
   * `'#/board/<id>'`) or an absolute URL; default the start screen.
   */
  open(
    target?: string,
    options?: AppPageOptions,
  ): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }>;
}

export interface BrowserAppOptions {
  /** Server options over the default (anonymous access, serving the built renderer). */
  server?: Partial<SyncServerOptions>;
}

/**
 * The browser-test fixture: registers `beforeAll` (check the build, start the real sync
 * server serving `out/renderer` on a free loopback port, launch Chromium) and `afterAll`
 * (close the browser, stop the server, remove its data). Call once at the top of an e2e file.
 */
export function browserApp(options: BrowserAppOptions = {}): BrowserApp {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserApp: ${what} is used before beforeAll ran`);
    return value;
  };

  beforeAll(async () => {
    assertBuilt();
    server = await startTestServer({ allowAnonymous: true, staticDir: RENDERER_DIR, ...options.server });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const app: BrowserApp = {
    get url() {
      return `${ready(server, 'the server').server.url}/`;
    },
    get syncUrl() {
      return ready(server, 'the server').server.syncUrl;
    },
    get server() {
      return ready(server, 'the server').server;
    },
    get dataDir() {
      return ready(server, 'the server').dataDir;
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    open(target = '', pageOptions = {}) {
      return openApp(app.browser, new URL(target, app.url).toString(), pageOptions);
    },
  };
  return app;
}
