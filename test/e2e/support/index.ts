/**
 * E2E support shared by every browser test: the fixture (`browserApp`: server, Chromium,
 * pages), user-level helpers, and the shared servers/clients/waits of test/support.
 * See test/CONTEXT.md.
 */
export * from '../../support';
export * from './app';
export * from './browser';
export * from './fixture';
