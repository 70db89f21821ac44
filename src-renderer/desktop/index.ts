/**
 * The desktop extension of the renderer (see src-renderer/shell/extensions.ts): the shell
 * loads this module only inside the Electron app.
 */
export { BoardBarSection, StartSection } from './DesktopSections';
export { getDesktopBridge } from './bridge';
