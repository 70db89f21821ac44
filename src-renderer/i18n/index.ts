import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGE_STORAGE_KEY, type Language, pickLanguage } from './language';
import { collectResources } from './resources';

/**
 * i18next set-up. Resources are every `src-renderer/<part>/locales/{en,ru}.json` (and
 * `src-renderer/frames/<kind>/locales/…` of each frame kind), merged
 * into the one default namespace (each part prefixes its keys with its folder name, e.g.
 * `journey.*`, `desktop.*`). The glob is eager and tolerant: a part without locales, or not
 * written yet, simply contributes nothing.
 */
const localeModules = import.meta.glob(['../*/locales/*.json', '../frames/*/locales/*.json'], {
  eager: true,
});
export const resources = collectResources(localeModules);

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser languages
  }
}

/** Keeps `<html lang>` in step with the UI language (screen readers, hyphenation). */
function reflectLanguage(lang: string): void {
  document.documentElement.lang = lang;
}

/** Initialises the shared i18next instance once, with the language picked for this user. */
export function initI18n(): i18n {
  if (!i18next.isInitialized) {
    const language = pickLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
    void i18next.use(initReactI18next).init({
      resources: Object.fromEntries(
        Object.entries(resources).map(([lang, tree]) => [lang, { translation: tree }]),
      ),
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
      initAsync: false,
      showSupportNotice: false,
    });
    reflectLanguage(language);
    i18next.on('languageChanged', reflectLanguage);
  }
  return i18next;
}

/** Switches the UI language and remembers the choice on this device. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched.
  }
  void i18next.changeLanguage(lang);
}

/** The current UI language. */
export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lang) ? lang : 'en';
}
