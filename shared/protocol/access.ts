import { z } from 'zod';
import { isValidRoomName } from './roomName';

/** What a connection may do in a room: an editor's updates are applied, a viewer's never. */
export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return value === 'editor' || value === 'viewer';
}

/** Path prefix of websocket rooms: clients use `ws(s)://host:port/sync` as the y-websocket server URL. */
export const SYNC_PATH = '/sync';
/** Path prefix of the join-code lookup: `GET /join/<code>`. */
export const JOIN_PATH = '/join';

/**
 * Websocket close codes the server uses. The stock y-websocket client reconnects after
 * all of them except 44xx, which mean "the server decided: do not come back".
 */
export const CLOSE_CODES = {
  /** Server shutting down or room unloaded. */
  goingAway: 1001,
  /** A message the server cannot accept: malformed, wrong type, hostile. */
  invalidData: 1007,
  /** A frame over the maximum message size (ws's own code). */
  tooBig: 1009,
  /** Storage failure or internal error: reconnect, the room reloads. */
  internalError: 1011,
  /** The peer does not read what it is sent fast enough. */
  tryAgainLater: 1013,
  /** Access withdrawn (join code removed). */
  accessRevoked: 4403,
} as const;

/**
 * Every `error` code the server answers with (HTTP refusals of an upgrade, of the access
 * check, of `/join/<code>`). docs/SERVER.md explains each.
 */
export const SERVER_ERROR_CODES = [
  'credential-missing',
  'token-malformed',
  'token-bad-signature',
  'token-expired',
  'token-wrong-room',
  'code-unknown',
  'code-wrong-room',
  'foreign-origin',
  'bad-room-name',
  'not-a-room-path',
  'too-many-connections',
  'too-many-wrong-codes',
  'too-many-rooms',
  'room-damaged',
  'room-unavailable',
  'shutting-down',
  'bad-request',
  'method-not-allowed',
  'not-found',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

const roomSchema = z.string().refine(isValidRoomName, 'not a valid room name');
const roleSchema = z.enum(ROLES);

/** `200` answer of `GET /join/<code>`: the room and role the code opens and how to connect. */
export const joinAnswerSchema = z.object({
  room: roomSchema,
  role: roleSchema,
  /** The code in canonical form. */
  code: z.string(),
  syncPath: z.string(),
  params: z.object({ code: z.string() }),
});
export type JoinAnswer = z.infer<typeof joinAnswerSchema>;

/** `200` answer of the access check `GET /sync/<room>?token=…|code=…`. */
export const accessAnswerSchema = z.object({ ok: z.literal(true), room: roomSchema, role: roleSchema });
export type AccessAnswer = z.infer<typeof accessAnswerSchema>;

/**
 * Any refusal: `{ error, message? }`. `error` stays a string so a client keeps working
 * with a newer server's codes; {@link isServerErrorCode} tells the known ones.
 */
export const errorAnswerSchema = z.object({ error: z.string(), message: z.string().optional() });
export type ErrorAnswer = { error: ServerErrorCode; message?: string };

export function isServerErrorCode(value: unknown): value is ServerErrorCode {
  return typeof value === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(value);
}
