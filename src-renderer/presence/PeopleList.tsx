import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardConnection } from '../sync/connection';
import { usePeers } from '../sync/hooks';
import { Avatar } from './Avatar';
import { useFollow } from './follow';
import { usePopover } from './usePopover';

/** How many avatars fit in the bar; the rest are in the "everyone" list. */
const SHOWN = 5;

/**
 * Who else is on the board, each in their colour. Pressing a person follows their view
 * (pressing again, or any key, wheel or drag on the canvas, stops following).
 */
export function PeopleList({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const peers = usePeers(connection);
  const following = useFollow((s) => s.following);
  const { follow, stop } = useFollow.getState();
  const popover = usePopover();
  const titleId = useId();

  const toggle = (clientId: number) => (following === clientId ? stop() : follow(clientId));

  return (
    <div className="cx-live__anchor cx-live__people">
      <ul className="cx-live__avatars" aria-label={t('presence.people', { count: peers.length })}>
        {peers.slice(0, SHOWN).map((peer) => (
          <li key={peer.clientId}>
            <button
              type="button"
              className="cx-live__person"
              aria-label={t('presence.follow', { name: peer.name })}
              title={t('presence.follow', { name: peer.name })}
              aria-pressed={following === peer.clientId}
              onClick={() => toggle(peer.clientId)}
            >
              <Avatar name={peer.name} color={peer.color} />
            </button>
          </li>
        ))}
      </ul>
      {peers.length > 0 && (
        <button
          ref={popover.buttonRef}
          type="button"
          className="cx-topbar__button cx-live__count"
          aria-label={t('presence.showEveryone', { count: peers.length })}
          aria-expanded={popover.open}
          onClick={popover.toggle}
        >
          {peers.length > SHOWN ? `+${peers.length - SHOWN}` : '▾'}
        </button>
      )}
      {popover.open && (
        <div ref={popover.panelRef} className="cx-live__popover" role="dialog" aria-labelledby={titleId}>
          <h2 id={titleId} className="cx-live__heading">
            {t('presence.people', { count: peers.length })}
          </h2>
          <ul className="cx-live__list">
            {peers.map((peer) => (
              <li key={peer.clientId}>
                <button
                  type="button"
                  className="cx-live__row"
                  aria-label={t('presence.follow', { name: peer.name })}
                  aria-pressed={following === peer.clientId}
                  onClick={() => toggle(peer.clientId)}
                >
                  <Avatar name={peer.name} color={peer.color} size={22} />
                  <span>{peer.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
