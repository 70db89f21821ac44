import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import type { HostingStatus, NetworkInterfaceOption } from '../../shared/ipc/api';
import { formatJoinCode } from '../../shared/protocol';
import type { BoardConnection } from '../sync/connection';
import { connectBoard } from '../sync/connection';
import { getDesktopBridge } from './bridge';
import { Dialog } from '../shell/Dialog';

/** The host's own connection to the workshop room, kept while the dialog is closed. */
let hostConnection: BoardConnection | null = null;

/** Connects the host's board to the room the main process opened (or disconnects it). */
function syncHostBoard(board: BoardDoc, status: HostingStatus, hostName: string): void {
  if (!status.running) {
    hostConnection?.disconnect();
    hostConnection = null;
    return;
  }
  if (hostConnection?.board === board && hostConnection.room === status.connection.room) return;
  hostConnection?.disconnect();
  hostConnection = connectBoard({
    board,
    serverUrl: status.connection.websocketUrl,
    room: status.connection.room,
    ...(status.connection.params.token ? { token: status.connection.params.token } : {}),
    user: { name: hostName, color: '#e8590c' },
  });
}

/**
 * Host a workshop: pick the network connection, start the workshop server for this board,
 * then show what participants need (code, link, browser address) and who has joined.
 */
export function HostWorkshopDialog({
  board,
  status,
  onClose,
}: {
  board: BoardDoc;
  status: HostingStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = getDesktopBridge()!;
  const selectId = useId();
  const [interfaces, setInterfaces] = useState<NetworkInterfaceOption[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const hostName = t('desktop.host.hostName');
  const nameRef = useRef(hostName);
  nameRef.current = hostName;

  useEffect(() => {
    void api.listNetworkInterfaces().then((list) => {
      setInterfaces(list);
      setChosen((current) => current || list[0]?.id || '');
    });
  }, [api]);

  useEffect(() => syncHostBoard(board, status, nameRef.current), [board, status]);

  const start = async () => {
    setBusy(true);
    try {
      await api.startHosting({ interfaceId: chosen });
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setBusy(true);
    try {
      await api.stopHosting();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('desktop.host.title')} onClose={onClose}>
      {!status.running ? (
        <div className="cx-dialog__body">
          <p>{t('desktop.host.intro')}</p>
          <label htmlFor={selectId}>{t('desktop.host.network')}</label>
          <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {interfaces.map((option) => (
              <option key={option.id} value={option.id}>
                {option.internal
                  ? t('desktop.host.loopback', { address: option.address })
                  : `${option.name} — ${option.address}`}
              </option>
            ))}
          </select>
          {status.error && (
            <p className="cx-error" role="alert">
              {t(`desktop.errors.${status.error.code}`, { defaultValue: status.error.message })}
            </p>
          )}
          <button
            type="button"
            className="cx-primary"
            disabled={busy || !chosen}
            onClick={() => void start()}
          >
            {t('desktop.host.start')}
          </button>
        </div>
      ) : (
        <div className="cx-dialog__body">
          <p>{t('desktop.host.running')}</p>
          <dl className="cx-desktop-host">
            <dt>{t('desktop.host.code')}</dt>
            <dd>
              <output className="cx-desktop-host__code" aria-label={t('desktop.host.code')}>
                {formatJoinCode(status.joinCode)}
              </output>
            </dd>
            <dt>{t('desktop.host.address')}</dt>
            <dd>
              <CopyField value={new URL(status.browserUrl).host} label={t('desktop.host.address')} />
            </dd>
            <dt>{t('desktop.host.link')}</dt>
            <dd>
              <CopyField value={status.joinLink} label={t('desktop.host.link')} />
            </dd>
            <dt>{t('desktop.host.browser')}</dt>
            <dd>
              <CopyField value={status.browserUrl} label={t('desktop.host.browser')} />
            </dd>
          </dl>
          <h3>{t('desktop.host.participants', { count: status.participants.length })}</h3>
          <ul className="cx-desktop-host__people" aria-live="polite">
            {status.participants.map((person) => (
              <li key={person.id}>
                <span
                  className="cx-desktop-host__dot"
                  aria-hidden="true"
                  style={{ background: person.color ?? '#868e96' }}
                />
                {person.name || t('desktop.host.anonymous')}
              </li>
            ))}
          </ul>
          <button type="button" className="cx-danger" disabled={busy} onClick={() => void stop()}>
            {t('desktop.host.stop')}
          </button>
        </div>
      )}
    </Dialog>
  );
}

/** A read-only value with a button that copies it. */
function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <span className="cx-desktop-copy">
      <input readOnly value={value} aria-label={label} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        aria-label={t('desktop.copyLabel', { what: label })}
        onClick={() =>
          void navigator.clipboard.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          })
        }
      >
        {copied ? t('desktop.copied') : t('desktop.copy')}
      </button>
    </span>
  );
}
