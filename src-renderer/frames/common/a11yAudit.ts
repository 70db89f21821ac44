/**
 * A static accessibility and translation audit of a frame's server-rendered HTML, for unit
 * tests: controls without an accessible name, named roles without a name, and i18n keys that
 * leaked into the UI untranslated (keys under the given prefixes).
 */

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/g, 'x')
    .trim();

/** Problems found in `html`: unnamed controls and roles, untranslated keys. */
export function auditFrameHtml(html: string, keyPrefixes: readonly string[]): string[] {
  const problems: string[] = [];
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  // Fields inside a <label> with text are named by it.
  const wrapped = new Set<string>();
  for (const [, inner] of html.matchAll(/<label\b[^>]*>([\s\S]*?)<\/label>/g)) {
    if (!text(inner!.replace(/<select\b[\s\S]*?<\/select>/g, ''))) continue; // options do not name it
    for (const [tag] of inner!.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)) wrapped.add(tag);
  }
  for (const [, open, inner] of html.matchAll(/(<button\b[^>]*>)([\s\S]*?)<\/button>/g)) {
    if (!attr(open!, 'aria-label') && !text(inner!)) problems.push(`button without a name: ${open}`);
  }
  for (const [tag] of html.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)) {
    const id = attr(tag, 'id');
    if (!attr(tag, 'aria-label') && !(id && labelled.has(id)) && !wrapped.has(tag)) {
      problems.push(`field without a name: ${tag}`);
    }
  }
  for (const [tag] of html.matchAll(
    /<[a-z]+\b[^>]*\srole="(?:slider|menu|dialog|alertdialog|group|radiogroup)"[^>]*>/g,
  )) {
    if (!attr(tag, 'aria-label') && !attr(tag, 'aria-labelledby'))
      problems.push(`role without a name: ${tag}`);
  }
  for (const prefix of keyPrefixes)
    for (const [key] of html.matchAll(new RegExp(`${prefix}\\.[a-z][\\w.-]*`, 'gi')))
      problems.push(`untranslated key: ${key}`);
  return problems;
}
