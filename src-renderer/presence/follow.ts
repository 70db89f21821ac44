import { create } from 'zustand';

/**
 * "Follow": the local viewport tracks another person's. Session state of this window only.
 * Any key, wheel or drag on the canvas stops it, as does the person leaving.
 */
interface FollowState {
  /** Awareness client id of the person followed, or null. */
  following: number | null;
  follow(clientId: number): void;
  stop(): void;
}

export const useFollow = create<FollowState>()((set, get) => ({
  following: null,
  follow: (clientId) => set({ following: clientId }),
  stop: () => {
    if (get().following !== null) set({ following: null });
  },
}));
