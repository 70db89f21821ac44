import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { roomFileStem } from '../roomName';
import { encodeRecord, HEADER_BYTES, LOG_MAGIC, readRecords, SNAPSHOT_MAGIC } from './records';

/**
 * Embedded persistence: per room, a snapshot file `rooms/<stem>.ysnap` (the whole document
 * state, replaced atomically) and an append-only log `rooms/<stem>.ylog` of the updates
 * since that snapshot.
 *
 * `append` writes the record with a synchronous `write(2)` before it returns, so the
 * bytes are in the kernel when the caller goes on to broadcast them: killing the process
 * (even SIGKILL) cannot lose them. `fsync: 'always'` also flushes them to the device
 * before returning (survives power loss, costs a device flush per update); `'interval'`
 * flushes dirty logs every second in the background ({@link FileRoomStore.flushDirtyInBackground}),
 * on libuv's thread pool, so a slow disk never stalls the event loop.
 */

/** When appended updates are flushed to the storage device. */
export type FsyncMode = 'always' | 'interval';

/** Options of the file store. */
export interface FileRoomStoreOptions {
  fsync?: FsyncMode;
  /** Compact a room's log into its snapshot once the log is larger than this and the snapshot. */
  compactAfterBytes?: number;
  /** Told about recovered damage (a torn last record dropped, a stale temp file removed). */
  onWarning?: (message: string) => void;
}

/** Counters for /metrics. */
export interface StoreStats {
  appends: number;
  bytesWritten: number;
  compactions: number;
  fsyncs: number;
  /** Bytes written but not yet flushed to the device (0 with fsync 'always'). */
  unsyncedBytes: number;
  /** Age of the oldest unflushed write in ms (the persistence lag), 0 when all is flushed. */
  unsyncedAgeMs: number;
  /** Slowest device flush so far, ms. */
  fsyncMaxMs: number;
}

/** Thrown when a room's stored state cannot be read; the room is not opened. */
export class StorageError extends Error {
  override name = 'StorageError';
}

const ROOMS_DIR = 'rooms';
/**
 * Replaying a log costs about 10 µs per small update (a 1 MiB log of 30 000 edits took
 * 0.2–0.4 s here), and loading blocks the event loop, so logs are kept short.
 */
const DEFAULT_COMPACT_AFTER_BYTES = 256 * 1024;

/** A data directory of rooms. One server process at a time (see {@link lockDataDir}). */
export class FileRoomStore {
  readonly roomsDir: string;
  readonly fsync: FsyncMode;
  readonly compactAfterBytes: number;
  private readonly onWarning: (message: string) => void;
  private readonly dirty = new Set<RoomFiles>();
  readonly stats = { appends: 0, bytesWritten: 0, compactions: 0, fsyncs: 0, fsyncMaxMs: 0 };

  constructor(dataDir: string, options: FileRoomStoreOptions = {}) {
    this.roomsDir = path.join(dataDir, ROOMS_DIR);
    this.fsync = options.fsync ?? 'interval';
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.onWarning = options.onWarning ?? (() => {});
    fs.mkdirSync(this.roomsDir, { recursive: true });
  }

