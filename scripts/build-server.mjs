// Bundles the sync server for plain Node: dist/server/cli.mjs (the CLI) and
// dist/server/index.mjs (the embeddable API). Dependencies stay in node_modules.
import { build } from 'esbuild';

const started = Date.now();
await build({
  entryPoints: { cli: 'server/cli.ts', index: 'server/index.ts' },
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built dist/server/cli.mjs and index.mjs in ${Date.now() - started} ms`);
