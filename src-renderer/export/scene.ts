import type { Rect } from '../canvas/viewModel';

/**
 * The export stage as vector parts (boxes, paths, text runs), read from the laid-out DOM: what
 * the PDF and SVG writers draw. Every frame kind is drawn by its own React components on the
 * stage, so this walker needs no knowledge of kinds: it reads boxes (background, border,
 * radius), clipping, SVG shapes and text lines as the browser laid them out.
 * Coordinates are canvas units relative to the top-left corner of the exported area, y down.
 * A redacted element (`data-cx-redacted`) becomes a neutral box; its subtree is not read.
 */

/** RGBA, each 0..1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A 2D affine matrix [a, b, c, d, e, f] (x' = a x + c y + e, y' = b x + d y + f). */
export type Matrix = [number, number, number, number, number, number];

export type ScenePart =
  | {
      type: 'path';
      /** SVG path data, in the coordinates `matrix` maps to the scene. */
      d: string;
      matrix: Matrix;
      fill: Rgba | null;
      stroke: Rgba | null;
      strokeWidth: number;
      dash: number[];
      bbox: Rect;
    }
  | {
      type: 'text';
      text: string;
      /** Left end of the run and its baseline. */
      x: number;
      baseline: number;
      /** The width the browser gave the run (writers fit the font's width to it). */
      width: number;
      size: number;
      weight: 400 | 700;
      italic: boolean;
      color: Rgba;
      bbox: Rect;
    }
  | { type: 'redacted'; bbox: Rect }
  | { type: 'group'; clip: Rect; parts: ScenePart[]; bbox: Rect };

export interface Scene {
  width: number;
  height: number;
  parts: ScenePart[];
}

/** Ascent of the export font (Noto Sans), in em: a text box's top to its baseline. */
const ASCENT = 1.069;
/** Height of a line's content area (ascent + descent), in em. */
const CONTENT_HEIGHT = 1.362;

function parseColor(value: string, opacity: number): Rgba | null {
  const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!m) return null;
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  const alpha = a * opacity;
  if (alpha <= 0.001) return null;
  return { r: r / 255, g: g / 255, b: b / 255, a: alpha };
}

function px(value: string): number {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

function roundedRectPath(r: Rect, radius: number): string {
  const rad = Math.max(0, Math.min(radius, r.width / 2, r.height / 2));
  const { x, y, width: w, height: h } = r;
  if (rad < 0.5) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
  return (
    `M${x + rad} ${y}H${x + w - rad}A${rad} ${rad} 0 0 1 ${x + w} ${y + rad}V${y + h - rad}` +
    `A${rad} ${rad} 0 0 1 ${x + w - rad} ${y + h}H${x + rad}A${rad} ${rad} 0 0 1 ${x} ${y + h - rad}` +
    `V${y + rad}A${rad} ${rad} 0 0 1 ${x + rad} ${y}Z`
  );
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) return null;
  return { x, y, width: right - x, height: bottom - y };
}

/** Rect of a part, for culling. */
function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The parts of `parts` that touch `area` (groups kept whole when they touch it). */
export function partsIn(parts: readonly ScenePart[], area: Rect): ScenePart[] {
  return parts.filter((p) => overlaps(p.bbox, area));
}

const SVG_SHAPES = new Set(['path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse']);

