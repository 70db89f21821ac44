/**
 * The app page's CSP, sent as a header with every page of the app: by the desktop app for
 * `app://bundle` and by the sync server's static hosting in web mode (the page's own meta
 * CSP applies as well; both must pass). `frame-ancestors 'none'`: no other page may frame
 * the app (only a header can say that). Scripts only from the app itself (no inline, no eval), no
 * plugins, frames, forms or base changes. Network access is open to ws(s)/http(s) because
 * workshop and team servers live at addresses not known in advance (LAN IPs); with
 * scripts locked to the app's own files, no injected code can use that. Inline styles are
 * allowed because React and React Flow position elements with style attributes.
 *
 * In development the page comes from the electron-vite dev server, whose React refresh
 * preamble is an inline script: only then is 'unsafe-inline' added to script-src.
 */
export function contentSecurityPolicy(options: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'ws:', 'wss:', 'http:', 'https:'],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
