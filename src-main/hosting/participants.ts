import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Participant } from '../../shared/ipc/contract';

/**
 * Watches who is in a workshop room through the room's awareness (the presence channel of
 * the y-websocket protocol): a quiet client that joins with a viewer token, publishes no
 * presence of its own and reports the others' names and colours.
 */
export class ParticipantWatcher {
  private readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;

  constructor(
    websocketUrl: string,
    room: string,
    token: string,
    onChange: (participants: Participant[]) => void,
  ) {
    this.provider = new WebsocketProvider(websocketUrl, room, this.doc, {
      params: { token },
      // ws matches the browser WebSocket API the provider expects.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    this.provider.awareness.setLocalState(null);
    this.provider.awareness.on('change', () => onChange(this.participants()));
  }

  /** Everyone with presence in the room, in order of arrival (awareness client ids grow). */
  participants(): Participant[] {
    const result: Participant[] = [];
    for (const [id, state] of this.provider.awareness.getStates()) {
      if (id === this.doc.clientID) continue;
      result.push({ id, ...describe(state) });
    }
    return result;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Reads `user.name` / `user.color` (the y-websocket convention), tolerating anything. */
function describe(state: Record<string, unknown>): Omit<Participant, 'id'> {
  const user = (typeof state.user === 'object' && state.user !== null ? state.user : state) as Record<
    string,
    unknown
  >;
  const name = typeof user.name === 'string' && user.name.trim() !== '' ? user.name.trim().slice(0, 80) : '';
  const color = typeof user.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : null;
  return { name, color };
}
