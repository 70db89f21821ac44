/**
 * Service-blueprint frames (issue 12, DOMAIN 2.4): the frame kind the canvas registers
 * (`blueprintFrame`) and the one action journeys offer ("add a blueprint below").
 */
export { blueprintFrame } from './frame';
export { addBlueprintUnder } from './create';
export { parseBlueprint, pasteBlueprint } from './copy';
export { computeBlueprintLayout, BLUEPRINT_METRICS } from './layout';