function shapePath(el: SVGElement): string | null {
  const n = (name: string) => px(el.getAttribute(name) ?? '0');
  switch (el.tagName.toLowerCase()) {
    case 'path':
      return el.getAttribute('d');
    case 'line':
      return `M${n('x1')} ${n('y1')}L${n('x2')} ${n('y2')}`;
    case 'polyline':
    case 'polygon': {
      const pts = (el.getAttribute('points') ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (pts.length < 4) return null;
      let d = `M${pts[0]} ${pts[1]}`;
      for (let i = 2; i + 1 < pts.length; i += 2) d += `L${pts[i]} ${pts[i + 1]}`;
      return el.tagName.toLowerCase() === 'polygon' ? `${d}Z` : d;
    }
    case 'rect':
      return roundedRectPath({ x: n('x'), y: n('y'), width: n('width'), height: n('height') }, n('rx'));
    case 'circle':
    case 'ellipse': {
      const cx = n('cx');
      const cy = n('cy');
      const rx = el.tagName.toLowerCase() === 'circle' ? n('r') : n('rx');
      const ry = el.tagName.toLowerCase() === 'circle' ? n('r') : n('ry');
      if (rx <= 0 || ry <= 0) return null;
      return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
    }
    default:
      return null;
  }
}

/**
 * Reads the vector scene of `root` (the stage's viewport). `toScene` maps client coordinates
 * to scene coordinates; `area` is the exported area in scene coordinates (0, 0, w, h).
 */
export function readScene(
  root: HTMLElement,
  toScene: (clientX: number, clientY: number) => { x: number; y: number },
  area: { width: number; height: number },
): Scene {
  const origin = toScene(0, 0);
  const rectOf = (r: DOMRect): Rect => {
    const a = toScene(r.left, r.top);
    return { x: a.x, y: a.y, width: r.width, height: r.height };
  };
  const range = document.createRange();

  function textRuns(node: Text, style: CSSStyleDeclaration, opacity: number, clip: Rect, out: ScenePart[]) {
    const content = node.data;
    if (!content.trim()) return;
    const color = parseColor(style.color, opacity);
    if (!color) return;
    const size = px(style.fontSize);
    const weight = px(style.fontWeight) >= 600 ? 700 : 400;
    const italic = style.fontStyle === 'italic' || style.fontStyle.startsWith('oblique');
    const tokens = content.matchAll(/\S+/g);
    let line: { text: string; left: number; right: number; top: number; height: number; end: number } | null =
      null;
    const flush = () => {
      if (!line) return;
      const bbox = { x: line.left, y: line.top, width: line.right - line.left, height: line.height };
      // Lines clamped away (line-clamp, overflow) are not written: they are not visible.
      if (intersect(bbox, clip))
        out.push({
          type: 'text',
          text: line.text,
          x: line.left,
          baseline: line.top + ASCENT * size,
          width: line.right - line.left,
          size,
          weight,
          italic,
          color,
          bbox,
        });
      line = null;
    };
    for (const token of tokens) {
      const start = token.index ?? 0;
      const end = start + token[0].length;
      range.setStart(node, start);
      range.setEnd(node, end);
      const rects = range.getClientRects();
      if (rects.length === 0) continue;
      // A word broken over lines (very long word): each fragment is its own piece.
      for (let i = 0; i < rects.length; i++) {
        const r = rectOf(rects[i]!);
        if (r.width === 0) continue;
        const piece = rects.length === 1 ? token[0] : (fragmentText(node, start, end, rects[i]!) ?? token[0]);
        if (line && Math.abs(r.y - line.top) < size * 0.5 && r.x >= line.right - 1) {
          const gap = content.slice(line.end, start);
          line.text += (gap.length > 0 ? ' ' : '') + piece;
          line.right = r.x + r.width;
          line.end = end;
        } else {
          flush();
          line = { text: piece, left: r.x, right: r.x + r.width, top: r.y, height: r.height, end };
        }
      }
    }
    flush();
  }

  function visitSvg(svg: SVGSVGElement, opacity: number, out: ScenePart[]) {
    for (const el of svg.querySelectorAll<SVGGraphicsElement>('*')) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'text') {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        for (const child of el.childNodes)
          if (child.nodeType === Node.TEXT_NODE)
            textRuns(child as Text, style, opacity * px(style.opacity || '1'), FULL, out);
        continue;
      }
      if (!SVG_SHAPES.has(tag) || el.closest('defs, clipPath, mask, marker, pattern')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const d = shapePath(el);
      const ctm = el.getScreenCTM();
      if (!d || !ctm) continue;
      const o = opacity * px(style.opacity || '1');
      const fill = style.fill === 'none' ? null : parseColor(style.fill, o * px(style.fillOpacity || '1'));
      const stroke =
        style.stroke === 'none' ? null : parseColor(style.stroke, o * px(style.strokeOpacity || '1'));
      const strokeWidth = px(style.strokeWidth);
      if (!fill && (!stroke || strokeWidth <= 0)) continue;
      const dash =
        style.strokeDasharray && style.strokeDasharray !== 'none'
          ? style.strokeDasharray.split(/[\s,]+/).map(px)
          : [];
      const box = el.getBoundingClientRect();
      out.push({
        type: 'path',
        d,
        matrix: [ctm.a, ctm.b, ctm.c, ctm.d, ctm.e + origin.x, ctm.f + origin.y],
        fill,
        stroke,
        strokeWidth,
        dash,
        bbox: rectOf(box),
      });
    }
  }

  const FULL: Rect = { x: -1e9, y: -1e9, width: 2e9, height: 2e9 };

  function visit(el: Element, opacity: number, clip: Rect, out: ScenePart[]) {
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const o = opacity * px(style.opacity || '1');
    if (o <= 0.001) return;
    if (el instanceof SVGSVGElement) {
      if (style.visibility !== 'hidden') visitSvg(el, o, out);
      return;
    }
    if (!(el instanceof HTMLElement)) return;
    const box = el.getBoundingClientRect();
    const rect = rectOf(box);
    if (el.hasAttribute('data-cx-redacted')) {
      if (intersect(rect, clip)) out.push({ type: 'redacted', bbox: rect });
      return;
    }
    if (style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0) {
      const radius = px(style.borderTopLeftRadius);
      const fill = parseColor(style.backgroundColor, o);
      if (fill)
        out.push({
          type: 'path',
          d: roundedRectPath(rect, radius),
          matrix: IDENTITY,
          fill,
          stroke: null,
          strokeWidth: 0,
          dash: [],
          bbox: rect,
        });
      const bw = px(style.borderTopWidth);
      const sameBorder =
        bw > 0 &&
        style.borderTopStyle !== 'none' &&
        ['Right', 'Bottom', 'Left'].every(
          (side) =>
            px(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) === bw &&
            style.getPropertyValue(`border-${side.toLowerCase()}-color`) === style.borderTopColor,
        );
      if (sameBorder) {
        const stroke = parseColor(style.borderTopColor, o);
        const inset = {
          x: rect.x + bw / 2,
          y: rect.y + bw / 2,
          width: rect.width - bw,
          height: rect.height - bw,
        };
        if (stroke)
          out.push({
            type: 'path',
            d: roundedRectPath(inset, Math.max(0, radius - bw / 2)),
            matrix: IDENTITY,
            fill: null,
            stroke,
            strokeWidth: bw,
            dash:
              style.borderTopStyle === 'dashed'
                ? [bw * 3, bw * 2]
                : style.borderTopStyle === 'dotted'
                  ? [bw, bw]
                  : [],
            bbox: rect,
          });
      } else {
        for (const side of ['top', 'right', 'bottom', 'left'] as const) {
          const w = px(style.getPropertyValue(`border-${side}-width`));
          if (w <= 0 || style.getPropertyValue(`border-${side}-style`) === 'none') continue;
          const color = parseColor(style.getPropertyValue(`border-${side}-color`), o);
          if (!color) continue;
          const r =
            side === 'top'
              ? { ...rect, height: w }
              : side === 'bottom'
                ? { ...rect, y: rect.y + rect.height - w, height: w }
                : side === 'left'
                  ? { ...rect, width: w }
                  : { ...rect, x: rect.x + rect.width - w, width: w };
          out.push({
            type: 'path',
            d: roundedRectPath(r, 0),
            matrix: IDENTITY,
            fill: color,
            stroke: null,
            strokeWidth: 0,
            dash: [],
            bbox: r,
          });
        }
      }
      if (
        el instanceof HTMLInputElement ||
        el instanceof HTMLTextAreaElement ||
        el instanceof HTMLSelectElement
      ) {
        formText(el, style, o, rect, out);
        return;
      }
    }
    let childClip = clip;
    let target = out;
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (clips) {
      childClip = intersect(clip, rect) ?? { x: rect.x, y: rect.y, width: 0, height: 0 };
      target = [];
    }
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (style.visibility !== 'hidden') textRuns(child as Text, style, o, childClip, target);
      } else if (child.nodeType === Node.ELEMENT_NODE) visit(child as Element, o, childClip, target);
    }
    if (clips && target.length > 0 && childClip.width > 0)
      out.push({ type: 'group', clip: childClip, parts: target, bbox: childClip });
  }

  /** A form field's text (its value, else its placeholder; a select's chosen option), as one run per line. */
  function formText(
    el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
    style: CSSStyleDeclaration,
    opacity: number,
    rect: Rect,
    out: ScenePart[],
  ) {
    if (el instanceof HTMLInputElement && !['text', 'search', 'number', 'email', 'url', ''].includes(el.type))
      return;
    let value: string;
    let colorValue = style.color;
    if (el instanceof HTMLSelectElement) value = el.selectedOptions[0]?.text ?? '';
    else if (el.value) value = el.value;
    else {
      value = el.placeholder;
      colorValue = getComputedStyle(el, '::placeholder').color || colorValue;
    }
    const color = parseColor(colorValue, opacity);
    if (!value.trim() || !color) return;
    const size = px(style.fontSize);
    const lineHeight = px(style.lineHeight) || size * 1.3;
    const left = rect.x + px(style.borderLeftWidth) + px(style.paddingLeft);
    const top = rect.y + px(style.borderTopWidth) + px(style.paddingTop);
    const multiline = el instanceof HTMLTextAreaElement;
    const lines = multiline ? value.split('\n') : [value];
    const inner = rect.width - px(style.paddingLeft) - px(style.paddingRight);
    lines.forEach((text, i) => {
      // A single-line field centres its text; a textarea starts at its padding, one line per line.
      const lineTop = multiline
        ? top + i * lineHeight + (lineHeight - size * CONTENT_HEIGHT) / 2
        : rect.y + (rect.height - size * CONTENT_HEIGHT) / 2;
      if (!text.trim() || lineTop + size > rect.y + rect.height) return;
      out.push({
        type: 'text',
        text,
        x: left,
        baseline: lineTop + ASCENT * size,
        width: -inner, // negative: at most this wide (the field clips), not stretched to it
        size,
        weight: px(style.fontWeight) >= 600 ? 700 : 400,
        italic: style.fontStyle === 'italic',
        color,
        bbox: { x: left, y: lineTop, width: inner, height: size * CONTENT_HEIGHT },
      });
    });
  }

  const parts: ScenePart[] = [];
  visit(root, 1, { x: 0, y: 0, width: area.width, height: area.height }, parts);
  range.detach();
  return { width: area.width, height: area.height, parts };
}

/** The characters of [start, end) of `node` that lie in `fragment` (a word split over lines). */
function fragmentText(node: Text, start: number, end: number, fragment: DOMRect): string | null {
  const range = document.createRange();
  let text = '';
  for (let i = start; i < end; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const r = range.getBoundingClientRect();
    if (Math.abs(r.top - fragment.top) < 1 && r.left >= fragment.left - 1 && r.right <= fragment.right + 1)
      text += node.data[i];
  }
  range.detach();
  return text || null;
}
