import type { Language, MenuCommand, RecentEntry } from '../shared/ipc/contract';
import type { MainStrings } from './strings';

/** What a menu item does in the main process, besides sending a command to the renderer. */
export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'openRecent'; id: string }
  | { kind: 'clearRecent' }
  | { kind: 'language'; language: Language }
  | { kind: 'about' };

/** A menu item as Electron's template takes it, with an action instead of a click callback. */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  accelerator?: string;
  /** False: shown in the menu but the key goes to the page, which handles it itself. */
  registerAccelerator?: boolean;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  action?: MenuAction;
}

export interface MenuState {
  platform: NodeJS.Platform;
  language: Language;
  recent: RecentEntry[];
  /** Whether a board is open (Save, Host, Close need one). */
  hasBoard: boolean;
  /** Developer tools only in unpackaged builds. */
  developer: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };
const command = (command: MenuCommand): MenuAction => ({ kind: 'command', command });

/**
 * The native menu bar: File, Edit, View, (Window on macOS), Help, plus the application
 * menu on macOS; labels in the UI language. Canvas shortcuts (undo, zoom, …) are shown but
 * not registered, because the page already handles those keys and must see them first
 * (text fields undo their own typing).
 */
export function buildMenuTemplate(state: MenuState, strings: MainStrings): MenuItemSpec[] {
  const m = strings.menu;
  const mac = state.platform === 'darwin';
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });
  const recentItems: MenuItemSpec[] =
    state.recent.length === 0
      ? [{ label: m.noRecent, enabled: false }]
      : [
          ...state.recent.map((entry) => ({
            label: entry.name,
            action: { kind: 'openRecent', id: entry.id } as MenuAction,
          })),
          separator,
          { label: m.clearRecent, action: { kind: 'clearRecent' } as MenuAction },
        ];

  const file: MenuItemSpec = {
    label: m.file,
    submenu: [
      { label: m.newBoard, accelerator: 'CmdOrCtrl+N', action: command('new') },
      { label: m.open, accelerator: 'CmdOrCtrl+O', action: command('open') },
      { label: m.openRecent, submenu: recentItems },
      separator,
      { label: m.save, accelerator: 'CmdOrCtrl+S', enabled: state.hasBoard, action: command('save') },
      {
        label: m.saveAs,
        accelerator: 'Shift+CmdOrCtrl+S',
        enabled: state.hasBoard,
        action: command('saveAs'),
      },
      separator,
      { label: m.hostWorkshop, enabled: state.hasBoard, action: command('hostWorkshop') },
      { label: m.joinWorkshop, action: command('joinWorkshop') },
      separator,
      { label: m.closeBoard, enabled: state.hasBoard, action: command('close') },
      { label: m.closeWindow, accelerator: 'CmdOrCtrl+W', action: command('closeWindow') },
      ...(mac ? [] : [separator, { label: m.quit, role: 'quit', accelerator: 'Ctrl+Q' }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: m.edit,
    submenu: [
      { label: m.undo, ...pageKey('CmdOrCtrl+Z'), action: command('undo') },
      { label: m.redo, ...pageKey(mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'), action: command('redo') },
      separator,
      { label: m.cut, role: 'cut' },
      { label: m.copy, role: 'copy' },
      { label: m.paste, role: 'paste' },
      { label: m.duplicate, ...pageKey('CmdOrCtrl+D'), action: command('duplicate') },
      { label: m.delete, ...pageKey('Delete'), action: command('delete') },
      separator,
      { label: m.selectAll, role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: m.view,
    submenu: [
      { label: m.zoomIn, ...pageKey('CmdOrCtrl+='), action: command('zoomIn') },
      { label: m.zoomOut, ...pageKey('CmdOrCtrl+-'), action: command('zoomOut') },
      { label: m.fitView, ...pageKey('CmdOrCtrl+0'), action: command('fitView') },
      separator,
      {
        label: m.language,
        submenu: [
          {
            label: 'English',
            type: 'radio',
            checked: state.language === 'en',
            action: command('language:en'),
          },
          {
            label: 'Русский',
            type: 'radio',
            checked: state.language === 'ru',
            action: command('language:ru'),
          },
        ],
      },
      separator,
      { label: m.fullScreen, role: 'togglefullscreen' },
      ...(state.developer ? [{ label: m.devTools, role: 'toggleDevTools' }] : []),
    ],
  };
  const help: MenuItemSpec = {
    label: m.help,
    role: 'help',
    submenu: [{ label: m.about, action: { kind: 'about' } }],
  };
  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemSpec = {
    label: strings.productName,
    submenu: [
      { label: m.app.about, action: { kind: 'about' } },
      separator,
      { label: m.app.services, role: 'services' },
      separator,
      { label: m.app.hide, role: 'hide' },
      { label: m.app.hideOthers, role: 'hideOthers' },
      { label: m.app.showAll, role: 'unhide' },
      separator,
      { label: m.app.quit, role: 'quit' },
    ],
  };
  const windowMenu: MenuItemSpec = { label: m.window, role: 'windowMenu' };
  return [appMenu, strip(file), strip(edit), strip(view), strip(windowMenu), strip(help)];
}

/** macOS menus have no mnemonics: drop the `&` markers. */
function strip(item: MenuItemSpec): MenuItemSpec {
  return { ...item, ...(item.label ? { label: item.label.replace('&', '') } : {}) };
}

/** Electron template items: the spec with `action` turned into a click callback. */
export interface ElectronMenuItem extends Omit<MenuItemSpec, 'action' | 'submenu'> {
  submenu?: ElectronMenuItem[];
  click?: () => void;
}

export function toElectronTemplate(
  items: MenuItemSpec[],
  run: (action: MenuAction) => void,
): ElectronMenuItem[] {
  return items.map(({ action, submenu, ...rest }) => ({
    ...rest,
    ...(submenu ? { submenu: toElectronTemplate(submenu, run) } : {}),
    ...(action ? { click: () => run(action) } : {}),
  }));
}
