import { ExportButton } from '../export/ExportDialog';
import { ImportJourneyButton } from '../export/ImportJourney';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import { ActionButton } from '../actions/ActionButton';
import { useActionContext } from '../actions/useActions';
import { BoardProvider, useBoard, useBoardReadOnly, useBoardSelector } from '../board/BoardContext';
import { MetricsOverviewButton } from '../metrics/MetricsOverview';
import { CannotDisplayBoard, CannotDisplayBoundary } from '../canvas/CannotDisplay';
import { CanvasHost } from '../canvas/Canvas';
import { StylePanel } from '../canvas/StylePanel';
import { Toolbar } from '../canvas/Toolbar';
import { useAppShell } from './AppShell';
import { downloadBoardFile } from './boardFiles';
import { activeExtensions } from './extensions';
import { HomeIcon, RedoIcon, UndoIcon } from './icons';
import { LanguageSelect } from './LanguageSelect';

/**
 * One open board: the top bar, the tool and style bars, and the canvas. If any of it cannot
 * be drawn, the board's error boundary offers to try again or go back to all boards instead
 * of a blank page (the canvas and each item have their own boundaries inside).
 */
export function BoardScreen({ board }: { board: BoardDoc }) {
  return (
    <CannotDisplayBoundary resetKey={board} fallback={(retry) => <BoardCannotDisplay retry={retry} />}>
      <BoardProvider board={board}>
        <ReactFlowProvider>
          <div className="cx-board">
            <TopBar />
            <main className="cx-board__main">
              <Toolbar />
              <StylePanel />
              <CanvasHost />
            </main>
          </div>
        </ReactFlowProvider>
      </BoardProvider>
    </CannotDisplayBoundary>
  );
}

function BoardCannotDisplay({ retry }: { retry(): void }) {
  const { t } = useTranslation();
  const shell = useAppShell();
  return (
    <CannotDisplayBoard retry={retry}>
      <button type="button" onClick={shell.goHome}>
        {t('board.home')}
      </button>
    </CannotDisplayBoard>
  );
}

function useHistoryState(board: BoardDoc) {
  const subscribe = useMemo(
    () => (notify: () => void) => {
      const offHistory = board.history.onChange(notify);
      const offChange = board.onChange(notify);
      return () => {
        offHistory();
        offChange();
      };
    },
    [board],
  );
  const canUndo = useSyncExternalStore(subscribe, () => board.history.canUndo());
  const canRedo = useSyncExternalStore(subscribe, () => board.history.canRedo());
  return { canUndo, canRedo };
}

function BoardTitle({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const board = useBoard();
  const title = useBoardSelector((s) => s.meta.title);
  const [draft, setDraft] = useState(title);
  useEffect(() => setDraft(title), [title]);
  const commit = () => {
    const next = draft.trim().slice(0, 500);
    if (next !== title) board.setTitle(next);
    else setDraft(title);
  };
  return (
    <input
      className="cx-topbar__title"
      aria-label={t('board.title')}
      placeholder={t('start.untitledBoard')}
      value={draft}
      maxLength={500}
      readOnly={readOnly}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(title);
          e.currentTarget.blur();
        }
      }}
    />
  );
}

function TopBar() {
  const { t } = useTranslation();
  const shell = useAppShell();
  const board = useBoard();
  const ctx = useActionContext();
  const { canUndo, canRedo } = useHistoryState(board);
  // Viewing only (a viewer link): the title cannot be changed and there is nothing to undo.
  const readOnly = useBoardReadOnly();
  return (
    <header className="cx-topbar">
      <button type="button" className="cx-topbar__button" onClick={shell.goHome} title={t('board.home')}>
        {HomeIcon}
        <span>{t('board.home')}</span>
      </button>
      <BoardTitle readOnly={readOnly} />
      {readOnly ? (
        <span
          className="cx-topbar__badge"
          role="status"
          aria-label={t('board.viewOnly')}
          title={t('board.viewOnlyHint')}
        >
          {t('board.viewOnly')}
        </span>
      ) : (
        <fieldset className="cx-topbar__group" aria-label={t('board.history')}>
          <ActionButton id="undo" ctx={ctx} className="cx-topbar__button" disabled={!canUndo}>
            {UndoIcon}
          </ActionButton>
          <ActionButton id="redo" ctx={ctx} className="cx-topbar__button" disabled={!canRedo}>
            {RedoIcon}
          </ActionButton>
        </fieldset>
      )}
      <div className="cx-topbar__spacer" />
      {activeExtensions().map((ext, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed for the app's lifetime.
        ext.BoardBarSection ? <ext.BoardBarSection key={i} shell={shell} board={board} /> : null,
      )}
      <MetricsOverviewButton className="cx-topbar__button" />
      <ImportJourneyButton className="cx-topbar__button" />
      <ExportButton className="cx-topbar__button" />
      <button
        type="button"
        className="cx-topbar__button"
        onClick={() => downloadBoardFile(board, t('start.untitledBoard'))}
      >
        {t('board.export')}
      </button>
      <LanguageSelect />
    </header>
  );
}
