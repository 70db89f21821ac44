import { EXPORT_FONT_FAMILY } from './fonts';
import type { Rgba, Scene, ScenePart } from './scene';

/**
 * Writes the scene as a standalone SVG file: real `<path>` and `<text>` elements (text in the
 * export font, fitted to the browser's line width), redacted quotes as grey boxes, the fonts
 * inline as @font-face rules (`fontCss`) so the file looks the same anywhere.
 */
export function writeSvg(
  scene: Scene,
  options: { background: 'white' | 'transparent'; fontCss: string; title: string },
): string {
  let clipId = 0;
  const defs: string[] = [];
  const num = (n: number) => (Math.round(n * 100) / 100).toString();
  const paint = (c: Rgba | null) =>
    c ? `rgb(${Math.round(c.r * 255)},${Math.round(c.g * 255)},${Math.round(c.b * 255)})` : 'none';
  const alpha = (name: string, c: Rgba | null) => (c && c.a < 1 ? ` ${name}="${num(c.a)}"` : '');

  function part(p: ScenePart): string {
    switch (p.type) {
      case 'path': {
        const m = p.matrix;
        const transform =
          m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0
            ? ''
            : ` transform="matrix(${m.map(num).join(' ')})"`;
        const dash = p.dash.length > 0 ? ` stroke-dasharray="${p.dash.map(num).join(' ')}"` : '';
        const stroke = p.stroke
          ? ` stroke="${paint(p.stroke)}" stroke-width="${num(p.strokeWidth)}"${alpha('stroke-opacity', p.stroke)}${dash}`
          : '';
        return `<path d="${escapeXml(p.d)}"${transform} fill="${paint(p.fill)}"${alpha('fill-opacity', p.fill)}${stroke}/>`;
      }
      case 'text': {
        const fit = p.width > 0 ? ` textLength="${num(p.width)}" lengthAdjust="spacingAndGlyphs"` : '';
        return (
          `<text x="${num(p.x)}" y="${num(p.baseline)}" font-size="${num(p.size)}"` +
          `${p.weight === 700 ? ' font-weight="700"' : ''}${p.italic ? ' font-style="italic"' : ''}` +
          ` fill="${paint(p.color)}"${alpha('fill-opacity', p.color)}${fit}>${escapeXml(p.text)}</text>`
        );
      }
      case 'redacted': {
        const r = p.bbox;
        return `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" rx="3" fill="#cbd5e1"/>`;
      }
      case 'group': {
        const id = `c${clipId++}`;
        const r = p.clip;
        defs.push(
          `<clipPath id="${id}"><rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}"/></clipPath>`,
        );
        return `<g clip-path="url(#${id})">${p.parts.map(part).join('')}</g>`;
      }
    }
  }

  const body = scene.parts.map(part).join('\n');
  const background =
    options.background === 'white' ? `<rect width="100%" height="100%" fill="#ffffff"/>\n` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}" height="${num(scene.height)}" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" font-family="'${EXPORT_FONT_FAMILY}', 'Noto Sans', sans-serif">\n` +
    `<title>${escapeXml(options.title)}</title>\n` +
    `<defs><style>${options.fontCss}</style>${defs.join('')}</defs>\n` +
    background +
    body +
    '\n</svg>\n'
  );
}

/** Text safe inside XML text and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 cannot hold.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
