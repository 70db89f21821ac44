import { type ReactNode, useId } from 'react';
import { useBoardReadOnly } from '../../board/BoardContext';

export interface RadioOption<T extends string> {
  value: T;
  /** Visible content; it also names the radio (put a visually hidden text in icon-only options). */
  content: ReactNode;
  className?: string;
  disabled?: boolean;
}

/**
 * A row of native radio buttons in a fieldset (named by its legend): segmented switches
 * and colour swatches. Native inputs give the keyboard behaviour and roles for free. On a
 * board open for viewing only the choice is shown, disabled.
 */
export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  className,
  hideInputs,
}: {
  legend: string;
  options: readonly RadioOption<T>[];
  value: T | null;
  onChange(value: T): void;
  className?: string;
  /** Swatches: the input is invisible but covers its label, which draws the control. */
  hideInputs?: boolean;
}) {
  const name = useId();
  const readOnly = useBoardReadOnly();
  return (
    <fieldset className={`jm-radio-group ${className ?? ''}`}>
      <legend className="jm-sr-only">{legend}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className={`${option.className ?? ''}${option.value === value ? ' is-checked' : ''}${
            option.disabled ? ' is-disabled' : ''
          }`}
        >
          <input
            type="radio"
            name={name}
            className={`nodrag nokey${hideInputs ? ' jm-radio-overlay' : ''}`}
            value={option.value}
            checked={option.value === value}
            disabled={option.disabled || readOnly}
            onChange={() => onChange(option.value)}
          />
          {option.content}
        </label>
      ))}
    </fieldset>
  );
}
