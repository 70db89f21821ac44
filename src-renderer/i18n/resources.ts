import { type Language, SUPPORTED_LANGUAGES } from './language';

/** A tree of translation strings, as in the locale JSON files. */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}

function isTree(value: unknown): value is ResourceTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges `source` into a copy of `target`; on a clash the later file wins. */
export function mergeTrees(target: ResourceTree, source: ResourceTree): ResourceTree {
  const out: ResourceTree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isTree(existing) && isTree(value) ? mergeTrees(existing, value) : value;
  }
  return out;
}

/**
 * Builds one translation tree per language from locale modules keyed by their path
 * (`../frames/journey/locales/ru.json`). The file name is the language; other files are ignored.
 * Paths are merged in sorted order so the result does not depend on bundler ordering.
 */
export function collectResources(modules: Record<string, unknown>): Record<Language, ResourceTree> {
  const result = Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, {}])) as Record<
    Language,
    ResourceTree
  >;
  for (const path of Object.keys(modules).sort()) {
    const match = /\/locales\/([a-z]{2})\.json$/.exec(path);
    const lang = match?.[1];
    if (!lang || !(SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) continue;
    const mod = modules[path];
    const tree = isTree(mod) && isTree(mod.default) ? mod.default : mod;
    if (isTree(tree)) result[lang as Language] = mergeTrees(result[lang as Language], tree);
  }
  return result;
}

/** Every key path (`a.b.c`) of a tree, for completeness checks. */
export function keyPaths(tree: ResourceTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    isTree(value) ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