  /**
   * Opens a room: reads its snapshot and log (dropping a torn last record, which a crash
   * mid-write leaves) and returns the handle plus the updates that rebuild the document.
   * Throws {@link StorageError} when the snapshot is damaged: better no room than a room
   * silently missing its history.
   */
  open(room: string): { files: RoomFiles; updates: Uint8Array[] } {
    const stem = roomFileStem(room);
    const snapshotPath = path.join(this.roomsDir, `${stem}.ysnap`);
    const logPath = path.join(this.roomsDir, `${stem}.ylog`);
    removeIfExists(`${snapshotPath}.tmp`, () =>
      this.onWarning(`${room}: removed an unfinished snapshot file`),
    );

    const updates: Uint8Array[] = [];
    let snapshotBytes = 0;
    const snapshot = readIfExists(snapshotPath);
    if (snapshot !== null) {
      const read = readRecords(snapshot, SNAPSHOT_MAGIC);
      if (read.problem !== null || read.records.length !== 1) {
        throw new StorageError(
          `${room}: snapshot ${snapshotPath} is damaged (${read.problem ?? 'no state'})`,
        );
      }
      updates.push(read.records[0]!);
      snapshotBytes = snapshot.length;
    }

    const log = readIfExists(logPath);
    let logBytes = 0;
    if (log !== null) {
      const read = readRecords(log, LOG_MAGIC);
      updates.push(...read.records);
      logBytes = read.validBytes;
      if (read.problem !== null) {
        this.onWarning(
          `${room}: log ${logPath}: ${read.problem}; kept ${read.records.length} records, dropped ${log.length - read.validBytes} bytes`,
        );
      }
    }

    const fd = fs.openSync(
      logPath,
      fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND,
      0o600,
    );
    try {
      if (logBytes < HEADER_BYTES) {
        // New log, or one whose header itself was torn: start it afresh.
        fs.ftruncateSync(fd, 0);
        writeAll(fd, LOG_MAGIC);
        logBytes = HEADER_BYTES;
        if (this.fsync === 'always') {
          fs.fdatasyncSync(fd);
          fsyncDirectory(this.roomsDir);
        }
      } else if (log !== null && logBytes < log.length) {
        // Cut the damaged tail so new records follow the last good one.
        fs.ftruncateSync(fd, logBytes);
        fs.fdatasyncSync(fd);
      }
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    const files = new RoomFiles(this, room, snapshotPath, logPath, fd, logBytes, snapshotBytes);
    return { files, updates };
  }

  /** Flushes every log with unflushed writes to the device, blocking until done. */
  syncDirty(): void {
    for (const files of [...this.dirty]) files.sync();
  }

  /** Starts a background device flush of every log with unflushed writes. */
  flushDirtyInBackground(): void {
    for (const files of [...this.dirty]) files.syncInBackground();
  }

  /** @internal */
  recordFsync(startedAt: number): void {
    this.stats.fsyncs++;
    this.stats.fsyncMaxMs = Math.max(
      this.stats.fsyncMaxMs,
      Math.round((performance.now() - startedAt) * 100) / 100,
    );
  }

  /** Bytes waiting for a device flush and the age of the oldest of them. */
  pending(now: number = Date.now()): { unsyncedBytes: number; unsyncedAgeMs: number } {
    let unsyncedBytes = 0;
    let oldest = Number.POSITIVE_INFINITY;
    for (const files of this.dirty) {
      unsyncedBytes += files.unsyncedBytes;
      oldest = Math.min(oldest, files.unsyncedSince);
    }
    return { unsyncedBytes, unsyncedAgeMs: unsyncedBytes === 0 ? 0 : Math.max(0, now - oldest) };
  }

  /** Counters plus pending state, for /metrics. */
  snapshotStats(): StoreStats {
    return { ...this.stats, ...this.pending() };
  }

  /** @internal */
  markDirty(files: RoomFiles, dirty: boolean): void {
    if (dirty) this.dirty.add(files);
    else this.dirty.delete(files);
  }
}

/** The open files of one room. Not shared: one Room owns it. */
export class RoomFiles {
  unsyncedBytes = 0;
  unsyncedSince = 0;
  private closed = false;
  /** A background flush is running; the descriptor must stay open until it returns. */
  private flushing = false;
  private closeWhenFlushed = false;

  constructor(
    private readonly store: FileRoomStore,
    readonly room: string,
    private readonly snapshotPath: string,
    private readonly logPath: string,
    private readonly fd: number,
    private logBytes: number,
    private snapshotBytes: number,
  ) {}

  /** Appends one update to the log; it is in the kernel (or on the device, with fsync 'always') on return. */
  append(update: Uint8Array): void {
    this.assertOpen();
    const record = encodeRecord(update);
    writeAll(this.fd, record);
    this.logBytes += record.length;
    this.store.stats.appends++;
    this.store.stats.bytesWritten += record.length;
    if (this.store.fsync === 'always') {
      const started = performance.now();
      fs.fdatasyncSync(this.fd);
      this.store.recordFsync(started);
    } else {
      if (this.unsyncedBytes === 0) this.unsyncedSince = Date.now();
      this.unsyncedBytes += record.length;
      this.store.markDirty(this, true);
    }
  }

  /** True when the log has outgrown the snapshot and the compaction threshold. */
  wantsCompaction(): boolean {
    return this.logBytes - HEADER_BYTES > Math.max(this.store.compactAfterBytes, this.snapshotBytes);
  }

