import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, RENDERER_DIR, ROOT, SERVER_CLI } from './build';

/** A running sync server serving the built renderer, on a free loopback port. */
export interface AppServer {
  /** Web app URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** y-websocket server URL for sync providers, e.g. ws://127.0.0.1:41234/sync */
  syncUrl: string;
  dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its data directory. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Reuse a data directory (e.g. to restart on the same rooms); default: a fresh temp dir, removed on stop. */
  dataDir?: string;
  /** Extra CLI flags. */
  args?: string[];
}

/** Starts `dist/server/cli.mjs --port 0 --allow-anonymous --static out/renderer` and waits until it listens. */
export async function startServer(options: StartServerOptions = {}): Promise<AppServer> {
  assertBuilt();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cxboard-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      SERVER_CLI,
      '--port',
      '0',
      '--allow-anonymous',
      '--static',
      RENDERER_DIR,
      '--data-dir',
      dataDir,
      ...(options.args ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });
  let stopped = false;
  return {
    url,
    syncUrl: `${url.replace(/^http/, 'ws')}sync`,
    dataDir,
    output: () => output,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
