import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_LIMIT, RecentList } from './recent-list';

let folder: string;
let listFile: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-recent-'));
  listFile = join(folder, 'userData', 'recent.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function board(name: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, 'x');
  return path;
}

describe('RecentList', () => {
  it('puts the latest first, deduplicates, keeps ids, and persists', async () => {
    const list = new RecentList(listFile);
    const a = await board('a.cxboard');
    const b = await board('b.cxboard');
    await list.add(a, 1);
    await list.add(b, 2);
    const idOfA = list.list()[1]!.id;
    await list.add(a, 3);
    expect(list.list().map((e) => [e.name, e.openedAt])).toEqual([
      ['a.cxboard', 3],
      ['b.cxboard', 2],
    ]);
    expect(list.list()[0]!.id).toBe(idOfA);
    expect(list.pathOf(idOfA)).toBe(a);

    const reloaded = new RecentList(listFile);
    await reloaded.load();
    expect(reloaded.list()).toEqual(list.list());
  });

  it('treats paths differing only in case as one file on Windows and macOS', async () => {
    const list = new RecentList(listFile, { platform: 'win32' });
    const a = await board('Map.cxboard');
    await list.add(a);
    await list.add(a.replace('Map', 'MAP'));
    expect(list.list()).toHaveLength(1);
  });

  it(`keeps at most ${RECENT_LIMIT} entries`, async () => {
    const list = new RecentList(listFile);
    for (let i = 0; i < RECENT_LIMIT + 5; i++) await list.add(await board(`b${i}.cxboard`), i);
    expect(list.list()).toHaveLength(RECENT_LIMIT);
    expect(list.list()[0]!.name).toBe(`b${RECENT_LIMIT + 4}.cxboard`);
  });

  it('drops files that no longer exist when loading', async () => {
    const list = new RecentList(listFile);
    const kept = await board('kept.cxboard');
    const gone = await board('gone.cxboard');
    await list.add(gone);
    await list.add(kept);
    await rm(gone);
    const reloaded = new RecentList(listFile);
    await reloaded.load();
    expect(reloaded.list().map((e) => e.name)).toEqual(['kept.cxboard']);
    expect(JSON.parse(await readFile(listFile, 'utf8')).entries).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"version":1,"entries":['],
    ['a wrong shape', JSON.stringify({ version: 1, entries: [{ id: 'x', path: 3 }] })],
    ['a future version', JSON.stringify({ version: 9, entries: [] })],
  ])('starts empty from a list file with %s', async (_label, content) => {
    await board('placeholder');
    await writeFile(join(folder, 'recent.json'), content);
    const list = new RecentList(join(folder, 'recent.json'));
    await list.load();
    expect(list.list()).toEqual([]);
  });

  it('ignores relative paths and duplicate ids in a hand-edited file', async () => {
    const a = await board('a.cxboard');
    const b = await board('b.cxboard');
    const id = '11111111-2222-4333-8444-555555555555';
    await writeFile(
      join(folder, 'recent.json'),
      JSON.stringify({
        version: 1,
        entries: [
          { id, path: a, openedAt: 1 },
          { id, path: b, openedAt: 2 },
          { id: 'aaaaaaaa-2222-4333-8444-555555555555', path: 'relative.cxboard', openedAt: 3 },
        ],
      }),
    );
    const list = new RecentList(join(folder, 'recent.json'));
    await list.load();
    expect(list.list().map((e) => e.name)).toEqual(['a.cxboard']);
  });

  it('removes and clears', async () => {
    const list = new RecentList(listFile);
    await list.add(await board('a.cxboard'));
    await list.add(await board('b.cxboard'));
    await list.remove(list.list()[0]!.id);
    expect(list.list().map((e) => e.name)).toEqual(['a.cxboard']);
    await list.clear();
    expect(list.list()).toEqual([]);
    expect(list.pathOf('anything')).toBeUndefined();
  });
});
