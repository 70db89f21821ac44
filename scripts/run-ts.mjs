#!/usr/bin/env node
// Runs a TypeScript file with Node 20 by bundling it with esbuild first (Node 20 cannot
// strip types itself). Used for one-off scripts such as fixture generators.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
// Inside node_modules so the bundle's bare imports resolve to the project's packages.
const cache = resolve('node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'run-ts-'));
const outfile = join(dir, 'script.mjs');
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: process.cwd() });
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
