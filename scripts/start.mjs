#!/usr/bin/env node
/**
 * `npm start`: builds and launches the desktop app when the Electron binary is installed;
 * otherwise says what is missing and how to get it, then starts the web mode (the same
 * app in a browser, served by the sync server) instead of failing with a stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The Electron executable, or the reason there is none. */
function findElectron() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { missing: 'the "electron" package is not installed (it is an optional dependency)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'the "electron" package is installed but its binary was not downloaded' };
  }
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable)
    ? { executable }
    : { missing: `the Electron binary is missing at ${executable}` };
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

const electron = findElectron();
if (electron.executable) {
  const built = await run(npm, ['run', 'build:app']);
  if (built !== 0) process.exit(built);
  process.exit(await run(electron.executable, ['.', ...process.argv.slice(2)]));
}

const version = /electronVersion:\s*([\d.]+)/.exec(
  readFileSync(join(root, 'electron-builder.yml'), 'utf8'),
)?.[1];
console.log(`
CX Board desktop app: cannot start here, ${electron.missing}.

To get the desktop app on this machine:
  - on a machine that can reach the Electron download host:
        npm install --no-save electron@${version ?? 'latest'}
  - or behind a mirror:
        ELECTRON_MIRROR=https://<your-mirror>/electron/ npm install --no-save electron@${version ?? 'latest'}
  - or with a binary you already have:
        ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-dist npm install --no-save electron@${version ?? 'latest'}
  then run "npm start" again.

Starting the web mode instead (the same app in your browser): npm run web
`);
process.exit(await run(npm, ['run', 'web']));
