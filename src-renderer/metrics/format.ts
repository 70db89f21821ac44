/** A number as people of the UI language write it, at most two decimals (unrounded values stay in the model). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A unit code of the metric catalogue translated (`metrics.unit.<code>`); a unit the team typed is shown as typed. */
export function unitText(
  t: (key: string, options?: Record<string, unknown>) => string,
  unit: string,
): string {
  return unit === '' ? '' : t(`metrics.unit.${unit}`, { defaultValue: unit });
}
