/**
 * Journey-map frames (issue 3, DOMAIN 2.1–2.3): the frame kind the canvas registers
 * (`journeyFrame`), the presets start-screen templates use, and the layout sizes.
 */
export { journeyFrame } from './frame';
export { parseJourney, pasteJourney } from './copy';
export { createJourneyFromPreset, JOURNEY_CHOICES, type JourneyChoice } from './presets';
export { computeJourneyLayout, JOURNEY_METRICS, journeyNodeSize, type JourneyLayout } from './layout';
export { journeyNodeSizeNow } from './size';
export { useJourneyUi } from './uiStore';
