import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BoardDoc, checkInvariants, type JourneySnapshot } from '../../shared/board';
import {
  canonical,
  connectBoardClient,
  delay,
  startTestServer,
  type BoardClient,
  type TestServer,
  waitFor,
  waitForConvergence,
  seededRandom,
} from '../support';

/**
 * Live collaboration from the client's side, end to end in Node: BoardDocs connected through
 * the renderer's `connectBoard` to a real sync server over real sockets.
 */

let server: TestServer;
let clients: BoardClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const client of clients) client.close();
  clients = [];
  await server.dispose();
});

function join(room: string, name: string, board?: BoardDoc): BoardClient {
  const client = connectBoardClient(server.server.syncUrl, room, name, board ? { board } : {});
  clients.push(client);
  return client;
}

function journeyOf(client: BoardClient, id: string): JourneySnapshot {
  const journey = client.board.snapshot().journeys[id];
  if (!journey) throw new Error(`${client.name} has no journey ${id}`);
  return journey;
}

function allCards(journey: JourneySnapshot) {
  return Object.values(journey.cells).flat();
}

/** Sets up a journey on `owner`'s board and waits until everyone has it. */
async function sharedJourney(owner: BoardClient, others: BoardClient[]) {
  const journeyId = owner.board.addJourney({
    kind: 'cjm',
    preset: 'light',
    title: 'Onboarding',
    x: 0,
    y: 0,
    stageTitles: ['Discover', 'Sign up', 'First use'],
  });
  const j = journeyOf(owner, journeyId);
  const [s1, s2, s3] = j.stages.map((s) => s.id) as [string, string, string];
  const lane = j.lanes[0]!.id;
  const shared = owner.board.addCard(journeyId, { stageId: s1, laneId: lane, text: 'Finds the app' });
  const doomed = owner.board.addCard(journeyId, { stageId: s2, laneId: lane, text: 'Fills a form' });
  await waitForConvergence([owner, ...others]);
  return { journeyId, stages: [s1, s2, s3], lane, shared, doomed };
}

describe('three clients on one journey', () => {
  it('converge after concurrent edits of the same card text, moves and deletes', async () => {
    const [a, b, c] = [
      join('journey-room', 'Anna'),
      join('journey-room', 'Boris'),
      join('journey-room', 'Chen'),
    ];
    await Promise.all([a, b, c].map((x) => x.connection.whenSynced()));
    const { journeyId, stages, lane, shared, doomed } = await sharedJourney(a, [b, c]);

    // All in one tick: none of these has reached anyone else, so they are truly concurrent.
    a.board.setCardText(journeyId, shared, 'Finds the app in a store');
    b.board.setCardText(journeyId, shared, 'Quickly finds the app');
    c.board.setCardText(journeyId, shared, 'Finds the app!');
    a.board.moveCard(journeyId, shared, { stageId: stages[1]!, laneId: lane });
    b.board.moveCard(journeyId, shared, { stageId: stages[2]!, laneId: lane });
    c.board.deleteCard(journeyId, doomed);
    a.board.setCardText(journeyId, doomed, 'Fills a short form');
    const fromB = b.board.addCard(journeyId, { stageId: stages[0]!, laneId: lane, text: 'Reads reviews' });
    const fromC = c.board.addStage(journeyId, { title: 'Recommend' });

    await waitForConvergence([a, b, c]);
    const journey = journeyOf(a, journeyId);
    const cards = allCards(journey);
    // The card moved exactly once, to one of the two targets, with every insertion merged.
    const sharedCard = cards.filter((card) => card.id === shared);
    expect(sharedCard).toHaveLength(1);
    expect([stages[1], stages[2]]).toContain(sharedCard[0]!.stageId);
    for (const word of ['store', 'Quickly', '!']) expect(sharedCard[0]!.text).toContain(word);
    // The delete wins over the concurrent text edit; other people's additions are kept.
    expect(cards.some((card) => card.id === doomed)).toBe(false);
    expect(cards.find((card) => card.id === fromB)?.text).toBe('Reads reviews');
    expect(journey.stages.map((s) => s.id)).toContain(fromC);
    expect(checkInvariants(a.board.snapshot())).toEqual([]);
  });

  it('converge after a burst of random edits interleaved over the network', async () => {
    const [a, b, c] = [join('burst-room', 'Anna'), join('burst-room', 'Boris'), join('burst-room', 'Chen')];
    await Promise.all([a, b, c].map((x) => x.connection.whenSynced()));
    const { journeyId, lane } = await sharedJourney(a, [b, c]);
    const next = seededRandom(20261122);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
    const added: Record<string, string> = {};

    for (let round = 0; round < 60; round++) {
      for (const client of [a, b, c]) {
        const journey = journeyOf(client, journeyId);
        const stage = pick(journey.stages);
        const card = pick(allCards(journey));
        const roll = next();
        if (roll < 0.35 && stage) {
          const text = `${client.name}-${round}`;
          added[client.board.addCard(journeyId, { stageId: stage.id, laneId: lane, text })] = text;
        } else if (roll < 0.6 && card) {
          client.board.setCardText(journeyId, card.id, `${card.text} ${client.name[0]}${round}`);
        } else if (roll < 0.8 && card && stage) {
          client.board.moveCard(journeyId, card.id, { stageId: stage.id, laneId: lane, index: 0 });
        } else if (roll < 0.9 && card) {
          client.board.deleteCard(journeyId, card.id);
        } else if (stage) {
          client.board.setEmotion(journeyId, stage.id, 'asIs', Math.floor(next() * 5) - 2);
        }
      }
      // Let some rounds cross on the wire and others land before the next round.
      if (round % 3 === 0) await delay(Math.floor(next() * 15));
    }

    await waitForConvergence([a, b, c], 15_000);
    const snapshot = a.board.snapshot();
    expect(checkInvariants(snapshot)).toEqual([]);
    const cards = allCards(snapshot.journeys[journeyId]!);
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
    // Every card ever added is either still there or was deleted by someone: none is duplicated or lost silently.
    expect(Object.keys(added).length).toBeGreaterThan(20);
    expect(canonical(b.board.snapshot())).toBe(canonical(snapshot));
  });
});

