import { describe, expect, it } from 'vitest';
import { roleClaimedBy } from './connection';

function token(payload: unknown): string {
  const body = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `cxb1.${body}.signature`;
}

describe('roleClaimedBy', () => {
  it('reads the role a token claims, so a viewer link opens read-only at once', () => {
    expect(roleClaimedBy(token({ room: 'r', role: 'viewer', exp: 1, iat: 0 }))).toBe('viewer');
    expect(roleClaimedBy(token({ room: 'r', role: 'editor', exp: 1, iat: 0 }))).toBe('editor');
  });

  it('gives no role for anything unreadable', () => {
    expect(roleClaimedBy('garbage')).toBeNull();
    expect(roleClaimedBy('cxb1.%%%.sig')).toBeNull();
    expect(roleClaimedBy(token({ role: 'admin' }))).toBeNull();
    expect(roleClaimedBy(token(null))).toBeNull();
  });
});
