import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  corruptBoard,
  fixture,
  newerVersionBoard,
  validateBoardFile,
  validBoard,
} from '../test-support/boards';
import { TEMP_PREFIX } from './atomic-write';
import { BoardFiles, removeStaleTemps } from './board-files';
import { RecoveryStore } from './recovery-store';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Content and modification time, to prove a refused file was not touched. */
async function fingerprint(path: string) {
  const info = await stat(path);
  return { bytes: new Uint8Array(await readFile(path)), mtimeMs: info.mtimeMs, size: info.size };
}

describe('BoardFiles.read', () => {
  const files = new BoardFiles(validateBoardFile);

  it('reads a valid board', async () => {
    const path = join(folder, 'journey.cxboard');
    const journey = validBoard('journey');
    await writeFile(path, journey);
    const result = await files.read(path);
    expect(result).toEqual({ ok: true, bytes: journey, warnings: [] });
  });

  it.each([
    ['a truncated file', corruptBoard(), 'not-json'],
    ['a file with damaged board data', fixture('damaged-ydoc.cxboard'), 'damaged'],
    ['a file whose board data is cut short', fixture('truncated-ydoc.cxboard'), 'damaged'],
    ['a file from a newer version', newerVersionBoard(), 'newer-version'],
    ['a JSON file of another app', fixture('other-app.cxboard'), 'not-a-board'],
    ['a file of another type', new TextEncoder().encode('%PDF-1.7 not a board'), 'not-json'],
    ['an empty file', new Uint8Array(), 'empty'],
  ])('refuses %s and leaves it byte-for-byte untouched', async (_label, bytes, code) => {
    const path = join(folder, 'refused.cxboard');
    await writeFile(path, bytes);
    const before = await fingerprint(path);
    const result = await files.read(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(5);
    }
    expect(await fingerprint(path)).toEqual(before);
  });

  it('refuses an oversized file before reading it', async () => {
    const small = new BoardFiles(validateBoardFile, 1024);
    const path = join(folder, 'huge.cxboard');
    await writeFile(path, new Uint8Array(4096));
    const result = await small.read(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('explains a missing file and a folder', async () => {
    expect(await files.read(join(folder, 'gone.cxboard'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await mkdir(join(folder, 'dir.cxboard'));
    expect(await files.read(join(folder, 'dir.cxboard'))).toMatchObject({
      ok: false,
      error: { code: 'not-a-file' },
    });
  });

  it('turns a throwing codec into a refusal', async () => {
    const throwing = new BoardFiles(() => {
      throw new Error('boom');
    });
    const path = join(folder, 'x.cxboard');
    await writeFile(path, validBoard('x'));
    expect(await throwing.read(path)).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });
});

describe('BoardFiles.write', () => {
  const files = new BoardFiles(validateBoardFile);

  it('writes a valid board atomically', async () => {
    const path = join(folder, 'b.cxboard');
    await writeFile(path, validBoard('old'));
    const next = validBoard('new');
    expect(await files.write(path, next)).toEqual({ ok: true });
    expect(new Uint8Array(await readFile(path))).toEqual(next);
  });

  it('refuses to replace a good file with bytes the codec would refuse', async () => {
    const path = join(folder, 'b.cxboard');
    await writeFile(path, validBoard('good'));
    const before = await fingerprint(path);
    const result = await files.write(path, corruptBoard());
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-board' } });
    expect(await fingerprint(path)).toEqual(before);
  });

  it('reports a failed rename and keeps the old file', async () => {
    const failing = new BoardFiles(validateBoardFile, undefined, {
      rename: async () => {
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      },
    });
    const path = join(folder, 'b.cxboard');
    const good = validBoard('good');
    await writeFile(path, good);
    const result = await failing.write(path, validBoard('new'));
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(new Uint8Array(await readFile(path))).toEqual(good);
  });

  it('cleans up temporary files a killed earlier write left, but not fresh ones', async () => {
    const path = join(folder, 'b.cxboard');
    const stale = join(folder, `${TEMP_PREFIX}b.cxboard.aaaa.tmp`);
    const fresh = join(folder, `${TEMP_PREFIX}b.cxboard.bbbb.tmp`);
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(stale, old, old);
    await removeStaleTemps(path);
    expect((await readdir(folder)).sort()).toEqual([`${TEMP_PREFIX}b.cxboard.bbbb.tmp`]);
  });
});

describe('RecoveryStore', () => {
  const files = new BoardFiles(validateBoardFile);
  const meta = {
    sessionId: '0f5a2c1e-1111-4222-8333-944455556666',
    kind: 'file' as const,
    filePath: '/boards/a.cxboard',
    name: 'a.cxboard',
    savedAt: 1000,
  };

  it('keeps the latest autosaved bytes until removed', async () => {
    const store = new RecoveryStore(join(folder, 'recovery'), files);
    await store.save(meta, validBoard('first'));
    const second = validBoard('second');
    await store.save({ ...meta, savedAt: 2000 }, second);
    const listed = await new RecoveryStore(join(folder, 'recovery'), files).list();
    expect(listed).toEqual([{ meta: { ...meta, savedAt: 2000 }, bytes: second }]);
    await store.remove(meta.sessionId);
    expect(await store.list()).toEqual([]);
  });

  it('skips damaged entries instead of failing', async () => {
    const dir = join(folder, 'recovery');
    const store = new RecoveryStore(dir, files);
    await store.save(meta, validBoard('ok'));
    const other = { ...meta, sessionId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', savedAt: 5 };
    await store.save(other, validBoard('ok2'));
    await writeFile(join(dir, `${other.sessionId}.cxboard`), corruptBoard());
    await writeFile(join(dir, 'ffffffff-0000-4000-8000-000000000000.json'), '{"version":1,');
    const skipped: string[] = [];
    const listed = await store.list((file) => skipped.push(file));
    expect(listed.map((entry) => entry.meta.sessionId)).toEqual([meta.sessionId]);
    expect(skipped.sort()).toEqual([`${other.sessionId}.json`, 'ffffffff-0000-4000-8000-000000000000.json']);
  });

  it('returns nothing when the folder does not exist yet', async () => {
    expect(await new RecoveryStore(join(folder, 'none'), files).list()).toEqual([]);
  });
});
