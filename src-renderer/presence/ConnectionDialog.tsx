import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shareUrl } from '../sync/address';
import type { BoardConnection } from '../sync/connection';
import { useConnectionState } from '../sync/hooks';
import { linkOf } from '../sync/session';
import { Dialog } from '../shell/Dialog';
import { reasonMessage } from './reasons';

/**
 * Details of a live board: state and why, where it is connected, the link that opens the
 * same board live in another browser, and reconnect / change / disconnect.
 */
export function ConnectionDialog({
  connection,
  boardId,
  onClose,
  onChangeServer,
  onDisconnect,
}: {
  connection: BoardConnection;
  boardId: string | null;
  onClose: () => void;
  onChangeServer: () => void;
  onDisconnect: () => void;
}) {
  const { t } = useTranslation();
  const state = useConnectionState(connection);
  const linkRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  if (!state) return null;
  const link = boardId ? shareUrl(window.location.href, boardId, linkOf(connection)) : null;
  const reason = reasonMessage(state.reason, t);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      // No clipboard API (plain http on a LAN address): select the text and copy the old way.
      linkRef.current?.select();
      setCopied(document.execCommand('copy') ? 'copied' : 'failed');
    }
  };

  return (
    <Dialog closeButton={false} title={t('sync.dialog.title')} onClose={onClose}>
      <p className={`cx-live__state cx-live__state--${state.status}`}>
        <strong>{t(`sync.status.${state.status}`)}</strong>
        {reason ? ` — ${reason}` : ''}
      </p>
      {state.unsyncedChanges && state.status !== 'connected' && <p>{t('sync.dialog.unsynced')}</p>}
      {state.role === 'viewer' && <p>{t('sync.dialog.viewer')}</p>}
      <dl className="cx-live__facts">
        <dt>{t('sync.dialog.server')}</dt>
        <dd>{connection.serverUrl}</dd>
        <dt>{t('sync.dialog.room')}</dt>
        <dd>{connection.room}</dd>
      </dl>
      {link && (
        <div className="cx-live__field">
          <label htmlFor={linkId} className="cx-live__label">
            {t('sync.dialog.link')}
          </label>
          <div className="cx-live__row-inline">
            <input
              ref={linkRef}
              id={linkId}
              className="cx-live__input"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="cx-button" onClick={() => void copy()}>
              {t('sync.dialog.copy')}
            </button>
          </div>
          <p className="cx-live__hint" role="status">
            {copied === 'copied'
              ? t('sync.dialog.copied')
              : copied === 'failed'
                ? t('sync.dialog.copyFailed')
                : ''}
          </p>
          {connection.token && <p className="cx-live__hint">{t('sync.dialog.linkHasToken')}</p>}
        </div>
      )}
      <div className="cx-live__actions">
        {state.status !== 'connected' && (
          <button type="button" className="cx-button" onClick={() => connection.reconnect()}>
            {t('sync.dialog.reconnect')}
          </button>
        )}
        <button type="button" className="cx-button" onClick={onChangeServer}>
          {t('sync.dialog.change')}
        </button>
        <button type="button" className="cx-button cx-button--danger" onClick={onDisconnect}>
          {t('sync.dialog.disconnect')}
        </button>
        <button type="button" className="cx-button" onClick={onClose}>
          {t('presence.close')}
        </button>
      </div>
    </Dialog>
  );
}
