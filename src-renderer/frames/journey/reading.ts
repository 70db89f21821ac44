import type { TFunction } from 'i18next';
import type { JourneyKind, JourneySnapshot, LaneSnapshot, LaneType, MomentType } from '../../../shared/board';
import type { OrderTarget } from './dragTargets';
import type { ReverseView } from './layout';

/**
 * How a journey reads: stage numbers, where "add stage" puts a new stage, the labels a
 * lane shows. A reverse CJM (DOMAIN 2.3) is stored in the customer's order like any map,
 * but built right-to-left from the end goal: while building, stages count back from the
 * goal (−1 is "just before the goal") and a new stage goes before the first one; the
 * forward reading numbers them 1..n like an ordinary map and appends after the last one.
 */

/** True when the journey is shown as a reverse map being built right-to-left. */
export function isBuildingBackwards(journey: JourneySnapshot, view: ReverseView): boolean {
  return journey.kind === 'reverse' && view === 'build';
}

/** The number shown on each stage, in stage order ("1", "2"… or "−3", "−2", "−1"). */
export function stageNumbers(journey: JourneySnapshot, view: ReverseView): string[] {
  const n = journey.stages.length;
  if (isBuildingBackwards(journey, view)) return journey.stages.map((_, i) => `−${n - i}`);
  return journey.stages.map((_, i) => String(i + 1));
}

/** Where the "add stage" column puts a new stage; `{}` means the end of an empty map. */
export function addStageTarget(journey: JourneySnapshot, view: ReverseView): Partial<OrderTarget> {
  const first = journey.stages[0];
  const last = journey.stages[journey.stages.length - 1];
  if (isBuildingBackwards(journey, view)) return first ? { before: first.id } : {};
  return last ? { after: last.id } : {};
}

/**
 * The forward reading of a reverse map as one line: the stages in the customer's order
 * ending in the end goal ("Tickets → Where to stay → Photo on the ice").
 */
export function forwardSummary(journey: JourneySnapshot, untitledStage: string): string[] {
  const steps = journey.stages.map((stage) => stage.title.trim() || untitledStage);
  const goal = journey.endGoal.trim();
  return goal ? [...steps, goal] : steps;
}

/** Whom a map follows: the customer, or an employee (EJM, DOMAIN 2.4). */
export type JourneySubject = 'customer' | 'employee';

/** The subject of a journey kind. */
export function subjectOf(kind: JourneyKind): JourneySubject {
  return kind === 'ejm' ? 'employee' : 'customer';
}

/**
 * Translation options for a text that names the map's subject: i18next's `context`, so on an
 * employee journey map `key_employee` is used where the locale has one ("Employee steps")
 * and the plain key where the wording does not depend on the subject ("Touchpoints").
 */
export function subjectContext(kind: JourneyKind): { context?: 'employee' } {
  return subjectOf(kind) === 'employee' ? { context: 'employee' } : {};
}

/** i18n key of a lane type's default name (translate it with `subjectContext`). */
export function laneTypeKey(type: LaneType): string {
  return `journey.lane.type.${type}`;
}

/** A lane type's default name on a map of this kind. */
export function laneTypeName(type: LaneType, kind: JourneyKind, t: TFunction): string {
  return t(laneTypeKey(type), subjectContext(kind));
}

/**
 * The name a lane shows: its own title, or the translated name of its type on a map of this
 * kind while it has none (lanes created from a preset are untitled, see shared/board/presets.ts).
 */
export function laneDisplayTitle(lane: LaneSnapshot, kind: JourneyKind, t: TFunction): string {
  const own = lane.title.trim();
  return own || laneTypeName(lane.type, kind, t);
}

/**
 * The moment of truth a new badge starts as, from the stage's place in the journey
 * (DOMAIN 2.2): before any contact ZMOT, first use FMOT, later SMOT, the end UMOT.
 * The user changes it in the badge's editor; this only saves a step in the common case.
 */
export function defaultMomentType(stageIndex: number, stageCount: number): MomentType {
  if (stageCount > 1 && stageIndex === stageCount - 1) return 'UMOT';
  if (stageIndex <= 0) return 'ZMOT';
  if (stageIndex === 1) return 'FMOT';
  return 'SMOT';
}

/** Default card colour per lane type, so lanes read at a glance (pains pink, ideas green…). */
export function defaultCardColor(type: LaneType): string {
  switch (type) {
    case 'barriers':
      return 'pink';
    case 'ideas':
      return 'green';
    case 'quotes':
      return 'violet';
    case 'touchpoints':
      return 'cyan';
    case 'goals':
    case 'expectations':
      return 'blue';
    case 'metrics':
      return 'gray';
    default:
      return 'yellow';
  }
}

/** Tags typed as "a, b,  b ,c": trimmed, without empties and duplicates, in order. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag)) seen.add(tag);
  }
  return [...seen];
}
