import { metaFields, type MaturityLevel } from '../records';
import { setTextField } from '../text';
import type { CommandContext } from './context';

/** Commands of the board itself: its title and maturity self-assessment. */

/** Renames the board. */
export function setTitle(ctx: CommandContext, title: string): void {
  const value = metaFields.title.check(title, 'title');
  ctx.run('setTitle', () => setTextField(ctx.roots.meta, 'title', value));
}

/** Sets the board's CX maturity self-assessment (DOMAIN 2.7). */
export function setMaturity(ctx: CommandContext, level: MaturityLevel | null): void {
  const value = metaFields.maturity.check(level, 'maturity');
  ctx.run('setMaturity', () => ctx.roots.meta.set('maturity', value));
}
