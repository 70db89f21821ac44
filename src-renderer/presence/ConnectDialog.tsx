import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ROOM_NAME_LENGTH } from '../../shared/protocol';
import { isValidRoomName, type LiveLink, parseServerUrl } from '../sync/address';
import { Dialog } from '../shell/Dialog';

/** A join code looks like `ABCD-EFGH`; anything else typed in the access field is a token. */
const JOIN_CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

/** "Connect to server…": where the board should live (server, room) and how to get in. */
export function ConnectDialog({
  initial,
  onConnect,
  onClose,
}: {
  initial: { serverUrl: string; room: string; access?: string };
  onConnect: (link: LiveLink) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(initial.serverUrl);
  const [room, setRoom] = useState(initial.room);
  const [access, setAccess] = useState(initial.access ?? '');
  const [errors, setErrors] = useState<{ server?: string; room?: string }>({});
  const ids = { server: useId(), room: useId(), access: useId(), serverError: useId(), roomError: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseServerUrl(serverUrl);
    const roomName = room.trim();
    const next: typeof errors = {};
    if (!parsed.ok) next.server = t(`sync.connect.error.${parsed.error}`);
    if (!isValidRoomName(roomName)) next.room = t('sync.connect.error.room');
    setErrors(next);
    if (!parsed.ok || next.room) return;
    const credential = access.trim();
    onConnect({
      serverUrl: parsed.url,
      room: roomName,
      ...(credential === '' ? {} : JOIN_CODE.test(credential) ? { code: credential } : { token: credential }),
    });
  };

  return (
    <Dialog closeButton={false} title={t('sync.connect.title')} onClose={onClose}>
      <form className="cx-live__form" onSubmit={submit} noValidate>
        <label htmlFor={ids.server} className="cx-live__label">
          {t('sync.connect.server')}
        </label>
        <input
          id={ids.server}
          className="cx-live__input"
          value={serverUrl}
          placeholder="ws://192.168.1.20:1234/sync"
          inputMode="url"
          autoComplete="url"
          autoFocus
          aria-invalid={errors.server ? true : undefined}
          aria-describedby={errors.server ? ids.serverError : undefined}
          onChange={(e) => setServerUrl(e.target.value)}
        />
        {errors.server && (
          <p id={ids.serverError} className="cx-error" role="alert">
            {errors.server}
          </p>
        )}
        <label htmlFor={ids.room} className="cx-live__label">
          {t('sync.connect.room')}
        </label>
        <input
          id={ids.room}
          className="cx-live__input"
          value={room}
          maxLength={MAX_ROOM_NAME_LENGTH}
          aria-invalid={errors.room ? true : undefined}
          aria-describedby={errors.room ? ids.roomError : undefined}
          onChange={(e) => setRoom(e.target.value)}
        />
        {errors.room && (
          <p id={ids.roomError} className="cx-error" role="alert">
            {errors.room}
          </p>
        )}
        <label htmlFor={ids.access} className="cx-live__label">
          {t('sync.connect.access')}
        </label>
        <input
          id={ids.access}
          className="cx-live__input"
          value={access}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setAccess(e.target.value)}
        />
        <p className="cx-live__hint">{t('sync.connect.accessHint')}</p>
        <div className="cx-live__actions">
          <button type="submit" className="cx-button">
            {t('sync.connect.submit')}
          </button>
          <button type="button" className="cx-button" onClick={onClose}>
            {t('presence.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
