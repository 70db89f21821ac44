import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import { FollowBanner, LiveBar, PresenceLayer } from '../presence';
import type { AppShell } from '../shell/AppShell';
import { notify } from '../shell/notices';
import { openJoinLink, openShareLink } from './session';

/**
 * Opens share links (`#/board/<id>?server=…`), which the shell's router sends to the start
 * screen, and workshop join links (`/?join=CODE`) for participants joining from a browser.
 */
export function ShareLinkHandler(_props: { shell: AppShell }) {
  const { t } = useTranslation();
  useEffect(() => {
    void openJoinLink(window.location.search).then((outcome) => {
      if (outcome === 'none' || outcome === 'opened') return;
      notify(t(outcome === 'refused' ? 'sync.join.refused' : 'sync.join.unreachable'), 'error');
      // Drop the failed code from the address, so a reload does not try it again.
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    });
  }, [t]);
  useEffect(() => {
    const handle = () => openShareLink(window.location.hash);
    handle();
    window.addEventListener('hashchange', handle);
    return () => window.removeEventListener('hashchange', handle);
  }, []);
  return null;
}

/** The live section of the board's top bar. */
export function LiveBoardBar({ board }: { shell: AppShell; board: BoardDoc }) {
  return <LiveBar board={board} />;
}

/** Cursors, selection outlines and the follow banner, inside React Flow. */
export function LiveCanvasLayer({ board }: { board: BoardDoc }) {
  return (
    <>
      <PresenceLayer board={board} />
      <FollowBanner board={board} />
    </>
  );
}
