import type { DesktopApi } from '../../shared/ipc/api';

/** The desktop app's API (`window.cxDesktop`, from the preload), or null in a browser. */
export function getDesktopBridge(): DesktopApi | null {
  const api = (globalThis as { cxDesktop?: DesktopApi }).cxDesktop;
  return api ?? null;
}
