import {
  type BoardDoc,
  cellKey,
  EMOTION_MAX,
  EMOTION_MIN,
  type JourneySnapshot,
  LANE_TYPES,
  type LaneType,
  MAX_LANES,
  MAX_STAGES,
  MOMENT_TYPES,
  type MomentType,
} from '../board';
import { EXPORT_LABELS, type ExportLabels, exportLabels } from './labels';
import type { ExportLanguage } from './language';
import type { SheetCell } from './matrix-export';
import { isRedactedCard } from './redaction';

/**
 * A journey map as a spreadsheet (issue 14), and back: stages as columns, lanes as rows (the
 * first column names the lane), cards of a cell joined in that cell, then the emotion scores
 * and the moments of truth as their own rows. The same layout is read back by the import, so
 * journey → XLSX/CSV → import gives the same map (stages, lanes with type and title, card
 * texts per cell in order, emotion scores, moments of truth). Card colours, tags and evidence
 * notes are not part of the sheet.
 */

/** A card of a cell starts with this mark when the cell holds several cards or a multi-line one. */
export const CARD_BULLET = '• ';

/** The first-column name of a lane: its type's name, its title, or "title (type)" when both matter. */
function laneName(type: LaneType, title: string, l: ExportLabels): string {
  const typeName = l.journey.laneTypes[type];
  const trimmed = title.trim();
  if (!trimmed) return typeName;
  if (type === 'custom' && !parseLaneName(trimmed).typed) return trimmed;
  return `${trimmed} (${typeName})`;
}

/** All lane-type names of every export language, lower-cased, with the ids themselves. */
const LANE_NAMES: ReadonlyMap<string, LaneType> = new Map(
  LANE_TYPES.flatMap((type) => [
    [type, type] as const,
    ...Object.values(EXPORT_LABELS).map(
      (l) => [l.journey.laneTypes[type].toLocaleLowerCase(), type] as const,
    ),
  ]),
);

/** Reads a first-column lane name back: a type name (ru or en), "title (type name)", or a custom lane's title. */
export function parseLaneName(name: string): { type: LaneType; title: string; typed: boolean } {
  const text = name.trim();
  const exact = LANE_NAMES.get(text.toLocaleLowerCase());
  if (exact) return { type: exact, title: '', typed: true };
  const match = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  const suffix = match ? LANE_NAMES.get(match[2]!.trim().toLocaleLowerCase()) : undefined;
  if (match && suffix) return { type: suffix, title: match[1]!, typed: true };
  return { type: 'custom', title: text, typed: false };
}

/** The texts of a cell's cards in one spreadsheet cell. */
export function joinCards(texts: readonly string[]): string {
  if (texts.length === 0) return '';
  if (texts.length === 1 && !/[\r\n]/.test(texts[0]!) && !texts[0]!.startsWith(CARD_BULLET)) return texts[0]!;
  return texts.map((t) => `${CARD_BULLET}${t}`).join('\n');
}

/**
 * A spreadsheet cell's cards: bulleted cards (a line starting with "• "; following lines
 * belong to it), else one card per non-empty line (how people type a sheet by hand).
 */
export function splitCards(cell: string): string[] {
  const text = cell.replace(/\r\n?/g, '\n');
  if (!text.trim()) return [];
  if (text.startsWith(CARD_BULLET)) {
    const cards: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith(CARD_BULLET)) cards.push(line.slice(CARD_BULLET.length));
      else cards[cards.length - 1] += `\n${line}`;
    }
    return cards;
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function momentLabel(base: string, index: number): string {
  return index === 0 ? base : `${base} (${index + 1})`;
}

export interface JourneySheetOptions {
  language: ExportLanguage;
  /** Replace every customer quote by the neutral mark, not only the ones marked for redaction. */
  redactQuotes?: boolean;
}

