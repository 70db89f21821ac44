import type { ActorKind } from '../../../shared/board';

/** Colour of each actor kind (cards' stripe, icon, far-zoom blocks). */
export const ACTOR_COLORS: Record<ActorKind, string> = {
  employee: '#2563eb',
  bot: '#7c3aed',
  'ai-agent': '#db2777',
  copilot: '#0d9488',
  system: '#475569',
};

/** SVG paths of each actor kind's icon, in a 16 × 16 box. */
const ACTOR_PATHS: Record<ActorKind, string> = {
  // a person
  employee: 'M8 2a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5z',
  // a robot head with an antenna
  bot: 'M7.25 1h1.5v2.5h-1.5zM3 4h10a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm2.5 3a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5zm5 0a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5zM5 10.75h6v1H5z',
  // a four-point sparkle
  'ai-agent':
    'M8 1l1.6 4.4L14 7l-4.4 1.6L8 13l-1.6-4.4L2 7l4.4-1.6zM13 11l.7 1.6 1.3.4-1.3.5L13 15l-.7-1.5-1.3-.5 1.3-.4z',
  // a person with a sparkle beside
  copilot:
    'M6 3a2.6 2.6 0 1 1 0 5.2A2.6 2.6 0 1 1 6 3zM1 14.5c0-2.7 2.2-4.6 5-4.6s5 1.9 5 4.6zM12.5 1l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z',
  // a gear
  system:
    'M6.8 1h2.4l.4 2 1.5.9 1.9-.8 1.2 2.1-1.5 1.3v1.8l1.5 1.3-1.2 2.1-1.9-.8-1.5.9-.4 2H6.8l-.4-2-1.5-.9-1.9.8-1.2-2.1 1.5-1.3V6.5L1.8 5.2 3 3.1l1.9.8 1.5-.9zM8 5.8a2.2 2.2 0 1 0 0 4.4a2.2 2.2 0 1 0 0-4.4z',
};

/** An actor kind's icon (decorative: the kind's name is always said in words next to it). */
export function ActorIcon({ kind, size = 16 }: { kind: ActorKind; size?: number }) {
  return (
    <svg
      className="bp-actor-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ACTOR_PATHS[kind]} fill={ACTOR_COLORS[kind]} fillRule="evenodd" />
    </svg>
  );
}
