import { LANGUAGES, type Language } from '../../shared/ipc/api';

/** UI languages the app ships complete resources for: the one list in shared/ipc/api.ts. */
export const SUPPORTED_LANGUAGES = LANGUAGES;
export type { Language };

/** localStorage key of the language the user picked in settings. */
export const LANGUAGE_STORAGE_KEY = 'cxboard.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start with: the one the user picked before, else the first of the
 * browser/OS preferred languages we support (`ru-RU` → `ru`), else English.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
