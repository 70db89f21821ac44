import type { JourneyKind, LaneType } from './records/journey';

/** Names of the lane sets offered when a journey map is created. */
export const LANE_PRESET_NAMES = ['full', 'light', 'ejm'] as const;
/** Lane set offered when a journey map is created. */
export type LanePreset = (typeof LANE_PRESET_NAMES)[number];

/**
 * Lane sets offered when a journey map is created (DOMAIN 2.1). Titles are not stored
 * here: a lane created from a preset has an empty title and the UI shows the translated
 * name of its type (`journey.lane.type.<type>`) until someone renames it.
 */
export const LANE_PRESETS: Record<LanePreset, readonly LaneType[]> = {
  full: [
    'goals',
    'steps',
    'touchpoints',
    'expectations',
    'emotions',
    'moments',
    'barriers',
    'quotes',
    'ideas',
    'metrics',
  ],
  // "Steps + barriers + pains": barriers and pains are one lane type (DOMAIN 2.1).
  light: ['steps', 'barriers'],
  ejm: ['goals', 'steps', 'touchpoints', 'emotions', 'barriers', 'ideas', 'metrics'],
};

/** The preset a journey kind starts with when none is chosen. */
export function defaultPreset(kind: JourneyKind): LanePreset {
  return kind === 'ejm' ? 'ejm' : 'full';
}
