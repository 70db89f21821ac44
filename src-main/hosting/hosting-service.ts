import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import type { SyncServer, SyncServerOptions } from '../../server/index';
import type { HostingStatus, NetworkInterfaceOption, Participant } from '../../shared/ipc/contract';
import { normalizeJoinCode } from '../../shared/protocol';
import { listHostingInterfaces, urlHost } from './network';
import { ParticipantWatcher } from './participants';

export interface HostingDeps {
  /** The embedded sync server (`startSyncServer` from server/index.ts). */
  startServer(options: SyncServerOptions): Promise<SyncServer>;
  /** Folder under which each workshop gets a fresh data directory, removed when it stops. */
  dataRoot: string;
  /** Built web app served to participants who join from a browser; null when not built. */
  staticDir: string | null;
  networkInterfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  onChange(status: HostingStatus): void;
}

/** How long the tokens of the host's window and of the watcher stay valid. */
const HOST_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

/**
 * One workshop hosted from this app: the embedded sync server bound to the chosen
 * interface, a room for the board, a join code for participants, and a watcher that
 * tracks who joined. The board itself stays in the host's window and file: the room is
 * only the meeting point, so stopping loses nothing.
 */
export class HostingService {
  private server: SyncServer | null = null;
  private watcher: ParticipantWatcher | null = null;
  private dataDir: string | null = null;
  private current: HostingStatus = { running: false, error: null };
  private starting: Promise<HostingStatus> | null = null;

  constructor(private readonly deps: HostingDeps) {}

  listInterfaces(): NetworkInterfaceOption[] {
    return listHostingInterfaces(this.deps.networkInterfaces());
  }

  status(): HostingStatus {
    return this.current;
  }

  /** Starts hosting on the interface with `interfaceId`; if already hosting, returns that. */
  start(options: { interfaceId: string; port?: number }): Promise<HostingStatus> {
    if (this.current.running) return Promise.resolve(this.current);
    this.starting ??= this.startNow(options).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Disconnects everyone, stops the server and removes the workshop's data directory. */
  async stop(): Promise<HostingStatus> {
    await this.starting?.catch(() => undefined);
    await this.teardown();
    this.update({ running: false, error: null });
    return this.current;
  }

  private async startNow(options: { interfaceId: string; port?: number }): Promise<HostingStatus> {
    const chosen = this.listInterfaces().find((option) => option.id === options.interfaceId);
    if (!chosen) {
      return this.fail('interface-gone', 'The chosen network connection is no longer available.');
    }
    try {
      await mkdir(this.deps.dataRoot, { recursive: true });
      this.dataDir = await mkdtemp(join(this.deps.dataRoot, 'workshop-'));
      const server = await this.deps.startServer({
        dataDir: this.dataDir,
        host: chosen.address,
        port: options.port ?? 0,
        allowAnonymous: false,
        ...(this.deps.staticDir ? { staticDir: this.deps.staticDir } : {}),
      });
      this.server = server;
      const room = `workshop-${randomBytes(6).toString('hex')}`;
      const displayedCode = server.createJoinCode(room, 'editor');
      const joinCode = normalizeJoinCode(displayedCode) ?? displayedCode;
      const base = `http://${urlHost(chosen.address)}:${server.port}`;
      const websocketUrl = `ws://${urlHost(chosen.address)}:${server.port}/sync`;
      this.watcher = new ParticipantWatcher(
        websocketUrl,
        room,
        server.mintToken(room, 'viewer', HOST_TOKEN_TTL_SECONDS),
        (participants) => this.updateParticipants(participants),
      );
      return this.update({
        running: true,
        joinCode,
        joinLink: `${base}/?join=${joinCode}`,
        browserUrl: `${base}/`,
        interface: chosen,
        connection: {
          serverUrl: base,
          websocketUrl,
          room,
          params: { token: server.mintToken(room, 'editor', HOST_TOKEN_TTL_SECONDS) },
          role: 'editor',
        },
        participants: [],
        startedAt: Date.now(),
      });
    } catch (error) {
      await this.teardown();
      return this.fail('start-failed', describeStartError(error, chosen));
    }
  }

  private updateParticipants(participants: Participant[]): void {
    if (!this.current.running) return;
    this.update({ ...this.current, participants });
  }

  private update(status: HostingStatus): HostingStatus {
    this.current = status;
    this.deps.onChange(status);
    return status;
  }

  private fail(code: string, message: string): HostingStatus {
    return this.update({ running: false, error: { code, message } });
  }

  private async teardown(): Promise<void> {
    this.watcher?.destroy();
    this.watcher = null;
    const server = this.server;
    this.server = null;
    await server?.close();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}

function describeStartError(error: unknown, chosen: NetworkInterfaceOption): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'The port is already in use. Choose another port or leave it automatic.';
  if (code === 'EADDRNOTAVAIL')
    return `The address ${chosen.address} is no longer available on this computer.`;
  if (code === 'EACCES') return 'The system did not allow listening on this port.';
  return `The workshop server could not start: ${(error as Error).message}`;
}
