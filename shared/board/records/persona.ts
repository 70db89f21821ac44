import { z } from 'zod';
import type { YMap } from '../read';
import { id, repairFields, text } from './fields';

/** The persona / segment card (DOMAIN 2.5): flat text fields, each a Y.Text. */
export const personaFields = {
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

/** Fields of a persona that commands accept. */
export type PersonaPatch = Partial<Omit<PersonaSnapshot, 'id' | 'expectations'>> & {
  expectations?: Partial<PersonaSnapshot['expectations']>;
};

/** Stored key of each expectation. */
export const EXPECTATION_KEYS = {
  personalisation: 'expPersonalisation',
  speed: 'expSpeed',
  simplicity: 'expSimplicity',
} as const;

export function readPersona(id: string, m: YMap): PersonaSnapshot {
  const f = repairFields(personaFields, m);
  return {
    id,
    name: f.name,
    segment: f.segment,
    goals: f.goals,
    jtbd: f.jtbd,
    expectations: { personalisation: f.expPersonalisation, speed: f.expSpeed, simplicity: f.expSimplicity },
    quote: f.quote,
  };
}
