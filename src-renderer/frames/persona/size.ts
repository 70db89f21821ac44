import type { Size } from '../types';

/**
 * A persona card's size: fixed, so it is known before React Flow measures the node. Fields
 * that hold more than fits scroll inside the card. `persona.css` sizes match it.
 */
export const PERSONA_CARD_SIZE: Size = { width: 400, height: 640 };
