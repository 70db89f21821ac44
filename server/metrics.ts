/** Counters the server keeps for /metrics. All totals since start. */
export interface Counters {
  connectionsAccepted: number;
  /** Upgrades refused at the HTTP level, by reason (e.g. `token-expired`, `too-many-connections`). */
  connectionsRefused: Record<string, number>;
  /** Connections closed by the server because of what they sent (malformed, oversized, too slow). */
  connectionsClosedForMisbehaviour: number;
  /** Connections dropped because they stopped answering pings. */
  connectionsTimedOut: number;
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
  /** Document updates accepted from editors and stored. */
  updatesApplied: number;
  /** Editors' document updates refused before anything was applied (too deep, forged ids, never integrable). */
  updatesRefused: number;
  /** Presence entries dropped: another connection's client id, too big, too deep, over the room's budget. */
  presenceRefused: number;
  /** Document updates from viewers, dropped. */
  viewerWritesRejected: number;
  roomsOpened: number;
  roomsUnloaded: number;
  /** Rooms dropped because their storage failed (their connections were closed). */
  storageFailures: number;
}

/** Fresh zeroed counters. */
export function createCounters(): Counters {
  return {
    connectionsAccepted: 0,
    connectionsRefused: {},
    connectionsClosedForMisbehaviour: 0,
    connectionsTimedOut: 0,
    messagesIn: 0,
    messagesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    updatesApplied: 0,
    updatesRefused: 0,
    presenceRefused: 0,
    viewerWritesRejected: 0,
    roomsOpened: 0,
    roomsUnloaded: 0,
    storageFailures: 0,
  };
}
