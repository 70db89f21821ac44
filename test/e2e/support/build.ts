import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/e2e/support/build.ts). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIR = `${ROOT}out/renderer`;
export const SERVER_CLI = `${ROOT}dist/server/cli.mjs`;

/**
 * E2E tests drive the built app, never the sources: stop early with a message that says
 * what to run when the build is missing (`npm test` builds first through `pretest`).
 */
export function assertBuilt(): void {
  const missing: string[] = [];
  if (!existsSync(`${RENDERER_DIR}/index.html`)) missing.push('out/renderer (run `npm run build:renderer`)');
  if (!existsSync(SERVER_CLI)) missing.push('dist/server/cli.mjs (run `npm run build:server`)');
  if (missing.length > 0) {
    throw new Error(
      `The e2e tests need the built app, and these are missing: ${missing.join('; ')}. ` +
        'Run `npm run build` first (`npm test` does it for you).',
    );
  }
}
