import { z } from 'zod';
import type { YMap } from '../read';
import { SCHEMA_VERSION } from '../schema';
import { MAX_TITLE_LENGTH, text } from './fields';

/** The board's own fields, in the `meta` root map. */
export const metaFields = {
  /** The board's title: the same bound on write and read, so every board loaded can be saved. */
  title: text(MAX_TITLE_LENGTH),
};

export const boardMetaSchema = z.object({
  schemaVersion: z.number().int().min(1),
  title: metaFields.title.schema,
});
export type BoardMeta = z.infer<typeof boardMetaSchema>;

export function readMeta(meta: YMap): BoardMeta {
  const version = meta.get('schemaVersion');
  return {
    schemaVersion:
      typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : SCHEMA_VERSION,
    title: metaFields.title.repair(meta.get('title')),
  };
}
