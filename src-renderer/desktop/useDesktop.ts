import { useStore } from 'zustand';
import type { AppShell } from '../shell/AppShell';
import { getDesktopBridge } from './bridge';
import { type DesktopController, type DesktopState, desktopController } from './controller';

/** The window's desktop controller and its state; attaches the current shell on every render. */
export function useDesktop(shell: AppShell): { controller: DesktopController; state: DesktopState } {
  const controller = desktopController(getDesktopBridge());
  if (!controller) throw new Error('useDesktop is only for the desktop app (window.cxDesktop).');
  controller.attach(shell);
  const state = useStore(controller.state);
  return { controller, state };
}
