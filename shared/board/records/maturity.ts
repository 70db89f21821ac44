import { z } from 'zod';
import { compareOrdered } from '../order';
import { childMaps, type IssueSink, strip, subMap, type YMap } from '../read';
import {
  coordinate,
  id,
  MAX_TITLE_LENGTH,
  nullableOneOf,
  oneOf,
  orderKey,
  repairFields,
  text,
} from './fields';

/**
 * The CX maturity self-assessment card (DOMAIN 2.7): where the company stands, per area, on
 * the four stages of building relations with customers. Stored as a Y.Map per card holding
 * an `areas` Y.Map keyed by area id.
 */
export const MATURITY_LEVELS = ['reactive', 'proactive', 'customer-centric', 'monetisation'] as const;
/** The four maturity stages, in order: service → orientation → centricity → money (DOMAIN 2.7). */
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/**
 * Metric kinds (shared/metrics catalogue keys) typical of each stage, from the talk: a
 * reactive company counts satisfaction and handles requests; a proactive one prevents
 * contacts; a customer-centric one measures the customer's own outcome and whether they
 * stay; at monetisation every touchpoint has a price and the value of a customer is counted.
 */
export const MATURITY_STAGE_METRICS = {
  reactive: ['nps', 'csat', 'sla', 'aht'],
  proactive: ['contact-rate', 'fcr', 'ces', 'returns'],
  'customer-centric': ['csi', 'cli', 'retention', 'churn'],
  monetisation: ['ltv', 'cost-to-serve', 'average-check', 'conversion'],
} as const satisfies Record<MaturityLevel, readonly string[]>;

/**
 * Kinds of area assessed. An area of a named kind with an empty name shows the translated
 * name of its kind (like a lane's type), so a preset reads right in either language;
 * `company` is the whole company (what older boards stored as one board-wide level).
 */
export const MATURITY_AREAS = [
  'company',
  'service',
  'sales',
  'product',
  'it',
  'marketing',
  'custom',
] as const;
export type MaturityAreaKind = (typeof MATURITY_AREAS)[number];
/** The areas a new card starts with: the functions that co-edit a board (DOMAIN, users). */
export const DEFAULT_MATURITY_AREAS: readonly MaturityAreaKind[] = [
  'service',
  'sales',
  'product',
  'it',
  'marketing',
];

/** Most areas one card holds. */
export const MAX_MATURITY_AREAS = 50;

export const maturityCardFields = {
  title: text(MAX_TITLE_LENGTH),
  x: coordinate(),
  y: coordinate(),
};

export const maturityAreaFields = {
  order: orderKey(),
  kind: oneOf(MATURITY_AREAS, 'custom'),
  name: text(MAX_TITLE_LENGTH),
  /** The stage the company stands at in this area, or null when not assessed yet. */
  level: nullableOneOf(MATURITY_LEVELS),
};

const idSchema = id().schema;

export const maturityAreaSchema = z.object({
  id: idSchema,
  kind: maturityAreaFields.kind.schema,
  name: maturityAreaFields.name.schema,
  level: maturityAreaFields.level.schema,
});
export type MaturityAreaSnapshot = z.infer<typeof maturityAreaSchema>;

export const maturityCardSchema = z.object({
  id: idSchema,
  title: maturityCardFields.title.schema,
  x: maturityCardFields.x.schema,
  y: maturityCardFields.y.schema,
  /** Areas top to bottom. */
  areas: z.array(maturityAreaSchema).max(MAX_MATURITY_AREAS),
});
export type MaturityCardSnapshot = z.infer<typeof maturityCardSchema>;

/** Reads a maturity card; one without its `areas` map is skipped (and reported). */
export function readMaturityCard(id: string, m: YMap, onIssue: IssueSink): MaturityCardSnapshot | null {
  const areasMap = subMap(m, 'areas');
  if (!areasMap) {
    onIssue?.({ collection: 'maturityCards', id, problem: 'missing-structure' });
    return null;
  }
  const areas = [...childMaps(areasMap, 'areas', onIssue)]
    .map(([aid, am]) => ({ id: aid, ...repairFields(maturityAreaFields, am) }))
    .sort(compareOrdered)
    .slice(0, MAX_MATURITY_AREAS)
    .map(strip);
  return { id, ...repairFields(maturityCardFields, m), areas };
}
