/**
 * The curated library of typical automations by kind of stage (DOMAIN 2.6), offered per row of
 * the AI matrix without any AI service: the stage's title is matched against words of each
 * kind (Russian and English), and the kind's ideas are offered first. Ideas are translation
 * keys (`matrix.idea.<kind>.<id>`); one is written into the row only when the user picks it.
 */

/** Kinds of stage the library knows, in the order of a support-request journey. */
export const STAGE_KINDS = [
  'onboarding',
  'problem',
  'first-contact',
  'classification',
  'answer',
  'reaction',
  'closing',
  'escalation',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The ideas of each kind (ids under `matrix.idea.<kind>`). */
export const TYPICAL_AUTOMATIONS: Readonly<Record<StageKind, readonly string[]>> = {
  onboarding: ['quests', 'videos', 'checklist'],
  problem: ['predict', 'monitor'],
  'first-contact': ['autofill', 'recognise'],
  classification: ['triage', 'route'],
  answer: ['clarify', 'draft'],
  reaction: ['emotion', 'escalate'],
  closing: ['found', 'summary'],
  escalation: ['promise', 'rootCause'],
};

/**
 * Words that name each kind in a stage title, checked in this order (more specific first:
 * "closing the request" is closing, not first contact).
 */
const KIND_WORDS: readonly [StageKind, RegExp][] = [
  ['escalation', /escalat|эскалац/i],
  ['closing', /clos|закры|заверш/i],
  ['classification', /classif|triage|sort|классиф|сортир|маршрут/i],
  ['reaction', /reaction|feedback|emotion|sentiment|реакц|эмоци|отзыв/i],
  ['answer', /answer|repl|respon|resol|ответ|решени/i],
  ['first-contact', /contact|request|call|обращени|контакт|звон/i],
  ['problem', /problem|fail|issue|incident|проблем|сбой|ошибк|инцидент/i],
  ['onboarding', /onboard|welcome|first use|start|онборд|знакомств|начал|старт|подключ/i],
];

/** The kind of stage a title names, or null when it names none the library knows. */
export function stageKindOf(title: string): StageKind | null {
  for (const [kind, words] of KIND_WORDS) if (words.test(title)) return kind;
  return null;
}

/** Translation key of one idea. */
export function ideaKey(kind: StageKind, idea: string): string {
  return `matrix.idea.${kind}.${idea}`;
}

/**
 * What picking an idea writes into the "what to hand to AI" cell: the idea alone in an empty
 * cell, else the cell's text with the idea on a new line (never twice).
 */
export function withIdea(cell: string, idea: string): string {
  const text = cell.trimEnd();
  if (text === '') return idea;
  if (text.split('\n').some((line) => line.trim() === idea)) return cell;
  return `${text}\n${idea}`;
}
