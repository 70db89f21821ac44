/**
 * Plain, immutable views of the board document. The renderer, exporters and tests read
 * these; only `BoardDoc` (this folder) touches the Yjs structures behind them.
 */

/** Kinds of free canvas element. */
export type ElementType = 'sticky' | 'text' | 'shape' | 'frame' | 'connector';
/** Outline of a `shape` element. */
export type ShapeKind = 'rectangle' | 'ellipse' | 'diamond';

/** Sticky-note palette, named so the UI can translate them and exports can map them. */
export const STICKY_COLORS = ['yellow', 'orange', 'pink', 'violet', 'blue', 'cyan', 'green', 'gray'] as const;
export type StickyColor = (typeof STICKY_COLORS)[number];

export interface ElementStyle {
  /** A palette name (see STICKY_COLORS) or a `#rrggbb` colour. */
  color: string;
  shape?: ShapeKind;
  fontSize?: number;
}

/** A free element on the canvas (sticky, text, shape, frame or connector). */
export interface ElementSnapshot {
  id: string;
  type: ElementType;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Plain text of the element (the sticky's note, a frame's title, a connector's label). */
  text: string;
  style: ElementStyle;
  /** Stacking order key (fractional index); the snapshot's `elementOrder` is sorted by it. */
  z: string;
  /** The frame this element sits in, if any: moving the frame moves it. */
  frameId: string | null;
  /** Connector ends: ids of any two board items (free elements or structured frames). */
  from: string | null;
  to: string | null;
}

export type JourneyKind = 'cjm' | 'reverse' | 'ejm';
/** Lane set offered when a journey map is created. */
export type LanePreset = 'full' | 'light' | 'ejm';

export const LANE_TYPES = [
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
  'custom',
] as const;
/** The typed rows of a journey map (DOMAIN 2.1). */
export type LaneType = (typeof LANE_TYPES)[number];

export const MOMENT_TYPES = ['ZMOT', 'FMOT', 'SMOT', 'UMOT'] as const;
/** Moments of truth (DOMAIN 2.2). */
export type MomentType = (typeof MOMENT_TYPES)[number];

export const GOAL_KINDS = ['stability', 'positive-emotion', 'avoid-worst'] as const;
/** The three kinds of end goal of a reverse CJM (DOMAIN 2.3). */
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Whether a map (or an emotion series) shows the current or the desired state. */
export type MapState = 'as-is' | 'to-be';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

export interface StageSnapshot {
  id: string;
  title: string;
  /** Emotion score per series, EMOTION_MIN..EMOTION_MAX, or null when not set. */
  emotion: { asIs: number | null; toBe: number | null };
}

export interface LaneSnapshot {
  id: string;
  type: LaneType;
  title: string;
}

export interface CardSnapshot {
  id: string;
  stageId: string;
  laneId: string;
  text: string;
  color: string;
  tags: string[];
  /** Source or evidence note (research reference). */
  evidence: string;
  /** Customer quotes only: blur this card in exports. */
  redact: boolean;
}

export interface MomentSnapshot {
  id: string;
  stageId: string;
  type: MomentType;
  /** What we want the customer to conclude and feel. */
  target: string;
  /** What the customer concludes today. */
  current: string;
}

export interface JourneySnapshot {
  id: string;
  kind: JourneyKind;
  title: string;
  x: number;
  y: number;
  personaId: string | null;
  segment: string;
  scenarioGoal: string;
  state: MapState;
  /** Reverse CJM: end goal, its kind, and the "why?" ladder from the first answer up. */
  endGoal: string;
  goalKind: GoalKind | null;
  whyLadder: string[];
  /** Stages in journey order. */
  stages: StageSnapshot[];
  /** Lanes top to bottom. */
  lanes: LaneSnapshot[];
  /** Cards of live cells only, keyed `${stageId}:${laneId}`, each list in cell order. */
  cells: Record<string, CardSnapshot[]>;
  moments: MomentSnapshot[];
}

export interface PersonaSnapshot {
  id: string;
  name: string;
  segment: string;
  goals: string;
  jtbd: string;
  expectations: { personalisation: string; speed: string; simplicity: string };
  quote: string;
}

export const BLUEPRINT_LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'] as const;
/** Service blueprint rows, top to bottom (DOMAIN 2.4). */
export type BlueprintLane = (typeof BLUEPRINT_LANES)[number];
/** The three lines, each drawn below the named lane. */
export const BLUEPRINT_LINES = {
  interaction: 'customer',
  visibility: 'frontstage',
  internalInteraction: 'backstage',
} as const satisfies Record<string, BlueprintLane>;

export const ACTOR_KINDS = ['employee', 'bot', 'ai-agent', 'copilot', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface BlueprintColumnSnapshot {
  /** A journey stage id when linked, else the blueprint's own column id. */
  id: string;
  title: string;
}

export interface ProcessCardSnapshot {
  id: string;
  columnId: string;
  lane: BlueprintLane;
  text: string;
  actorKind: ActorKind;
  owner: string;
  system: string;
  pros: string[];
  cons: string[];
}

export interface BlueprintSnapshot {
  id: string;
  title: string;
  x: number;
  y: number;
  /** Linked journey: columns follow its stages live. Null for a standalone blueprint. */
  journeyId: string | null;
  columns: BlueprintColumnSnapshot[];
  /** Cards of live columns only, keyed `${columnId}:${lane}`, each list in order. */
  cells: Record<string, ProcessCardSnapshot[]>;
}

export const METRIC_CATEGORIES = ['subjective', 'operational', 'financial'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];
/** Who measures: customers answering (survey) or the company's own systems. */
export type MetricSource = 'customer' | 'company';

export interface MetricReading {
  /** ISO date, yyyy-mm-dd. */
  date: string;
  value: number;
}

export interface MetricSnapshot {
  id: string;
  journeyId: string;
  stageId: string;
  /** Catalogue kind (e.g. 'nps', 'fcr', 'ltv') or 'custom'. */
  kind: string;
  name: string;
  category: MetricCategory;
  current: number | null;
  target: number | null;
  unit: string;
  period: string;
  source: MetricSource;
  owner: string;
  /** Dated readings, oldest first. */
  history: MetricReading[];
}

export const MATRIX_COLUMNS = [
  'targetMoment',
  'today',
  'handToAi',
  'metric',
  'companyValue',
  'clientValue',
] as const;
/** The six text columns of the AI-opportunity matrix, in the talk's order (DOMAIN 2.6). */
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const MATRIX_DECISIONS = ['now', 'later', 'not-to-do'] as const;
export type MatrixDecision = (typeof MATRIX_DECISIONS)[number];

export interface MatrixRowSnapshot {
  /** The journey stage this row belongs to. */
  stageId: string;
  stageTitle: string;
  cells: Record<MatrixColumn, string>;
  /** Metric attached to the stage that proves the change, if linked. */
  metricId: string | null;
  /** 1..5 each, or null when not scored yet. */
  pain: number | null;
  money: number | null;
  fit: number | null;
  humanMustStay: boolean;
  humanReason: string;
  risks: string;
  decision: MatrixDecision | null;
}

export interface MatrixSnapshot {
  id: string;
  journeyId: string;
  title: string;
  x: number;
  y: number;
  /** One row per stage of the journey, in stage order. */
  rows: MatrixRowSnapshot[];
  /** Rows kept after their stage was deleted ("keep" was chosen). */
  detachedRows: MatrixRowSnapshot[];
}

export const MATURITY_LEVELS = ['reactive', 'proactive', 'customer-centric', 'monetisation'] as const;
/** CX maturity self-assessment level (DOMAIN 2.7). */
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export interface BoardMeta {
  schemaVersion: number;
  title: string;
  maturity: MaturityLevel | null;
}

/** The whole board as plain data. Unchanged parts keep their identity between snapshots. */
export interface BoardSnapshot {
  meta: BoardMeta;
  elements: Record<string, ElementSnapshot>;
  /** Element ids from back to front. */
  elementOrder: string[];
  journeys: Record<string, JourneySnapshot>;
  personas: Record<string, PersonaSnapshot>;
  blueprints: Record<string, BlueprintSnapshot>;
  metrics: Record<string, MetricSnapshot>;
  matrices: Record<string, MatrixSnapshot>;
}

/** Root collections of the board; change events name the ones touched. */
export type BoardCollection =
  | 'meta'
  | 'elements'
  | 'journeys'
  | 'personas'
  | 'blueprints'
  | 'metrics'
  | 'matrices';

/** What one transaction changed, for subscribers. */
export interface BoardChangeEvent {
  /** True when the change came from this BoardDoc's own commands (including undo/redo). */
  local: boolean;
  /** Name of the command that made a local change (e.g. 'addStage'), or 'remote'/'undo'/'redo'. */
  origin: string;
  /** Ids touched, per collection (the id of the element/journey/... that owns the change). */
  changed: Partial<Record<BoardCollection, string[]>>;
}
