#!/usr/bin/env node
/**
 * Sync server benchmark: N clients in one room, each making k edits per second for a fixed
 * time; measures propagation latency (send → receipt at every other client: median, p95,
 * p99), server CPU and memory (sampled from its /metrics) and lost updates (must be 0).
 *
 * The server is the built CLI (dist/server/cli.mjs) in a child process with its default
 * durability (every update written before it is broadcast). Clients live in this process:
 * each has its own Y.Doc that produces real Yjs updates (pushes into its own Y.Array) and
 * sends them over a real websocket in the y-websocket wire format. By default receivers do
 * not apply what they receive (they find the edit markers in the frames): in real use
 * each client runs on its own machine, and applying N×(N−1) updates here would measure
 * this harness, not the server. `--full-clients` uses stock y-websocket providers that
 * apply everything instead. At the end a stock y-websocket client loads the room from
 * the server and checks that every edit is there.
 *
 *   node test/bench/sync-bench.mjs            50 clients × 5 edits/s × 30 s, then step up
 *                                             the client count to find the largest one
 *                                             keeping p95 < 100 ms (capped, ~4 minutes)
 *   node test/bench/sync-bench.mjs --short    10 clients × 5 edits/s × 3 s, no search (CI)
 *   options: --clients N --rate K --seconds S --no-search --full-clients --budget SECONDS
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean' },
    clients: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    'no-search': { type: 'boolean' },
    'full-clients': { type: 'boolean' },
    budget: { type: 'string' },
  },
});
const short = args.short ?? false;
const BASE = {
  clients: Number(args.clients ?? (short ? 10 : 50)),
  rate: Number(args.rate ?? 5),
  seconds: Number(args.seconds ?? (short ? 3 : 30)),
};
const SEARCH = !short && !args['no-search'];
const SEARCH_STEPS = [100, 150, 200, 300, 400, 600, 800];
const SEARCH_SECONDS = 10;
const SEARCH_BUDGET_MS = Number(args.budget ?? 240) * 1000;
const P95_LIMIT_MS = 100;
const FULL_CLIENTS = args['full-clients'] ?? false;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(predicate, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Starts the built server CLI on a free port with a fresh data directory. */
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxb-bench-'));
  const child = spawn(
    process.execPath,
    [
      'dist/server/cli.mjs',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--allow-anonymous',
      '--max-connections-per-ip',
      '100000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  await waitFor(
    () => /listening on http:\/\/\S+/.test(output) || child.exitCode !== null,
    'the server',
    10_000,
  );
  const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`server did not start:\n${output}`);
  return {
    url,
    syncUrl: `${url.replace('http://', 'ws://')}/sync`,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function metrics(server) {
  const response = await fetch(`${server.url}/metrics`);
  return response.json();
}

const MARKER = Buffer.from('m|');

/** Finds every `m|<client>|<seq>|` marker in a frame and reports it. */
function scanMarkers(bytes, onMarker) {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buffer.indexOf(MARKER);
  while (at !== -1) {
    let pos = at + 2;
    let client = 0;
    while (buffer[pos] >= 48 && buffer[pos] <= 57) client = client * 10 + buffer[pos++] - 48;
    if (buffer[pos++] === 124) {
      let seq = 0;
      while (buffer[pos] >= 48 && buffer[pos] <= 57) seq = seq * 10 + buffer[pos++] - 48;
      if (buffer[pos] === 124) onMarker(client, seq);
    }
    at = buffer.indexOf(MARKER, at + 2);
  }
}

function encodeUpdateMessage(update) {
  // [messageSync = 0][messageYjsUpdate = 2][varUint length][update]
  const header = [0, 2];
  let n = update.length;
  while (n > 127) {
    header.push((n & 127) | 128);
    n >>>= 7;
  }
  header.push(n);
  const message = new Uint8Array(header.length + update.length);
  message.set(header, 0);
  message.set(update, header.length);
  return message;
}

/**
 * One benchmark client. `send(marker)` makes a real Yjs edit and sends it; `onReceive` is
 * called for every edit marker that arrives from the server.
 */
async function openClient(syncUrl, room, index, onReceive) {
  const doc = new Y.Doc();
  const items = doc.getArray(`c${index}`);
  if (FULL_CLIENTS) {
    const provider = new WebsocketProvider(syncUrl, room, doc, {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    });
    doc.on('update', (update, origin) => {
      if (origin === provider) scanMarkers(update, onReceive);
    });
    await waitFor(() => provider.synced, 'a client to sync', 30_000);
    return {
      send: (marker) => items.push([marker]),
      close: () => {
        provider.destroy();
        provider.awareness.destroy();
      },
    };
  }
  const ws = new WebSocket(`${syncUrl}/${room}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.on('message', (data) => {
    // Only document updates relayed from other clients: [0 sync][2 update].
    if (data[0] === 0 && data[1] === 2) scanMarkers(data, onReceive);
  });
  doc.on('update', (update) => ws.send(encodeUpdateMessage(update)));
  return { send: (marker) => items.push([marker]), close: () => ws.close() };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs one configuration against a fresh server and returns its numbers. */
async function run({ clients, rate, seconds }) {
  const server = await startServer();
  const room = `bench-${clients}`;
  const sendTimes = Array.from({ length: clients }, () => []);
  const received = Array.from({ length: clients }, () => new Uint32Array(clients));
  const latencies = [];
  try {
    const opened = [];
    for (let i = 0; i < clients; i += 25) {
      const batch = [];
      for (let j = i; j < Math.min(clients, i + 25); j++) {
        batch.push(
          openClient(server.syncUrl, room, j, (from, seq) => {
            const sentAt = sendTimes[from]?.[seq];
            if (sentAt === undefined || from === j) return;
            latencies.push(performance.now() - sentAt);
            received[j][from]++;
          }),
        );
      }
      opened.push(...(await Promise.all(batch)));
    }

    const before = await metrics(server);
    const measureStart = performance.now();
    const harnessCpuStart = process.cpuUsage();
    const samples = [];
    const sampler = setInterval(() => {
      metrics(server).then(
        (m) => samples.push({ at: performance.now(), m }),
        () => {},
      );
    }, 1000);
    const interval = 1000 / rate;
    const timers = opened.map((client, i) => {
      let seq = 0;
      const tick = () => {
        sendTimes[i][seq] = performance.now();
        client.send(`m|${i}|${seq}|`);
        seq++;
      };
      // Spread the clients' first edits over one interval so they do not fire in lockstep.
      return setTimeout(() => {
        tick();
        timers[i] = setInterval(tick, interval);
      }, Math.random() * interval);
    });
    await sleep(seconds * 1000);
    for (const timer of timers) {
      clearTimeout(timer);
      clearInterval(timer);
    }
    const sent = sendTimes.map((times) => times.length);
    const totalSent = sent.reduce((a, b) => a + b, 0);
    const expectedAt = (j) => totalSent - sent[j];
    const receivedAt = (j) => received[j].reduce((a, b) => a + b, 0);
    await waitFor(
      () => opened.every((_, j) => receivedAt(j) >= expectedAt(j)),
      'every client to receive every edit',
      15_000,
    ).catch(() => {});
    clearInterval(sampler);
    const after = await metrics(server);
    const harnessCpu = process.cpuUsage(harnessCpuStart);
    // CPU shares over the edit phase plus the drain, as % of one core.
    const wall = (performance.now() - measureStart) / 1000;
    const lostInFlight = opened.reduce((sum, _, j) => sum + Math.max(0, expectedAt(j) - receivedAt(j)), 0);

    // What the server holds: a stock y-websocket client loads the room and counts.
    const verifier = new WebsocketProvider(server.syncUrl, room, new Y.Doc(), {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    });
    await waitFor(() => verifier.synced, 'the verifier to sync', 30_000);
    const lostOnServer = sent.reduce(
      (sum, count, i) => sum + Math.max(0, count - verifier.doc.getArray(`c${i}`).length),
      0,
    );
    verifier.destroy();
    verifier.awareness.destroy();
    for (const client of opened) client.close();

    latencies.sort((a, b) => a - b);
    const cpuMicros =
      after.process.cpuUserMicros +
      after.process.cpuSystemMicros -
      before.process.cpuUserMicros -
      before.process.cpuSystemMicros;
    return {
      clients,
      rate,
      seconds,
      edits: totalSent,
      deliveries: latencies.length,
      lost: lostInFlight + lostOnServer,
      lostInFlight,
      lostOnServer,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      serverCpu: (cpuMicros / 1e6 / wall) * 100,
      serverRssMb: Math.max(after.process.rssBytes, ...samples.map((s) => s.m.process.rssBytes)) / 2 ** 20,
      harnessCpu: ((harnessCpu.user + harnessCpu.system) / 1e6 / wall) * 100,
      appends: after.persistence.appends - before.persistence.appends,
      serverLoopP99: after.eventLoop.delayP99Ms,
      serverLoopMax: after.eventLoop.delayMaxMs,
      fsyncMaxMs: after.persistence.fsyncMaxMs,
      maxLagMs: Math.max(0, ...samples.map((s) => s.m.persistence.lagMs)),
    };
  } finally {
    await server.stop();
  }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const COLUMNS = [
  ['clients', (r) => String(r.clients)],
  ['edits/s each', (r) => String(r.rate)],
  ['seconds', (r) => String(r.seconds)],
  ['edits', (r) => String(r.edits)],
  ['deliveries', (r) => String(r.deliveries)],
  ['lost', (r) => String(r.lost)],
  ['p50 ms', (r) => fmt(r.p50, 2)],
  ['p95 ms', (r) => fmt(r.p95, 2)],
  ['p99 ms', (r) => fmt(r.p99, 2)],
  ['max ms', (r) => fmt(r.max, 1)],
  ['server CPU %', (r) => fmt(r.serverCpu, 0)],
  ['server RSS MB', (r) => fmt(r.serverRssMb, 0)],
  ['server loop lag p99/max ms', (r) => `${fmt(r.serverLoopP99, 1)}/${fmt(r.serverLoopMax, 0)}`],
  ['fsync max ms', (r) => fmt(r.fsyncMaxMs, 1)],
  ['harness CPU %', (r) => fmt(r.harnessCpu, 0)],
];

function printTable(results) {
  const rows = [COLUMNS.map(([title]) => title), ...results.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

execFileSync(process.execPath, ['scripts/ensure-server-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
console.log(
  `sync-bench: ${FULL_CLIENTS ? 'stock y-websocket clients' : 'light clients (real Yjs updates; receivers do not apply)'}, ` +
    `server = dist/server/cli.mjs in a child process, ${os.cpus().length} CPUs, node ${process.version}`,
);
const results = [];
const main = await run(BASE);
results.push(main);
printTable(results);
let failed = main.lost > 0;

if (SEARCH) {
  console.log(
    `\nsearching for the largest client count with p95 < ${P95_LIMIT_MS} ms (${SEARCH_SECONDS} s per step)`,
  );
  const searchStarted = Date.now();
  const outOfTime = () => Date.now() - searchStarted > SEARCH_BUDGET_MS;
  let best = main.p95 < P95_LIMIT_MS && main.lost === 0 ? main.clients : null;
  let worst = null; // smallest count seen failing
  let stoppedBy = `the cap of ${SEARCH_STEPS.at(-1)} clients`;
  const step = async (clients) => {
    const result = await run({ clients, rate: BASE.rate, seconds: SEARCH_SECONDS });
    results.push(result);
    console.log(
      `  ${clients} clients: p95 ${fmt(result.p95, 2)} ms, lost ${result.lost}, server CPU ${fmt(result.serverCpu, 0)} %`,
    );
    if (result.lost > 0) failed = true;
    const ok = result.p95 < P95_LIMIT_MS && result.lost === 0;
    if (ok) best = Math.max(best ?? 0, clients);
    else worst = Math.min(worst ?? Number.POSITIVE_INFINITY, clients);
    return ok;
  };
  // Step up the grid until a count fails, then halve the gap between the best and the
  // failing count down to 50 clients.
  for (const clients of SEARCH_STEPS.filter((n) => n > BASE.clients)) {
    if (outOfTime()) break;
    if (!(await step(clients))) break;
  }
  while (worst !== null && worst - (best ?? 0) > 50 && !outOfTime()) {
    await step(Math.round(((best ?? 0) + worst) / 2 / 10) * 10);
  }
  if (worst !== null) stoppedBy = `${worst} clients failing`;
  if (outOfTime()) stoppedBy += `; time budget of ${SEARCH_BUDGET_MS / 1000} s reached`;
  console.log('');
  printTable(results.sort((a, b) => a.clients - b.clients || b.seconds - a.seconds));
  console.log(
    `\nlargest client count with p95 < ${P95_LIMIT_MS} ms at ${BASE.rate} edits/s each: ${best ?? 'none'} (search stopped: ${stoppedBy})`,
  );
}

const lost = results.reduce((sum, r) => sum + r.lost, 0);
console.log(`lost updates: ${lost}${lost > 0 ? '  <-- FAILURE' : ''}`);
process.exit(failed ? 1 : 0);
