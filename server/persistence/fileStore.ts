import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { roomFileStem } from '../roomName';
import {
  type DamagedRange,
  encodeRecord,
  type FileKind,
  fileHeader,
  HEADER_BYTES,
  type ReadRecords,
  readRecords,
  recordBytes,
} from './records';

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
 *
 * Damage costs only the damaged bytes: on open, every valid record is kept (see
 * `records.ts`), the unreadable bytes are copied to `rooms/damaged/` before the file is
 * rewritten without them, and the store reports it ({@link FileRoomStoreOptions.onWarning},
 * {@link StoreStats.damagedFiles}). Files in the previous format are rewritten in the current one.
 */

/** When appended updates are flushed to the storage device. */
export type FsyncMode = 'always' | 'interval';

/**
 * The file-system calls the store makes; a test passes a wrapper to inject failures (a
 * full disk) that a real file system does not produce on demand.
 */
export type FileSystem = Pick<
  typeof fs,
  | 'openSync'
  | 'writeSync'
  | 'closeSync'
  | 'close'
  | 'fsyncSync'
  | 'fdatasyncSync'
  | 'fdatasync'
  | 'ftruncateSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'readFileSync'
  | 'mkdirSync'
>;

/** Options of the file store. */
export interface FileRoomStoreOptions {
  fsync?: FsyncMode;
  /** Compact a room's log into its snapshot once the log is larger than this and the snapshot. */
  compactAfterBytes?: number;
  /** Told about recovered damage (damaged bytes set aside, a stale temp file removed, a failed compaction). */
  onWarning?: (message: string) => void;
  /** The file system (default `node:fs`). */
  fileSystem?: FileSystem;
  /** The clock for compaction back-off (default `Date.now`). */
  now?: () => number;
}

/** Counters for /metrics. */
export interface StoreStats {
  appends: number;
  bytesWritten: number;
  compactions: number;
  /** Compactions that failed (disk full, I/O error); the log stayed intact and the temp file was removed. */
  compactionFailures: number;
  fsyncs: number;
  /** Room files found damaged on open (their unreadable bytes were set aside, the rest loaded). */
  damagedFiles: number;
  /** Unreadable bytes set aside, in total. */
  damagedBytes: number;
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

/**
 * Thrown by {@link FileRoomStore.open} for a room whose last write failed a moment ago
 * (disk full, I/O error): it reopens after a wait that doubles with each failure, so
 * clients reconnecting at once do not reload the room in a tight loop.
 */
export class StorageBackoffError extends Error {
  override name = 'StorageBackoffError';
}

const ROOMS_DIR = 'rooms';
/** Where unreadable bytes of room files are kept, inside the rooms directory. */
export const DAMAGED_DIR = 'damaged';
/**
 * Replaying a log costs about 10 µs per small update (a 1 MiB log of 30 000 edits took
 * 0.2–0.4 s here), and loading blocks the event loop, so logs are kept short.
 */
const DEFAULT_COMPACT_AFTER_BYTES = 256 * 1024;
/** After a failed compaction a room waits this long before the next try, doubling up to the maximum. */
const COMPACTION_BACKOFF_MS = 5_000;
const COMPACTION_BACKOFF_MAX_MS = 10 * 60_000;
/** After a failed write a room stays closed this long, doubling up to the maximum. */
const WRITE_BACKOFF_MS = 1_000;
const WRITE_BACKOFF_MAX_MS = 60_000;

/** A data directory of rooms. One server process at a time (see {@link lockDataDir}). */
export class FileRoomStore {
  readonly roomsDir: string;
  readonly fsync: FsyncMode;
  readonly compactAfterBytes: number;
  /** @internal */
  readonly fs: FileSystem;
  /** @internal */
  readonly now: () => number;
  private readonly onWarning: (message: string) => void;
  private readonly dirty = new Set<RoomFiles>();
  /** Rooms whose last compaction failed: kept per room name, so a reloaded room still waits. */
  private readonly compactionBackoff = new Map<string, { failures: number; retryAt: number }>();
  /** Rooms whose last append failed: they may not reopen before `retryAt`. */
  private readonly writeBackoff = new Map<string, { failures: number; retryAt: number }>();
  private damagedFileCount = 0;
  readonly stats = {
    appends: 0,
    bytesWritten: 0,
    compactions: 0,
    compactionFailures: 0,
    fsyncs: 0,
    fsyncMaxMs: 0,
    damagedFiles: 0,
    damagedBytes: 0,
  };

