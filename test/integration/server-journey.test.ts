import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type SyncServer, startSyncServer } from '../../server/index';
import { BoardCommandError, BoardDoc, type BoardSnapshot, checkInvariants } from '../../shared/board';
import { type YClient, connectYClient, removeDir, tempDir, waitFor } from '../support';

/**
 * Three people edit the same journey map through the server with the board model's own
 * commands: the same card's text, moves, deletes, at the same time and while offline.
 * They must converge to one board that keeps the model's invariants.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

interface Person {
  name: string;
  board: BoardDoc;
  client: YClient;
}

function join(syncUrl: string, room: string, name: string, board: BoardDoc): Person {
  const client = connectYClient(syncUrl, room, { doc: board.ydoc });
  cleanup.push(() => {
    client.destroy();
    board.destroy();
  });
  return { name, board, client };
}

/** JSON with object keys sorted: replicas may list map entries in different orders. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const converged = (people: Person[]) => new Set(people.map((p) => canonical(p.board.snapshot()))).size === 1;

/** Runs a command the way the UI does: a target someone else just deleted is not an error to crash on. */
function attempt(command: () => void): void {
  try {
    command();
  } catch (error) {
    if (!(error instanceof BoardCommandError && error.code === 'not-found')) throw error;
  }
}

function journeyOf(snapshot: BoardSnapshot) {
  const journey = Object.values(snapshot.journeys)[0];
  if (!journey) throw new Error('no journey');
  return journey;
}

describe('three people on one journey map', () => {
  it('converge after concurrent edits of the same cards, live and offline, and after a server restart', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    let server: SyncServer = await startSyncServer({ dataDir, allowAnonymous: true, logger: () => {} });
    cleanup.push(() => server.close());
    const room = 'journey-board';

    const ann = join(server.syncUrl, room, 'Ann', BoardDoc.create({ title: 'Onboarding' }));
    const journeyId = ann.board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['Aware', 'Buy', 'Use'] });
    const initial = journeyOf(ann.board.snapshot());
    const stages = initial.stages.map((s) => s.id);
    const lanes = initial.lanes.map((l) => l.id);
    const cards = Array.from({ length: 8 }, (_, i) =>
      ann.board.addCard(journeyId, { stageId: stages[0]!, laneId: lanes[0]!, text: `card ${i}` }),
    );
    const bob = join(server.syncUrl, room, 'Bob', BoardDoc.fromYDoc(new Y.Doc()));
    const cat = join(server.syncUrl, room, 'Cat', BoardDoc.fromYDoc(new Y.Doc()));
    const people = [ann, bob, cat];
    await waitFor(() => converged(people), 'Bob and Cat to load the board');
    expect(Object.values(journeyOf(bob.board.snapshot()).cells).flat()).toHaveLength(8);

    // 1. Offline, everyone edits the same things; then all come back at once.
    for (const p of people) p.client.provider.disconnect();
    people.forEach((p, i) => {
      p.board.setCardText(journeyId, cards[0]!, `${p.name} rewrote card 0`);
      p.board.moveCard(journeyId, cards[1]!, { stageId: stages[i]!, laneId: lanes[1]!, index: 0 });
      p.board.deleteCard(journeyId, cards[2]!);
      p.board.addCard(journeyId, {
        stageId: stages[1]!,
        laneId: lanes[0]!,
        text: `new from ${p.name}`,
        index: 0,
      });
    });
    ann.board.deleteCard(journeyId, cards[3]!);
    bob.board.setCardText(journeyId, cards[3]!, 'Bob edits a card Ann deletes');
    cat.board.moveCard(journeyId, cards[3]!, { stageId: stages[2]!, laneId: lanes[2]!, index: 0 });
    for (const p of people) p.client.provider.connect();
    await waitFor(() => converged(people), 'convergence after the offline edits');

    const afterOffline = journeyOf(ann.board.snapshot());
    const all = Object.values(afterOffline.cells).flat();
    const ids = new Set(all.map((c) => c.id));
    expect(ids.has(cards[2]!)).toBe(false);
    expect(
      all
        .filter((c) => c.text.startsWith('new from '))
        .map((c) => c.text)
        .sort(),
    ).toEqual(['new from Ann', 'new from Bob', 'new from Cat']);
    expect(all.filter((c) => c.id === cards[1])).toHaveLength(1); // moved three ways, exists once
    expect(all.find((c) => c.id === cards[0])?.text).toMatch(/rewrote card 0/);
    for (const p of people) expect(checkInvariants(p.board.snapshot()), p.name).toEqual([]);

    // 2. Live: everyone fires commands at the same cards as fast as they can.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 40; round++) {
      for (const p of people) {
        const live = Object.values(journeyOf(p.board.snapshot()).cells).flat();
        const target = live[Math.floor(random() * live.length)];
        const op = Math.floor(random() * 4);
        if (target === undefined || op === 0) {
          p.board.addCard(journeyId, {
            stageId: stages[Math.floor(random() * 3)]!,
            laneId: lanes[Math.floor(random() * 2)]!,
            text: `${p.name} ${round}`,
          });
        } else if (op === 1)
          attempt(() => p.board.setCardText(journeyId, target.id, `${p.name} says ${round}`));
        else if (op === 2) {
          const to = {
            stageId: stages[Math.floor(random() * 3)]!,
            laneId: lanes[Math.floor(random() * 2)]!,
            index: 0,
          };
          attempt(() => p.board.moveCard(journeyId, target.id, to));
        } else attempt(() => p.board.deleteCard(journeyId, target.id));
      }
      if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => converged(people), 'convergence after the live edits');
    for (const p of people) expect(checkInvariants(p.board.snapshot()), p.name).toEqual([]);

    // 3. Restart the server: the clients reconnect by themselves, and a newcomer sees the same board.
    const expected = canonical(ann.board.snapshot());
    const port = server.port;
    await server.close();
    server = await startSyncServer({ dataDir, port, allowAnonymous: true, logger: () => {} });
    cleanup.push(() => server.close());
    await waitFor(() => people.every((p) => p.client.provider.synced), 'the clients to reconnect');
    const dan = join(server.syncUrl, room, 'Dan', BoardDoc.fromYDoc(new Y.Doc()));
    await waitFor(() => canonical(dan.board.snapshot()) === expected, 'Dan to load the same board');
    expect(dan.board.snapshot().meta.title).toBe('Onboarding');
  });
});
