import type PptxGenJS from 'pptxgenjs';
import type { Deck } from './deck';
import type { SheetCell } from './matrix-export';

/**
 * Writes a deck (deck.ts) as a PPTX with pptxgenjs: native, editable text and tables; each
 * journey's map as a picture. Wide 16:9 slides, Arial (Cyrillic in PowerPoint; LibreOffice
 * substitutes a metric-compatible font), text tagged with the export language.
 */

/** A journey map picture: PNG bytes and its pixel size. */
export interface DeckPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

/** pptxgenjs, loaded on first use (a separate chunk in the renderer; the package in Node). */
async function loadPptx(): Promise<typeof PptxGenJS> {
  const loaded = (await import('pptxgenjs')) as unknown as { default?: typeof PptxGenJS };
  return (loaded.default ?? loaded) as typeof PptxGenJS;
}

const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const MARGIN = 0.4;
const FONT = 'Arial';
const INK = '1F2937';
const MUTED = '64748B';
const HEADER_FILL = 'E2E8F0';
/** Stage columns per table slide: more would make the cells unreadable. */
const STAGES_PER_SLIDE = 6;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of `bytes` (shared/ has neither `btoa` nor `Buffer`). */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(
      B64[(n >> 18) & 63]! +
        B64[(n >> 12) & 63]! +
        (b === undefined ? '=' : B64[(n >> 6) & 63]!) +
        (c === undefined ? '=' : B64[n & 63]!),
    );
  }
  return out.join('');
}

function cellText(value: SheetCell): string {
  return value === null ? '' : String(value);
}

type Row = PptxGenJS.TableRow;

function headerRow(cells: readonly string[]): Row {
  return cells.map((text) => ({ text, options: { bold: true, fill: { color: HEADER_FILL } } }));
}

function bodyRows(rows: readonly (readonly SheetCell[])[], firstBold = false): Row[] {
  return rows.map((row) =>
    row.map((value, i) => ({ text: cellText(value), options: i === 0 && firstBold ? { bold: true } : {} })),
  );
}

