import type { TFunction } from 'i18next';

/** The person-facing explanation of a connection reason code (server refusals, offline, …). */
export function reasonMessage(reason: string | null, t: TFunction): string | null {
  if (reason === null) return null;
  return t(`sync.reason.${reason}`, { defaultValue: t('sync.reason.other', { reason }) });
}
