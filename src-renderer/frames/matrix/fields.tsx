import { type ChangeEvent, type KeyboardEvent, memo, useRef, useState } from 'react';

/**
 * The table's editable controls. Each keeps a draft while focused and commits once, on blur
 * (one command, one undo step; the board diffs text, so others' concurrent edits merge);
 * Escape drops the draft. Unfocused, each shows the document's value, so remote edits appear
 * live. Every control carries `data-mx-nav` for the spreadsheet keys (gridNav.ts).
 */

interface DraftProps<V> {
  value: V;
  onCommit(next: V): void;
  label: string;
  nav: string;
  readOnly: boolean;
  placeholder?: string;
  className?: string;
}

/** A wrapping text cell (Shift+Enter for a new line; Enter moves down, see gridNav). */
export const TextCell = memo(function TextCell({
  value,
  onCommit,
  label,
  nav,
  readOnly,
  placeholder,
  className,
  maxLength,
}: DraftProps<string> & { maxLength?: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const finish = () => {
    if (!cancelled.current && draft !== null && draft !== value) onCommit(draft);
    cancelled.current = false;
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      cancelled.current = true;
      event.currentTarget.blur();
      event.stopPropagation();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
    }
  };
  return (
    <textarea
      className={`mx-text nodrag nokey nowheel ${className ?? ''}`}
      aria-label={label}
      data-mx-nav={nav}
      value={draft ?? value}
      placeholder={readOnly ? undefined : placeholder}
      readOnly={readOnly}
      maxLength={maxLength}
      onFocus={() => setDraft(value)}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setDraft(event.target.value)}
      onBlur={finish}
      onKeyDown={onKeyDown}
    />
  );
});

/** A one-line text field (free-text reason, other risks). */
export const LineField = memo(function LineField({
  value,
  onCommit,
  label,
  nav,
  readOnly,
  placeholder,
  className,
}: DraftProps<string>) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  return (
    <input
      type="text"
      className={`mx-line nodrag nokey ${className ?? ''}`}
      aria-label={label}
      data-mx-nav={nav}
      value={draft ?? value}
      placeholder={readOnly ? undefined : placeholder}
      readOnly={readOnly}
      onFocus={() => setDraft(value)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        if (!cancelled.current && draft !== null && draft !== value) onCommit(draft);
        cancelled.current = false;
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          cancelled.current = true;
          event.currentTarget.blur();
          event.stopPropagation();
        }
      }}
    />
  );
});

/** The score a typed text stands for: 1–5, null for empty, undefined for anything else. */
export function scoreOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[1-5]$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * A 1–5 score typed like a spreadsheet cell: a digit from 1 to 5, or empty for "not scored".
 * Other keystrokes are not taken (the field says so through its description).
 */
export const ScoreField = memo(function ScoreField({
  value,
  onCommit,
  label,
  nav,
  readOnly,
  placeholder,
  description,
}: DraftProps<number | null> & { description: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const shown = draft ?? (value === null ? '' : String(value));
  return (
    <input
      type="text"
      inputMode="numeric"
      className="mx-score nodrag nokey"
      aria-label={label}
      title={description}
      data-mx-nav={nav}
      value={shown}
      maxLength={1}
      placeholder={readOnly ? undefined : placeholder}
      readOnly={readOnly}
      onFocus={(event) => {
        setDraft(shown);
        event.currentTarget.select();
      }}
      onChange={(event) => {
        if (scoreOf(event.target.value) !== undefined) setDraft(event.target.value);
      }}
      onBlur={() => {
        const next = draft === null || cancelled.current ? undefined : scoreOf(draft);
        if (next !== undefined && next !== value) onCommit(next);
        cancelled.current = false;
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          cancelled.current = true;
          event.currentTarget.blur();
          event.stopPropagation();
        }
      }}
    />
  );
});
