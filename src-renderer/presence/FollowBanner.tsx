import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import { useBoardConnection, usePeers } from '../sync/hooks';
import { useFollow } from './follow';

/** While following someone: whose view this is, in their colour, and a way out. Inside React Flow. */
export function FollowBanner({ board }: { board: BoardDoc }) {
  const { t } = useTranslation();
  const peers = usePeers(useBoardConnection(board));
  const following = useFollow((s) => s.following);
  const stop = useFollow((s) => s.stop);
  const peer = peers.find((p) => p.clientId === following);
  // The live region stays mounted so screen readers announce when following starts.
  return (
    <Panel position="bottom-center" className="cx-live__banner-slot" role="status">
      {peer && (
        <div className="cx-live__banner" style={{ borderColor: peer.color }}>
          <span>{t('presence.following', { name: peer.name })}</span>
          <button type="button" className="cx-button" onClick={stop}>
            {t('presence.stopFollowing')}
          </button>
        </div>
      )}
    </Panel>
  );
}
