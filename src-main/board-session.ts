import { randomUUID } from 'node:crypto';
import { basename, dirname, extname } from 'node:path';
import type {
  BoardKind,
  BoardSessionInfo,
  OpenBoardResult,
  OpenedBoard,
  SaveBoardResult,
  UnsavedChoice,
} from '../shared/ipc/contract';
import type { BoardFiles } from './files/board-files';
import type { RecoveredBoard, RecoveryStore } from './files/recovery-store';
import type { RecentList } from './recent-list';

/** File extension of board files. */
export const BOARD_EXTENSION = '.cxboard';

/** Native dialogs a session needs; the only source of file paths besides the recent list and the OS. */
export interface SessionDialogs {
  chooseFileToOpen(): Promise<string | null>;
  chooseSaveTarget(suggestedName: string): Promise<string | null>;
  askUnsaved(boardName: string): Promise<UnsavedChoice>;
}

export interface SessionServices {
  files: BoardFiles;
  recovery: RecoveryStore;
  recent: RecentList;
  dialogs: SessionDialogs;
  /** Localized name of a board never saved. */
  untitledName(): string;
  /** Told whenever the name, binding or unsaved state changes. */
  onChange(info: BoardSessionInfo): void;
  /** Told when a board is ready for a renderer that is already listening. */
  onDeliver(result: OpenBoardResult): void;
  /** Autosave failures are logged, not thrown at the renderer on every keystroke. */
  onError(message: string): void;
}

/**
 * The board shown in one window and its file: open, save, save as, autosave to the
 * recovery store, close. Operations run one at a time in arrival order, so an autosave
 * that was sent before a save can never resurrect recovery data after it.
 */
export class BoardSession {
  private sessionId: string = randomUUID();
  private kind: BoardKind = 'none';
  private filePath: string | null = null;
  private liveName = '';
  private liveLocation = '';
  private dirty = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Autosave bytes waiting for the queue; only the newest matter. */
  private pendingAutosave: Uint8Array | null = null;
  private pendingBoard: OpenBoardResult | null = null;
  private rendererListening = false;

  constructor(private readonly services: SessionServices) {}

  info(): BoardSessionInfo {
    switch (this.kind) {
      case 'file':
        return {
          kind: 'file',
          name: basename(this.filePath!),
          location: dirname(this.filePath!),
          dirty: this.dirty,
        };
      case 'live':
        return { kind: 'live', name: this.liveName, location: this.liveLocation, dirty: false };
      case 'untitled':
        return { kind: 'untitled', name: this.services.untitledName(), location: null, dirty: this.dirty };
      default:
        return { kind: 'none', name: '', location: null, dirty: false };
    }
  }

  /** The board's file, when it has one (main-process use only: never sent to the renderer as a handle). */
  get path(): string | null {
    return this.kind === 'file' ? this.filePath : null;
  }

  /** True when showing another board here would lose nothing: start screen or an untouched new board. */
  isReplaceable(): boolean {
    return this.kind === 'none' || (this.kind === 'untitled' && !this.dirty);
  }

  newBoard(): Promise<BoardSessionInfo> {
    return this.run(async () => {
      await this.rebind('untitled', null);
      return this.info();
    });
  }

  openWithDialog(): Promise<OpenBoardResult> {
    return this.run(async () => {
      const path = await this.services.dialogs.chooseFileToOpen();
      return path ? this.openNow(path) : { status: 'cancelled' };
    });
  }

  openRecent(id: string): Promise<OpenBoardResult> {
    return this.run(async () => {
      const path = this.services.recent.pathOf(id);
      if (!path) {
        return refused('not-in-recent', 'This board is no longer in the recent list.');
      }
      const result = await this.openNow(path);
      if (result.status === 'refused' && result.error.code === 'not-found')
        await this.services.recent.remove(id);
      return result;
    });
  }

  /** Opens a path that came from the OS (command line, file association, second instance). */
  openPath(path: string): Promise<OpenBoardResult> {
    return this.run(() => this.openNow(path));
  }

  save(bytes: Uint8Array): Promise<SaveBoardResult> {
    return this.run(async () => {
      if (this.kind !== 'file') return this.saveAsNow(bytes);
      return this.writeAndBind(this.filePath!, bytes);
    });
  }

  saveAs(bytes: Uint8Array): Promise<SaveBoardResult> {
    return this.run(() => this.saveAsNow(bytes));
  }

  /** Writes a copy elsewhere; this window stays bound to what it was showing. */
  saveCopy(bytes: Uint8Array): Promise<SaveBoardResult> {
    return this.run(async () => {
      const target = await this.chooseTarget();
      if (!target) return { status: 'cancelled' };
      const written = await this.services.files.write(target, bytes);
      if (!written.ok) return { status: 'failed', error: written.error };
      await this.services.recent.add(target);
      return { status: 'saved', session: this.info() };
    });
  }

