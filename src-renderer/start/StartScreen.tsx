import { type ChangeEvent, type FormEvent, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BoardIndexEntry,
  deleteBoardEntry,
  listBoards,
  saveBoardEntry,
  subscribeBoards,
} from '../persistence/boardIndex';
import { useAppShell } from '../shell/AppShell';
import { ConfirmDialog } from '../shell/Dialog';
import { readBoardFile } from '../shell/boardFiles';
import { activeExtensions } from '../shell/extensions';
import { LanguageSelect } from '../shell/LanguageSelect';
import { notify } from '../shell/notices';
import { deleteLocalBoard, openLocalBoard } from '../sync/localPersistence';
import { BOARD_TEMPLATES, type BoardTemplate, buildBoardFromTemplate } from './templates';

/**
 * The start screen, shared by the desktop app and the browser: new board (blank or from a
 * journey template), import a `.cxboard` file, the boards kept on this device, and a slot
 * for the desktop app's own sections (files, workshops).
 */
export function StartScreen() {
  const { t } = useTranslation();
  const shell = useAppShell();
  const [busy, setBusy] = useState(false);

  const create = async (template: BoardTemplate) => {
    setBusy(true);
    try {
      await shell.createLocalBoard(buildBoardFromTemplate(template, t));
    } catch {
      notify(t('start.createFailed'), 'error');
      setBusy(false);
    }
  };

  return (
    <main className="cx-start" aria-busy={busy}>
      <header className="cx-start__header">
        <h1>{t('app.name')}</h1>
        <LanguageSelect />
      </header>

      <section className="cx-start__section" aria-labelledby="cx-new-board">
        <h2 id="cx-new-board">{t('start.newBoard')}</h2>
        <div className="cx-start__templates">
          {BOARD_TEMPLATES.map((template) => (
            <button
              key={template}
              type="button"
              className="cx-template"
              disabled={busy}
              onClick={() => void create(template)}
            >
              <span className="cx-template__name">{t(`start.template.${template}.name`)}</span>
              <span className="cx-template__hint">{t(`start.template.${template}.hint`)}</span>
            </button>
          ))}
        </div>
      </section>

      <ImportSection />

      {activeExtensions().map((ext, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed for the app's lifetime.
        ext.StartSection ? <ext.StartSection key={i} shell={shell} /> : null,
      )}

      <BoardList />
    </main>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const shell = useAppShell();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setBusy(true);
    const result = await readBoardFile(file, t);
    input.value = ''; // the same file can be picked again after a fix
    if (!result.ok) {
      setError(result.message);
      setBusy(false);
      return;
    }
    if (!result.board.snapshot().meta.title) result.board.setTitle(file.name.replace(/\.cxboard$/i, ''));
    try {
      await shell.createLocalBoard(result.board);
      if (result.repaired) notify(t('file.repaired'));
    } catch {
      setError(t('start.createFailed'));
      setBusy(false);
    }
  };

  return (
    <section className="cx-start__section" aria-labelledby="cx-import">
      <h2 id="cx-import">{t('start.import.title')}</h2>
      {/* The native input stays (keyboard, screen readers) but is drawn by its label, so its
          text follows the app's language rather than the browser's. */}
      <input
        id={inputId}
        className="cx-visually-hidden cx-file-input"
        type="file"
        accept=".cxboard,application/json"
        disabled={busy}
        onChange={(e) => void onFile(e)}
      />
      <label htmlFor={inputId} className="cx-button cx-file">
        {t('start.import.label')}
      </label>
      {error && (
        <p className="cx-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function BoardList() {
  const { t, i18n } = useTranslation();
  const boards = useSyncExternalStore(subscribeBoards, listBoards);
  const [confirming, setConfirming] = useState<BoardIndexEntry | null>(null);
  const formatter = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const remove = async (entry: BoardIndexEntry) => {
    setConfirming(null);
    deleteBoardEntry(entry.id);
    try {
      await deleteLocalBoard(entry.id);
    } catch {
      // The entry is gone from the list; leftover storage is harmless and unreachable.
    }
    notify(t('start.deleted', { title: entry.title || t('start.untitledBoard') }));
  };

  return (
    <section className="cx-start__section" aria-labelledby="cx-boards">
      <h2 id="cx-boards">{t('start.boards')}</h2>
      {boards.length === 0 ? (
        <p className="cx-start__empty">{t('start.noBoards')}</p>
      ) : (
        <ul className="cx-boardlist">
          {boards.map((entry) => (
            <BoardRow
              key={entry.id}
              entry={entry}
              updated={formatter.format(entry.updatedAt)}
              onDelete={() => setConfirming(entry)}
            />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('start.confirmDelete.title')}
          message={t('start.confirmDelete.message', { title: confirming.title || t('start.untitledBoard') })}
          confirmLabel={t('start.confirmDelete.confirm')}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

function BoardRow({
  entry,
  updated,
  onDelete,
}: {
  entry: BoardIndexEntry;
  updated: string;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const shell = useAppShell();
  const [renaming, setRenaming] = useState(false);
  const title = entry.title || t('start.untitledBoard');

  if (renaming) {
    return (
      <li className="cx-boardlist__item">
        <RenameForm entry={entry} onDone={() => setRenaming(false)} />
      </li>
    );
  }
  return (
    <li className="cx-boardlist__item">
      <button
        type="button"
        className="cx-boardlist__open"
        aria-label={t('start.open', { title })}
        onClick={() => shell.openLocalBoard(entry.id)}
      >
        <span className="cx-boardlist__title">{title}</span>
        <span className="cx-boardlist__meta">{t('start.updated', { when: updated })}</span>
      </button>
      <button
        type="button"
        className="cx-button"
        aria-label={t('start.rename', { title })}
        onClick={() => setRenaming(true)}
      >
        {t('start.renameShort')}
      </button>
      <button
        type="button"
        className="cx-button cx-button--danger"
        aria-label={t('start.delete', { title })}
        onClick={onDelete}
      >
        {t('start.deleteShort')}
      </button>
    </li>
  );
}

/** Renames a stored board: the title lives in the board itself, the list follows it. */
async function renameLocalBoard(entry: BoardIndexEntry, title: string): Promise<void> {
  const handle = await openLocalBoard(entry.id);
  try {
    handle.board.setTitle(title);
  } finally {
    await handle.close();
  }
  saveBoardEntry({ id: entry.id, title, updatedAt: Date.now() });
}

function RenameForm({ entry, onDone }: { entry: BoardIndexEntry; onDone(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(entry.title);
  const inputId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title = value.trim().slice(0, 500);
    if (title && title !== entry.title) {
      try {
        await renameLocalBoard(entry, title);
      } catch {
        notify(t('start.renameFailed'), 'error');
      }
    }
    onDone();
  };
  return (
    <form className="cx-rename" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId} className="cx-visually-hidden">
        {t('start.newTitle')}
      </label>
      <input
        id={inputId}
        value={value}
        maxLength={500}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="cx-button">
        {t('start.saveTitle')}
      </button>
      <button type="button" className="cx-button" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
