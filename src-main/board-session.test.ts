import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardSessionInfo, OpenBoardResult, UnsavedChoice } from '../shared/ipc/contract';
import { BoardSession, type SessionDialogs } from './board-session';
import { BoardFiles } from './files/board-files';
import { RecoveryStore } from './files/recovery-store';
import { RecentList } from './recent-list';
import {
  corruptBoard,
  newerVersionBoard,
  titleOf,
  validateBoardFile,
  validBoard,
} from './test-support/boards';

let folder: string;
let files: BoardFiles;
let recoveryDir: string;
let recent: RecentList;
/** Answers the native dialogs would give: the test sets them as a user would choose. */
let dialogAnswers: { open: string | null; save: string | null; unsaved: UnsavedChoice };
let changes: BoardSessionInfo[];
let delivered: OpenBoardResult[];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-session-'));
  files = new BoardFiles(validateBoardFile);
  recoveryDir = join(folder, 'userData', 'recovery');
  recent = new RecentList(join(folder, 'userData', 'recent.json'));
  dialogAnswers = { open: null, save: null, unsaved: 'cancel' };
  changes = [];
  delivered = [];
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function makeSession(): BoardSession {
  const dialogs: SessionDialogs = {
    chooseFileToOpen: async () => dialogAnswers.open,
    chooseSaveTarget: async () => dialogAnswers.save,
    askUnsaved: async () => dialogAnswers.unsaved,
  };
  return new BoardSession({
    files,
    recovery: new RecoveryStore(recoveryDir, files),
    recent,
    dialogs,
    untitledName: () => 'Untitled',
    onChange: (info) => changes.push(info),
    onDeliver: (result) => delivered.push(result),
    onError: (message) => {
      throw new Error(message);
    },
  });
}

const recoveryList = () => new RecoveryStore(recoveryDir, files).list();

