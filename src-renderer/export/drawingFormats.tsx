import { useTranslation } from 'react-i18next';
import { fontFaceCss } from './fonts';
import { mountExportStage, type ExportStage } from './ExportStage';
import {
  defineDialogFormat,
  type ExportRequest,
  type ExportTaskHooks,
  type FormatOptionsProps,
} from './dialogFormats';
import { type PdfOptions, writePdf } from './pdf';
import { canvasToPng, type PictureOptions, renderPicture } from './picture';
import { readScene, type Scene } from './scene';
import { writeSvg } from './svg';

/**
 * The drawing formats: PNG (html-to-image of the export stage), SVG and PDF (the stage read
 * as vector parts, scene.ts, written by svg.ts / pdf.ts). All take any scope.
 */

const anyScope = () => true;

/** Mounts the stage for `request`, runs `use`, always unmounts. */
async function withStage<T>(
  request: ExportRequest,
  task: ExportTaskHooks,
  use: (stage: ExportStage) => Promise<T>,
): Promise<T> {
  const stage = await mountExportStage({ ...request, signal: task.signal });
  try {
    task.progress(0.25);
    return await use(stage);
  } finally {
    stage.dispose();
  }
}

/** The stage as vector parts, in coordinates of its exported area. */
function sceneOf(stage: ExportStage): Scene {
  const { bounds } = stage;
  return readScene(
    stage.viewport,
    (cx, cy) => {
      const p = stage.toCanvas(cx, cy);
      return { x: p.x - bounds.x, y: p.y - bounds.y };
    },
    bounds,
  );
}

function Choice<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}) {
  return (
    <label className="cx-export__field">
      <span>{label}</span>
      <select
        value={String(value)}
        onChange={(event) => {
          const picked = options.find((o) => String(o.value) === event.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function BackgroundChoice({ value, onChange }: FormatOptionsProps<'white' | 'transparent'>) {
  const { t } = useTranslation();
  return (
    <Choice
      label={t('export.background.label')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'white', label: t('export.background.white') },
        { value: 'transparent', label: t('export.background.transparent') },
      ]}
    />
  );
}

function PngOptions({ value, onChange }: FormatOptionsProps<PictureOptions>) {
  const { t } = useTranslation();
  return (
    <>
      <Choice
        label={t('export.png.scale')}
        value={value.scale}
        onChange={(scale) => onChange({ ...value, scale })}
        options={[1, 2, 3].map((n) => ({ value: n, label: `${n}×` }))}
      />
      <BackgroundChoice
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </>
  );
}

export const pngFormat = defineDialogFormat<PictureOptions>({
  format: 'png',
  labelKey: 'export.format.png',
  accepts: anyScope,
  defaults: { scale: 2, background: 'white' },
  Options: PngOptions,
  produce: (request, options, task) =>
    withStage(request, task, async (stage) => {
      const canvas = await renderPicture(stage, options);
      task.signal.throwIfAborted();
      task.progress(0.8);
      return canvasToPng(canvas);
    }),
});

export interface SvgOptions {
  background: 'white' | 'transparent';
}

export const svgFormat = defineDialogFormat<SvgOptions>({
  format: 'svg',
  labelKey: 'export.format.svg',
  accepts: anyScope,
  defaults: { background: 'white' },
  Options: ({ value, onChange }) => (
    <BackgroundChoice
      value={value.background}
      onChange={(background) => onChange({ ...value, background })}
    />
  ),
  produce: (request, options, task) =>
    withStage(request, task, async (stage) => {
      const scene = sceneOf(stage);
      task.progress(0.7);
      const svg = writeSvg(scene, { ...options, fontCss: fontFaceCss(stage.fonts), title: request.title });
      return new TextEncoder().encode(svg);
    }),
});

type PdfPageOptions = Omit<PdfOptions, 'title' | 'language'>;

function PdfOptionsFields({ value, onChange }: FormatOptionsProps<PdfPageOptions>) {
  const { t } = useTranslation();
  return (
    <>
      <Choice
        label={t('export.pdf.paper')}
        value={value.paper}
        onChange={(paper) => onChange({ ...value, paper })}
        options={[
          { value: 'a4', label: 'A4' },
          { value: 'a3', label: 'A3' },
        ]}
      />
      <Choice
        label={t('export.pdf.orientation')}
        value={value.orientation}
        onChange={(orientation) => onChange({ ...value, orientation })}
        options={[
          { value: 'landscape', label: t('export.pdf.landscape') },
          { value: 'portrait', label: t('export.pdf.portrait') },
        ]}
      />
      <Choice
        label={t('export.pdf.layout')}
        value={value.layout}
        onChange={(layout) => onChange({ ...value, layout })}
        options={[
          { value: 'fit', label: t('export.pdf.fit') },
          { value: 'tile', label: t('export.pdf.tile') },
        ]}
      />
      <label className="cx-export__check">
        <input
          type="checkbox"
          checked={value.pagePerFrame}
          onChange={(event) => onChange({ ...value, pagePerFrame: event.target.checked })}
        />
        {t('export.pdf.pagePerFrame')}
      </label>
    </>
  );
}

export const pdfFormat = defineDialogFormat<PdfPageOptions>({
  format: 'pdf',
  labelKey: 'export.format.pdf',
  accepts: anyScope,
  defaults: { paper: 'a4', orientation: 'landscape', layout: 'fit', pagePerFrame: false },
  Options: PdfOptionsFields,
  produce: (request, options, task) =>
    withStage(request, task, async (stage) => {
      const { bounds } = stage;
      const scene = sceneOf(stage);
      task.progress(0.4);
      const frames = stage.frames.map((f) => ({
        x: f.rect.x - bounds.x,
        y: f.rect.y - bounds.y,
        width: f.rect.width,
        height: f.rect.height,
      }));
      const whole = { x: 0, y: 0, width: bounds.width, height: bounds.height };
      const regions = options.pagePerFrame && frames.length > 0 ? frames : [whole];
      return writePdf(
        scene,
        stage.fonts,
        regions,
        { ...options, title: request.title, language: request.language },
        { signal: task.signal, progress: (done, total) => task.progress(0.4 + (0.6 * done) / total) },
      );
    }),
});
