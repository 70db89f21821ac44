import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import type { AppShell } from '../shell/AppShell';
import { HostWorkshopDialog } from './HostWorkshopDialog';
import { JoinWorkshopDialog } from './JoinWorkshopDialog';
import { useDesktop } from './useDesktop';
import './desktop.css';

/**
 * The desktop app's parts of the UI (loaded only when `window.cxDesktop` exists): board
 * files and recent boards on the start screen, save state and workshop hosting in the
 * board's top bar, and the host / join dialogs.
 */

/** Start screen: open a board file, recent boards, join a workshop. */
function StartSection({ shell }: { shell: AppShell }) {
  const { t } = useTranslation();
  const { controller, state } = useDesktop(shell);
  return (
    <section className="cx-start__section cx-desktop-start" aria-labelledby="cx-desktop-files">
      <h2 id="cx-desktop-files">{t('desktop.start.title')}</h2>
      <div className="cx-desktop-start__actions">
        <button type="button" onClick={() => void controller.run('new')}>
          {t('desktop.start.newFile')}
        </button>
        <button type="button" onClick={() => void controller.run('open')}>
          {t('desktop.start.open')}
        </button>
        <button type="button" onClick={() => controller.openDialog('join')}>
          {t('desktop.start.join')}
        </button>
      </div>
      <h3>{t('desktop.start.recent')}</h3>
      {state.recent.length === 0 ? (
        <p className="cx-hint">{t('desktop.start.noRecent')}</p>
      ) : (
        <ul className="cx-desktop-recent">
          {state.recent.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="cx-desktop-recent__open"
                title={entry.location}
                aria-label={t('desktop.start.openRecent', { name: entry.name })}
                onClick={() => void controller.run('openRecent', entry.id)}
              >
                <span className="cx-desktop-recent__name">{entry.name}</span>
                <span className="cx-desktop-recent__where">{entry.location}</span>
              </button>
              <button
                type="button"
                className="cx-desktop-recent__remove"
                aria-label={t('desktop.start.removeRecent', { name: entry.name })}
                onClick={() => void controller.removeRecent(entry.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.dialog === 'join' && (
        <JoinWorkshopDialog controller={controller} onClose={() => controller.openDialog(null)} />
      )}
    </section>
  );
}

/** Board top bar: name and save state, Save, Host a workshop (or Save a copy of a live board). */
function BoardBarSection({ shell, board }: { shell: AppShell; board: BoardDoc }) {
  const { t } = useTranslation();
  const { controller, state } = useDesktop(shell);
  const { session, hosting } = state;
  const live = session.kind === 'live';
  const saveState = live
    ? t('desktop.bar.live')
    : session.kind === 'file' && !session.dirty
      ? t('desktop.bar.saved')
      : t('desktop.bar.unsaved');
  return (
    <div className="cx-desktop-bar">
      <output className="cx-desktop-bar__state" aria-live="polite" title={session.location ?? undefined}>
        {session.name ? `${session.name} — ${saveState}` : saveState}
      </output>
      {live ? (
        <button type="button" onClick={() => void controller.save('copy')}>
          {t('desktop.bar.saveCopy')}
        </button>
      ) : (
        <>
          <button type="button" onClick={() => void controller.save('save')}>
            {t('desktop.bar.save')}
          </button>
          <button type="button" aria-pressed={hosting.running} onClick={() => controller.openDialog('host')}>
            {hosting.running
              ? t('desktop.bar.hosting', { count: hosting.participants.length })
              : t('desktop.bar.host')}
          </button>
        </>
      )}
      {state.dialog === 'host' && (
        <HostWorkshopDialog board={board} status={hosting} onClose={() => controller.openDialog(null)} />
      )}
      {state.dialog === 'join' && (
        <JoinWorkshopDialog controller={controller} onClose={() => controller.openDialog(null)} />
      )}
    </div>
  );
}

export { BoardBarSection, StartSection };
