import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Menu } from '../common/Menu';
import { ideaKey, STAGE_KINDS, stageKindOf, TYPICAL_AUTOMATIONS, withIdea } from './suggestions';
import { useMatrixUi } from './uiStore';

/**
 * A row's "typical automations" button: a menu of the library's ideas for the kind of stage
 * its title names (all ideas, grouped by kind, when it names none). Picking one adds it to the
 * "what to hand to AI" cell; nothing is written until the user picks.
 */
export function SuggestButton({
  matrixId,
  stageId,
  stage,
  stageTitle,
  current,
  nav,
  onPick,
}: {
  matrixId: string;
  stageId: string;
  stage: string;
  stageTitle: string;
  current: string;
  nav: string;
  onPick(text: string): void;
}) {
  const { t } = useTranslation();
  const key = `${matrixId}|${stageId}`;
  const open = useMatrixUi((s) => s.suggestionsFor === key);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) useMatrixUi.getState().openSuggestions(null);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = () => {
    useMatrixUi.getState().openSuggestions(null);
    buttonRef.current?.focus();
  };
  const kind = stageKindOf(stageTitle);
  const kinds = kind ? [kind] : STAGE_KINDS;
  const items = kinds.flatMap((k) =>
    TYPICAL_AUTOMATIONS[k].map((idea) => {
      const text = t(ideaKey(k, idea));
      return {
        label: kind ? text : `${t(`matrix.stageKind.${k}`)}: ${text}`,
        onSelect: () => {
          onPick(withIdea(current, text));
          close();
        },
      };
    }),
  );

  return (
    <div className="mx-suggest" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="mx-suggest-button nodrag nokey"
        data-mx-nav={nav}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('matrix.suggest.button', { stage })}
        title={t('matrix.suggest.button', { stage })}
        onClick={() => useMatrixUi.getState().openSuggestions(open ? null : key)}
      >
        ✦
      </button>
      {open && (
        <div className="mx-suggest-menu nowheel">
          <p className="mx-suggest-caption" aria-hidden="true">
            {kind
              ? t('matrix.suggest.forKind', { kind: t(`matrix.stageKind.${kind}`) })
              : t('matrix.suggest.all')}
          </p>
          <Menu label={t('matrix.suggest.menu')} items={items} onClose={close} />
        </div>
      )}
    </div>
  );
}