  constructor(dataDir: string, options: FileRoomStoreOptions = {}) {
    this.roomsDir = path.join(dataDir, ROOMS_DIR);
    this.fsync = options.fsync ?? 'interval';
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.onWarning = options.onWarning ?? (() => {});
    this.fs = options.fileSystem ?? fs;
    this.now = options.now ?? Date.now;
    this.fs.mkdirSync(this.roomsDir, { recursive: true });
  }

  /**
   * Opens a room: reads its snapshot and log, keeping every valid record (damaged bytes are
   * set aside and reported, files in the old format are rewritten) and returns the handle
   * plus the updates that rebuild the document. Throws {@link StorageError} when the
   * snapshot's state record is damaged (better no room than a room silently missing its
   * history) or when damaged bytes cannot be set aside.
   */
  open(room: string): { files: RoomFiles; updates: Uint8Array[] } {
    const backoff = this.writeBackoff.get(room);
    if (backoff !== undefined && this.now() < backoff.retryAt) {
      throw new StorageBackoffError(
        `${room}: storing failed ${backoff.failures} time(s) in a row; the room reopens in ${Math.ceil((backoff.retryAt - this.now()) / 1000)} s`,
      );
    }
    const stem = roomFileStem(room);
    const snapshotPath = path.join(this.roomsDir, `${stem}.ysnap`);
    const logPath = path.join(this.roomsDir, `${stem}.ylog`);
    for (const temp of [`${snapshotPath}.tmp`, `${logPath}.tmp`]) {
      removeIfExists(this.fs, temp, () => this.onWarning(`${room}: removed an unfinished file ${temp}`));
    }

    const updates: Uint8Array[] = [];
    let snapshotBytes = 0;
    const snapshot = readIfExists(this.fs, snapshotPath);
    if (snapshot !== null) {
      const read = readRecords(snapshot, 'snapshot');
      if (read.records.length !== 1) {
        throw new StorageError(
          `${room}: snapshot ${snapshotPath} is damaged (${read.records.length} readable state records, ${describeRanges(read.damaged)})`,
        );
      }
      this.repairIfNeeded(room, 'snapshot', snapshotPath, snapshot, read);
      updates.push(read.records[0]!);
      snapshotBytes = HEADER_BYTES + recordBytes(read.records[0]!.length);
    }

    const log = readIfExists(this.fs, logPath);
    let logBytes = HEADER_BYTES;
    if (log === null) {
      writeFileAtomically(this.fs, logPath, [fileHeader('log')], this.fsync === 'always');
    } else {
      const read = readRecords(log, 'log');
      updates.push(...read.records);
      this.repairIfNeeded(room, 'log', logPath, log, read);
      for (const record of read.records) logBytes += recordBytes(record.length);
    }

    const fd = this.fs.openSync(logPath, fs.constants.O_RDWR | fs.constants.O_APPEND, 0o600);
    const files = new RoomFiles(this, room, snapshotPath, logPath, fd, logBytes, snapshotBytes);
    return { files, updates };
  }

  /**
   * Sets a damaged file's unreadable bytes aside and rewrites the file with its valid
   * records in the current format (also done for an undamaged file in the old format).
   */
  private repairIfNeeded(room: string, kind: FileKind, file: string, bytes: Buffer, read: ReadRecords): void {
    if (read.headerValid && read.damaged.length === 0 && read.version === 2) return;
    if (read.damaged.length > 0) {
      const aside = this.setAside(room, kind, bytes, read.damaged);
      const lost = read.damaged.reduce((sum, range) => sum + range.length, 0);
      this.stats.damagedFiles++;
      this.stats.damagedBytes += lost;
      this.onWarning(
        `${room}: ${kind} ${file} was damaged: ${lost} unreadable bytes (${describeRanges(read.damaged)}) ` +
          `set aside in ${aside}; kept ${read.records.length} valid records`,
      );
    }
    const chunks = [fileHeader(kind), ...read.records.map((record) => encodeRecord(record))];
    writeFileAtomically(this.fs, file, chunks, true);
  }

