import { toCanvas } from 'html-to-image';
import { fontFaceCss } from './fonts';
import type { ExportStage } from './ExportStage';

/** Options of a PNG export. */
export interface PictureOptions {
  /** Pixels per canvas unit: 1, 2 or 3. */
  scale: number;
  /** White background, or transparent. */
  background: 'white' | 'transparent';
}

/** Largest picture side, in pixels: browsers refuse bigger canvases (Chromium: 32 767). */
export const MAX_PICTURE_SIDE = 16_384;

/** The pixel ratio a picture of `stage` can have: the asked scale, less when it would be too big. */
export function pictureScale(stage: Pick<ExportStage, 'bounds'>, scale: number): number {
  const side = Math.max(stage.bounds.width, stage.bounds.height);
  return Math.min(scale, MAX_PICTURE_SIDE / side);
}

/**
 * The stage as a bitmap (html-to-image 1.11.11: later versions drop React Flow's edges), at
 * `scale` pixels per canvas unit, with the export fonts inline.
 */
export async function renderPicture(stage: ExportStage, options: PictureOptions): Promise<HTMLCanvasElement> {
  const { bounds } = stage;
  return toCanvas(stage.viewport, {
    width: bounds.width,
    height: bounds.height,
    pixelRatio: pictureScale(stage, options.scale),
    backgroundColor: options.background === 'white' ? '#ffffff' : undefined,
    fontEmbedCSS: fontFaceCss(stage.fonts),
    style: {
      width: `${bounds.width}px`,
      height: `${bounds.height}px`,
      transform: `translate(${-bounds.x}px, ${-bounds.y}px) scale(1)`,
    },
  });
}

/** A canvas as PNG bytes. */
export async function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the picture');
  return new Uint8Array(await blob.arrayBuffer());
}
