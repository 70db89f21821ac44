import type { PersonaSnapshot } from '../../../shared/board';
import { defineFrameKind } from '../types';
import { parsePersona, pastePersona } from './copy';
import { PersonaCard, PersonaFar, personaLabel } from './PersonaCard';
import { PersonaTool } from './PersonaTool';
import { PERSONA_CARD_SIZE } from './size';

/** The persona / segment card (DOMAIN 2.7) as a frame kind of the canvas. */
export const personaFrame = defineFrameKind<PersonaSnapshot>({
  type: 'persona',
  records: (snapshot) => snapshot.personas,
  sizeOf: () => PERSONA_CARD_SIZE,
  // A dozen fields: about as much work as a few stickies.
  detailWeight: () => 3,
  Detailed: PersonaCard,
  Far: PersonaFar,
  label: personaLabel,
  minimapColor: '#99f6e4',
  moveTo: (board, id, at) => board.updatePersona(id, { x: at.x, y: at.y }),
  remove: (board, id) => board.deletePersona(id),
  CreateTool: PersonaTool,
  parse: parsePersona,
  paste: pastePersona,
});