/** One journey as a table (rows of cells), the first row the stages. */
export function journeyTable(journey: JourneySnapshot, options: JourneySheetOptions): SheetCell[][] {
  const l = exportLabels(options.language);
  const rows: SheetCell[][] = [[l.journey.lane, ...journey.stages.map((s) => s.title)]];
  for (const lane of journey.lanes) {
    rows.push([
      laneName(lane.type, lane.title, l),
      ...journey.stages.map((stage) =>
        joinCards(
          (journey.cells[cellKey(stage.id, lane.id)] ?? []).map((card) =>
            // Redaction happens here, in the projection, so no spreadsheet can carry the words.
            isRedactedCard(lane.type, card, { redactAllQuotes: options.redactQuotes ?? false })
              ? l.journey.redacted
              : card.text,
          ),
        ),
      ),
    ]);
  }
  rows.push([l.journey.emotionAsIs, ...journey.stages.map((s) => s.emotion.asIs)]);
  rows.push([l.journey.emotionToBe, ...journey.stages.map((s) => s.emotion.toBe)]);
  const perStage = journey.stages.map((s) => journey.moments.filter((m) => m.stageId === s.id));
  const most = Math.max(0, ...perStage.map((list) => list.length));
  for (let k = 0; k < most; k++) {
    rows.push([momentLabel(l.journey.momentType, k), ...perStage.map((list) => list[k]?.type ?? '')]);
    rows.push([momentLabel(l.journey.momentTarget, k), ...perStage.map((list) => list[k]?.target ?? '')]);
    rows.push([momentLabel(l.journey.momentCurrent, k), ...perStage.map((list) => list[k]?.current ?? '')]);
  }
  return rows;
}

// ── import ──────────────────────────────────────────────────────────────────────────────

/** A journey read from a spreadsheet, not yet on the board. */
export interface JourneyDraft {
  stages: { title: string; asIs: number | null; toBe: number | null }[];
  lanes: { type: LaneType; title: string /** Card texts per stage. */; cells: string[][] }[];
  moments: { stageIndex: number; type: MomentType; target: string; current: string }[];
}

/** A problem with one row of the sheet (1-based, as the spreadsheet numbers it). */
export interface SheetIssue {
  row: number;
  code:
    | 'empty'
    | 'no-stages'
    | 'too-many-stages'
    | 'too-many-lanes'
    | 'no-row-name'
    | 'emotion-not-a-score'
    | 'moment-type-unknown'
    | 'moment-without-type'
    | 'text-too-long';
  /** The offending column (1-based) and value, when there is one. */
  column?: number;
  value?: string;
}

export type JourneySheetResult = { ok: true; draft: JourneyDraft } | { ok: false; issues: SheetIssue[] };

/** Longest text one card or title may have in an import (the board's own text bound). */
export const MAX_IMPORT_TEXT = 10_000;

type SpecialRow = { kind: 'asIs' | 'toBe' } | { kind: 'type' | 'target' | 'current'; index: number };

/** Emotion and moment rows in any export language ("Moment of truth: target (2)"). */
function specialRow(name: string): SpecialRow | null {
  const text = name.trim().toLocaleLowerCase();
  for (const l of Object.values(EXPORT_LABELS)) {
    if (text === l.journey.emotionAsIs.toLocaleLowerCase()) return { kind: 'asIs' };
    if (text === l.journey.emotionToBe.toLocaleLowerCase()) return { kind: 'toBe' };
    const kinds = [
      ['type', l.journey.momentType],
      ['target', l.journey.momentTarget],
      ['current', l.journey.momentCurrent],
    ] as const;
    for (const [kind, label] of kinds) {
      const base = label.toLocaleLowerCase();
      if (text === base) return { kind, index: 0 };
      const match = /^(.*) \((\d+)\)$/.exec(text);
      if (match && match[1] === base) return { kind, index: Number(match[2]) - 1 };
    }
  }
  return null;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Reads a journey from a sheet's rows (the first row: a corner cell, then the stages; then a
 * row per lane, emotion-score and moment rows in any order). Every problem is reported with
 * its row; nothing is half-read: either a complete draft or the list of issues.
 */
