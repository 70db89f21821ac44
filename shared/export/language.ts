/** Languages exports are written in (the UI's languages). */
export const EXPORT_LANGUAGES = ['en', 'ru'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
