import * as Y from 'yjs';
import { fail } from '../errors';
import { newId } from '../ids';
import { EXPECTATION_KEYS, type PersonaPatch, personaFields } from '../records';
import { setTextField } from '../text';
import { type CommandContext, newRecord, recordIn } from './context';

/** Commands of persona / segment cards. */

const PLAIN_KEYS = ['name', 'segment', 'goals', 'jtbd', 'quote'] as const;

/** Checks a persona patch; returns the stored text fields to write. */
function personaWrites(patch: PersonaPatch): [string, string][] {
  if (typeof patch !== 'object' || patch === null) fail('persona must be an object');
  const writes: [string, string][] = [];
  for (const key of PLAIN_KEYS)
    if (patch[key] !== undefined) writes.push([key, personaFields[key].check(patch[key], key)]);
  const exp = patch.expectations;
  if (exp !== undefined) {
    if (typeof exp !== 'object' || exp === null) fail('expectations must be an object');
    for (const [name, key] of Object.entries(EXPECTATION_KEYS)) {
      const value = exp[name as keyof typeof EXPECTATION_KEYS];
      if (value !== undefined) writes.push([key, personaFields[key].check(value, 'expectation')]);
    }
  }
  return writes;
}

/** Adds a persona / segment card. */
export function addPersona(ctx: CommandContext, input: PersonaPatch = {}): string {
  const writes = personaWrites(input);
  const id = newId();
  ctx.run('addPersona', () => {
    const m = newRecord({ id });
    ctx.roots.personas.set(id, m);
    for (const [k, v] of writes) setTextField(m, k, v);
  });
  return id;
}

/** Edits a persona's fields. */
export function updatePersona(ctx: CommandContext, id: string, patch: PersonaPatch): void {
  const m = recordIn(ctx.roots.personas, id, 'persona');
  const writes = personaWrites(patch);
  ctx.run('updatePersona', () => {
    for (const [k, v] of writes) setTextField(m, k, v);
  });
}

/** Deletes a persona; journeys that used it keep their segment text. */
export function deletePersona(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.personas, id, 'persona');
  ctx.run('deletePersona', () => {
    for (const [, j] of ctx.roots.journeys.entries())
      if (j instanceof Y.Map && j.get('personaId') === id) j.set('personaId', null);
    ctx.roots.personas.delete(id);
  });
}
