import { parseArgs } from 'node:util';
import { parseAllowedOrigins, SYNC_PATH } from './access';
import { describeError, stderrLogger } from './log';
import { resolveSecret, SECRET_ENV } from './secret';
import { startSyncServer } from './syncServer';
import { isRole, parseTtl, signToken } from './tokens';

const HELP = `CX Board sync server (y-websocket protocol)

Usage:
  node dist/server/cli.mjs [options]          run the server   (npm run server -- [options])
  node dist/server/cli.mjs token [options]    mint a room token (npm run token -- [options])

Server options:
  --port <n>                    TCP port; 0 picks a free port (default 1234)
  --host <addr>                 interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir <dir>              room files, secret and lock (default ./cxboard-data)
  --secret <text>               token secret (default: $${SECRET_ENV}, else <data-dir>/secret.key, generated)
  --allow-anonymous             accept connections without a token (only with a loopback --host);
                                from browsers only for pages served on this machine
  --allow-origin <origin>       also let this web page use anonymous access (repeatable):
                                an origin such as http://192.168.1.20:5173, or null (sandboxed
                                frames, file: pages: any site can make those; avoid)
  --static <dir>                serve a built web app at / (rooms stay under ${SYNC_PATH}/)
  --max-message-bytes <n>       largest websocket message (default 8388608)
  --max-connections-per-ip <n>  open connections per client address (default 200)
  --max-rooms <n>               rooms loaded at once (default 1000)
  --room-idle-ms <n>            unload a room this long after its last client left (default 10000)
  --ping-interval-ms <n>        liveness ping interval; silent peers are dropped (default 30000)
  --fsync <interval|always>     flush to the device every second (default) or before every broadcast
  --trust-proxy                 take the client address from X-Forwarded-For (behind a reverse proxy)
  --help                        show this text

Token options:
  --room <name|*>               room (board id) the token opens; * for every room
  --role <editor|viewer>        viewers receive everything but their edits are never applied
  --ttl <time>                  lifetime: 90s, 30m, 8h, 7d (default 8h)
  --data-dir <dir> / --secret   where the server's secret is (same as the server's)

Clients connect with y-websocket: new WebsocketProvider('ws://host:port${SYNC_PATH}', room, doc,
{ params: { token } }). Endpoints: GET /healthz, GET /metrics, GET /join/<code>.
`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\nRun with --help for the options.\n`);
  process.exit(2);
}

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    fail(`--${name} must be an integer >= ${min}, not ${text}`);
  return value;
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      secret: { type: 'string' },
      'allow-anonymous': { type: 'boolean' },
      'allow-origin': { type: 'string', multiple: true },
      static: { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'max-connections-per-ip': { type: 'string' },
      'max-rooms': { type: 'string' },
      'room-idle-ms': { type: 'string' },
      'ping-interval-ms': { type: 'string' },
      fsync: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const fsync = values.fsync ?? 'interval';
  if (fsync !== 'interval' && fsync !== 'always') fail(`--fsync is interval or always, not ${fsync}`);
  const port = integer('port', values.port, 1234, 0);
  if (port > 65535) fail('--port must be at most 65535');
  const dataDir = values['data-dir'] ?? 'cxboard-data';
  const allowedOrigins = values['allow-origin'] ?? [];
  try {
    parseAllowedOrigins(allowedOrigins);
  } catch (error) {
    fail(describeError(error));
  }
  if (allowedOrigins.length > 0 && !values['allow-anonymous']) {
    fail('--allow-origin only matters with --allow-anonymous (tokens and join codes work from any page)');
  }
  const server = await startSyncServer({
    dataDir,
    port,
    host: values.host ?? '127.0.0.1',
    secret: values.secret,
    allowAnonymous: values['allow-anonymous'] ?? false,
    allowedOrigins,
    staticDir: values.static,
    maxMessageBytes: integer('max-message-bytes', values['max-message-bytes'], 8 * 1024 * 1024, 1024),
    maxConnectionsPerIp: integer('max-connections-per-ip', values['max-connections-per-ip'], 200, 1),
    maxRooms: integer('max-rooms', values['max-rooms'], 1000, 1),
    roomIdleMs: integer('room-idle-ms', values['room-idle-ms'], 10_000, 0),
    pingIntervalMs: integer('ping-interval-ms', values['ping-interval-ms'], 30_000, 100),
    fsync,
    trustProxy: values['trust-proxy'] ?? false,
    logger: stderrLogger,
  });
  const lines = [
    `CX Board sync server listening on ${server.url}`,
    `  rooms (y-websocket server URL): ${server.syncUrl}  (room = board id)`,
    `  data directory: ${dataDir}  (secret: ${server.secretSource})`,
    values['allow-anonymous']
      ? '  anonymous access: on (loopback only)'
      : '  access: room tokens (npm run token) or join codes',
    values.static ? `  web app: ${server.url}/` : null,
  ];
  process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    stderrLogger('info', `${signal}: closing connections and writing rooms to disk`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        stderrLogger('error', `shutdown failed: ${describeError(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function token(args: string[]): void {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      room: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string' },
      'data-dir': { type: 'string' },
      secret: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.room === undefined) fail('token needs --room <board id> (or * for every room)');
  const role = values.role ?? 'editor';
  if (!isRole(role)) fail(`--role is editor or viewer, not ${role}`);
  const ttlSeconds = parseTtl(values.ttl ?? '8h');
  const { secret } = resolveSecret({
    secret: values.secret,
    dataDir: values['data-dir'] ?? 'cxboard-data',
    create: false,
  });
  const minted = signToken(secret, values.room, role, ttlSeconds);
  const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  process.stderr.write(`${role} token for room ${values.room}, valid until ${expires}:\n`);
  process.stdout.write(`${minted}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === 'token') token(rest);
  else if (first === 'serve') await serve(rest);
  else await serve(argv);
}

main(process.argv.slice(2)).catch((error: unknown) => fail(describeError(error)));
