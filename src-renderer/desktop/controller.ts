import i18next from 'i18next';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BoardDoc } from '../../shared/board';
import { parseBoardFile, serializeBoardFile } from '../../shared/board/file';
import type {
  BoardSessionInfo,
  DesktopApi,
  DesktopIssue,
  HostingStatus,
  MenuCommand,
  OpenBoardResult,
  RecentEntry,
  SaveBoardResult,
} from '../../shared/ipc/api';
import { runActionFromMenu } from '../actions/useActions';
import { setLanguage } from '../i18n';
import type { AppShell } from '../shell/AppShell';
import { useNotices } from '../shell/notices';
import { type Autosaver, createAutosaver } from './autosave';

/** What the desktop UI pieces show. */
export interface DesktopState {
  session: BoardSessionInfo;
  recent: RecentEntry[];
  hosting: HostingStatus;
  /** Which desktop dialog is open. */
  dialog: 'host' | 'join' | null;
}

interface Tracked {
  board: BoardDoc;
  autosaver: Autosaver;
  unsubscribe: () => void;
}

/**
 * The desktop side of the renderer: binds the board on screen to its file in the main
 * process (open, save, autosave for crash recovery, unsaved-changes questions), runs the
 * native menu's commands, and keeps the state the desktop UI pieces show. One per window.
 */
export class DesktopController {
  readonly state: StoreApi<DesktopState>;
  private shell: AppShell | null = null;
  private tracked: Tracked | null = null;
  private started = false;

  constructor(private readonly api: DesktopApi) {
    this.state = createStore<DesktopState>()(() => ({
      session: { kind: 'none', name: '', location: null, dirty: false },
      recent: [],
      hosting: { running: false, error: null },
      dialog: null,
    }));
  }

  /** Called by the UI pieces with the current shell; the first call starts listening to main. */
  attach(shell: AppShell): void {
    this.shell = shell;
    if (this.started) return;
    this.started = true;
    this.api.onSessionChanged((session) => this.state.setState({ session }));
    this.api.onHostingChanged((hosting) => this.state.setState({ hosting }));
    this.api.onBoardOpened((result) => this.show(result));
    this.api.onMenuCommand((command, detail) => void this.run(command, detail.recentId));
    void this.refreshRecent();
    void this.api.takePendingBoard().then((pending) => pending && this.show(pending));
  }

  openDialog(dialog: DesktopState['dialog']): void {
    this.state.setState({ dialog });
  }

  async refreshRecent(): Promise<void> {
    this.state.setState({ recent: await this.api.listRecent() });
  }

  async removeRecent(id: string): Promise<void> {
    this.state.setState({ recent: await this.api.removeRecent(id) });
  }

  /** Runs a command from the native menu or from a desktop button. */
  async run(command: MenuCommand, recentId?: string): Promise<void> {
    switch (command) {
      case 'new':
        if (await this.settleUnsaved()) await this.newBoard();
        return;
      case 'open':
        if (await this.settleUnsaved()) this.show(await this.api.openBoard());
        return;
      case 'openRecent':
        if (recentId && (await this.settleUnsaved())) this.show(await this.api.openRecent(recentId));
        return;
      case 'save':
        await this.save('save');
        return;
      case 'saveAs':
        await this.save('saveAs');
        return;
      case 'close':
        if (await this.settleUnsaved()) await this.leave();
        return;
      case 'closeWindow':
        if (await this.settleUnsaved()) await this.api.closeWindow();
        return;
      case 'hostWorkshop':
        if (this.shell?.board) this.openDialog('host');
        return;
      case 'joinWorkshop':
        this.openDialog('join');
        return;
      case 'language:en':
      case 'language:ru': {
        const language = command === 'language:en' ? 'en' : 'ru';
        setLanguage(language);
        await this.api.setLanguage(language);
        return;
      }
      default:
        // The Edit and View menus: the canvas's own actions, by id.
        runActionFromMenu(command);
    }
  }

  /** Saves the board on screen: to its file, or through Save As; `copy` keeps the window's binding. */
  async save(mode: 'save' | 'saveAs' | 'copy'): Promise<boolean> {
    const board = this.shell?.board;
    if (!board) return false;
    const tracked = this.tracked?.board === board ? this.tracked : null;
    tracked?.autosaver.cancel();
    const bytes = serializeBoardFile(board);
    const result: SaveBoardResult =
      mode === 'save'
        ? await this.api.saveBoard(bytes)
        : mode === 'saveAs'
          ? await this.api.saveBoardAs(bytes)
          : await this.api.saveCopy(bytes);
    if (result.status === 'failed') {
      this.notifyIssue(result.error);
      return false;
    }
    if (result.status === 'cancelled') return false;
    this.state.setState({ session: result.session });
    // A board kept elsewhere (e.g. on this device) is now a file: follow its changes.
    if (mode !== 'copy' && !tracked) this.track(board);
    void this.refreshRecent();
    return true;
  }

