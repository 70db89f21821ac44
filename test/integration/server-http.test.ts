import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/index';
import {
  connectYClient,
  getJson,
  removeDir,
  spawnServer,
  synced,
  tempDir,
  tryUpgrade,
  waitFor,
} from '../support';

/** Plain HTTP: health, metrics, and the built web app served beside the rooms. */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

let site: string;
let outside: string;
beforeAll(() => {
  outside = tempDir('cxb-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET');
  site = tempDir('cxb-site-');
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>CX Board</title>');
  fs.mkdirSync(path.join(site, 'assets'));
  fs.writeFileSync(path.join(site, 'assets', 'index-B4x9Qz1c.js'), 'console.log(1)');
  fs.writeFileSync(path.join(site, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(site, 'logo.svg'), '<svg/>');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, 'link.txt'));
  return () => {
    removeDir(site);
    removeDir(outside);
  };
});

async function server(staticDir?: string): Promise<SyncServer> {
  const dataDir = tempDir();
  const s = await startSyncServer({ dataDir, allowAnonymous: true, staticDir, logger: () => {} });
  cleanup.push(async () => {
    await s.close();
    removeDir(dataDir);
  });
  return s;
}

/** A GET with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(
  port: number,
  requestPath: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: requestPath, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? '',
          body,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('health and metrics', () => {
  it('/healthz answers ok; /metrics counts rooms, connections, messages, bytes and persistence', async () => {
    const s = await server();
    expect(await getJson(`${s.url}/healthz`)).toMatchObject({ status: 200, body: { ok: true } });
    const a = connectYClient(s.syncUrl, 'metrics-room');
    const b = connectYClient(s.syncUrl, 'metrics-room');
    cleanup.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('t').insert(0, 'counted');
    await waitFor(() => b.doc.getText('t').toString() === 'counted', 'b to receive');
    const { status, body } = await getJson(`${s.url}/metrics`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rooms: { loaded: 1, opened: 1 },
      connections: { open: 2, editors: 2, viewers: 0, accepted: 2 },
      updates: { applied: 1 },
      persistence: { fsync: 'interval', appends: 1, storageFailures: 0 },
    });
    const metrics = body as {
      messages: { in: number; out: number };
      bytes: { in: number; out: number };
      persistence: { bytesWritten: number; pendingBytes: number; lagMs: number };
      process: { rssBytes: number; cpuUserMicros: number };
    };
    expect(metrics.messages.in).toBeGreaterThan(4);
    expect(metrics.messages.out).toBeGreaterThan(4);
    expect(metrics.bytes.in).toBeGreaterThan(0);
    expect(metrics.bytes.out).toBeGreaterThan(0);
    expect(metrics.persistence.bytesWritten).toBeGreaterThan(0);
    expect(metrics.persistence.pendingBytes).toBeGreaterThanOrEqual(0);
    expect(metrics.process.rssBytes).toBeGreaterThan(10_000_000);
    // Within a second the interval flush has reached the device: no lag left.
    await waitFor(() => s.metrics().persistence.pendingBytes === 0, 'the periodic flush', 3000);
    expect(s.metrics().persistence.lagMs).toBe(0);
  });

  it('refuses other methods and unknown paths with JSON', async () => {
    const s = await server();
    expect((await rawGet(s.port, '/metrics', 'POST')).status).toBe(405);
    const missing = await rawGet(s.port, '/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/application\/json/);
  });
});

describe('static web app (--static)', () => {
  it('serves files with content types, falls back to index.html for app routes, 404s missing assets', async () => {
    const s = await server(site);
    const index = await rawGet(s.port, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<title>CX Board</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    const script = await rawGet(s.port, '/assets/index-B4x9Qz1c.js');
    expect(script).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1)',
    });
    expect(script.headers['cache-control']).toMatch(/immutable/);
    expect(await rawGet(s.port, '/assets/style.css')).toMatchObject({
      status: 200,
      type: 'text/css; charset=utf-8',
    });
    expect(await rawGet(s.port, '/logo.svg')).toMatchObject({ status: 200, type: 'image/svg+xml' });
    expect(await rawGet(s.port, '/board/abc123?x=1')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
    });
    expect((await rawGet(s.port, '/assets/missing.js')).status).toBe(404);
    expect(await rawGet(s.port, '/logo.svg', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('never serves a file outside the directory', async () => {
    const s = await server(site);
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${path.relative(site, outside)}/secret.txt`,
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '//etc/passwd',
      '/link.txt',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const response = await rawGet(s.port, attempt);
      expect(response.body, attempt).not.toContain('TOP SECRET');
      expect(response.body, attempt).not.toContain('root:');
      expect([200, 400, 404], attempt).toContain(response.status);
      if (response.status === 200) expect(response.body).toContain('<title>CX Board</title>');
    }
  });

  it('keeps rooms, health and metrics apart from the app', async () => {
    const s = await server(site);
    expect(await tryUpgrade(`${s.syncUrl}/index`)).toBe('open');
    expect((await getJson(`${s.url}/healthz`)).status).toBe(200);
    expect((await rawGet(s.port, '/sync/index')).type).toMatch(/json/);
  });

  it('the SERVER_CLI serves the app and says where; a directory without index.html is refused at start', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const proc = await spawnServer({ dataDir, args: ['--allow-anonymous', '--static', site] });
    cleanup.push(() => proc.stop());
    expect(proc.output()).toMatch(new RegExp(`web app: ${proc.url}/`));
    expect((await rawGet(proc.port, '/')).body).toContain('CX Board');
    await proc.stop();
    const empty = tempDir();
    cleanup.push(() => removeDir(empty));
    await expect(spawnServer({ dataDir, args: ['--static', empty] })).rejects.toThrow(/has no index.html/);
  });
});
