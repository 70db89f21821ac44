import { metaFields } from '../records';
import { setTextField } from '../text';
import type { CommandContext } from './context';

/** Commands of the board itself: its title. */

/** Renames the board. */
export function setTitle(ctx: CommandContext, title: string): void {
  const value = metaFields.title.check(title, 'title');
  ctx.run('setTitle', () => setTextField(ctx.roots.meta, 'title', value));
}