  /** Starts a new untitled board bound to this window. */
  private async newBoard(): Promise<void> {
    const session = await this.api.newBoard();
    const board = BoardDoc.create({ title: i18next.t('desktop.untitled') });
    this.state.setState({ session });
    this.present(board);
  }

  /** Shows a board main handed over, or says why it was refused. */
  show(result: OpenBoardResult | null): void {
    if (!result || result.status === 'cancelled') return;
    if (result.status === 'refused') {
      this.notifyIssue(result.error);
      return;
    }
    const loaded = parseBoardFile(result.board.bytes);
    if (!loaded.ok) {
      this.notifyIssue(loaded.error);
      return;
    }
    this.state.setState({ session: result.board.session });
    this.present(loaded.board);
    if (result.board.recovered)
      notify(i18next.t('desktop.recovered', { name: result.board.session.name }), 'info');
    for (const warning of [...result.board.warnings, ...loaded.warnings]) this.notifyIssue(warning, 'info');
    void this.refreshRecent();
  }

  /** Shows a live workshop board (joined from another computer). */
  presentLive(board: BoardDoc, onClose: () => void): void {
    this.untrack();
    this.shell?.openDocument(board, { onClose });
  }

  private present(board: BoardDoc): void {
    this.untrack();
    this.shell?.openDocument(board, { onClose: () => void this.onShellClosed(board) });
    this.track(board);
  }

  private track(board: BoardDoc): void {
    this.untrack();
    const autosaver = createAutosaver(
      (bytes) => this.api.autosave(bytes),
      undefined,
      (error) => console.error('autosave failed', error),
    );
    const unsubscribe = board.onChange(() => autosaver.schedule(() => serializeBoardFile(board)));
    this.tracked = { board, autosaver, unsubscribe };
  }

  private untrack(): Tracked | null {
    const tracked = this.tracked;
    tracked?.unsubscribe();
    this.tracked = null;
    return tracked;
  }

  /**
   * The shell left the board by itself (its back button). Unsaved work is not dropped
   * silently: the person is asked, and Cancel brings the board back.
   */
  private async onShellClosed(board: BoardDoc): Promise<void> {
    if (this.tracked?.board !== board) return;
    const tracked = this.untrack()!;
    await tracked.autosaver.flush();
    if (this.state.getState().session.dirty) {
      const choice = await this.api.confirmUnsavedChanges();
      if (choice === 'cancel') {
        this.present(board);
        return;
      }
      if (choice === 'save') {
        const result = await this.api.saveBoard(serializeBoardFile(board));
        if (result.status !== 'saved') {
          if (result.status === 'failed') this.notifyIssue(result.error);
          this.present(board);
          return;
        }
      }
    }
    await this.api.closeBoard();
    this.state.setState({ session: { kind: 'none', name: '', location: null, dirty: false } });
  }

  /** Leaves the board for the start screen (after unsaved changes were settled). */
  private async leave(): Promise<void> {
    this.untrack();
    await this.api.closeBoard();
    this.shell?.goHome();
  }

  /**
   * Before the board is replaced or closed: if it has unsaved changes, asks whether to save
   * them. Resolves true when it is fine to go on.
   */
  private async settleUnsaved(): Promise<boolean> {
    await this.tracked?.autosaver.flush();
    if (!this.state.getState().session.dirty) return true;
    const choice = await this.api.confirmUnsavedChanges();
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return this.save('save');
  }

  private notifyIssue(issue: DesktopIssue, kind: 'info' | 'error' = 'error'): void {
    notify(
      i18next.t([`desktop.errors.${issue.code}`, `file.error.${issue.code}`], {
        defaultValue: issue.message,
      }),
      kind,
    );
  }
}

function notify(message: string, kind: 'info' | 'error'): void {
  useNotices.getState().notify(message, kind);
}

let instance: DesktopController | null = null;

/** The window's controller (created on first use), or null outside the desktop app. */
export function desktopController(api: DesktopApi | null): DesktopController | null {
  if (!api) return null;
  instance ??= new DesktopController(api);
  return instance;
}
