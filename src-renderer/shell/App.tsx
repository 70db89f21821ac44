import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BoardDoc, newId } from '../../shared/board';
import { getBoardEntry, saveBoardEntry } from '../persistence/boardIndex';
import { StartScreen } from '../start/StartScreen';
import { type LocalBoardHandle, openLocalBoard, storeNewLocalBoard } from '../sync/localPersistence';
import { type AppShell, AppShellContext } from './AppShell';
import { BoardScreen } from './BoardScreen';
import { ExportProgress } from '../export';
import { Notices } from './Notices';
import { notify } from './notices';
import { parseRoute, type Route, routeHash } from './route';

type OpenBoard =
  | { kind: 'none' }
  | { kind: 'loading'; id: string }
  | { kind: 'local'; id: string; handle: LocalBoardHandle }
  | { kind: 'document'; board: BoardDoc; onClose?: () => void };

/** How often (at most) the start screen's "last changed" of the open board is refreshed. */
const INDEX_THROTTLE_MS = 1000;

function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHashChange = () => {
      const next = parseRoute(window.location.hash);
      setRoute((current) => (routeHash(current) === routeHash(next) ? current : next));
    };
    window.addEventListener('hashchange', onHashChange);
    // A navigation made before this listener existed (the desktop app hands a recovered
    // board over at once) may have fired its hashchange already: catch up with the address.
    onHashChange();
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}

/** Keeps the board index (title, last change) in step with an open local board. */
function useIndexTracking(open: OpenBoard): void {
  useEffect(() => {
    if (open.kind !== 'local') return;
    const { id, handle } = open;
    const { board } = handle;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastTitle = board.snapshot().meta.title;
    const write = () => {
      timer = null;
      lastTitle = board.snapshot().meta.title;
      saveBoardEntry({ id, title: lastTitle, updatedAt: Date.now() });
    };
    const unsubscribe = board.onChange(() => {
      if (board.snapshot().meta.title !== lastTitle) write();
      else timer ??= setTimeout(write, INDEX_THROTTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) {
        clearTimeout(timer);
        write();
      }
    };
  }, [open]);
}

/**
 * The app: start screen or one open board, chosen by the URL. Local boards open from
 * IndexedDB; boards from elsewhere (desktop files, workshops) come in through `openDocument`.
 */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [open, setOpenState] = useState<OpenBoard>({ kind: 'none' });
  // The ref is the source of truth for event handlers and async completions; state renders it.
  const openRef = useRef(open);
  const setOpen = useCallback((next: OpenBoard) => {
    openRef.current = next;
    setOpenState(next);
  }, []);

  const closeCurrent = useCallback(() => {
    const current = openRef.current;
    if (current.kind === 'local') void current.handle.close();
    if (current.kind === 'document') current.onClose?.();
    setOpen({ kind: 'none' });
  }, [setOpen]);

  useEffect(() => {
    // The route state can lag behind the address: `openDocument` may have run before this
    // first ran, and its hashchange is still on its way. Acting on the stale route would
    // close the board just opened; the pending change brings the route up to date.
    if (routeHash(parseRoute(window.location.hash)) !== routeHash(route)) return;
    const current = openRef.current;
    if (route.kind === 'board') {
      if ((current.kind === 'local' || current.kind === 'loading') && current.id === route.id) return;
      closeCurrent();
      if (!getBoardEntry(route.id)) {
        notify(t('start.notFound'), 'error');
        navigate({ kind: 'start' });
        return;
      }
      const id = route.id;
      setOpen({ kind: 'loading', id });
      openLocalBoard(id).then(
        (handle) => {
          const now = openRef.current;
          if (now.kind === 'loading' && now.id === id) setOpen({ kind: 'local', id, handle });
          else void handle.close(); // the user went elsewhere meanwhile
        },
        () => {
          notify(t('start.openFailed'), 'error');
          navigate({ kind: 'start' });
        },
      );
    } else if (route.kind === 'start') {
      if (current.kind !== 'none') closeCurrent();
    } else if (route.kind === 'document' && current.kind !== 'document') {
      navigate({ kind: 'start' }); // a reload cannot bring back a board from elsewhere
    }
  }, [route, closeCurrent, setOpen, t]);

  useIndexTracking(open);

  const shell = useMemo<AppShell>(
    () => ({
      board: open.kind === 'local' ? open.handle.board : open.kind === 'document' ? open.board : null,
      openLocalBoard: (id) => navigate({ kind: 'board', id }),
      async createLocalBoard(seed) {
        const id = newId();
        const title = seed.snapshot().meta.title;
        const handle = await storeNewLocalBoard(id, seed);
        saveBoardEntry({ id, title, updatedAt: Date.now() });
        closeCurrent();
        setOpen({ kind: 'local', id, handle });
        navigate({ kind: 'board', id });
        return id;
      },
      openDocument(board, options) {
        closeCurrent();
        setOpen({ kind: 'document', board, ...(options?.onClose ? { onClose: options.onClose } : {}) });
        navigate({ kind: 'document' });
      },
      goHome() {
        closeCurrent();
        navigate({ kind: 'start' });
      },
    }),
    [open, closeCurrent, setOpen],
  );

  return (
    <AppShellContext.Provider value={shell}>
      {shell.board ? (
        <BoardScreen key={open.kind === 'local' ? open.id : 'document'} board={shell.board} />
      ) : open.kind === 'loading' ? (
        <main className="cx-loading" aria-busy="true">
          <p>{t('board.loading')}</p>
        </main>
      ) : (
        <StartScreen />
      )}
      <ExportProgress />
      <Notices />
    </AppShellContext.Provider>
  );
}
