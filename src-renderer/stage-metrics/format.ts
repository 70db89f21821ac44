import type { TFunction } from 'i18next';
import type { MetricSnapshot } from '../../shared/board';
import { isMetricKind } from '../../shared/metrics';

/** Unit codes the catalogue stores (`metrics.unit.<code>`); any other unit is the team's own text. */
const UNIT_CODES = new Set(['points', 'score', 'percent', 'seconds', 'days', 'currency']);

/** A metric's unit as shown: the translated catalogue unit, or the team's own text. */
export function unitLabel(unit: string, t: TFunction): string {
  return UNIT_CODES.has(unit) ? t(`metrics.unit.${unit}`) : unit;
}

/** A value as people of the UI language write it: at most two decimals (the model keeps it unrounded). */
export function formatValue(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A metric's name as shown: the team's name, else its catalogue kind's name. */
export function displayName(metric: Pick<MetricSnapshot, 'name' | 'kind'>, t: TFunction): string {
  if (metric.name.trim()) return metric.name.trim();
  return t(`metrics.kind.${isMetricKind(metric.kind) ? metric.kind : 'custom'}.name`);
}

/** Parses a number typed the way people write it: spaces as thousands separators, a decimal comma. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Splits pasted numbers (spaces, tabs, new lines or semicolons between them). */
export function splitNumbers(text: string): string[] {
  return text.split(/[\s;]+/).filter((part) => part !== '');
}
