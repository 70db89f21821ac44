import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BoardKind } from '../../shared/ipc/contract';
import type { BoardFiles } from './board-files';
import { writeFileAtomic } from './atomic-write';

/** What is known about autosaved work besides its bytes. */
export interface RecoveryMeta {
  sessionId: string;
  kind: Extract<BoardKind, 'untitled' | 'file'>;
  /** The board's file, or null for a board never saved. */
  filePath: string | null;
  name: string;
  savedAt: number;
}

export interface RecoveredBoard {
  meta: RecoveryMeta;
  bytes: Uint8Array;
}

const SESSION_ID = /^[a-f0-9-]{8,64}$/;

const metaSchema = z
  .object({
    version: z.literal(1),
    sessionId: z.string().regex(SESSION_ID),
    kind: z.enum(['untitled', 'file']),
    filePath: z.string().min(1).nullable(),
    name: z.string().min(1).max(500),
    savedAt: z.number().int().nonnegative(),
  })
  .strict();

/**
 * Autosaved work of open boards, one pair of files per window session in a folder of the
 * app's data directory: `<id>.cxboard` (the board) and `<id>.json` (where it belongs).
 * Both are written atomically, bytes first, so a listed entry always has complete bytes.
 * The board's own file is never touched here.
 */
export class RecoveryStore {
  constructor(
    private readonly folder: string,
    private readonly files: BoardFiles,
  ) {}

  /** Stores the latest bytes of a session. */
  async save(meta: RecoveryMeta, bytes: Uint8Array): Promise<void> {
    if (!SESSION_ID.test(meta.sessionId)) throw new Error('Invalid recovery session id.');
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.bytesPath(meta.sessionId), bytes);
    const record = { version: 1, ...meta };
    await writeFileAtomic(this.metaPath(meta.sessionId), new TextEncoder().encode(JSON.stringify(record)));
  }

  /** Forgets a session's autosaved work (after a save, a close or a discard). */
  async remove(sessionId: string): Promise<void> {
    if (!SESSION_ID.test(sessionId)) return;
    await rm(this.metaPath(sessionId), { force: true });
    await rm(this.bytesPath(sessionId), { force: true });
  }

  /**
   * Autosaved work left by an earlier run, newest first. Entries whose metadata or bytes
   * are unreadable are skipped (and reported through `onSkipped`), never thrown.
   */
  async list(onSkipped: (file: string, reason: string) => void = () => {}): Promise<RecoveredBoard[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const found: RecoveredBoard[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const parsed = metaSchema.safeParse(await readJson(join(this.folder, name)));
      if (!parsed.success || `${parsed.data.sessionId}.json` !== name) {
        onSkipped(name, 'unreadable recovery metadata');
        continue;
      }
      const { version: _version, ...meta } = parsed.data;
      const read = await this.files.read(this.bytesPath(meta.sessionId));
      if (!read.ok) {
        onSkipped(name, read.error.message);
        continue;
      }
      found.push({ meta, bytes: read.bytes });
    }
    return found.sort((a, b) => b.meta.savedAt - a.meta.savedAt);
  }

  private bytesPath(sessionId: string): string {
    return join(this.folder, `${sessionId}.cxboard`);
  }

  private metaPath(sessionId: string): string {
    return join(this.folder, `${sessionId}.json`);
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
