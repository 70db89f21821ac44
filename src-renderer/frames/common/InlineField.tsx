import { type KeyboardEvent, memo, useId, useRef, useState } from 'react';
import { useBoardReadOnly } from '../../board/BoardContext';

/**
 * A text field edited in place. It keeps a local draft while focused and commits once, on
 * blur or Enter (one command, one undo step; the BoardDoc diffs text, so concurrent edits of
 * others merge). Escape drops the draft. While not focused it shows the document's value, so
 * remote changes appear live. On a board open for viewing only it is a read-only field: the
 * text can be read, selected and copied.
 */
export interface InlineFieldProps {
  value: string;
  onCommit(next: string): void;
  label: string;
  className?: string;
  placeholder?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  /** Called after the field lost focus (committed or cancelled). */
  onDone?(): void;
  maxLength?: number;
  /** For a visible `<label htmlFor>`. */
  id?: string;
}

export const InlineField = memo(function InlineField({
  value,
  onCommit,
  label,
  className,
  placeholder,
  multiline,
  autoFocus,
  onDone,
  maxLength,
  id,
}: InlineFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const readOnly = useBoardReadOnly();

  const finish = () => {
    if (!cancelled.current && draft !== null && draft !== value) onCommit(draft);
    cancelled.current = false;
    setDraft(null);
    onDone?.();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      cancelled.current = true;
      event.currentTarget.blur();
      event.stopPropagation();
    } else if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };

  const common = {
    className: `nodrag nokey nowheel ${className ?? ''}`,
    id,
    'aria-label': label,
    value: draft ?? value,
    placeholder,
    autoFocus,
    maxLength,
    readOnly,
    onFocus: () => setDraft(value),
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: finish,
    onKeyDown,
  };
  return multiline ? <textarea {...common} /> : <input type="text" {...common} />;
});

/** An in-place field with a visible caption bound to it (`<label htmlFor>`). */
export function CaptionedField({
  caption,
  fieldClassName,
  ...props
}: Omit<InlineFieldProps, 'label' | 'id'> & { caption: string; fieldClassName?: string }) {
  const id = useId();
  return (
    <div className={fieldClassName ?? 'jm-field'}>
      <label htmlFor={id}>{caption}</label>
      <InlineField {...props} id={id} label={caption} />
    </div>
  );
}
