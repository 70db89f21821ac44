import { useEffect } from 'react';
import type { BoardDoc } from '../../shared/board';
import { FollowBanner, LiveBar, PresenceLayer } from '../presence';
import type { AppShell } from '../shell/AppShell';
import { openShareLink } from './session';

/** Opens share links (`#/board/<id>?server=…`), which the shell's router sends to the start screen. */
export function ShareLinkHandler(_props: { shell: AppShell }) {
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
