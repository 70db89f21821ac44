import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type DesktopIssue, MAX_BOARD_BYTES } from '../../shared/ipc/contract';
import { type AtomicWriteSteps, TEMP_PREFIX, writeFileAtomic } from './atomic-write';

/**
 * Checks `.cxboard` bytes: the board codec's parse step (`parseBoardFile`) behind a small
 * signature so this module stays independent of the board model.
 */
export type BoardValidator = (
  bytes: Uint8Array,
) => { ok: true; warnings: DesktopIssue[] } | { ok: false; error: DesktopIssue };

export type ReadBoardResult =
  | { ok: true; bytes: Uint8Array; warnings: DesktopIssue[] }
  | { ok: false; error: DesktopIssue };

export type WriteBoardResult = { ok: true } | { ok: false; error: DesktopIssue };

/** Temporary files older than this are leftovers of a killed process, not a write in progress. */
const STALE_TEMP_MS = 60_000;

/**
 * Reads and writes board files. Reading never changes the file (a refused file stays
 * byte-for-byte as it was); writing is atomic and refuses bytes the codec would refuse,
 * so a faulty renderer can never replace a good file with a broken one.
 */
export class BoardFiles {
  constructor(
    private readonly validate: BoardValidator,
    private readonly maxBytes = MAX_BOARD_BYTES,
    private readonly steps?: AtomicWriteSteps,
  ) {}

  /** Reads and validates the board at `path`. */
  async read(path: string): Promise<ReadBoardResult> {
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return refuse('not-a-file', `"${basename(path)}" is not a file.`);
      size = info.size;
    } catch (error) {
      return refuse(...describeFsError(error, path));
    }
    // Checked before reading so a huge file is never loaded into memory.
    if (size > this.maxBytes) {
      return refuse('too-large', `"${basename(path)}" is larger than ${mebibytes(this.maxBytes)} MB.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      return refuse(...describeFsError(error, path));
    }
    if (bytes.byteLength > this.maxBytes) {
      return refuse('too-large', `"${basename(path)}" is larger than ${mebibytes(this.maxBytes)} MB.`);
    }
    const checked = this.safeValidate(bytes);
    if (!checked.ok) return { ok: false, error: checked.error };
    return { ok: true, bytes, warnings: checked.warnings };
  }

  /** Validates `bytes` and writes them atomically to `path`. */
  async write(path: string, bytes: Uint8Array): Promise<WriteBoardResult> {
    if (bytes.byteLength > this.maxBytes) {
      return refuse('too-large', `The board is larger than ${mebibytes(this.maxBytes)} MB.`);
    }
    const checked = this.safeValidate(bytes);
    if (!checked.ok) {
      return refuse('invalid-board', `The board could not be saved: ${checked.error.message}`);
    }
    try {
      await writeFileAtomic(path, bytes, this.steps);
    } catch (error) {
      return refuse(...describeFsError(error, path));
    }
    await removeStaleTemps(path);
    return { ok: true };
  }

  /** A throwing codec is a refused file, not a crashed main process. */
  private safeValidate(bytes: Uint8Array): ReturnType<BoardValidator> {
    try {
      return this.validate(bytes);
    } catch (error) {
      return {
        ok: false,
        error: { code: 'damaged', message: `The file is damaged (${(error as Error).message}).` },
      };
    }
  }
}

/**
 * Removes temporary files an earlier, killed write of `target` left behind. Only old ones:
 * a young temp file may belong to another instance writing right now.
 */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<void> {
  const folder = dirname(target);
  const prefix = `${TEMP_PREFIX}${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    try {
      if (now - (await stat(path)).mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    } catch {
      // Gone already or not ours to remove: either way nothing to do.
    }
  }
}

function refuse(code: string, message: string): { ok: false; error: DesktopIssue } {
  return { ok: false, error: { code, message } };
}

function mebibytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** Turns a Node fs error into a code and a sentence a person understands. */
export function describeFsError(error: unknown, path: string): [string, string] {
  const name = basename(path);
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return ['not-found', `"${name}" was not found. It may have been moved or deleted.`];
    case 'EACCES':
    case 'EPERM':
      return ['no-permission', `No permission to access "${name}".`];
    case 'EISDIR':
      return ['not-a-file', `"${name}" is a folder, not a board file.`];
    case 'ENOSPC':
      return ['disk-full', `The disk is full: "${name}" could not be written.`];
    case 'EROFS':
      return ['read-only', `"${name}" is on a read-only disk.`];
    default:
      return ['io-error', `"${name}" could not be accessed: ${(error as Error).message}`];
  }
}
