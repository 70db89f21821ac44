import { afterAll, describe, expect, it } from 'vitest';
import {
  addElement,
  type BoardClient,
  canvas,
  connectBoardClient,
  node,
  saveScreenshot,
  browserApp,
  waitFor,
} from './support';

/**
 * A participant without the desktop app joins a hosted workshop from a browser: the host's
 * server (no anonymous access, a join code, serving the web app) hands out
 * `http://host:port/?join=CODE`; opening it shows the workshop board live.
 */

const app = browserApp({ server: { allowAnonymous: false } });
let host: BoardClient;

afterAll(() => {
  host?.close();
});

describe('joining a workshop from a browser', () => {
  it('opens the join link live, both ways, and explains a wrong code', async () => {
    const room = 'workshop-0a1b2c3d4e5f';
    const code = app.server.createJoinCode(room, 'editor');
    host = connectBoardClient(app.syncUrl, room, 'Host', {
      token: app.server.mintToken(room, 'editor', 600),
    });
    await host.connection.whenSynced();
    host.board.setTitle('Onboarding workshop');
    host.board.addElement({ type: 'sticky', x: 100, y: 100, text: 'Welcome, everyone' });

    const { page, problems, context } = await app.open(`${app.url}?join=${code}`);
    await canvas(page).waitFor();
    await page.waitForURL(`${app.url}#/board/${room}`);
    await page.getByRole('button', { name: 'Connection: Live' }).waitFor();
    await node(page, 'Sticky note: Welcome, everyone').waitFor();
    expect(await page.getByRole('textbox', { name: 'Board title' }).inputValue()).toBe('Onboarding workshop');
    await page.getByRole('button', { name: 'Follow Host' }).waitFor();

    await addElement(page, 'Sticky note', { x: 700, y: 300 }, 'A question from the browser');
    await waitFor(
      () =>
        Object.values(host.board.snapshot().elements).some((e) => e.text === 'A question from the browser'),
      'the host receives the participant’s sticky',
    );
    await waitFor(
      () => host.connection.presence.peers.getState().peers.length === 1,
      'the host sees the participant',
    );
    await saveScreenshot(page, 'collab-join-workshop');

    // A reload stays on the board, live, without the join code in the address.
    await page.reload();
    await page.getByRole('button', { name: 'Connection: Live' }).waitFor();
    expect(page.url()).not.toContain('join=');

    // A wrong code: a clear message on the start screen, and nothing opened.
    const other = await app.open(`${app.url}?join=ZZZZ-ZZZZ`);
    await other.page.getByText('This join code is unknown or the workshop has ended').waitFor();
    expect(other.page.url()).not.toContain('join=');
    expect(await other.page.getByRole('application').count()).toBe(0);

    expect(problems.errors).toEqual([]);
    await context.close();
    await other.context.close();
  });
});
