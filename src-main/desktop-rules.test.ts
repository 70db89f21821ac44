import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppAsset } from './app-protocol';
import { boardPathFromArgv } from './argv';
import { buildMenuTemplate, type MenuAction, type MenuItemSpec, toElectronTemplate } from './menu';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  externalLinkTarget,
  isAppUrl,
  isPermissionGranted,
} from './security';
import { languageFromLocale, stringsFor, windowTitle } from './strings';

describe('security rules', () => {
  it('has a CSP without inline or eval scripts in production', () => {
    const csp = contentSecurityPolicy({ dev: false });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws: wss: http: https:");
    expect(csp).toContain("base-uri 'none'");
    expect(contentSecurityPolicy({ dev: true })).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('lets the window navigate only within the app', () => {
    const origins = [APP_ORIGIN];
    expect(isAppUrl('app://bundle/index.html', origins)).toBe(true);
    expect(isAppUrl('https://example.com/', origins)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', origins)).toBe(false);
    expect(isAppUrl('app://other/index.html', origins)).toBe(false);
    expect(isAppUrl('garbage', origins)).toBe(false);
  });

  it('opens only web and mail links in the system browser', () => {
    expect(externalLinkTarget('https://example.com/docs?a=1')).toEqual({
      url: 'https://example.com/docs?a=1',
      target: 'example.com',
    });
    expect(externalLinkTarget('mailto:team@example.com')).toEqual({
      url: 'mailto:team@example.com',
      target: 'team@example.com',
    });
    // A look-alike Unicode host is shown as what it is.
    expect(externalLinkTarget('https://exаmple.com/')?.target).toBe('xn--exmple-4nf.com');
    for (const url of [
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'javascript:alert(1)',
      'app://bundle/x',
      'mailto:',
      'not a url',
    ]) {
      expect(externalLinkTarget(url)).toBeNull();
    }
    expect(externalLinkTarget('https://user:pass@example.com/')).toBeNull();
  });

  it('grants only clipboard writes and local network access (workshops)', () => {
    for (const permission of [
      'clipboard-sanitized-write',
      'local-network-access',
      'local-network',
      'loopback-network',
    ]) {
      expect(isPermissionGranted(permission)).toBe(true);
    }
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });
});

describe('serveAppAsset', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cx-app-'));
    outside = await mkdtemp(join(tmpdir(), 'cx-outside-'));
    await writeFile(join(root, 'index.html'), '<!doctype html>app');
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('serves files with their content type, and index.html for app routes', async () => {
    const js = await serveAppAsset(root, 'app://bundle/assets/main.js');
    expect(js.status).toBe(200);
    expect(js.contentType).toBe('text/javascript; charset=utf-8');
    const route = await serveAppAsset(root, 'app://bundle/board/123');
    expect(new TextDecoder().decode(route.body)).toBe('<!doctype html>app');
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/assets/link.txt',
    'app://bundle/missing.js',
    'app://bundle/assets%00.js',
  ])('serves nothing outside the root for %s', async (url) => {
    const response = await serveAppAsset(root, url);
    // Either refused or, for an extension-less path, the app's own index page.
    expect(['Not found', '<!doctype html>app']).toContain(new TextDecoder().decode(response.body));
  });
});

describe('boardPathFromArgv', () => {
  it('finds the board a double click or a second launch passes', () => {
    expect(boardPathFromArgv(['/opt/CX Board/cx-board', '/home/a/Map.CXBOARD'], '/')).toBe(
      '/home/a/Map.CXBOARD',
    );
    expect(boardPathFromArgv(['electron', '.', '--no-sandbox', 'boards/b.cxboard'], '/work')).toBe(
      '/work/boards/b.cxboard',
    );
    expect(boardPathFromArgv(['app', '--flag=x.cxboard', 'notes.txt'], '/')).toBeNull();
    expect(boardPathFromArgv(['x.cxboard'], '/')).toBeNull();
  });
});

function labels(items: MenuItemSpec[]): string[] {
  return items.map((item) => item.label ?? item.role ?? item.type ?? '');
}

describe('native menus', () => {
  const recent = [
    { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Onboarding.cxboard', location: '/b', openedAt: 1 },
  ];

  it('has File, Edit, View and Help in Russian and English', () => {
    const base = { platform: 'linux' as const, recent: [], hasBoard: true, developer: false };
    expect(labels(buildMenuTemplate({ ...base, language: 'en' }, stringsFor('en')))).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ]);
    expect(labels(buildMenuTemplate({ ...base, language: 'ru' }, stringsFor('ru')))).toEqual([
      '&Файл',
      '&Правка',
      '&Вид',
      '&Справка',
    ]);
  });

  it('adds the application and Window menus on macOS, without mnemonics', () => {
    const template = buildMenuTemplate(
      { platform: 'darwin', language: 'en', recent: [], hasBoard: false, developer: false },
      stringsFor('en'),
    );
    expect(labels(template)).toEqual(['CX Board', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('lists recent boards by name and runs actions through one callback', () => {
    const template = buildMenuTemplate(
      { platform: 'win32', language: 'en', recent, hasBoard: false, developer: true },
      stringsFor('en'),
    );
    const ran: MenuAction[] = [];
    const electron = toElectronTemplate(template, (action) => ran.push(action));
    const fileMenu = electron[0]!.submenu!;
    const openRecent = fileMenu.find((item) => item.label === 'Open Recent')!;
    openRecent.submenu![0]!.click!();
    fileMenu.find((item) => item.label === 'Save')!.click!();
    expect(ran).toEqual([
      { kind: 'openRecent', id: recent[0]!.id },
      { kind: 'command', command: 'save' },
    ]);
    expect(fileMenu.find((item) => item.label === 'Save')!.enabled).toBe(false);
    expect(JSON.stringify(electron)).not.toContain('"action"');
    const viewMenu = electron[2]!.submenu!;
    expect(viewMenu.some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(viewMenu.find((item) => item.label === 'Zoom In')!.registerAccelerator).toBe(false);
  });
});

describe('window title', () => {
  it('shows the file name, the unsaved mark and the product', () => {
    const en = stringsFor('en');
    expect(windowTitle({ kind: 'file', name: 'Map.cxboard', location: '/b', dirty: true }, en)).toBe(
      'Map.cxboard ● — CX Board',
    );
    expect(
      windowTitle({ kind: 'untitled', name: 'Без названия', location: null, dirty: false }, stringsFor('ru')),
    ).toBe('Без названия — CX Board');
    expect(windowTitle({ kind: 'none', name: '', location: null, dirty: false }, en)).toBe('CX Board');
    expect(languageFromLocale('ru-RU')).toBe('ru');
    expect(languageFromLocale('de')).toBe('en');
  });
});