  /**
   * Records the latest state for crash recovery and marks the board as changed. Calls
   * that arrive while another operation runs are coalesced to the newest bytes.
   */
  autosave(bytes: Uint8Array): Promise<void> {
    if (this.kind === 'live' || this.kind === 'none') return Promise.resolve();
    const alreadyQueued = this.pendingAutosave !== null;
    this.pendingAutosave = bytes;
    if (alreadyQueued) return this.queue.then(() => undefined);
    return this.run(async () => {
      const latest = this.pendingAutosave;
      this.pendingAutosave = null;
      if (!latest || this.kind === 'live' || this.kind === 'none') return;
      this.setDirty(true);
      try {
        await this.services.recovery.save(
          {
            sessionId: this.sessionId,
            kind: this.kind,
            filePath: this.filePath,
            name: this.info().name,
            savedAt: Date.now(),
          },
          latest,
        );
      } catch (error) {
        this.services.onError(`Autosave failed: ${(error as Error).message}`);
      }
    });
  }

  /** Leaves the board (after the renderer dealt with unsaved changes) and forgets its recovery data. */
  close(): Promise<void> {
    return this.run(() => this.rebind('none', null));
  }

  /** The native "save changes?" question for this board. */
  askUnsaved(): Promise<UnsavedChoice> {
    return this.services.dialogs.askUnsaved(this.info().name);
  }

  /** Shows a live workshop board: no file, nothing to autosave. */
  markLive(room: string, serverUrl: string): Promise<BoardSessionInfo> {
    return this.run(async () => {
      await this.rebind('live', null);
      this.liveName = room;
      this.liveLocation = serverUrl;
      this.services.onChange(this.info());
      return this.info();
    });
  }

  /** Takes over autosaved work from a crashed run: same recovery slot, marked unsaved. */
  adoptRecovered(recovered: RecoveredBoard): Promise<OpenedBoard> {
    return this.run(async () => {
      this.sessionId = recovered.meta.sessionId;
      this.kind = recovered.meta.kind;
      this.filePath = recovered.meta.filePath;
      this.dirty = true;
      this.services.onChange(this.info());
      return { session: this.info(), bytes: recovered.bytes, recovered: true, warnings: [] };
    });
  }

  /**
   * Hands a board to the renderer: pushed if it already asked for boards, otherwise kept
   * until it calls `takePending` (a push before its listener exists would be lost).
   */
  deliver(result: OpenBoardResult): void {
    if (this.rendererListening) {
      this.services.onDeliver(result);
    } else if (result.status !== 'cancelled') {
      this.pendingBoard = result;
    }
  }

  takePending(): OpenBoardResult | null {
    this.rendererListening = true;
    const board = this.pendingBoard;
    this.pendingBoard = null;
    return board;
  }

  /** Resolves once every queued operation (including autosaves) has finished. */
  settle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async openNow(path: string): Promise<OpenBoardResult> {
    const read = await this.services.files.read(path);
    if (!read.ok) return { status: 'refused', error: read.error };
    await this.rebind('file', path);
    await this.services.recent.add(path);
    return {
      status: 'opened',
      board: { session: this.info(), bytes: read.bytes, recovered: false, warnings: read.warnings },
    };
  }

  private async saveAsNow(bytes: Uint8Array): Promise<SaveBoardResult> {
    const target = await this.chooseTarget();
    return target ? this.writeAndBind(target, bytes) : { status: 'cancelled' };
  }

  private async writeAndBind(path: string, bytes: Uint8Array): Promise<SaveBoardResult> {
    const written = await this.services.files.write(path, bytes);
    if (!written.ok) return { status: 'failed', error: written.error };
    // The file now holds this state: the recovery copy is redundant.
    await this.services.recovery.remove(this.sessionId);
    this.kind = 'file';
    this.filePath = path;
    this.dirty = false;
    this.services.onChange(this.info());
    await this.services.recent.add(path);
    return { status: 'saved', session: this.info() };
  }

  private async chooseTarget(): Promise<string | null> {
    const suggested =
      this.kind === 'file' ? basename(this.filePath!) : `${this.info().name}${BOARD_EXTENSION}`;
    const chosen = await this.services.dialogs.chooseSaveTarget(suggested);
    if (!chosen) return null;
    return extname(chosen).toLowerCase() === BOARD_EXTENSION ? chosen : `${chosen}${BOARD_EXTENSION}`;
  }

  /** Switches to another board: the old one's recovery data goes, a new recovery slot starts. */
  private async rebind(kind: BoardKind, path: string | null): Promise<void> {
    await this.services.recovery.remove(this.sessionId);
    this.sessionId = randomUUID();
    this.kind = kind;
    this.filePath = path;
    this.dirty = false;
    this.services.onChange(this.info());
  }

  private setDirty(dirty: boolean): void {
    if (this.dirty === dirty) return;
    this.dirty = dirty;
    this.services.onChange(this.info());
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function refused(code: string, message: string): OpenBoardResult {
  return { status: 'refused', error: { code, message } };
}
