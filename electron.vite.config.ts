import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { parse } from 'yaml';
import rendererConfig from './src-renderer/vite.config';

/**
 * electron-vite build of the desktop app (`npm run build:app`):
 *   main     src-main/main.ts     → out/main/main.js      (ESM; package.json "main")
 *   preload  src-main/preload.ts  → out/preload/preload.cjs (CommonJS: sandboxed preloads cannot be ESM)
 *   renderer src-renderer/index.html → out/renderer       (the same app web mode serves)
 *
 * electron-vite derives its Node/Chrome targets from node_modules/electron, which is
 * missing where the binary cannot be downloaded; the Electron version pinned in
 * electron-builder.yml stands in for it, so the build works everywhere.
 */
const root = import.meta.dirname;
const builder = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as {
  electronVersion: string;
};
process.env.ELECTRON_MAJOR_VER ??= builder.electronVersion.split('.')[0];

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies are bundled: the packaged app ships no node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { main: resolve(root, 'src-main/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: rendererConfig.plugins,
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default (~2 MB instead of ~0.9 MB);
      // the app, the e2e tests and the benchmarks load this build, so it matches `vite build`.
      minify: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
