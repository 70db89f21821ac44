import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  concatTransformationMatrix,
  endPath,
  type PDFFont,
  PDFDocument,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from 'pdf-lib';
import type { Rect } from '../canvas/viewModel';
import { covers, EXPORT_FONT_FILES, type FontFile, type FontWeight } from './fonts';
import { partsIn, type Rgba, type Scene, type ScenePart } from './scene';

/** PDF page options of the export dialog. */
export interface PdfOptions {
  paper: 'a4' | 'a3';
  orientation: 'landscape' | 'portrait';
  /** One page scaled to fit, or tiles at print size (1 canvas px = 0.75 pt) with overlap marks. */
  layout: 'fit' | 'tile';
  /** One page (or one set of tiles) per frame instead of the whole area. */
  pagePerFrame: boolean;
  /** Document title (PDF metadata). */
  title: string;
  /** UI language, the document's language. */
  language: string;
}

const MM = 72 / 25.4;
const PAPER: Record<PdfOptions['paper'], [number, number]> = {
  a4: [210 * MM, 297 * MM],
  a3: [297 * MM, 420 * MM],
};
const MARGIN = 10 * MM;
/** Tiles overlap by this much, so pages can be trimmed and glued. */
export const TILE_OVERLAP = 10 * MM;
/** Print size: CSS px to points. */
const TILE_SCALE = 0.75;
const ITALIC_SKEW = Math.tan((12 * Math.PI) / 180);

/** One page: which part of the scene, where, at what scale, and its tile marks. */
interface PagePlan {
  area: Rect;
  scale: number;
  /** Where the area's top-left corner lands, from the page's top-left corner, in points. */
  offset: { x: number; y: number };
  tile: { row: number; column: number; rows: number; columns: number } | null;
}

export function pageSize(options: Pick<PdfOptions, 'paper' | 'orientation'>): [number, number] {
  const [w, h] = PAPER[options.paper];
  return options.orientation === 'landscape' ? [h, w] : [w, h];
}

/** The pages of one region of the scene. Pure (tested). */
export function planPages(
  region: Rect,
  options: Pick<PdfOptions, 'paper' | 'orientation' | 'layout'>,
): PagePlan[] {
  const [pw, ph] = pageSize(options);
  const aw = pw - 2 * MARGIN;
  const ah = ph - 2 * MARGIN;
  if (options.layout === 'fit' || (region.width * TILE_SCALE <= aw && region.height * TILE_SCALE <= ah)) {
    const scale = options.layout === 'fit' ? Math.min(aw / region.width, ah / region.height) : TILE_SCALE;
    return [
      {
        area: region,
        scale,
        offset: { x: (pw - region.width * scale) / 2, y: (ph - region.height * scale) / 2 },
        tile: null,
      },
    ];
  }
  const stepX = (aw - TILE_OVERLAP) / TILE_SCALE;
  const stepY = (ah - TILE_OVERLAP) / TILE_SCALE;
  const tileW = aw / TILE_SCALE;
  const tileH = ah / TILE_SCALE;
  const columns = Math.max(1, Math.ceil((region.width - tileW) / stepX) + 1);
  const rows = Math.max(1, Math.ceil((region.height - tileH) / stepY) + 1);
  const pages: PagePlan[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++)
      pages.push({
        area: { x: region.x + column * stepX, y: region.y + row * stepY, width: tileW, height: tileH },
        scale: TILE_SCALE,
        offset: { x: MARGIN, y: MARGIN },
        tile: { row, column, rows, columns },
      });
  return pages;
}

/** Plain stand-ins for symbols the export font's subsets do not have. */
const STAND_INS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '✓': 'v',
  '✔': 'v',
  '✕': 'x',
  '×': 'x',
  '★': '*',
  '☆': '*',
  '●': '•',
};

class FontSet {
  private embedded = new Map<FontFile, PDFFont>();
  constructor(
    private doc: PDFDocument,
    private bytes: Map<FontFile, Uint8Array>,
  ) {}