export function parseJourneySheet(table: readonly (readonly unknown[])[]): JourneySheetResult {
  const rows = table.map((r) => r.map(cellText));
  const issues: SheetIssue[] = [];
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) return { ok: false, issues: [{ row: 1, code: 'empty' }] };
  const header = rows[first]!;
  let width = header.length;
  while (width > 1 && header[width - 1]!.trim() === '') width--;
  const stageTitles = header.slice(1, width).map((t) => t.trim());
  if (stageTitles.length === 0 || stageTitles.every((t) => t === ''))
    return { ok: false, issues: [{ row: first + 1, code: 'no-stages' }] };
  if (stageTitles.length > MAX_STAGES)
    return {
      ok: false,
      issues: [{ row: first + 1, code: 'too-many-stages', value: String(stageTitles.length) }],
    };
  const draft: JourneyDraft = {
    stages: stageTitles.map((title) => ({ title, asIs: null, toBe: null })),
    lanes: [],
    moments: [],
  };
  const momentParts = new Map<
    number,
    { type: (string | null)[]; target: string[]; current: string[]; row: number }
  >();
  const checkLength = (text: string, row: number, column: number) => {
    if (text.length > MAX_IMPORT_TEXT) issues.push({ row, code: 'text-too-long', column });
  };
  stageTitles.forEach((t, i) => {
    checkLength(t, first + 1, i + 2);
  });

  for (let r = first + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNumber = r + 1;
    const name = (row[0] ?? '').trim();
    const cells = stageTitles.map((_, i) => row[i + 1] ?? '');
    if (!name) {
      if (cells.some((c) => c.trim() !== '')) issues.push({ row: rowNumber, code: 'no-row-name' });
      continue;
    }
    const special = specialRow(name);
    if (special && (special.kind === 'asIs' || special.kind === 'toBe')) {
      cells.forEach((c, i) => {
        const text = c.trim().replace(',', '.').replace('−', '-');
        if (!text) return;
        const value = Number(text);
        if (!Number.isFinite(value) || value < EMOTION_MIN || value > EMOTION_MAX)
          issues.push({ row: rowNumber, code: 'emotion-not-a-score', column: i + 2, value: c });
        else draft.stages[i]![special.kind] = value;
      });
      continue;
    }
    if (special && 'index' in special) {
      const { kind, index } = special;
      const parts = momentParts.get(index) ?? {
        type: stageTitles.map(() => null),
        target: stageTitles.map(() => ''),
        current: stageTitles.map(() => ''),
        row: rowNumber,
      };
      momentParts.set(index, parts);
      cells.forEach((c, i) => {
        checkLength(c, rowNumber, i + 2);
        if (kind !== 'type') {
          parts[kind][i] = c;
          return;
        }
        const type = c.trim().toUpperCase();
        if (!type) return;
        if ((MOMENT_TYPES as readonly string[]).includes(type)) parts.type[i] = type;
        else issues.push({ row: rowNumber, code: 'moment-type-unknown', column: i + 2, value: c });
      });
      continue;
    }
    if (draft.lanes.length >= MAX_LANES) {
      issues.push({ row: rowNumber, code: 'too-many-lanes' });
      break;
    }
    checkLength(name, rowNumber, 1);
    cells.forEach((c, i) => {
      checkLength(c, rowNumber, i + 2);
    });
    const lane = parseLaneName(name);
    draft.lanes.push({ type: lane.type, title: lane.title, cells: cells.map(splitCards) });
  }
  for (const [, parts] of [...momentParts].sort((a, b) => a[0] - b[0])) {
    stageTitles.forEach((_, i) => {
      const type = parts.type[i];
      const target = parts.target[i]!;
      const current = parts.current[i]!;
      if (type) draft.moments.push({ stageIndex: i, type: type as MomentType, target, current });
      else if (target.trim() || current.trim())
        issues.push({ row: parts.row, code: 'moment-without-type', column: i + 2 });
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, draft };
}

/**
 * Puts a draft on the board as a new journey map (one undo step), at `x, y`. Returns its id.
 */
export function addJourneyFromDraft(
  board: BoardDoc,
  draft: JourneyDraft,
  place: { title: string; x: number; y: number },
): string {
  let journeyId = '';
  board.batch('importJourney', () => {
    journeyId = board.addJourney({
      kind: 'cjm',
      preset: 'light',
      title: place.title,
      x: place.x,
      y: place.y,
      stageTitles: draft.stages.map((s) => s.title),
    });
    const created = board.snapshot().journeys[journeyId]!;
    // The preset's lanes make way for the sheet's own.
    for (const lane of created.lanes) board.deleteLane(journeyId, lane.id);
    const stageIds = created.stages.map((s) => s.id);
    draft.stages.forEach((stage, i) => {
      if (stage.asIs !== null) board.setEmotion(journeyId, stageIds[i]!, 'asIs', stage.asIs);
      if (stage.toBe !== null) board.setEmotion(journeyId, stageIds[i]!, 'toBe', stage.toBe);
    });
    for (const lane of draft.lanes) {
      const laneId = board.addLane(journeyId, { type: lane.type, title: lane.title });
      lane.cells.forEach((texts, i) => {
        for (const text of texts) board.addCard(journeyId, { stageId: stageIds[i]!, laneId, text });
      });
    }
    for (const moment of draft.moments)
      board.addMoment(journeyId, {
        stageId: stageIds[moment.stageIndex]!,
        type: moment.type,
        target: moment.target,
        current: moment.current,
      });
  });
  return journeyId;
}
