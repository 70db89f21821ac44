import { afterEach, describe, expect, it } from 'vitest';
import {
  accessAnswerSchema,
  CLOSE_CODES,
  errorAnswerSchema,
  isServerErrorCode,
  JOIN_PATH,
  joinAnswerSchema,
  SYNC_PATH,
} from '../../shared/protocol';
import { connectYClient, getJson, startTestServer, synced, type TestServer, type YClient } from '../support';

/**
 * The wire rules in shared/protocol are what the server really speaks: its answers parse
 * with the shared schemas, its refusals carry known error codes, its close codes match.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(): Promise<TestServer> {
  const handle = await startTestServer({ allowAnonymous: false, secret: 'protocol-test-secret-0123456789' });
  cleanup.push(() => handle.dispose());
  return handle;
}

function client(syncUrl: string, room: string, params: Record<string, string>): YClient {
  const made = connectYClient(syncUrl, room, { params });
  cleanup.push(() => made.destroy());
  return made;
}

describe('shared/protocol against the real server', () => {
  it('join and access answers parse with the shared schemas', async () => {
    const { server: s } = await server();
    const code = s.createJoinCode('workshop', 'viewer');

    const join = await getJson(`${s.url}${JOIN_PATH}/${code}`);
    expect(join.status).toBe(200);
    const answer = joinAnswerSchema.parse(join.body);
    expect(answer).toMatchObject({ room: 'workshop', role: 'viewer', syncPath: SYNC_PATH });

    const access = await getJson(`${s.url}${SYNC_PATH}/workshop?code=${answer.params.code}`);
    expect(accessAnswerSchema.parse(access.body)).toEqual({ ok: true, room: 'workshop', role: 'viewer' });
    const token = s.mintToken('board', 'editor', 600);
    const byToken = await getJson(`${s.url}${SYNC_PATH}/board?token=${token}`);
    expect(accessAnswerSchema.parse(byToken.body).role).toBe('editor');
  });

  it('every refusal is { error, message? } with a known error code', async () => {
    const { server: s } = await server();
    const refusals = [
      `${SYNC_PATH}/board`,
      `${SYNC_PATH}/board?token=nonsense`,
      `${SYNC_PATH}/bad%20name?token=x`,
      `${SYNC_PATH}/board?code=ABCD-EFGH`,
      `${JOIN_PATH}/ABCD-EFGH`,
    ];
    const codes: string[] = [];
    for (const refusal of refusals) {
      const { status, body } = await getJson(`${s.url}${refusal}`);
      expect(status, refusal).toBeGreaterThanOrEqual(400);
      const parsed = errorAnswerSchema.parse(body);
      expect(isServerErrorCode(parsed.error), parsed.error).toBe(true);
      codes.push(parsed.error);
    }
    expect(codes).toEqual([
      'credential-missing',
      'token-malformed',
      'bad-room-name',
      'code-unknown',
      'code-unknown',
    ]);
  });

  it('a withdrawn join code closes its connections with the shared close code', async () => {
    const { server: s } = await server();
    const code = s.createJoinCode('workshop', 'editor');
    const participant = client(s.syncUrl, 'workshop', { code });
    await synced(participant);
    const closed = new Promise<number>((resolve) =>
      participant.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    s.removeJoinCode(code);
    expect(await closed).toBe(CLOSE_CODES.accessRevoked);
  });
});
