/**
 * The wire rules between the sync server (`server/`) and its clients (the renderer's
 * `src-renderer/sync/`, the desktop's `src-main/hosting/`), defined once: roles, paths,
 * close codes, room names, join codes, the JSON answers of `/join/<code>` and of the
 * access check (`GET /sync/<room>`), and every refusal code. See docs/SERVER.md.
 */
export * from './access';
export * from './csp';
export * from './joinCode';
export * from './mime';
export * from './roomName';
