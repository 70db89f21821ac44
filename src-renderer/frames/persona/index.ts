/** Persona / segment cards (issue 12, DOMAIN 2.7): the frame kind the canvas registers. */
export { personaFrame } from './frame';
export { parsePersona, pastePersona } from './copy';
export { initialsOf } from './initials';
export { PERSONA_CARD_SIZE } from './size';
