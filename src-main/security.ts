/**
 * The security rules of the app's windows, as plain functions the window wiring applies
 * and the tests check: which URLs the app page may be, which links leave for the system
 * browser, the Content-Security-Policy, and which web permissions are granted.
 */

/** The app page is served from `app://bundle/` (a privileged custom scheme, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page's CSP: one definition for the desktop app and the web mode (shared/protocol/csp.ts). */
export { contentSecurityPolicy } from '../shared/protocol';

/** True when the window may navigate to `url`: only pages of the app itself (e.g. a reload). */
export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return appOrigins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}

/** A link the page asked to open outside the app, as it passed the checks. */
export interface ExternalLink {
  /** The normalised URL handed to the system browser or mail app. */
  url: string;
  /**
   * What the person is asked about and what an approval covers: the host (`example.com`,
   * `xn--…` for look-alike Unicode names, so they cannot pass for another site) for a web
   * link, the address for a mail link.
   */
  target: string;
}

/**
 * The link to hand to the system browser when the page asks to open `url` in a new window
 * (a link with target=_blank), or null to ignore it. Only web and mail links qualify; file,
 * custom-scheme and credential-carrying URLs never leave.
 */
export function externalLinkTarget(url: string): ExternalLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'mailto:') {
    const address = decodeURIComponent(parsed.pathname);
    return address ? { url: parsed.href, target: address } : null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return { url: parsed.href, target: parsed.host };
}

/**
 * Chromium's Local Network Access permissions (named `local-network-access`, split into
 * `local-network` and `loopback-network` in newer builds). Since Chromium 142 a page must
 * hold them to reach a LAN or loopback address, and the app's page is not on such an
 * address itself; hosting and joining workshops on the local network is what the app is
 * for. The CSP still decides which code may connect: only the app's own scripts.
 */
const LOCAL_NETWORK_PERMISSIONS: readonly string[] = [
  'local-network-access',
  'local-network',
  'loopback-network',
];

/**
 * Web permissions the page may have: writing to the clipboard (copy) and reaching the local
 * network (workshops); nothing else.
 */
export function isPermissionGranted(permission: string): boolean {
  return permission === 'clipboard-sanitized-write' || LOCAL_NETWORK_PERMISSIONS.includes(permission);
}
