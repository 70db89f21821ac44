import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { PRESENCE_COLORS } from './colors';
import { displayName, useProfile } from './profile';
import { usePopover } from './usePopover';

/** The person's own name and colour as others see them, editable in a small popover. */
export function ProfileEditor() {
  const { t } = useTranslation();
  const profile = useProfile();
  const name = displayName(profile);
  const popover = usePopover();
  const titleId = useId();
  const nameId = useId();

  return (
    <div className="cx-live__anchor">
      <button
        ref={popover.buttonRef}
        type="button"
        className="cx-topbar__button cx-live__self"
        aria-label={t('presence.profile.open', { name })}
        title={t('presence.profile.open', { name })}
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        onClick={popover.toggle}
      >
        <Avatar name={name} color={profile.color} />
      </button>
      {popover.open && (
        <div ref={popover.panelRef} className="cx-live__popover" role="dialog" aria-labelledby={titleId}>
          <h2 id={titleId} className="cx-live__heading">
            {t('presence.profile.title')}
          </h2>
          <label htmlFor={nameId} className="cx-live__label">
            {t('presence.profile.name')}
          </label>
          <input
            id={nameId}
            className="cx-live__input"
            value={profile.name}
            placeholder={t('presence.guestName', { number: profile.guestNumber })}
            maxLength={40}
            autoComplete="nickname"
            autoFocus
            onChange={(e) => profile.setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') popover.setOpen(false);
            }}
          />
          <fieldset className="cx-live__colors">
            <legend className="cx-live__label">{t('presence.profile.color')}</legend>
            {PRESENCE_COLORS.map((color) => (
              <label key={color.id} className="cx-live__swatch" style={{ background: color.hex }}>
                <input
                  type="radio"
                  name="cx-presence-color"
                  className="cx-live__swatch-input"
                  checked={profile.color.toLowerCase() === color.hex}
                  aria-label={t(`presence.color.${color.id}`)}
                  onChange={() => profile.setColor(color.hex)}
                />
              </label>
            ))}
          </fieldset>
          <p className="cx-live__hint">{t('presence.profile.hint')}</p>
          <button type="button" className="cx-button" onClick={() => popover.setOpen(false)}>
            {t('presence.done')}
          </button>
        </div>
      )}
    </div>
  );
}
