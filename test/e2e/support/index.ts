/**
 * E2E support shared by every browser test (canvas, journey, collaboration): the built-app
 * check, a real sync server serving the built renderer, Chromium, and user-level helpers.
 * See docs/RENDERER.md, "E2E support".
 */
export * from './app';
export * from './browser';
export * from './build';
export * from './server';
