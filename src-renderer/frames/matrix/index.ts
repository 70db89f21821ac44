/**
 * The AI-automation opportunity matrix frame (issue 13, DOMAIN 2.6): the frame kind the
 * canvas registers (`matrixFrame`) and the journey map's "Create AI matrix" action.
 */
export { matrixFrame } from './frame';
export { useCreateMatrixFromJourney } from './CreateFromJourney';
export { parseMatrix, pasteMatrix } from './copy';
