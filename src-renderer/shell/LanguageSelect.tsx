import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { isLanguage, SUPPORTED_LANGUAGES } from '../i18n/language';

/** The language setting: switches the whole UI at once and is remembered on this device. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="cx-language">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {SUPPORTED_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`settings.languageName.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
