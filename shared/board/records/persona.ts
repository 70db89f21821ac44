import { z } from 'zod';
import type { YMap } from '../read';
import { coordinate, id, repairFields, text } from './fields';

/**
 * The persona / segment card (DOMAIN 2.7): a card on the canvas (its top-left corner at
 * `x`, `y`) with flat text fields, each a Y.Text. Journeys point to it (`personaId`), so one
 * persona serves several maps.
 */
export const personaFields = {
  x: coordinate(),
  y: coordinate(),
  name: text(),
  segment: text(),
  goals: text(),
  jtbd: text(),
  quote: text(),
  expPersonalisation: text(),
  expSpeed: text(),
  expSimplicity: text(),
};

export const personaSchema = z.object({
  id: id().schema,
  x: personaFields.x.schema,
  y: personaFields.y.schema,
  name: personaFields.name.schema,
  segment: personaFields.segment.schema,
  goals: personaFields.goals.schema,
  jtbd: personaFields.jtbd.schema,
  expectations: z.object({
    personalisation: personaFields.expPersonalisation.schema,
    speed: personaFields.expSpeed.schema,
    simplicity: personaFields.expSimplicity.schema,
  }),
  quote: personaFields.quote.schema,
});
export type PersonaSnapshot = z.infer<typeof personaSchema>;

/** Fields of a persona that commands accept (position included). */
export type PersonaPatch = Partial<Omit<PersonaSnapshot, 'id' | 'expectations'>> & {
  expectations?: Partial<PersonaSnapshot['expectations']>;
};

/** The three expectation axes of a persona (DOMAIN 2.7), in display order. */
export const EXPECTATION_AXES = ['personalisation', 'speed', 'simplicity'] as const;
export type ExpectationAxis = (typeof EXPECTATION_AXES)[number];

/** Stored key of each expectation. */
export const EXPECTATION_KEYS = {
  personalisation: 'expPersonalisation',
  speed: 'expSpeed',
  simplicity: 'expSimplicity',
} as const satisfies Record<ExpectationAxis, string>;

export function readPersona(id: string, m: YMap): PersonaSnapshot {
  const f = repairFields(personaFields, m);
  return {
    id,
    x: f.x,
    y: f.y,
    name: f.name,
    segment: f.segment,
    goals: f.goals,
    jtbd: f.jtbd,
    expectations: { personalisation: f.expPersonalisation, speed: f.expSpeed, simplicity: f.expSimplicity },
    quote: f.quote,
  };
}
