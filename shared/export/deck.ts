import { type BoardSnapshot, cellKey, type JourneySnapshot, type LaneType } from '../board';
import { buildMatrixExport, type MatrixExport } from './matrix-export';
import { type ExportLabels, exportLabels } from './labels';
import type { ExportLanguage } from './language';
import { isRedactedCard, type RedactionOptions } from './redaction';

/**
 * The PPTX deck as plain data (pure; the pptxgenjs writer in pptx.ts only lays it out): a
 * title slide, per journey its map (a picture the caller renders) with a table of stages ×
 * the chosen lanes, its moments of truth and stage metrics, then the AI matrices sorted by
 * priority and the not-to-do list (from `buildMatrixExport`, i.e. shared/matrix's projection).
 * Redacted quotes are replaced here, so the deck cannot carry their words.
 */

/** The deck's own words (slide titles), ru and en. */
export interface DeckWords {
  date: string;
  personas: string;
  map: string;
  table: string;
  moments: string;
  metrics: string;
  matrix: string;
  notToDo: string;
  noPersona: string;
  /** "Stages {{from}}–{{to}} of {{total}}" for a table split over slides. */
  stagesPart: (from: number, to: number, total: number) => string;
}

const WORDS: Record<ExportLanguage, DeckWords> = {
  en: {
    date: 'Date',
    personas: 'Personas',
    map: 'Journey map',
    table: 'Stages and lanes',
    moments: 'Moments of truth',
    metrics: 'Stage metrics: current and target',
    matrix: 'AI automation matrix (by priority)',
    notToDo: 'Not to do',
    noPersona: 'No persona',
    stagesPart: (from, to, total) => `stages ${from}–${to} of ${total}`,
  },
  ru: {
    date: 'Дата',
    personas: 'Персоны',
    map: 'Карта пути клиента',
    table: 'Этапы и дорожки',
    moments: 'Моменты истины',
    metrics: 'Метрики этапов: сейчас и цель',
    matrix: 'Матрица автоматизации ИИ (по приоритету)',
    notToDo: 'Чего не делать',
    noPersona: 'Без персоны',
    stagesPart: (from, to, total) => `этапы ${from}–${to} из ${total}`,
  },
};

/** Lane types a deck shows by default (emotions and moments have their own rows/slides). */
export const DECK_DEFAULT_LANES: readonly LaneType[] = [
  'goals',
  'steps',
  'touchpoints',
  'expectations',
  'barriers',
  'quotes',
  'ideas',
  'metrics',
  'custom',
];

export interface DeckJourney {
  id: string;
  title: string;
  /** Persona, segment and scenario goal, one line. */
  subtitle: string;
  /** First row: the corner and the stages; then one row per chosen lane, cards joined by new lines. */
  table: string[][];
  /** Stage, type, target, today. */
  moments: string[][];
  /** Stage, metric, current, target, unit. */
  metrics: string[][];
}

export interface Deck {
  language: ExportLanguage;
  labels: ExportLabels;
  words: DeckWords;
  title: string;
  /** The export date, as the language writes it. */
  date: string;
  personas: string[];
  journeys: DeckJourney[];
  /** The matrices of the exported journeys, rows by priority; null when there is none. */
  matrix: MatrixExport | null;
}

export interface DeckOptions {
  language: ExportLanguage;
  redaction: RedactionOptions;
  /** Lane types the tables show (in the journey's own lane order). */
  lanes?: readonly LaneType[];
  date: Date;
}

function laneLabel(type: LaneType, title: string, labels: ExportLabels): string {
  return title.trim() || labels.journey.laneTypes[type];
}

function journeyTable(journey: JourneySnapshot, options: DeckOptions, labels: ExportLabels): string[][] {
  const lanes = options.lanes ?? DECK_DEFAULT_LANES;
  const rows: string[][] = [[labels.journey.lane, ...journey.stages.map((s) => s.title)]];
  for (const lane of journey.lanes) {
    if (!lanes.includes(lane.type)) continue;
    rows.push([
      laneLabel(lane.type, lane.title, labels),
      ...journey.stages.map((stage) =>
        (journey.cells[cellKey(stage.id, lane.id)] ?? [])
          .map((card) =>
            isRedactedCard(lane.type, card, options.redaction) ? labels.journey.redacted : card.text,
          )
          .filter((text) => text.trim() !== '')
          .join('\n'),
      ),
    ]);
  }
  const score = (v: number | null) => (v === null ? '' : v > 0 ? `+${v}` : String(v));
  if (journey.stages.some((s) => s.emotion.asIs !== null))
    rows.push([labels.journey.emotionAsIs, ...journey.stages.map((s) => score(s.emotion.asIs))]);
  if (journey.stages.some((s) => s.emotion.toBe !== null))
    rows.push([labels.journey.emotionToBe, ...journey.stages.map((s) => score(s.emotion.toBe))]);
  return rows;
}

/** Builds the deck of `journeyIds` (unknown ids skipped), in that order. */
export function buildDeck(board: BoardSnapshot, journeyIds: readonly string[], options: DeckOptions): Deck {
  const labels = exportLabels(options.language);
  const words = WORDS[options.language];
  const journeys: DeckJourney[] = [];
  const personaIds: string[] = [];
  for (const id of journeyIds) {
    if (!Object.hasOwn(board.journeys, id)) continue;
    const journey = board.journeys[id]!;
    const persona =
      journey.personaId && Object.hasOwn(board.personas, journey.personaId)
        ? board.personas[journey.personaId]!
        : null;
    if (persona && !personaIds.includes(persona.id)) personaIds.push(persona.id);
    const stageTitle = new Map(journey.stages.map((s) => [s.id, s.title]));
    const stageOrder = new Map(journey.stages.map((s, i) => [s.id, i]));
    const byStage = <T extends { stageId: string }>(list: T[]) =>
      list
        .filter((x) => stageTitle.has(x.stageId))
        .sort((a, b) => stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)!);
    const number = (v: number | null) => (v === null ? '' : String(v));
    journeys.push({
      id,
      title: journey.title.trim() || labels.matrix.untitled,
      subtitle: [persona?.name.trim() || '', journey.segment.trim(), journey.scenarioGoal.trim()]
        .filter(Boolean)
        .join(' · '),
      table: journeyTable(journey, options, labels),
      moments: byStage(journey.moments).map((m) => [stageTitle.get(m.stageId)!, m.type, m.target, m.current]),
      metrics: byStage(Object.values(board.metrics).filter((m) => m.journeyId === id)).map((m) => [
        stageTitle.get(m.stageId)!,
        m.name,
        number(m.current),
        number(m.target),
        m.unit,
      ]),
    });
  }
  const matrixIds = Object.values(board.matrices)
    .filter((m) => journeyIds.includes(m.journeyId))
    .sort((a, b) => journeyIds.indexOf(a.journeyId) - journeyIds.indexOf(b.journeyId))
    .map((m) => m.id);
  const personas = personaIds.map((pid) => {
    const p = board.personas[pid]!;
    return [p.name.trim(), p.segment.trim()].filter(Boolean).join(' — ');
  });
  return {
    language: options.language,
    labels,
    words,
    title: board.meta.title.trim() || labels.matrix.untitled,
    date: options.date.toLocaleDateString(options.language === 'ru' ? 'ru-RU' : 'en-GB', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }),
    personas: personas.filter(Boolean),
    journeys,
    matrix: buildMatrixExport(board, matrixIds, { language: options.language, sort: 'priority' }),
  };
}
