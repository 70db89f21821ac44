/**
 * Journey-map frames (issue 3, DOMAIN 2.1–2.3): the React Flow node, the toolbar's preset
 * picker, and the layout the canvas needs to size the node.
 */
export { JourneyNode, type JourneyFlowNode, type JourneyNodeData } from './JourneyNode';
export { JourneyPresetPicker, type JourneyPresetPickerProps } from './JourneyPresetPicker';
export { createJourneyFromPreset, JOURNEY_CHOICES, type JourneyChoice } from './presets';
export { computeJourneyLayout, JOURNEY_METRICS, journeyNodeSize, type JourneyLayout } from './layout';
export { journeyNodeSizeNow } from './size';
export { useJourneyUi } from './uiStore';
