import { create } from 'zustand';

/** A short message for the user (paste refused, file not valid, board deleted…). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  message: string;
}

interface NoticeState {
  notices: Notice[];
  notify(message: string, kind?: Notice['kind']): void;
  dismiss(id: number): void;
}

let nextId = 1;
const NOTICE_MS = 6000;

/** App-wide notices, shown in one live region by the shell. */
export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  notify(message, kind = 'info') {
    const id = nextId++;
    set({ notices: [...get().notices.slice(-3), { id, kind, message }] });
    setTimeout(() => get().dismiss(id), NOTICE_MS);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

/** Shows a notice from anywhere (event handlers, async code). */
export function notify(message: string, kind: Notice['kind'] = 'info'): void {
  useNotices.getState().notify(message, kind);
}
