import { z } from 'zod';
import { id } from './fields';
import {
  type CollectionRecord,
  RECORD_COLLECTION_ENTRIES,
  type RECORD_COLLECTIONS,
  type RecordCollectionKey,
} from './collections';
import { boardMetaSchema } from './meta';

/**
 * One definition per record kind (tldraw `tlschema` style): each file holds the record's
 * stored fields (validator, default and repair of each, with its bounds), the plain
 * snapshot schema and type derived from them, and its reader. Commands check arguments
 * with the same fields, so what may be written and what is read back share one bound.
 */
export * from './blueprint';
export * from './collections';
export * from './element';
export * from './fields';
export * from './journey';
export * from './matrix';
export * from './maturity';
export * from './meta';
export * from './metric';
export * from './persona';

const collectionSchemas = Object.fromEntries(
  RECORD_COLLECTION_ENTRIES.map(([key, c]) => [key, z.record(z.string(), c.schema)]),
) as {
  [K in RecordCollectionKey]: z.ZodRecord<
    z.ZodString,
    z.ZodType<CollectionRecord<(typeof RECORD_COLLECTIONS)[K]>>
  >;
};

/** The whole board as plain data (see `BoardSnapshot`): meta, element order and every collection. */
export const boardSnapshotSchema = z.object({
  meta: boardMetaSchema,
  /** Element ids from back to front. */
  elementOrder: z.array(id().schema),
  ...collectionSchemas,
});