  /** Copies the damaged bytes to `rooms/damaged/` (short file names: a room's stem may be long). */
  private setAside(room: string, kind: FileKind, bytes: Buffer, damaged: DamagedRange[]): string {
    const dir = path.join(this.roomsDir, DAMAGED_DIR);
    const roomHash = createHash('sha256').update(room).digest('hex').slice(0, 16);
    const stamp = new Date(this.now())
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const file = path.join(dir, `${stamp}-${roomHash}-${kind}-${++this.damagedFileCount}-${process.pid}.bin`);
    try {
      this.fs.mkdirSync(dir, { recursive: true });
      const chunks = damaged.map((range) => bytes.subarray(range.offset, range.offset + range.length));
      writeFileAtomically(this.fs, file, chunks, true);
    } catch (error) {
      throw new StorageError(
        `${room}: the ${kind} is damaged and its damaged bytes could not be set aside (${describeError(error)}); the file was left as it is`,
      );
    }
    return file;
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

  /** @internal True while `room` waits after a failed compaction. */
  compactionDeferred(room: string): boolean {
    const backoff = this.compactionBackoff.get(room);
    return backoff !== undefined && this.now() < backoff.retryAt;
  }

  /** @internal */
  recordCompaction(room: string, error: unknown | null): void {
    if (error === null) {
      this.stats.compactions++;
      this.compactionBackoff.delete(room);
      return;
    }
    this.stats.compactionFailures++;
    const failures = (this.compactionBackoff.get(room)?.failures ?? 0) + 1;
    const delay = Math.min(COMPACTION_BACKOFF_MS * 2 ** (failures - 1), COMPACTION_BACKOFF_MAX_MS);
    this.compactionBackoff.set(room, { failures, retryAt: this.now() + delay });
    this.onWarning(
      `${room}: compaction failed (${describeError(error)}); its temp file was removed, the log is intact; next try in ${Math.round(delay / 1000)} s`,
    );
  }

  /** @internal An append of `room` failed (or, with `error` null, succeeded again). */
  recordWrite(room: string, error: unknown | null): void {
    if (error === null) {
      if (this.writeBackoff.size > 0) this.writeBackoff.delete(room);
      return;
    }
    const failures = (this.writeBackoff.get(room)?.failures ?? 0) + 1;
    const delay = Math.min(WRITE_BACKOFF_MS * 2 ** (failures - 1), WRITE_BACKOFF_MAX_MS);
    this.writeBackoff.set(room, { failures, retryAt: this.now() + delay });
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

/**
 * The open files of one room. Not shared: one Room owns it. A concrete, synchronous class:
 * its calls return when the bytes are in the kernel, which the write-before-broadcast
 * guarantee relies on.
 */
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
    try {
      writeAll(this.store.fs, this.fd, record);
      if (this.store.fsync === 'always') {
        const started = performance.now();
        this.store.fs.fdatasyncSync(this.fd);
        this.store.recordFsync(started);
      }
    } catch (error) {
      this.store.recordWrite(this.room, error);
      try {
        this.store.fs.ftruncateSync(this.fd, this.logBytes); // drop a partly written record
      } catch {
        // Then the next open sets it aside as damaged bytes: nothing valid is lost either way.
      }
      throw error;
    }
    this.store.recordWrite(this.room, null);
    this.logBytes += record.length;
    this.store.stats.appends++;
    this.store.stats.bytesWritten += record.length;
    if (this.store.fsync !== 'always') {
      if (this.unsyncedBytes === 0) this.unsyncedSince = Date.now();
      this.unsyncedBytes += record.length;
      this.store.markDirty(this, true);
    }
  }

  /**
   * True when the log has outgrown the snapshot and the compaction threshold, unless a
   * recent compaction of this room failed (then it waits, doubling the wait each time,
   * instead of retrying on every update while the disk is full).
   */
  wantsCompaction(): boolean {
    return (
      this.logBytes - HEADER_BYTES > Math.max(this.store.compactAfterBytes, this.snapshotBytes) &&
      !this.store.compactionDeferred(this.room)
    );
  }

  /**
   * Replaces the snapshot with `state` (the full document, written to a temp file, flushed,
   * renamed) and then empties the log. A crash between the two leaves log records that
   * are already in the snapshot; replaying them is harmless because Yjs updates are
   * idempotent. On failure the temp file is removed, the log is left intact, the room
   * backs off (see {@link wantsCompaction}) and the error is rethrown.
   */
  compact(state: Uint8Array): void {
    this.assertOpen();
    const fsys = this.store.fs;
    try {
      writeFileAtomically(fsys, this.snapshotPath, [fileHeader('snapshot'), encodeRecord(state)], true);
      fsys.ftruncateSync(this.fd, HEADER_BYTES);
      fsys.fdatasyncSync(this.fd);
    } catch (error) {
      this.store.recordCompaction(this.room, error);
      throw error;
    }
    this.snapshotBytes = HEADER_BYTES + recordBytes(state.length);
    this.logBytes = HEADER_BYTES;
    this.clearUnsynced();
    this.store.recordCompaction(this.room, null);
  }

  /** True when the log holds updates that are not in the snapshot yet. */
  hasLogRecords(): boolean {
    return this.logBytes > HEADER_BYTES;
  }

  /** Flushes unflushed log writes to the device, blocking until done. */
  sync(): void {
    if (this.closed || this.unsyncedBytes === 0) return;
    const started = performance.now();
    this.store.fs.fdatasyncSync(this.fd);
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
    this.store.fs.fdatasync(this.fd, (error) => {
      this.flushing = false;
      if (this.closeWhenFlushed) {
        this.store.fs.close(this.fd, () => {});
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
      else this.store.fs.closeSync(this.fd);
    }
    if (this.snapshotBytes === 0 && !this.hasLogRecords()) removeIfExists(this.store.fs, this.logPath);
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
        removeIfExists(fs, lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Our own pid in a lock we do not hold means a previous process with the same pid
    // (a restarted container) left it behind.
    const owner = Number.parseInt(readIfExists(fs, lockPath)?.toString('utf8') ?? '', 10);
    if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `the data directory ${dataDir} is in use by another server (pid ${owner}); if none is running, delete ${lockPath}`,
      );
    }
    removeIfExists(fs, lockPath);
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

function writeAll(fsys: FileSystem, fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += fsys.writeSync(fd, data, offset, data.length - offset);
}

/**
 * Writes `chunks` to `file` through `<file>.tmp` (written, flushed, renamed, directory
 * flushed when `durable`), so `file` is either the old or the new content. The temp file
 * is removed on every failure.
 */
function writeFileAtomically(fsys: FileSystem, file: string, chunks: Uint8Array[], durable: boolean): void {
  const temp = `${file}.tmp`;
  let renamed = false;
  try {
    const fd = fsys.openSync(temp, 'w', 0o600);
    try {
      for (const chunk of chunks) writeAll(fsys, fd, chunk);
      if (durable) fsys.fsyncSync(fd);
    } finally {
      fsys.closeSync(fd);
    }
    fsys.renameSync(temp, file);
    renamed = true;
    if (durable) fsyncDirectory(fsys, path.dirname(file));
  } catch (error) {
    if (!renamed) {
      try {
        removeIfExists(fsys, temp);
      } catch {
        // The original error says what went wrong; a temp file that cannot be removed
        // either is deleted on the room's next open.
      }
    }
    throw error;
  }
}

function readIfExists(fsys: Pick<FileSystem, 'readFileSync'>, file: string): Buffer | null {
  try {
    return fsys.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function removeIfExists(fsys: Pick<FileSystem, 'unlinkSync'>, file: string, onRemoved?: () => void): void {
  try {
    fsys.unlinkSync(file);
    onRemoved?.();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Makes a rename or a new file's directory entry durable. Not possible on Windows; skipped there. */
function fsyncDirectory(fsys: FileSystem, dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fsys.openSync(dir, 'r');
  try {
    fsys.fsyncSync(fd);
  } finally {
    fsys.closeSync(fd);
  }
}

function describeRanges(ranges: DamagedRange[]): string {
  if (ranges.length === 0) return 'no damaged bytes';
  const shown = ranges.slice(0, 5).map((range) => `${range.length} at byte ${range.offset}`);
  return `${shown.join(', ')}${ranges.length > 5 ? `, and ${ranges.length - 5} more ranges` : ''}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
