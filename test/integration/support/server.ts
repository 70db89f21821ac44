import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Helpers for the server integration tests: temp data directories, the built CLI run as
 * a child process, stock y-websocket clients over the `ws` package, and polling waits.
 */

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CLI = path.join(ROOT, 'dist/server/cli.mjs');

let built = false;
/** Builds dist/server if it is missing or older than server/ (once per test file). */
export function ensureServerBuild(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/ensure-server-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** A fresh temp directory; remove it with {@link removeDir}. */
export function tempDir(prefix = 'cxb-server-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Polls `predicate` every 10 ms until it is true; throws with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The built CLI running as a child process. */
export interface ServerProcess {
  url: string;
  syncUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node dist/server/cli.mjs --port <port> --data-dir <dataDir> ...args` and waits for its URL. */
export async function spawnServer(dataDir: string, args: string[] = [], port = 0): Promise<ServerProcess> {
  ensureServerBuild();
  const child = spawn(process.execPath, [CLI, '--port', String(port), '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  await waitFor(() => /listening on http:\/\/\S+/.test(output) || exitedEarly, 'the server to start');
  const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
  if (url === undefined) throw new Error(`server did not start:\n${output}`);
  const listeningPort = Number(new URL(url).port);
  return {
    url,
    syncUrl: `${url.replace('http://', 'ws://')}/sync`,
    port: listeningPort,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A stock y-websocket client in Node. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Connects a `WebsocketProvider` (with `ws` as the WebSocket) to `room`. */
export function connectClient(
  syncUrl: string,
  room: string,
  options: { params?: Record<string, string>; doc?: Y.Doc } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      // The provider does not destroy the awareness it created; its timer would keep Node alive.
      provider.awareness.destroy();
    },
  };
}

/** Waits until the client finished its first sync with the server. */
export async function synced(client: Client, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, 'the client to sync', timeoutMs);
}

/**
 * Tries a websocket upgrade with a raw `ws` client and reports how it ended: `open`, or
 * the HTTP status the server refused it with (before any websocket existed).
 */
export function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => reject(error));
  });
}

/** Reads the JSON body of a GET. */
export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}
