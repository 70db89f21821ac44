/**
 * The CX Board sync server, for embedding (the desktop app hosts workshops with it) and
 * for the CLI in `cli.ts`. See docs/SERVER.md.
 */
export { normalizeJoinCode, SYNC_PATH } from './access';
export type { Logger, LogLevel } from './log';
export type { FsyncMode } from './persistence/fileStore';
export { isValidRoomName, MAX_ROOM_NAME_LENGTH } from './roomName';
export { SECRET_ENV } from './secret';
export type { ConnectionSummary, MetricsSnapshot, SyncServer, SyncServerOptions } from './syncServer';
export { startSyncServer } from './syncServer';
export type { Role, TokenCheck, TokenClaims } from './tokens';
export { parseTtl, signToken, verifyToken } from './tokens';