/** Writes `deck`; `pictures` holds each journey's map by journey id (missing: no map slide). */
export async function writeDeckPptx(
  deck: Deck,
  pictures: ReadonlyMap<string, DeckPicture>,
  hooks: { checkpoint?: () => Promise<void> } = {},
): Promise<Uint8Array> {
  const Pptx = await loadPptx();
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.company = 'CX Board';
  const lang = deck.language === 'ru' ? 'ru-RU' : 'en-US';
  const text = { fontFace: FONT, color: INK, lang } as const;
  const tableStyle = {
    ...text,
    fontSize: 10,
    border: { type: 'solid' as const, pt: 0.5, color: 'CBD5E1' },
    valign: 'top' as const,
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageHeaderRows: 1,
    margin: 0.05,
  };
  const titled = (title: string, subtitle?: string) => {
    const slide = pptx.addSlide();
    slide.addText(title, {
      ...text,
      x: MARGIN,
      y: 0.25,
      w: SLIDE_W - 2 * MARGIN,
      h: 0.6,
      fontSize: 24,
      bold: true,
    });
    if (subtitle)
      slide.addText(subtitle, {
        ...text,
        x: MARGIN,
        y: 0.85,
        w: SLIDE_W - 2 * MARGIN,
        h: 0.4,
        fontSize: 13,
        color: MUTED,
      });
    return slide;
  };
  const top = 1.35;
  const tableOptions = { ...tableStyle, x: MARGIN, y: top, w: SLIDE_W - 2 * MARGIN };

  // Title slide.
  const cover = pptx.addSlide();
  cover.addText(deck.title, {
    ...text,
    x: MARGIN,
    y: 2.2,
    w: SLIDE_W - 2 * MARGIN,
    h: 1.2,
    fontSize: 40,
    bold: true,
  });
  cover.addText(`${deck.words.date}: ${deck.date}`, {
    ...text,
    x: MARGIN,
    y: 3.5,
    w: SLIDE_W - 2 * MARGIN,
    h: 0.5,
    fontSize: 18,
    color: MUTED,
  });
  cover.addText(`${deck.words.personas}: ${deck.personas.join('; ') || deck.words.noPersona}`, {
    ...text,
    x: MARGIN,
    y: 4.1,
    w: SLIDE_W - 2 * MARGIN,
    h: 0.5,
    fontSize: 18,
    color: MUTED,
  });

  for (const journey of deck.journeys) {
    await hooks.checkpoint?.();
    const picture = pictures.get(journey.id);
    if (picture) {
      const slide = titled(journey.title, [deck.words.map, journey.subtitle].filter(Boolean).join(' · '));
      const boxW = SLIDE_W - 2 * MARGIN;
      const boxH = SLIDE_H - top - MARGIN;
      const scale = Math.min(boxW / picture.width, boxH / picture.height);
      const w = picture.width * scale;
      const h = picture.height * scale;
      slide.addImage({
        data: `data:image/png;base64,${base64(picture.png)}`,
        x: MARGIN + (boxW - w) / 2,
        y: top + (boxH - h) / 2,
        w,
        h,
        altText: journey.title,
      });
    }
    // Stages × lanes, a few stages per slide.
    const [head, ...rows] = journey.table;
    const stages = (head?.length ?? 1) - 1;
    for (let from = 0; from < Math.max(1, stages); from += STAGES_PER_SLIDE) {
      const to = Math.min(stages, from + STAGES_PER_SLIDE);
      const part = stages > STAGES_PER_SLIDE ? ` (${deck.words.stagesPart(from + 1, to, stages)})` : '';
      const slide = titled(`${journey.title}: ${deck.words.table}${part}`, journey.subtitle);
      const pick = (row: readonly string[]) => [row[0] ?? '', ...row.slice(1 + from, 1 + to)];
      const laneW = 2.2;
      const stageW = (SLIDE_W - 2 * MARGIN - laneW) / Math.max(1, to - from);
      slide.addTable([headerRow(pick(head ?? [])), ...bodyRows(rows.map(pick), true)], {
        ...tableOptions,
        colW: [laneW, ...Array.from({ length: Math.max(1, to - from) }, () => stageW)],
      });
    }
    const l = deck.labels;
    if (journey.moments.length > 0)
      titled(`${journey.title}: ${deck.words.moments}`).addTable(
        [
          headerRow([l.matrix.stage, l.journey.momentType, l.journey.momentTarget, l.journey.momentCurrent]),
          ...bodyRows(journey.moments),
        ],
        { ...tableOptions, colW: [2.4, 1.2, 4.46, 4.46] },
      );
    if (journey.metrics.length > 0)
      titled(`${journey.title}: ${deck.words.metrics}`).addTable(
        [
          headerRow([l.matrix.stage, l.metrics.name, l.metrics.current, l.metrics.target, l.metrics.unit]),
          ...bodyRows(journey.metrics),
        ],
        { ...tableOptions, colW: [2.8, 4.93, 1.6, 1.6, 1.6] },
      );
  }

  const matrix = deck.matrix;
  if (matrix) {
    // The columns a slide can hold: stage, what to hand to AI, metric, scores, priority, human, decision.
    const keep = [0, 3, 4, 7, 8, 9, 10, 11, 14];
    const pick = <T>(row: readonly T[]) => keep.map((i) => row[i]!);
    const colW = [2, 3.2, 2.3, 0.75, 0.75, 0.75, 0.95, 0.95, 0.88];
    for (const sheet of matrix.sheets) {
      await hooks.checkpoint?.();
      titled(`${deck.words.matrix}: ${sheet.title}`).addTable(
        [headerRow(pick(matrix.columns.map((c) => c.header))), ...bodyRows(sheet.rows.map(pick), true)],
        { ...tableOptions, fontSize: 9, colW },
      );
    }
    const notToDo = matrix.notToDo.map((row) => [
      row[0] ?? null,
      row[1] ?? null,
      row[4] ?? null,
      row[13] ?? null,
    ]);
    titled(deck.words.notToDo).addTable(
      [
        headerRow([
          matrix.labels.matrix.journey,
          matrix.labels.matrix.stage,
          matrix.labels.matrix.handToAi,
          matrix.labels.matrix.humanReason,
        ]),
        ...bodyRows(notToDo),
      ],
      { ...tableOptions, colW: [2.6, 2.4, 3.76, 3.76] },
    );
  }

  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
