import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentEntry } from '../shared/ipc/contract';
import { writeFileAtomic } from './files/atomic-write';

/** How many recent boards are kept. */
export const RECENT_LIMIT = 12;

const storedSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: z.string().regex(/^[a-f0-9-]{8,64}$/),
      path: z.string().min(1).max(4096),
      openedAt: z.number().int().nonnegative(),
    }),
  ),
});

interface StoredEntry {
  id: string;
  path: string;
  openedAt: number;
}

/**
 * The recently opened boards, persisted as JSON in the app's data folder. The renderer
 * sees entries by id only and asks to open an id; the path behind it never crosses IPC
 * in that direction. A damaged list file is treated as empty, never as an error.
 */
export class RecentList {
  private entries: StoredEntry[] = [];

  constructor(
    private readonly file: string,
    private readonly options: { limit?: number; platform?: NodeJS.Platform } = {},
  ) {}

  /** Loads the list, dropping invalid entries, duplicates and files that no longer exist. */
  async load(): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      this.entries = [];
      return;
    }
    const parsed = storedSchema.safeParse(raw);
    this.entries = parsed.success ? this.normalize(parsed.data.entries) : [];
    await this.pruneMissing();
  }

  /** Entries for display, most recent first. */
  list(): RecentEntry[] {
    return this.entries.map((entry) => ({
      id: entry.id,
      name: basename(entry.path),
      location: dirname(entry.path),
      openedAt: entry.openedAt,
    }));
  }

  /** The path behind an id, or undefined for an unknown id. */
  pathOf(id: string): string | undefined {
    return this.entries.find((entry) => entry.id === id)?.path;
  }

  /** Puts `path` at the top (keeping its id if it was listed already) and saves. */
  async add(path: string, now = Date.now()): Promise<void> {
    const absolute = resolve(path);
    const existing = this.entries.find((entry) => this.samePath(entry.path, absolute));
    const entry = { id: existing?.id ?? randomUUID(), path: absolute, openedAt: now };
    this.entries = this.normalize([entry, ...this.entries.filter((e) => e !== existing)]);
    await this.persist();
  }

  async remove(id: string): Promise<void> {
    this.entries = this.entries.filter((entry) => entry.id !== id);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.entries = [];
    await this.persist();
  }

  /** Drops entries whose file is gone; saves when something changed. */
  async pruneMissing(): Promise<void> {
    const kept: StoredEntry[] = [];
    for (const entry of this.entries) {
      if (await isFile(entry.path)) kept.push(entry);
    }
    if (kept.length !== this.entries.length) {
      this.entries = kept;
      await this.persist();
    }
  }

  /** Deduplicates (first wins), keeps absolute paths only, caps the length. */
  private normalize(entries: StoredEntry[]): StoredEntry[] {
    const result: StoredEntry[] = [];
    for (const entry of entries) {
      if (resolve(entry.path) !== entry.path) continue;
      if (result.some((kept) => this.samePath(kept.path, entry.path) || kept.id === entry.id)) continue;
      result.push(entry);
    }
    return result.slice(0, this.options.limit ?? RECENT_LIMIT);
  }

  /** Windows and macOS file systems are case-insensitive by default. */
  private samePath(a: string, b: string): boolean {
    const platform = this.options.platform ?? process.platform;
    return platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
  }

  private async persist(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const json = JSON.stringify({ version: 1, entries: this.entries }, null, 2);
    await writeFileAtomic(this.file, new TextEncoder().encode(json));
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
