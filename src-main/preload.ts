/**
 * The preload script: runs sandboxed, before the page, and exposes one object,
 * `window.cxDesktop` (the `DesktopApi` of shared/ipc/api.ts), through contextBridge.
 * Each method sends one request of the IPC contract; nothing of Electron (ipcRenderer,
 * events, senders) reaches the page.
 */
import {
  type DesktopApi,
  type DesktopEvent,
  EVENT_CHANNEL,
  type IpcResult,
  type MenuCommand,
  type OpenBoardResult,
} from '../shared/ipc/api';
import type { ElectronPreload } from './electron-types';

// A sandboxed preload gets a `require` that provides only Electron's renderer modules.
const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

async function request<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Subscribes to one kind of event; returns the unsubscribe function. */
function on<K extends DesktopEvent['type']>(
  type: K,
  listener: (event: Extract<DesktopEvent, { type: K }>) => void,
): () => void {
  const handler = (_event: unknown, payload: unknown) => {
    const event = payload as DesktopEvent;
    if (event?.type === type) listener(event as Extract<DesktopEvent, { type: K }>);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
}

const api: DesktopApi = {
  getAppInfo: () => request('app:info'),
  setLanguage: async (language) => {
    await request('app:setLanguage', { language });
  },
  newBoard: () => request('board:new'),
  takePendingBoard: () => request('board:takePending'),
  openBoard: () => request('board:open'),
  openRecent: (id) => request('board:openRecent', { id }),
  saveBoard: (bytes) => request('board:save', { bytes }),
  saveBoardAs: (bytes) => request('board:saveAs', { bytes }),
  saveCopy: (bytes) => request('board:saveCopy', { bytes }),
  saveExport: (exportRequest) => request('export:save', exportRequest),
  autosave: async (bytes) => {
    await request('board:autosave', { bytes });
  },
  closeBoard: async () => {
    await request('board:close');
  },
  confirmUnsavedChanges: () => request('board:confirmUnsaved'),
  closeWindow: async () => {
    await request('window:close');
  },
  listRecent: () => request('recent:list'),
  removeRecent: (id) => request('recent:remove', { id }),
  clearRecent: () => request('recent:clear'),
  listNetworkInterfaces: () => request('hosting:interfaces'),
  startHosting: (options) => request('hosting:start', options),
  stopHosting: () => request('hosting:stop'),
  getHostingStatus: () => request('hosting:status'),
  resolveWorkshop: (query) => request('workshop:resolve', query),
  markJoined: (info) => request('workshop:joined', info),
  onMenuCommand: (listener: (command: MenuCommand, detail: { recentId?: string }) => void) =>
    on('menu-command', (event) => listener(event.command, { recentId: event.recentId })),
  onBoardOpened: (listener: (result: OpenBoardResult) => void) =>
    on('board-opened', (event) => listener(event.result)),
  onSessionChanged: (listener) => on('session-changed', (event) => listener(event.session)),
  onHostingChanged: (listener) => on('hosting-changed', (event) => listener(event.status)),
};

contextBridge.exposeInMainWorld('cxDesktop', api);
