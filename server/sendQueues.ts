/**
 * Bytes handed to websockets but not yet written to the kernel, per connection, per client
 * address and per room: what peers that do not read make the server hold in memory. A
 * large answer (the initial sync of a big board) is only prepared when the asking
 * connection has nothing queued and its address and room are within their budgets;
 * otherwise it waits here until bytes drain.
 */

/** Memory bounds for unsent data. */
export interface SendLimits {
  /** A connection with more unsent than this is closed (1013): it is not reading. */
  perConnection: number;
  /** No initial sync is prepared for an address with more unsent than this until it drains. */
  perAddress: number;
  /** The same for a whole room. */
  perRoom: number;
}

export const SEND_LIMITS: SendLimits = {
  perConnection: 16 * 1024 * 1024,
  perAddress: 32 * 1024 * 1024,
  perRoom: 256 * 1024 * 1024,
};

/** Something waiting for its address's or room's queue to drain. */
export interface QueueWaiter {
  readonly ip: string;
  readonly roomName: string;
  /** Called after bytes drained for its address or room; returns true when it no longer waits. */
  retry(): boolean;
}

export class SendQueues {
  private readonly byAddress = new Map<string, number>();
  private readonly byRoom = new Map<string, number>();
  private readonly waiters = new Set<QueueWaiter>();
  private total = 0;

  constructor(readonly limits: SendLimits = SEND_LIMITS) {}

  /** Unsent bytes held for every connection. */
  get bytes(): number {
    return this.total;
  }

  /** Connections waiting to be sent an initial sync. */
  get waiting(): number {
    return this.waiters.size;
  }

  /** True when `ip` and `room` are within their budgets, so a large answer may be prepared. */
  hasRoom(ip: string, room: string): boolean {
    return (
      (this.byAddress.get(ip) ?? 0) < this.limits.perAddress &&
      (this.byRoom.get(room) ?? 0) < this.limits.perRoom
    );
  }

  add(ip: string, room: string, bytes: number): void {
    this.total += bytes;
    this.byAddress.set(ip, (this.byAddress.get(ip) ?? 0) + bytes);
    this.byRoom.set(room, (this.byRoom.get(room) ?? 0) + bytes);
  }

  /** Bytes left the process (written to the kernel, or the socket closed); wakes waiters that now fit. */
  drain(ip: string, room: string, bytes: number): void {
    this.total -= bytes;
    subtract(this.byAddress, ip, bytes);
    subtract(this.byRoom, room, bytes);
    for (const waiter of [...this.waiters]) {
      if ((waiter.ip === ip || waiter.roomName === room) && this.hasRoom(waiter.ip, waiter.roomName)) {
        if (waiter.retry()) this.waiters.delete(waiter);
      }
    }
  }

  wait(waiter: QueueWaiter): void {
    this.waiters.add(waiter);
  }

  stopWaiting(waiter: QueueWaiter): void {
    this.waiters.delete(waiter);
  }
}

function subtract(map: Map<string, number>, key: string, bytes: number): void {
  const left = (map.get(key) ?? 0) - bytes;
  if (left <= 0) map.delete(key);
  else map.set(key, left);
}