describe('offline editing', () => {
  it('keeps an offline client editing and merges both sides on reconnect, losing nothing', async () => {
    const [a, b, c] = [
      join('offline-room', 'Anna'),
      join('offline-room', 'Boris'),
      join('offline-room', 'Chen'),
    ];
    await Promise.all([a, b, c].map((x) => x.connection.whenSynced()));
    const { journeyId, stages, lane, shared } = await sharedJourney(a, [b, c]);

    c.network.set(false);
    expect(c.connection.state.getState()).toMatchObject({ status: 'offline', reason: 'network' });
    // The server has let go of C's socket: nothing can cross in either direction from here on.
    await waitFor(
      () => server.server.connections().rooms['offline-room']?.editors === 2,
      "the server to see C's socket close",
    );

    // Both sides edit while C is away, including the same card's text.
    const cOffline = [
      c.board.addCard(journeyId, { stageId: stages[0]!, laneId: lane, text: 'Offline idea 1' }),
      c.board.addCard(journeyId, { stageId: stages[2]!, laneId: lane, text: 'Offline idea 2' }),
    ];
    c.board.setCardText(journeyId, shared, 'Finds the app (offline note)');
    c.board.renameStage(journeyId, stages[1]!, 'Register');
    const aOnline = a.board.addCard(journeyId, { stageId: stages[1]!, laneId: lane, text: 'Online idea' });
    b.board.setCardText(journeyId, shared, 'Often finds the app');
    b.board.setEmotion(journeyId, stages[0]!, 'asIs', 2);
    expect(c.connection.state.getState().unsyncedChanges).toBe(true);

    await waitForConvergence([a, b]);
    // Nothing crossed while C was offline, in either direction.
    expect(allCards(journeyOf(a, journeyId)).some((card) => cOffline.includes(card.id))).toBe(false);
    expect(allCards(journeyOf(c, journeyId)).some((card) => card.id === aOnline)).toBe(false);

    c.network.set(true);
    await c.connection.whenSynced();
    await waitForConvergence([a, b, c]);
    expect(c.connection.state.getState()).toMatchObject({ status: 'connected', unsyncedChanges: false });

    for (const client of [a, b, c]) {
      const journey = journeyOf(client, journeyId);
      const texts = allCards(journey).map((card) => card.text);
      expect(texts).toEqual(expect.arrayContaining(['Offline idea 1', 'Offline idea 2', 'Online idea']));
      const sharedText = allCards(journey).find((card) => card.id === shared)!.text;
      expect(sharedText).toContain('offline note');
      expect(sharedText).toContain('Often');
      expect(journey.stages.find((s) => s.id === stages[1])!.title).toBe('Register');
      expect(journey.stages[0]!.emotion.asIs).toBe(2);
    }
  });

  it('shows reconnecting while the server is down and catches up after it restarts', async () => {
    const [a, b] = [join('restart-room', 'Anna'), join('restart-room', 'Boris')];
    await Promise.all([a, b].map((x) => x.connection.whenSynced()));
    const sticky = a.board.addElement({ type: 'sticky', x: 0, y: 0, text: 'before restart' });
    await waitForConvergence([a, b]);

    const port = server.server.port;
    await server.server.close();
    await waitFor(
      () => [a, b].every((x) => x.connection.state.getState().status === 'reconnecting'),
      'both clients show reconnecting',
    );
    a.board.setElementText(sticky, 'edited while the server was down');
    const fromB = b.board.addElement({ type: 'sticky', x: 300, y: 0, text: 'also while down' });

    await server.restart();
    expect(server.server.port).toBe(port);
    await Promise.all([a, b].map((x) => x.connection.whenSynced(15_000)));
    await waitForConvergence([a, b]);
    const elements = b.board.snapshot().elements;
    expect(elements[sticky]?.text).toBe('edited while the server was down');
    expect(elements[fromB]?.text).toBe('also while down');
  });
});

