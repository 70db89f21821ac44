import type { ReactNode } from 'react';
import type { Tool } from '../board/sessionStore';

/** Small line icons for the toolbars. Decorative: every button has its own accessible name. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="cx-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const TOOL_ICONS: Record<Tool, ReactNode> = {
  select: (
    <Icon>
      <path d="M5 3l13 8-6 1.5L9 19z" />
    </Icon>
  ),
  hand: (
    <Icon>
      <path d="M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0v8a6 6 0 01-6 6h-1a6 6 0 01-5-2.7L4.5 14a1.5 1.5 0 012.4-1.8L8 13.5" />
    </Icon>
  ),
  sticky: (
    <Icon>
      <path d="M4 4h16v11l-5 5H4z" />
      <path d="M15 20v-5h5" />
    </Icon>
  ),
  text: (
    <Icon>
      <path d="M5 6V4h14v2M12 4v16M9 20h6" />
    </Icon>
  ),
  rectangle: (
    <Icon>
      <rect x="3.5" y="6" width="17" height="12" rx="1.5" />
    </Icon>
  ),
  ellipse: (
    <Icon>
      <ellipse cx="12" cy="12" rx="9" ry="6.5" />
    </Icon>
  ),
  diamond: (
    <Icon>
      <path d="M12 3l9 9-9 9-9-9z" />
    </Icon>
  ),
  frame: (
    <Icon>
      <path d="M7 3v18M17 3v18M3 7h18M3 17h18" />
    </Icon>
  ),
  connector: (
    <Icon>
      <path d="M5 19L19 5M19 5h-6M19 5v6" />
    </Icon>
  ),
};

export const UndoIcon = (
  <Icon>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10a6 6 0 010 12h-3" />
  </Icon>
);

export const RedoIcon = (
  <Icon>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H10a6 6 0 000 12h3" />
  </Icon>
);

export const HomeIcon = (
  <Icon>
    <path d="M3 11l9-7 9 7M5 10v10h14V10" />
  </Icon>
);
