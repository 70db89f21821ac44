import { z } from 'zod';
import { id } from './fields';
import { blueprintSchema } from './blueprint';
import { elementSchema } from './element';
import { journeySchema } from './journey';
import { matrixSchema } from './matrix';
import { boardMetaSchema } from './meta';
import { metricSchema } from './metric';
import { personaSchema } from './persona';

/**
 * One definition per record kind (tldraw `tlschema` style): each file holds the record's
 * stored fields (validator, default and repair of each, with its bounds), the plain
 * snapshot schema and type derived from them, and its reader. Commands check arguments
 * with the same fields, so what may be written and what is read back share one bound.
 */
export * from './blueprint';
export * from './element';
export * from './fields';
export * from './journey';
export * from './matrix';
export * from './meta';
export * from './metric';
export * from './persona';

/** The whole board as plain data (see `BoardSnapshot`). */
export const boardSnapshotSchema = z.object({
  meta: boardMetaSchema,
  elements: z.record(z.string(), elementSchema),
  /** Element ids from back to front. */
  elementOrder: z.array(id().schema),
  journeys: z.record(z.string(), journeySchema),
  personas: z.record(z.string(), personaSchema),
  blueprints: z.record(z.string(), blueprintSchema),
  metrics: z.record(z.string(), metricSchema),
  matrices: z.record(z.string(), matrixSchema),
});