  /** The run split into pieces, each with the font file that has its glyphs. */
  async segments(text: string, weight: FontWeight): Promise<{ text: string; font: PDFFont }[]> {
    const files = EXPORT_FONT_FILES.filter((f) => f.weight === weight);
    const out: { text: string; font: PDFFont }[] = [];
    let current: FontFile | null = null;
    let piece = '';
    for (const original of text) {
      // A symbol the bundled subsets lack: its plain-text stand-in, else a space.
      const cp0 = original.codePointAt(0)!;
      const ch = files.some((f) => covers(f, cp0)) ? original : (STAND_INS[original] ?? ' ');
      const use = files.find((f) => covers(f, ch.codePointAt(0)!)) ?? files[0]!;
      const shown = ch;
      if (use !== current && piece) {
        out.push({ text: piece, font: await this.font(current!) });
        piece = '';
      }
      current = use;
      piece += shown;
    }
    if (piece && current) out.push({ text: piece, font: await this.font(current) });
    return out;
  }

  private async font(file: FontFile): Promise<PDFFont> {
    const known = this.embedded.get(file);
    if (known) return known;
    const data = this.bytes.get(file);
    if (!data) throw new Error('export font not loaded');
    // Subset: only the glyphs used go into the file, so a Cyrillic board stays small.
    const font = await this.doc.embedFont(data, { subset: true });
    this.embedded.set(file, font);
    return font;
  }
}

const color = (c: Rgba) => rgb(Math.min(1, c.r), Math.min(1, c.g), Math.min(1, c.b));

async function drawPart(page: PDFPage, part: ScenePart, fonts: FontSet): Promise<void> {
  switch (part.type) {
    case 'path': {
      const [a, b, c, d, e, f] = part.matrix;
      // The page is in scene coordinates (y down) and drawSvgPath flips y itself (scale(1, -1)):
      // concatenate the path's matrix times a flip, so the two flips cancel.
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(a, b, -c, -d, e, f));
      page.drawSvgPath(part.d, {
        x: 0,
        y: 0,
        scale: 1,
        color: part.fill ? color(part.fill) : undefined,
        opacity: part.fill?.a,
        borderColor: part.stroke ? color(part.stroke) : undefined,
        borderOpacity: part.stroke?.a,
        borderWidth: part.stroke ? part.strokeWidth : 0,
        borderDashArray: part.dash.length > 0 ? part.dash : undefined,
      });
      page.pushOperators(popGraphicsState());
      return;
    }
    case 'text': {
      const segments = await fonts.segments(part.text, part.weight);
      const natural = segments.reduce((sum, s) => sum + s.font.widthOfTextAtSize(s.text, part.size), 0);
      if (natural <= 0) return;
      // Fit the font's width to the browser's line (same font, so this is ~1; never wider than a field).
      const squeeze =
        part.width > 0
          ? Math.min(1.25, Math.max(0.75, part.width / natural))
          : Math.min(1, -part.width / natural);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(squeeze, 0, part.italic ? ITALIC_SKEW : 0, -1, part.x, part.baseline),
      );
      let x = 0;
      for (const s of segments) {
        page.drawText(s.text, {
          x,
          y: 0,
          size: part.size,
          font: s.font,
          color: color(part.color),
          opacity: part.color.a,
        });
        x += s.font.widthOfTextAtSize(s.text, part.size);
      }
      page.pushOperators(popGraphicsState());
      return;
    }
    case 'redacted': {
      const r = part.bbox;
      page.drawRectangle({ x: r.x, y: r.y, width: r.width, height: r.height, color: rgb(0.8, 0.83, 0.87) });
      return;
    }
    case 'group': {
      const r = part.clip;
      page.pushOperators(pushGraphicsState(), rectangle(r.x, r.y, r.width, r.height), clip(), endPath());
      for (const child of part.parts) await drawPart(page, child, fonts);
      page.pushOperators(popGraphicsState());
      return;
    }
  }
}

