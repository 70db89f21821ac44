import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureServerBuild,
  removeDir,
  SERVER_CLI,
  startTestServer,
  type TestServer,
  tempDir,
  tryUpgrade,
} from '../support';

/**
 * Web mode hardening with real servers: which web pages may use anonymous access, the
 * headers of the static app, and a join-code limiter that is fair to people sharing a network.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const handle = await startTestServer(options);
  cleanup.push(() => handle.dispose());
  return handle;
}

describe('anonymous access from web pages', () => {
  it('refuses Origin: null and foreign pages; --allow-origin lets named ones in', async () => {
    const { server: s } = await server();
    const room = `${s.syncUrl}/board`;
    expect(await tryUpgrade(room)).toBe('open');
    expect(await tryUpgrade(room, { Origin: s.url })).toBe('open');
    expect(await tryUpgrade(room, { Origin: 'null' })).toBe(403);
    expect(await tryUpgrade(room, { Origin: 'https://evil.example' })).toBe(403);
    expect(s.metrics().connections.refused['foreign-origin']).toBe(2);

    const { server: open } = await server({ allowedOrigins: ['null', 'http://192.168.1.20:5173'] });
    expect(await tryUpgrade(`${open.syncUrl}/board`, { Origin: 'null' })).toBe('open');
    expect(await tryUpgrade(`${open.syncUrl}/board`, { Origin: 'http://192.168.1.20:5173' })).toBe('open');
    expect(await tryUpgrade(`${open.syncUrl}/board`, { Origin: 'https://evil.example' })).toBe(403);
  });

  it('the command line refuses a malformed --allow-origin with a clear message', () => {
    ensureServerBuild();
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const run = spawnSync(
      process.execPath,
      [SERVER_CLI, '--port', '0', '--data-dir', dataDir, '--allow-anonymous', '--allow-origin', '*'],
      { encoding: 'utf8', timeout: 10_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--allow-origin takes "null" or an origin/);
  });
});

describe('the static web app', () => {
  it('is served with a CSP that forbids framing, on pages and errors alike', async () => {
    const site = tempDir();
    cleanup.push(() => removeDir(site));
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>app</title>');
    const { server: s } = await server({ staticDir: site });
    for (const [pathname, status] of [
      ['/', 200],
      ['/board/abc', 200],
      ['/missing.js', 404],
    ] as const) {
      const response = await fetch(`${s.url}${pathname}`);
      expect(response.status, pathname).toBe(status);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, pathname).toContain("frame-ancestors 'none'");
      expect(csp, pathname).toContain("script-src 'self'");
      expect(csp, pathname).not.toContain('unsafe-eval');
      expect(response.headers.get('x-frame-options'), pathname).toBe('DENY');
      await response.arrayBuffer();
    }
  });
});

describe('join-code guessing limit', () => {
  it('counts an IPv6 /64 as one, and a right code from another network still works', async () => {
    const { server: s } = await server({ trustProxy: true });
    const code = s.createJoinCode('workshop', 'editor');
    const join = (text: string, address: string) =>
      fetch(`${s.url}/join/${text}`, { headers: { 'X-Forwarded-For': address } }).then((r) => r.status);
    // 20 wrong codes, each from another address of one /64.
    for (let i = 1; i <= 20; i++)
      expect(await join('WRONG-CODE', `2001:db8:0:7::${i.toString(16)}`)).toBe(404);
    expect(await join('WRONG-CODE', '2001:db8:0:7::ffff')).toBe(429);
    expect(await join(code, '2001:db8:0:7::abc')).toBe(429);
    expect(await join(code, '2001:db8:0:8::1')).toBe(200);
    expect(await join(code, '198.51.100.4')).toBe(200);
  });
});