  /**
   * Replaces the snapshot with `state` (the full document, written to a temp file, flushed,
   * renamed) and then empties the log. A crash between the two leaves log records that
   * are already in the snapshot; replaying them is harmless because Yjs updates are idempotent.
   */
  compact(state: Uint8Array): void {
    this.assertOpen();
    const temp = `${this.snapshotPath}.tmp`;
    const tempFd = fs.openSync(temp, 'w', 0o600);
    try {
      writeAll(tempFd, Buffer.concat([SNAPSHOT_MAGIC, encodeRecord(state)]));
      fs.fsyncSync(tempFd);
    } finally {
      fs.closeSync(tempFd);
    }
    fs.renameSync(temp, this.snapshotPath);
    fsyncDirectory(path.dirname(this.snapshotPath));
    fs.ftruncateSync(this.fd, HEADER_BYTES);
    fs.fdatasyncSync(this.fd);
    this.snapshotBytes = HEADER_BYTES + 8 + state.length;
    this.logBytes = HEADER_BYTES;
    this.clearUnsynced();
    this.store.stats.compactions++;
  }

  /** True when the log holds updates that are not in the snapshot yet. */
  hasLogRecords(): boolean {
    return this.logBytes > HEADER_BYTES;
  }

  /** Flushes unflushed log writes to the device, blocking until done. */
  sync(): void {
    if (this.closed || this.unsyncedBytes === 0) return;
    const started = performance.now();
    fs.fdatasyncSync(this.fd);
    this.store.recordFsync(started);
    this.clearUnsynced();
  }

  /**
   * Flushes in the background. Writes made while the flush runs stay counted as
   * unflushed (with their own age) until the next one.
   */
  syncInBackground(): void {
    if (this.closed || this.flushing || this.unsyncedBytes === 0) return;
    this.flushing = true;
    const covered = this.unsyncedBytes;
    const started = performance.now();
    const startedAt = Date.now();
    fs.fdatasync(this.fd, (error) => {
      this.flushing = false;
      if (this.closeWhenFlushed) {
        fs.close(this.fd, () => {});
        return;
      }
      if (error) return; // Still counted as unflushed: the next round tries again.
      this.store.recordFsync(started);
      this.unsyncedBytes = Math.max(0, this.unsyncedBytes - covered);
      if (this.unsyncedBytes === 0) this.clearUnsynced();
      else this.unsyncedSince = Math.max(this.unsyncedSince, startedAt);
    });
  }

  /** Flushes and closes the log; a room that never stored anything leaves no files behind. */
  close(): void {
    if (this.closed) return;
    try {
      this.sync();
    } finally {
      this.closed = true;
      this.store.markDirty(this, false);
      // A background flush still holds the descriptor: it closes it when it returns.
      if (this.flushing) this.closeWhenFlushed = true;
      else fs.closeSync(this.fd);
    }
    if (this.snapshotBytes === 0 && !this.hasLogRecords()) removeIfExists(this.logPath);
  }

  private clearUnsynced(): void {
    this.unsyncedBytes = 0;
    this.unsyncedSince = 0;
    this.store.markDirty(this, false);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.room}: room files are closed`);
  }
}

/**
 * Takes the data directory for this process: two servers appending to the same logs
 * would corrupt them. A lock left by a killed process (its pid no longer running) is
 * taken over. Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'server.lock');
  const key = path.resolve(lockPath);
  if (locksHeldHere.has(key))
    throw new Error(`the data directory ${dataDir} is already in use by this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      locksHeldHere.add(key);
      return () => {
        locksHeldHere.delete(key);
        removeIfExists(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Our own pid in a lock we do not hold means a previous process with the same pid
    // (a restarted container) left it behind.
    const owner = Number.parseInt(readIfExists(lockPath)?.toString('utf8') ?? '', 10);
    if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `the data directory ${dataDir} is in use by another server (pid ${owner}); if none is running, delete ${lockPath}`,
      );
    }
    removeIfExists(lockPath);
  }
  throw new Error(`cannot lock the data directory ${dataDir}`);
}

const locksHeldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function removeIfExists(file: string, onRemoved?: () => void): void {
  try {
    fs.unlinkSync(file);
    onRemoved?.();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Makes a rename or a new file's directory entry durable. Not possible on Windows; skipped there. */
function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
