import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useBoard, useBoardReadOnly, useSession, useSessionStore } from '../../board/BoardContext';

interface InlineTextProps {
  elementId: string;
  text: string;
  /** Accessible name of the editor (e.g. "Sticky note text"). */
  label: string;
  /** Single-line fields (frame titles, connector labels) finish on Enter. */
  singleLine?: boolean;
  className?: string;
  style?: CSSProperties;
  placeholder?: string;
}

/**
 * The text of an element, edited in place while it is the session's `editingId` (never on a
 * board open for viewing only). The text is written to the board once, when editing ends
 * (Escape, Enter for single-line fields, a click elsewhere, or the page going away), so one
 * edit is one undo step.
 */
export function InlineText({
  elementId,
  text,
  label,
  singleLine,
  className,
  style,
  placeholder,
}: InlineTextProps) {
  const editing = useSession((s) => s.editingId === elementId);
  const readOnly = useBoardReadOnly();
  if (!editing || readOnly) {
    return (
      <div className={`cx-text ${className ?? ''}`} style={style}>
        {text || (placeholder ? <span className="cx-text__placeholder">{placeholder}</span> : null)}
      </div>
    );
  }
  return (
    <TextEditor
      elementId={elementId}
      initial={text}
      label={label}
      singleLine={singleLine}
      className={className}
      style={style}
    />
  );
}

function TextEditor({
  elementId,
  initial: initialText,
  label,
  singleLine,
  className,
  style,
}: {
  elementId: string;
  initial: string;
  label: string;
  singleLine?: boolean;
  className?: string;
  style?: CSSProperties;
}) {
  const board = useBoard();
  const session = useSessionStore();
  // The text when editing began; later remote changes do not reset what is being typed.
  const [initial] = useState(initialText);
  const [value, setValue] = useState(initial);
  const latest = useRef(value);
  latest.current = value;
  const committed = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.select();
  }, []);

  useEffect(() => {
    committed.current = false;
    const commit = () => {
      if (committed.current) return;
      committed.current = true;
      // A viewer role that arrived mid-edit closes the editor: the board refuses the text then.
      if (latest.current !== initial && board.snapshot().elements[elementId] && !board.readOnly) {
        board.setElementText(elementId, latest.current);
      }
    };
    // Keep what was typed if the page is closed or reloaded mid-edit.
    window.addEventListener('pagehide', commit);
    return () => {
      window.removeEventListener('pagehide', commit);
      commit();
    };
  }, [board, elementId, initial]);

  const finish = () => {
    if (session.getState().editingId === elementId) session.getState().setEditing(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape' || (event.key === 'Enter' && (singleLine || event.metaKey || event.ctrlKey))) {
      event.preventDefault();
      finish();
    }
  };

  return (
    <textarea
      ref={ref}
      aria-label={label}
      className={`cx-text cx-text--editing nodrag nopan nowheel ${className ?? ''}`}
      style={style}
      value={value}
      rows={singleLine ? 1 : undefined}
      onChange={(e) => setValue(singleLine ? e.target.value.replace(/\n/g, ' ') : e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={finish}
    />
  );
}
