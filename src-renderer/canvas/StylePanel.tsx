import { useTranslation } from 'react-i18next';
import { ActionButton } from '../actions/ActionButton';
import { useActionContext } from '../actions/useActions';
import { type BoardSnapshot, type ElementSnapshot, STICKY_COLORS, type ShapeKind } from '../../shared/board';
import { shallowEqual, useBoardReadOnly, useBoardSelector, useSession } from '../board/BoardContext';
import { findFrame } from '../frames/registry';
import { INK_COLORS, type InkColor, PALETTE } from './colors';
import { colorKindOf } from './useCanvasActions';

const SHAPES: ShapeKind[] = ['rectangle', 'ellipse', 'diamond'];
const INK_NAMES = Object.keys(INK_COLORS) as InkColor[];

/**
 * The context toolbar of the selection: colour, shape kind, order, duplicate, delete. It shows
 * only what applies to the selected elements (fills for stickies/shapes/frames, ink for text
 * and connectors), and nothing on a board open for viewing only.
 */
export function StylePanel() {
  const { t } = useTranslation();
  const ctx = useActionContext();
  const actions = ctx.canvas;
  const selection = useSession((s) => s.selection);
  const editing = useSession((s) => s.editingId);
  const selected = useBoardSelector(
    (s: BoardSnapshot) =>
      selection
        .map((id) => (Object.hasOwn(s.elements, id) ? s.elements[id] : undefined))
        .filter((e): e is ElementSnapshot => !!e),
    shallowEqual,
  );
  const framesSelected = useBoardSelector((s) => selection.some((id) => findFrame(s, id) !== null));
  const readOnly = useBoardReadOnly();
  if ((selected.length === 0 && !framesSelected) || editing || readOnly) return null;

  const fills = selected.filter((e) => colorKindOf(e.type) === 'fill');
  const inks = selected.filter((e) => colorKindOf(e.type) === 'ink');
  const shapes = selected.filter((e) => e.type === 'shape');
  const allHave = (
    list: ElementSnapshot[],
    pick: (e: ElementSnapshot) => string | undefined,
    value: string,
  ) => list.length > 0 && list.every((e) => pick(e) === value);

  return (
    <div className="cx-stylebar" role="toolbar" aria-label={t('style.label')}>
      {fills.length > 0 && (
        <fieldset className="cx-stylebar__group" aria-label={t('style.fill')}>
          {STICKY_COLORS.map((name) => (
            <button
              key={name}
              type="button"
              className="cx-swatch"
              style={{ background: PALETTE[name] }}
              aria-label={t(`color.${name}`)}
              title={t(`color.${name}`)}
              aria-pressed={allHave(fills, (e) => e.style.color, name)}
              onClick={() => actions.recolor(name, 'fill')}
            />
          ))}
        </fieldset>
      )}
      {inks.length > 0 && (
        <fieldset className="cx-stylebar__group" aria-label={t('style.ink')}>
          {INK_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              className="cx-swatch cx-swatch--ink"
              style={{ background: INK_COLORS[name] }}
              aria-label={t(`ink.${name}`)}
              title={t(`ink.${name}`)}
              aria-pressed={allHave(inks, (e) => e.style.color, INK_COLORS[name])}
              onClick={() => actions.recolor(INK_COLORS[name], 'ink')}
            />
          ))}
        </fieldset>
      )}
      {shapes.length > 0 && (
        <fieldset className="cx-stylebar__group" aria-label={t('style.shape')}>
          {SHAPES.map((shape) => (
            <button
              key={shape}
              type="button"
              className="cx-stylebar__button"
              aria-pressed={allHave(shapes, (e) => e.style.shape ?? 'rectangle', shape)}
              onClick={() => actions.setShape(shape)}
            >
              {t(`canvas.kind.shape.${shape}`)}
            </button>
          ))}
        </fieldset>
      )}
      <div className="cx-stylebar__group">
        {selected.length > 0 && (
          <>
            <ActionButton id="bringToFront" ctx={ctx} className="cx-stylebar__button" />
            <ActionButton id="duplicate" ctx={ctx} className="cx-stylebar__button" />
          </>
        )}
        <ActionButton id="delete" ctx={ctx} className="cx-stylebar__button cx-stylebar__button--danger" />
      </div>
    </div>
  );
}
