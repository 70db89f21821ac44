import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopConnection } from '../../shared/ipc/api';
import { connectBoard } from '../sync/connection';
import { openLocalBoard } from '../sync/localPersistence';
import { getDesktopBridge } from './bridge';
import type { DesktopController } from './controller';
import { Dialog } from '../shell/Dialog';

/**
 * Join a workshop: paste the host's link, or type the code and the host's address (and a
 * token for servers that need one). The main process asks the server before anything
 * connects, so a wrong code or address gets a clear message here.
 */
export function JoinWorkshopDialog({
  controller,
  onClose,
}: {
  controller: DesktopController;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = getDesktopBridge()!;
  const ids = { input: useId(), host: useId(), token: useId(), name: useId() };
  const [input, setInput] = useState('');
  const [host, setHost] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.resolveWorkshop({
        input,
        ...(host.trim() ? { host } : {}),
        ...(token.trim() ? { token } : {}),
      });
      if (result.status === 'failed') {
        setError(t(`desktop.errors.${result.error.code}`, { defaultValue: result.error.message }));
        return;
      }
      await openLive(result.connection, name.trim() || t('desktop.join.guest'));
      onClose();
    } finally {
      setBusy(false);
    }
  };

  /** A local copy of the workshop board (kept on this computer), connected live to the room. */
  const openLive = async (connection: WorkshopConnection, displayName: string) => {
    const local = await openLocalBoard(`workshop-${connection.room}`);
    const live = connectBoard({
      board: local.board,
      serverUrl: connection.websocketUrl,
      room: connection.room,
      ...(connection.params.token ? { token: connection.params.token } : {}),
      ...(connection.params.code ? { code: connection.params.code } : {}),
      user: { name: displayName, color: '#1c7ed6' },
    });
    await api.markJoined({ room: connection.room, serverUrl: connection.serverUrl });
    controller.presentLive(local.board, () => {
      live.disconnect();
      void local.close();
      void api.closeBoard();
    });
  };

  return (
    <Dialog title={t('desktop.join.title')} onClose={onClose}>
      <form className="cx-dialog__body" onSubmit={(event) => void submit(event)}>
        <label htmlFor={ids.input}>{t('desktop.join.input')}</label>
        <input
          id={ids.input}
          required
          value={input}
          placeholder="http://192.168.1.20:4321/?join=ABCD-2345"
          onChange={(event) => setInput(event.target.value)}
        />
        <label htmlFor={ids.host}>{t('desktop.join.host')}</label>
        <input
          id={ids.host}
          value={host}
          placeholder="192.168.1.20:4321"
          aria-describedby={`${ids.host}-hint`}
          onChange={(event) => setHost(event.target.value)}
        />
        <p id={`${ids.host}-hint`} className="cx-hint">
          {t('desktop.join.hostHint')}
        </p>
        <label htmlFor={ids.token}>{t('desktop.join.token')}</label>
        <input id={ids.token} value={token} onChange={(event) => setToken(event.target.value)} />
        <label htmlFor={ids.name}>{t('desktop.join.name')}</label>
        <input id={ids.name} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        {error && (
          <p className="cx-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="cx-primary" disabled={busy || !input.trim()}>
          {t('desktop.join.submit')}
        </button>
      </form>
    </Dialog>
  );
}
