import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system steps of an atomic write, replaceable so tests can fail or stop one. */
export interface AtomicWriteSteps {
  rename(from: string, to: string): Promise<void>;
}

const realSteps: AtomicWriteSteps = { rename };

/** Prefix of the temporary files this module leaves only when the process dies mid-write. */
export const TEMP_PREFIX = '.~cx-';

/** Errors Windows raises while antivirus or indexers briefly hold the target open. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Writes `bytes` to `target` so that, whatever happens (exception, killed process, power
 * loss), `target` holds either its old content or the complete new content, never a mix.
 *
 * How: write a temporary file in the same folder (same file system, so rename is atomic),
 * fsync it, rename it over the target, then fsync the folder so the rename itself is
 * durable. A failed write removes its temporary file and leaves the target untouched.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  steps: AtomicWriteSteps = realSteps,
): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `${TEMP_PREFIX}${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(target);
  try {
    const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target, steps);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Keeps the permissions of the file being replaced (0o644-ish default otherwise). */
async function existingMode(target: string): Promise<number> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

async function renameWithRetry(from: string, to: string, steps: AtomicWriteSteps): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await steps.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !TRANSIENT_RENAME_ERRORS.has(code) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** Makes the rename durable; folders cannot be opened for fsync on Windows, where NTFS journals it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
