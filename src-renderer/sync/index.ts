/**
 * Live collaboration, plugged into the shell's extension slots (see shell/extensions.ts):
 * the top-bar section, the canvas layer (cursors, selections, follow) and, on the start
 * screen, the handler that opens share links. Also the API other parts use to go live.
 */
import type { RendererExtension } from '../shell/extensions';
import { LiveBoardBar, LiveCanvasLayer, ShareLinkHandler } from './extension';

export { type LiveLink, parseServerUrl, shareUrl } from './address';
export {
  type BoardConnection,
  type ConnectionState,
  type ConnectionStatus,
  type ConnectOptions,
  connectBoard,
} from './connection';
export { useBoardConnection, useConnectionState, useIsViewer, usePeers } from './hooks';
export type { Peer, PresenceUser } from './presenceState';
export { connectionOf } from './registry';

export const StartSection: RendererExtension['StartSection'] = ShareLinkHandler;
export const BoardBarSection: RendererExtension['BoardBarSection'] = LiveBoardBar;
export const CanvasLayer: RendererExtension['CanvasLayer'] = LiveCanvasLayer;
