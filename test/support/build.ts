import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder up from this module with the project's
 * package.json (found by walking up, so it also works from a bundled copy, e.g. a benchmark
 * run through scripts/run-ts.mjs).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'cx-board')
      return `${dir}/`;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd().endsWith('/') ? process.cwd() : `${process.cwd()}/`;
    dir = parent;
  }
}

/** Repository root, with a trailing slash. */
export const ROOT = findRoot();
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
