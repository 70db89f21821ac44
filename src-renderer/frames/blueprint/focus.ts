/** Focuses (and selects, for a text field) the first element matching `selector` inside blueprint `id` once drawn. */
export function focusIn(blueprintId: string, selector: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(
      `[data-blueprint-id="${CSS.escape(blueprintId)}"] ${selector}`,
    );
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  });
}
