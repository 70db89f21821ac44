/** CX maturity self-assessment cards (issue 12, DOMAIN 2.7): the frame kind the canvas registers. */
export { maturityFrame } from './frame';
export { parseMaturityCard, pasteMaturityCard } from './copy';
export { MATURITY_METRICS, maturityCardSize } from './layout';
