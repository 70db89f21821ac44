import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import { notify } from '../shell/notices';
import type { LiveLink } from '../sync/address';
import { useBoardConnection } from '../sync/hooks';
import { linkOf, routeBoardId, share, startLive, stopLive, useLiveSession } from '../sync/session';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionBadge } from './ConnectionBadge';
import { ConnectionDialog } from './ConnectionDialog';
import { PeopleList } from './PeopleList';
import { ProfileEditor } from './ProfileEditor';
import './presence.css';

type OpenDialog = null | { kind: 'status' } | { kind: 'connect'; serverUrl: string; access: string };

/**
 * The live part of the board's top bar. Not live: a "Share / connect" button. Live: the
 * people here, the person's own name and colour, and the connection badge.
 */
export function LiveBar({ board }: { board: BoardDoc }) {
  const { t } = useTranslation();
  // The board id is fixed for this board screen (the shell remounts it for another board).
  const boardId = useMemo(() => routeBoardId(), []);
  useLiveSession(board, boardId);
  const connection = useBoardConnection(board);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const connect = (link: LiveLink) => {
    startLive(board, boardId, link);
    setDialog({ kind: 'status' });
  };

  const startSharing = async () => {
    setBusy(true);
    try {
      const outcome = await share(board, boardId);
      setDialog(
        outcome.kind === 'live'
          ? { kind: 'status' }
          : { kind: 'connect', serverUrl: outcome.serverUrl ?? '', access: '' },
      );
    } catch {
      notify(t('sync.shareFailed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="cx-live" aria-label={t('sync.group')}>
      {connection ? (
        <>
          <PeopleList connection={connection} />
          <ProfileEditor />
          <ConnectionBadge connection={connection} onOpen={() => setDialog({ kind: 'status' })} />
        </>
      ) : (
        <button
          type="button"
          className="cx-topbar__button"
          disabled={busy}
          onClick={() => void startSharing()}
        >
          {t('sync.share')}
        </button>
      )}
      {dialog?.kind === 'status' && connection && (
        <ConnectionDialog
          connection={connection}
          boardId={boardId}
          onClose={() => setDialog(null)}
          onChangeServer={() => {
            const link = linkOf(connection);
            setDialog({ kind: 'connect', serverUrl: link.serverUrl, access: link.token ?? link.code ?? '' });
          }}
          onDisconnect={() => {
            stopLive(connection, boardId);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'connect' && (
        <ConnectDialog
          initial={{
            serverUrl: dialog.serverUrl,
            room: connection?.room ?? boardId ?? '',
            access: dialog.access,
          }}
          onConnect={connect}
          onClose={() => setDialog(null)}
        />
      )}
    </fieldset>
  );
}