describe('BoardSession', () => {
  it('saves a new board through Save As, then saves to the same file', async () => {
    const session = makeSession();
    expect(await session.newBoard()).toEqual({
      kind: 'untitled',
      name: 'Untitled',
      location: null,
      dirty: false,
    });
    await session.autosave(validBoard('v1'));
    expect(session.info().dirty).toBe(true);

    dialogAnswers.save = join(folder, 'Onboarding'); // the extension is added
    const saved = await session.save(validBoard('v1'));
    expect(saved).toEqual({
      status: 'saved',
      session: { kind: 'file', name: 'Onboarding.cxboard', location: folder, dirty: false },
    });
    expect(titleOf(new Uint8Array(await readFile(join(folder, 'Onboarding.cxboard'))))).toBe('v1');
    expect(await recoveryList()).toEqual([]);
    expect(recent.list().map((entry) => entry.name)).toEqual(['Onboarding.cxboard']);

    dialogAnswers.save = null; // a second Save must not ask
    await session.autosave(validBoard('v2'));
    expect(await session.save(validBoard('v2'))).toMatchObject({ status: 'saved' });
    expect(titleOf(new Uint8Array(await readFile(join(folder, 'Onboarding.cxboard'))))).toBe('v2');
    expect(changes.at(-1)).toMatchObject({ name: 'Onboarding.cxboard', dirty: false });
  });

  it('cancelling Save As keeps the board unsaved and its recovery data', async () => {
    const session = makeSession();
    await session.newBoard();
    await session.autosave(validBoard('draft'));
    expect(await session.save(validBoard('draft'))).toEqual({ status: 'cancelled' });
    expect(session.info().dirty).toBe(true);
    expect((await recoveryList()).map((r) => titleOf(r.bytes))).toEqual(['draft']);
  });

  it('opens a board from the dialog and lists it as recent', async () => {
    const path = join(folder, 'map.cxboard');
    await writeFile(path, validBoard('map'));
    dialogAnswers.open = path;
    const session = makeSession();
    const result = await session.openWithDialog();
    expect(result).toMatchObject({
      status: 'opened',
      board: { session: { kind: 'file', name: 'map.cxboard', dirty: false }, recovered: false },
    });
    expect(result.status === 'opened' && titleOf(result.board.bytes)).toBe('map');
    const [entry] = recent.list();
    expect(await makeSession().openRecent(entry!.id)).toMatchObject({ status: 'opened' });
  });

  it.each([
    ['damaged', corruptBoard()],
    ['newer', newerVersionBoard()],
  ])('refuses a %s file, keeps the current board and leaves the file untouched', async (_label, bytes) => {
    const good = join(folder, 'good.cxboard');
    await writeFile(good, validBoard('good'));
    const bad = join(folder, 'bad.cxboard');
    await writeFile(bad, bytes);
    const session = makeSession();
    await session.openPath(good);
    dialogAnswers.open = bad;
    const result = await session.openWithDialog();
    expect(result.status).toBe('refused');
    expect(session.info()).toMatchObject({ kind: 'file', name: 'good.cxboard' });
    expect(new Uint8Array(await readFile(bad))).toEqual(bytes);
    expect(recent.list().map((entry) => entry.name)).toEqual(['good.cxboard']);
  });

  it('recovers autosaved work after a crash, bound to its file and marked unsaved', async () => {
    const path = join(folder, 'journey.cxboard');
    await writeFile(path, validBoard('saved state'));
    const crashed = makeSession();
    await crashed.openPath(path);
    await crashed.autosave(validBoard('edit 1'));
    await crashed.autosave(validBoard('edit 2'));
    // The process dies here: nothing is closed or saved.

    const [recovered, ...rest] = await recoveryList();
    expect(rest).toEqual([]);
    expect(titleOf(recovered!.bytes)).toBe('edit 2');
    expect(titleOf(new Uint8Array(await readFile(path)))).toBe('saved state');

    const next = makeSession();
    const opened = await next.adoptRecovered(recovered!);
    expect(opened).toMatchObject({
      recovered: true,
      session: { kind: 'file', name: 'journey.cxboard', dirty: true },
    });
    expect(await next.save(opened.bytes)).toMatchObject({ status: 'saved' });
    expect(titleOf(new Uint8Array(await readFile(path)))).toBe('edit 2');
    expect(await recoveryList()).toEqual([]);
  });

  it('runs an autosave sent before a save first, so it cannot resurrect recovery data', async () => {
    const path = join(folder, 'b.cxboard');
    await writeFile(path, validBoard('0'));
    const session = makeSession();
    await session.openPath(path);
    const autosaves = [session.autosave(validBoard('1')), session.autosave(validBoard('2'))];
    const saved = session.save(validBoard('2'));
    await Promise.all([...autosaves, saved]);
    await session.settle();
    expect(session.info().dirty).toBe(false);
    expect(await recoveryList()).toEqual([]);
  });

  it('closing forgets the recovery data; a missing recent file is refused and dropped', async () => {
    const path = join(folder, 'b.cxboard');
    await writeFile(path, validBoard('b'));
    const session = makeSession();
    await session.openPath(path);
    await session.autosave(validBoard('changed'));
    await session.close();
    expect(session.info().kind).toBe('none');
    expect(await recoveryList()).toEqual([]);

    const id = recent.list()[0]!.id;
    await rm(path);
    expect(await session.openRecent(id)).toMatchObject({ status: 'refused', error: { code: 'not-found' } });
    expect(recent.list()).toEqual([]);
    expect(await session.openRecent(id)).toMatchObject({
      status: 'refused',
      error: { code: 'not-in-recent' },
    });
  });

  it('saves a copy of a live board without rebinding the window', async () => {
    const session = makeSession();
    await session.markLive('workshop-7', 'http://127.0.0.1:4000');
    await session.autosave(validBoard('live'));
    expect(await recoveryList()).toEqual([]);
    dialogAnswers.save = join(folder, 'copy.cxboard');
    expect(await session.saveCopy(validBoard('live'))).toMatchObject({
      status: 'saved',
      session: { kind: 'live' },
    });
    expect(titleOf(new Uint8Array(await readFile(join(folder, 'copy.cxboard'))))).toBe('live');
  });

  it('keeps a board for the renderer until it asks, then pushes', async () => {
    const path = join(folder, 'b.cxboard');
    await writeFile(path, validBoard('b'));
    const session = makeSession();
    session.deliver(await session.openPath(path));
    expect(delivered).toEqual([]);
    expect(session.takePending()).toMatchObject({
      status: 'opened',
      board: { session: { name: 'b.cxboard' } },
    });
    expect(session.takePending()).toBeNull();
    session.deliver(await session.openPath(path));
    expect(delivered).toHaveLength(1);
  });

  it('a failed save reports why and keeps the changes', async () => {
    const session = makeSession();
    await session.newBoard();
    await session.autosave(validBoard('x'));
    dialogAnswers.save = join(folder, 'no-such-folder', 'x.cxboard');
    const result = await session.save(validBoard('x'));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    expect(session.info().dirty).toBe(true);
    expect(await recoveryList()).toHaveLength(1);
  });
});
