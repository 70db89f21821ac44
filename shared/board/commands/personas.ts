import * as Y from 'yjs';
import { fail } from '../errors';
import { newId } from '../ids';
import { EXPECTATION_KEYS, type PersonaPatch, personaFields } from '../records';
import { setTextField } from '../text';
import { type CommandContext, newRecord, recordIn } from './context';
import { deleteWithAttachments } from './elements';

/** Commands of persona / segment cards. */

const TEXT_KEYS = ['name', 'segment', 'goals', 'jtbd', 'quote'] as const;
const POSITION_KEYS = ['x', 'y'] as const;

interface PersonaWrites {
  texts: [string, string][];
  numbers: [string, number][];
}

/** Checks a persona patch; returns the stored fields to write. */
function personaWrites(patch: PersonaPatch): PersonaWrites {
  if (typeof patch !== 'object' || patch === null) fail('persona must be an object');
  const texts: [string, string][] = [];
  const numbers: [string, number][] = [];
  for (const key of TEXT_KEYS)
    if (patch[key] !== undefined) texts.push([key, personaFields[key].check(patch[key], key)]);
  for (const key of POSITION_KEYS)
    if (patch[key] !== undefined) numbers.push([key, personaFields[key].check(patch[key], key)]);
  const exp = patch.expectations;
  if (exp !== undefined) {
    if (typeof exp !== 'object' || exp === null) fail('expectations must be an object');
    for (const [name, key] of Object.entries(EXPECTATION_KEYS)) {
      const value = exp[name as keyof typeof EXPECTATION_KEYS];
      if (value !== undefined) texts.push([key, personaFields[key].check(value, 'expectation')]);
    }
  }
  return { texts, numbers };
}

function write(m: Y.Map<unknown>, { texts, numbers }: PersonaWrites): void {
  for (const [k, v] of texts) setTextField(m, k, v);
  for (const [k, v] of numbers) m.set(k, v);
}

/** Adds a persona / segment card (at `x`, `y` on the canvas; 0, 0 when not given). */
export function addPersona(ctx: CommandContext, input: PersonaPatch = {}): string {
  const writes = personaWrites(input);
  const id = newId();
  ctx.run('addPersona', () => {
    const m = newRecord({ id, x: 0, y: 0 });
    ctx.roots.personas.set(id, m);
    write(m, writes);
  });
  return id;
}

/** Edits a persona's fields or moves its card. */
export function updatePersona(ctx: CommandContext, id: string, patch: PersonaPatch): void {
  const m = recordIn(ctx.roots.personas, id, 'persona');
  const writes = personaWrites(patch);
  ctx.run('updatePersona', () => write(m, writes));
}

/** Deletes a persona card and connectors attached to it; journeys that used it keep their segment text. */
export function deletePersona(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.personas, id, 'persona');
  ctx.run('deletePersona', () => {
    for (const [, j] of ctx.roots.journeys.entries())
      if (j instanceof Y.Map && j.get('personaId') === id) j.set('personaId', null);
    ctx.roots.personas.delete(id);
    deleteWithAttachments(ctx, new Set([id]));
  });
}
