/**
 * Presence UI for live boards: remote cursors and selection outlines on the canvas, the
 * people list with follow, the person's own name and colour, and the connection badge.
 */
export { ConnectionBadge } from './ConnectionBadge';
export { FollowBanner } from './FollowBanner';
export { LiveBar } from './LiveBar';
export { PeopleList } from './PeopleList';
export { PresenceLayer } from './PresenceLayer';
export { ProfileEditor } from './ProfileEditor';
export { displayName, localUser, useProfile } from './profile';
export { type RemoteSelector, useRemoteSelections, useRemoteSelectors } from './useRemoteSelections';
