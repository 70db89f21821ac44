import {
  type Language,
  MENU_CANVAS_ACTIONS,
  type MenuCanvasAction,
  type MenuCommand,
  type RecentEntry,
} from '../shared/ipc/contract';
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
 * menu on macOS; labels in the UI language. Canvas actions (undo, zoom, select all, …) are
 * sent to the renderer by their action id (`MENU_CANVAS_ACTIONS` of the IPC contract, with their keys); the keys are shown
 * but not registered, because the page already handles those keys and must see them first
 * (text fields undo their own typing). Cut, copy and paste stay native roles: they become
 * the page's clipboard events, which the canvas's actions handle.
 */
export function buildMenuTemplate(state: MenuState, strings: MainStrings): MenuItemSpec[] {
  const m = strings.menu;
  const mac = state.platform === 'darwin';
  /** A canvas action of the page: its key is shown, not registered (the page handles it). */
  const canvasAction = (id: MenuCanvasAction): MenuItemSpec => {
    const keys: { accelerator: string; mac?: string } = MENU_CANVAS_ACTIONS[id];
    return {
      accelerator: mac ? (keys.mac ?? keys.accelerator) : keys.accelerator,
      registerAccelerator: false,
      action: command(id),
    };
  };
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
      { label: m.undo, ...canvasAction('undo') },
      { label: m.redo, ...canvasAction('redo') },
      separator,
      { label: m.cut, role: 'cut' },
      { label: m.copy, role: 'copy' },
      { label: m.paste, role: 'paste' },
      { label: m.duplicate, ...canvasAction('duplicate') },
      { label: m.delete, ...canvasAction('delete') },
      separator,
      { label: m.selectAll, ...canvasAction('selectAll') },
    ],
  };
  const view: MenuItemSpec = {
    label: m.view,
    submenu: [
      { label: m.zoomIn, ...canvasAction('zoomIn') },
      { label: m.zoomOut, ...canvasAction('zoomOut') },
      { label: m.fitView, ...canvasAction('fitView') },
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
