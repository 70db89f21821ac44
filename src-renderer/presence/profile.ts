import i18next from 'i18next';
import { create } from 'zustand';
import { cleanName, isHexColor, MAX_NAME_LENGTH, type PresenceUser } from '../sync/presenceState';
import { randomPresenceColor } from './colors';

/**
 * The local person's name and colour, shown to everyone on a live board. Remembered on
 * this device (localStorage). Until someone types a name they are "Guest <n>", in the
 * current UI language, with a number picked once so it stays the same across visits.
 */

export const PROFILE_STORAGE_KEY = 'cxboard.presence.profile';

export interface Profile {
  /** The chosen name; empty means the default guest name. */
  name: string;
  color: string;
  guestNumber: number;
}

interface ProfileState extends Profile {
  setName(name: string): void;
  setColor(color: string): void;
}

/** Reads a stored profile; anything missing or malformed is filled with fresh defaults. */
export function parseProfile(raw: string | null, random: () => number = Math.random): Profile {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: start over with defaults.
  }
  const number = data.guestNumber;
  return {
    name: typeof data.name === 'string' ? cleanName(data.name) : '',
    color: isHexColor(data.color) ? data.color : randomPresenceColor(random),
    guestNumber:
      typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 99
        ? number
        : 1 + Math.floor(random() * 99),
  };
}

function load(): Profile {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PROFILE_STORAGE_KEY);
  } catch {
    // Storage disabled: defaults for this visit.
  }
  const profile = parseProfile(raw);
  save(profile);
  return profile;
}

function save({ name, color, guestNumber }: Profile): void {
  try {
    localStorage.setItem(PROFILE_STORAGE_KEY, JSON.stringify({ name, color, guestNumber }));
  } catch {
    // Not remembered, still used for this visit.
  }
}

/** The local profile store (one per window). */
export const useProfile = create<ProfileState>()((set, get) => ({
  ...load(),
  setName(name) {
    set({ name: name.replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH) });
    save({ ...get(), name: cleanName(get().name) });
  },
  setColor(color) {
    if (!isHexColor(color)) return;
    set({ color });
    save(get());
  },
}));

/** The name shown for `profile`: the chosen one, else "Guest <n>" in the current language. */
export function displayName(profile: Profile): string {
  return cleanName(profile.name) || i18next.t('presence.guestName', { number: profile.guestNumber });
}

/** Who this person is on a live board, for `connectBoard({ user })`. */
export function localUser(): PresenceUser {
  const profile = useProfile.getState();
  return { name: displayName(profile), color: profile.color };
}