function drawTileMarks(page: PDFPage, plan: PagePlan, font: PDFFont, label: string) {
  const { width: pw, height: ph } = page.getSize();
  const grey = rgb(0.45, 0.45, 0.45);
  const tile = plan.tile!;
  // Dashed lines where the next tile starts (right, bottom) and where this one overlaps the previous (left, top).
  const lines: [number, number, number, number][] = [];
  if (tile.column < tile.columns - 1)
    lines.push([pw - MARGIN - TILE_OVERLAP, MARGIN / 2, pw - MARGIN - TILE_OVERLAP, ph - MARGIN / 2]);
  if (tile.column > 0)
    lines.push([MARGIN + TILE_OVERLAP, MARGIN / 2, MARGIN + TILE_OVERLAP, ph - MARGIN / 2]);
  if (tile.row < tile.rows - 1)
    lines.push([MARGIN / 2, MARGIN + TILE_OVERLAP, pw - MARGIN / 2, MARGIN + TILE_OVERLAP]);
  if (tile.row > 0)
    lines.push([MARGIN / 2, ph - MARGIN - TILE_OVERLAP, pw - MARGIN / 2, ph - MARGIN - TILE_OVERLAP]);
  for (const [x1, y1, x2, y2] of lines)
    page.drawLine({
      start: { x: x1, y: y1 },
      end: { x: x2, y: y2 },
      thickness: 0.5,
      color: grey,
      dashArray: [3, 3],
    });
  // Corner marks of the printed area.
  for (const [cx, cy] of [
    [MARGIN, MARGIN],
    [pw - MARGIN, MARGIN],
    [MARGIN, ph - MARGIN],
    [pw - MARGIN, ph - MARGIN],
  ] as const) {
    page.drawLine({ start: { x: cx - 6, y: cy }, end: { x: cx + 6, y: cy }, thickness: 0.5, color: grey });
    page.drawLine({ start: { x: cx, y: cy - 6 }, end: { x: cx, y: cy + 6 }, thickness: 0.5, color: grey });
  }
  page.drawText(label, { x: MARGIN, y: MARGIN / 2 - 3, size: 7, font, color: grey });
}

/**
 * Writes the scene as a PDF: vector shapes, selectable text in the embedded export font
 * (subsets per script), redacted quotes as grey boxes with no text. `regions` are the areas
 * to print (the whole scene, or each frame), each on one page or on tiles.
 */
export async function writePdf(
  scene: Scene,
  fontBytes: Map<FontFile, Uint8Array>,
  regions: Rect[],
  options: PdfOptions,
  hooks: { signal?: AbortSignal; progress?: (done: number, total: number) => void } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(options.title);
  doc.setCreator('CX Board');
  doc.setProducer('CX Board (pdf-lib)');
  doc.setLanguage(options.language);
  const fonts = new FontSet(doc, fontBytes);
  const plans = regions.flatMap((region) => planPages(region, options));
  const [pw, ph] = pageSize(options);
  let labelFont: PDFFont | null = null;
  for (const [index, plan] of plans.entries()) {
    hooks.signal?.throwIfAborted();
    const page = doc.addPage([pw, ph]);
    const { area, scale, offset } = plan;
    // Scene coordinates (y down) → page coordinates (y up).
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(
        scale,
        0,
        0,
        -scale,
        offset.x - scale * area.x,
        ph - offset.y + scale * area.y,
      ),
      rectangle(area.x, area.y, area.width, area.height),
      clip(),
      endPath(),
    );
    for (const part of partsIn(scene.parts, area)) await drawPart(page, part, fonts);
    page.pushOperators(popGraphicsState());
    if (plan.tile) {
      labelFont ??= (await fonts.segments('0', 400))[0]!.font;
      const t = plan.tile;
      drawTileMarks(page, plan, labelFont, `${index + 1} / ${plans.length} · ${t.row + 1}-${t.column + 1}`);
    }
    hooks.progress?.(index + 1, plans.length);
  }
  return doc.save();
}
