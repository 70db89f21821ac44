/**
 * Entry of the Electron main process (bundled to out/main/main.js). Only wiring: loads
 * Electron, finds the built files next to this script, and starts the app.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DesktopApp } from './desktop-app';
import type { ElectronMain } from './electron-types';

const electron = createRequire(import.meta.url)('electron') as ElectronMain;
const here = dirname(fileURLToPath(import.meta.url));

new DesktopApp(electron, {
  rendererDir: join(here, '..', 'renderer'),
  preloadScript: join(here, '..', 'preload', 'preload.cjs'),
  // Only an unpackaged app loads its page from the electron-vite dev server.
  devServerUrl: electron.app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
}).run(process.argv, process.cwd());
