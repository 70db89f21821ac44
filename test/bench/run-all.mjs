#!/usr/bin/env node
// Runs every benchmark in test/bench/ (files named *-bench.mjs or *-bench.ts) one after the
// other, passing the arguments through (`--short` is the quick mode CI uses). Benchmarks
// print their own numbers; this only fails when a benchmark itself fails to run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const args = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => /-bench\.(mjs|ts)$/.test(f))
  .sort();

let failed = 0;
for (const file of benches) {
  const path = join(here, file);
  const command = file.endsWith('.ts') ? [join(root, 'scripts/run-ts.mjs'), path, ...args] : [path, ...args];
  console.log(`\n=== ${file} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, command, { stdio: 'inherit', cwd: root });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`=== ${file}: done in ${seconds} s`);
  else {
    failed++;
    console.log(`=== ${file}: FAILED (exit ${result.status ?? result.signal}) after ${seconds} s`);
  }
}
console.log(`\nbenchmarks: ${benches.length - failed} ran, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
