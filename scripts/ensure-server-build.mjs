// Rebuilds dist/server when it is missing or older than any file in server/, so
// `npm run server` and `npm run token` always run the current code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

const built = fs.statSync('dist/server/cli.mjs', { throwIfNoEntry: false });
if (
  !built ||
  built.mtimeMs < Math.max(newestMtime('server'), fs.statSync('scripts/build-server.mjs').mtimeMs)
) {
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
