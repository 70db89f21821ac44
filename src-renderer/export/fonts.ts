import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?url';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff?url';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';

/**
 * The one typeface of exports: Noto Sans (latin, latin-ext, cyrillic, cyrillic-ext subsets,
 * regular and bold), bundled with the app. The export stage lays text out in it and the PDF
 * and SVG writers embed the same files, so a PDF line has exactly the width the browser gave
 * it. Each file holds one subset, so a run of text is split per character by the subset
 * that has its glyph (`FontFile.ranges`).
 */
export const EXPORT_FONT_FAMILY = 'CX Export Sans';

export type FontWeight = 400 | 700;

export interface FontFile {
  weight: FontWeight;
  url: string;
  /** Code point ranges the file covers (its CSS unicode-range), inclusive. */
  ranges: readonly (readonly [number, number])[];
}

function ranges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [from, to] = part.replace(/^U\+/, '').split('-');
    const start = Number.parseInt(from!, 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

// From @fontsource/noto-sans's own unicode-range declarations.
const LATIN = ranges(
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
);
const LATIN_EXT = ranges(
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
);
const CYRILLIC = ranges('U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116');
const CYRILLIC_EXT = ranges('U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F');

/** Every export font file, most common subset first. */
export const EXPORT_FONT_FILES: readonly FontFile[] = [
  { weight: 400, url: latin400, ranges: LATIN },
  { weight: 400, url: cyrillic400, ranges: CYRILLIC },
  { weight: 400, url: latinExt400, ranges: LATIN_EXT },
  { weight: 400, url: cyrillicExt400, ranges: CYRILLIC_EXT },
  { weight: 700, url: latin700, ranges: LATIN },
  { weight: 700, url: cyrillic700, ranges: CYRILLIC },
  { weight: 700, url: latinExt700, ranges: LATIN_EXT },
  { weight: 700, url: cyrillicExt700, ranges: CYRILLIC_EXT },
];

/** Whether `file` has a glyph for code point `cp` (by its declared range). */
export function covers(file: FontFile, cp: number): boolean {
  return file.ranges.some(([from, to]) => cp >= from && cp <= to);
}

function unicodeRange(file: FontFile): string {
  return file.ranges
    .map(([from, to]) =>
      from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`,
    )
    .join(',');
}

let loaded: Promise<Map<FontFile, Uint8Array>> | null = null;

/**
 * Loads the font files once: registers them with the page (so the export stage lays text out
 * in them) and keeps their bytes (for the PDF and SVG writers and html-to-image).
 */
export function loadExportFonts(): Promise<Map<FontFile, Uint8Array>> {
  loaded ??= (async () => {
    const bytes = new Map<FontFile, Uint8Array>();
    await Promise.all(
      EXPORT_FONT_FILES.map(async (file) => {
        const response = await fetch(file.url);
        if (!response.ok) throw new Error(`export font ${file.url}: HTTP ${response.status}`);
        const data = new Uint8Array(await response.arrayBuffer());
        bytes.set(file, data);
        const face = new FontFace(EXPORT_FONT_FAMILY, data, {
          weight: String(file.weight),
          unicodeRange: unicodeRange(file),
        });
        await face.load();
        document.fonts.add(face);
      }),
    );
    return bytes;
  })();
  loaded.catch(() => {
    loaded = null; // a failed load is tried again by the next export
  });
  return loaded;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** @font-face rules with the fonts inline, for pictures (html-to-image) and SVG files. */
export function fontFaceCss(fonts: Map<FontFile, Uint8Array>): string {
  return [...fonts]
    .map(
      ([file, data]) =>
        `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-weight:${file.weight};font-style:normal;` +
        `unicode-range:${unicodeRange(file)};src:url(data:font/woff;base64,${base64(data)}) format('woff');}`,
    )
    .join('\n');
}
