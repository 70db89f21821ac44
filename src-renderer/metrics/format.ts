/** A number as people of the UI language write it, at most two decimals (unrounded values stay in the model). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}
