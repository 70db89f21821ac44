import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Builds the renderer on its own (web mode: `npm run build:renderer` → out/renderer, served
 * by the sync server's `--static`). Relative base so the same files work from any path and
 * from file:// in Electron. The desktop build uses electron.vite.config.ts with the same
 * index.html.
 */
const root = import.meta.dirname;

/** React Fast Refresh injects an inline script in dev; allow it there only, never in builds. */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'cx-relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: '../out/renderer', // relative to root
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