describe('undo stays local', () => {
  it('undoing never removes or reverts another person’s work', async () => {
    const [a, b] = [join('undo-room', 'Anna'), join('undo-room', 'Boris')];
    await Promise.all([a, b].map((x) => x.connection.whenSynced()));
    const { journeyId, stages, lane, shared } = await sharedJourney(a, [b]);
    a.board.history.clear();

    // Anna adds a card and types into the shared card; Boris edits the same card and adds his own.
    const annasCard = a.board.addCard(journeyId, { stageId: stages[0]!, laneId: lane, text: 'Anna' });
    a.board.setCardText(journeyId, shared, 'Finds the app fast');
    await waitForConvergence([a, b]);
    b.board.setCardText(journeyId, shared, 'Boris: Finds the app fast');
    const borisCard = b.board.addCard(journeyId, { stageId: stages[1]!, laneId: lane, text: 'Boris' });
    b.board.moveCard(journeyId, annasCard, { stageId: stages[2]!, laneId: lane });
    await waitForConvergence([a, b]);

    // Remote changes are not in Anna's history; undo walks back only her own two steps.
    a.board.history.undo();
    a.board.history.undo();
    expect(a.board.history.canUndo()).toBe(false);
    await waitForConvergence([a, b]);

    for (const client of [a, b]) {
      const journey = journeyOf(client, journeyId);
      const cards = allCards(journey);
      expect(cards.some((card) => card.id === annasCard)).toBe(false);
      expect(cards.find((card) => card.id === borisCard)?.text).toBe('Boris');
      // Anna's " fast" is gone; Boris's prefix, typed after it, stays.
      expect(cards.find((card) => card.id === shared)?.text).toBe('Boris: Finds the app');
    }

    // Boris's own undo still works on his own changes only.
    b.board.history.undo();
    await waitForConvergence([a, b]);
    expect(allCards(journeyOf(a, journeyId)).some((card) => card.id === borisCard)).toBe(false);
    expect(allCards(journeyOf(a, journeyId)).find((card) => card.id === shared)?.text).toBe(
      'Boris: Finds the app',
    );
  });
});

describe('presence', () => {
  it('shares names, colours, cursors, selections and viewports, and forgets people who leave', async () => {
    const [a, b] = [join('presence-room', 'Anna'), join('presence-room', 'Boris')];
    await Promise.all([a, b].map((x) => x.connection.whenSynced()));
    a.connection.presence.setUser({ name: '  Anna\u0000 K. ', color: '#e11d48' });
    a.connection.presence.setCursor({ x: 120, y: -40 });
    a.connection.presence.setSelection(['card1', 'card2']);
    a.connection.presence.setViewport({ x: 500, y: 300, zoom: 1.5 });

    const peersOfB = () => b.connection.presence.peers.getState().peers;
    await waitFor(() => peersOfB()[0]?.viewport?.zoom === 1.5, 'B sees A’s viewport');
    expect(peersOfB()).toEqual([
      {
        clientId: a.board.ydoc.clientID,
        name: 'Anna K.',
        color: '#e11d48',
        cursor: { x: 120, y: -40 },
        selection: ['card1', 'card2'],
        viewport: { x: 500, y: 300, zoom: 1.5 },
      },
    ]);
    expect(a.connection.presence.peers.getState().peers.map((p) => p.name)).toEqual(['Boris']);

    a.connection.disconnect();
    await waitFor(() => peersOfB().length === 0, 'B sees A leave');
  });

  it('throttles cursor updates to about 30 per second', async () => {
    const [a, b] = [join('cursor-room', 'Anna'), join('cursor-room', 'Boris')];
    await Promise.all([a, b].map((x) => x.connection.whenSynced()));
    let received = 0;
    const off = b.connection.presence.peers.subscribe(() => received++);
    const started = Date.now();
    let lastX = 0;
    while (Date.now() - started < 500) {
      lastX = Date.now() - started;
      a.connection.presence.setCursor({ x: lastX, y: 0 });
      await delay(2); // a mouse moving: a move every few milliseconds
    }
    // The throttle sends the last position at the end of its window.
    await waitFor(
      () => b.connection.presence.peers.getState().peers[0]?.cursor?.x === lastX,
      "B to see A's last cursor position",
    );
    off();
    // ~250 moves in half a second go out as at most ~16 updates (plus slack for timing).
    expect(received).toBeGreaterThan(5);
    expect(received).toBeLessThanOrEqual(20);
    const last = b.connection.presence.peers.getState().peers[0]!.cursor!;
    expect(last.x).toBeGreaterThan(450);
  });
});
