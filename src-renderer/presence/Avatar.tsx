import { initials } from './colors';

/** A round badge with a person's initials in their colour (decorative: name it where it is used). */
export function Avatar({ name, color, size = 26 }: { name: string; color: string; size?: number }) {
  return (
    <span
      className="cx-avatar"
      aria-hidden="true"
      style={{ background: color, width: size, height: size, fontSize: Math.round(size * 0.42) }}
    >
      {initials(name)}
    </span>
  );
}
