/**
 * The board document model: `BoardDoc` (commands, snapshots, change events, local undo),
 * the record definitions and plain snapshot types, ordering, presets, migrations and the
 * `.cxboard` file codec.
 */
export * from './BoardDoc';
export { newId } from './ids';
export { compareOrdered, sortOrdered } from './order';
export { defaultPreset, LANE_PRESET_NAMES, LANE_PRESETS } from './presets';
export { cellKey, LIMITS, SCHEMA_VERSION } from './schema';
export * from './types';
export {
  boardSnapshotSchema,
  elementInputSchema,
  elementSchema,
  MAX_TITLE_LENGTH,
  ROOT_KEYS,
} from './records';
export * from './file';
export { checkInvariants } from './invariants';
export { MIGRATIONS, type Migration, type MigrationResult, migrate, schemaVersionOf } from './migrations';
export { type RepairReport, repairDoc } from './repair';
