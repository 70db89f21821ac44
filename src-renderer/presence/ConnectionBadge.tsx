import { useTranslation } from 'react-i18next';
import type { BoardConnection } from '../sync/connection';
import { useConnectionState } from '../sync/hooks';

/**
 * The board's connection state at a glance (live, connecting, reconnecting, offline,
 * refused); pressing it opens the connection details with the share link.
 */
export function ConnectionBadge({ connection, onOpen }: { connection: BoardConnection; onOpen: () => void }) {
  const { t } = useTranslation();
  const state = useConnectionState(connection);
  if (!state) return null;
  const label = t(`sync.status.${state.status}`);
  return (
    <>
      <button
        type="button"
        className={`cx-topbar__button cx-live__badge cx-live__badge--${state.status}`}
        aria-label={t('sync.badge', { status: label })}
        title={t('sync.badge', { status: label })}
        aria-haspopup="dialog"
        data-status={state.status}
        onClick={onOpen}
      >
        <span className="cx-live__dot" aria-hidden="true" />
        <span>{label}</span>
        {state.unsyncedChanges && state.status !== 'connected' && (
          <span className="cx-live__pending" aria-hidden="true">
            •
          </span>
        )}
      </button>
      <span className="cx-visually-hidden" role="status">
        {t('sync.badge', { status: label })}
      </span>
    </>
  );
}
