import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  type Logger,
  type MetricsSnapshot,
  type SyncServer,
  type SyncServerOptions,
  startSyncServer,
} from '../../server/index';
import { ROOT, SERVER_CLI } from './build';
import { waitFor } from './wait';

/**
 * Sync servers for tests, on 127.0.0.1 with ports picked at run time: the real server in this
 * process (`startTestServer`) or the built CLI as a child process (`spawnServer`), plus raw
 * HTTP/websocket probes and the /metrics counters tests wait on.
 */

/** A fresh temp directory; remove it with {@link removeDir}. */
export function tempDir(prefix = 'cxboard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const quietLogger: Logger = () => {};

/** The sync server running in this process, with its own data directory. */
export interface TestServer {
  server: SyncServer;
  dataDir: string;
  /** Stops the server (if running) and removes its data directory. */
  dispose(): Promise<void>;
  /** Stops the server and starts a new one on the same port and data directory. */
  restart(): Promise<SyncServer>;
}

/**
 * Starts `startSyncServer` in this process on a free port, anonymous access allowed and
 * logging silenced unless `options` say otherwise; a fresh data directory unless given.
 */
export async function startTestServer(options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDir('cxboard-server-');
  const base: SyncServerOptions = { allowAnonymous: true, logger: quietLogger, ...options, dataDir };
  let closed = false;
  const handle: TestServer = {
    server: await startSyncServer(base),
    dataDir,
    async dispose() {
      if (!closed) await handle.server.close();
      closed = true;
      if (ownDir) removeDir(dataDir);
    },
    async restart() {
      const port = handle.server.port;
      await handle.server.close();
      handle.server = await startSyncServer({ ...base, port });
      return handle.server;
    },
  };
  return handle;
}

let built = false;
/** Builds dist/server if it is missing or older than server/ (once per test file). */
export function ensureServerBuild(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/ensure-server-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** The built CLI running as a child process. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** `ws://127.0.0.1:<port>/sync`. */
  syncUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` (default SIGTERM, SIGKILL after 5 s) and waits for the exit; removes a temp data dir. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnServerOptions {
  /** Default: a fresh temp directory, removed by `stop()`. */
  dataDir?: string;
  /** Extra CLI flags (e.g. `--allow-anonymous`, `--static out/renderer`). */
  args?: string[];
  /** Default 0: a free port. */
  port?: number;
}

/** Starts `node dist/server/cli.mjs --port <port> --data-dir <dataDir> ...args` and waits until it listens. */
export async function spawnServer(options: SpawnServerOptions = {}): Promise<ServerProcess> {
  ensureServerBuild();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDir('cxboard-cli-');
  const args = ['--port', String(options.port ?? 0), '--data-dir', dataDir, ...(options.args ?? [])];
  const child = spawn(process.execPath, [SERVER_CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  await waitFor(() => /listening on http:\/\/\S+/.test(output) || exitedEarly, 'the server to start', 15_000);
  const url = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1];
  if (url === undefined) throw new Error(`server did not start:\n${output}`);
  return {
    url,
    syncUrl: `${url.replace('http://', 'ws://')}/sync`,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      if (ownDir) removeDir(dataDir);
    },
  };
}

/** Reads the JSON body of a GET. */
export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** The server's /metrics counters (`baseUrl` is `http://host:port`). */
export async function metricsOf(baseUrl: string): Promise<MetricsSnapshot> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET ${baseUrl}/metrics answered ${response.status}`);
  return (await response.json()) as MetricsSnapshot;
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
