import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newBoard, type PageProblems, saveScreenshot, browserApp, fitToScreen } from './support';

/**
 * The structure of journey maps, edited in the built web app: a reverse CJM built right to
 * left and read forward, stages and lanes reordered by drag and from the keyboard, deleted
 * with confirmation and undone, a persona created from the header, and the frame in Russian.
 */

const app = browserApp();

/** The stage titles of a frame, left to right. */
async function stageTitles(frame: Locator): Promise<string[]> {
  const fields = await frame.getByRole('textbox', { name: /^Stage \S+ title$/ }).all();
  return Promise.all(fields.map((field) => field.inputValue()));
}

/** Lane names, top to bottom (own title, or the type's name shown as placeholder). */
async function laneNames(frame: Locator): Promise<string[]> {
  const fields = await frame.getByRole('textbox', { name: /^Lane title: / }).all();
  return Promise.all(
    fields.map(
      async (field) => (await field.inputValue()) || ((await field.getAttribute('placeholder')) ?? ''),
    ),
  );
}

/** Adds a stage with a title through a button that focuses the new stage's title field. */
async function addStageWith(page: Page, button: Locator, title: string): Promise<void> {
  await button.click();
  await expect
    .poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""'))
    .toMatch(/^Stage \S+ title$/);
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
}

describe('journey map structure', () => {
  // Each story in steps; each step starts where the previous one ended.
  describe.sequential('a reverse CJM', () => {
    let page: Page;
    let problems: PageProblems;
    let frame: Locator;

    it('is created from the toolbar with an end goal, its kind and a “why?” ladder', async () => {
      ({ page, problems } = await app.open('', {
        viewport: { width: 1600, height: 1000 },
      }));
      await newBoard(page);
      await page.getByRole('button', { name: 'Journey map', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Reverse CJM (from the end goal back)' }).click();
      frame = page.getByRole('region', { name: 'Reverse CJM: Reverse journey map' });
      await frame.waitFor();
      await fitToScreen(page);

      // End goal, its kind and the "why?" ladder.
      await frame.getByRole('textbox', { name: 'End goal' }).fill('Photo on the Baikal ice');
      await frame.getByRole('textbox', { name: 'End goal' }).press('Enter');
      await frame
        .getByRole('combobox', { name: 'Goal kind' })
        .selectOption({ label: 'Get a strong positive emotion' });
      await frame.getByRole('button', { name: 'Add a “why?” step' }).click();
      await frame.getByRole('textbox', { name: '“Why?” step 1' }).fill('Share it with friends');
      await frame.getByRole('textbox', { name: '“Why?” step 1' }).press('Enter');
      await frame.getByRole('button', { name: 'Add a “why?” step' }).click();
      await frame.getByRole('textbox', { name: '“Why?” step 2' }).fill('Feel proud');
      await frame.getByRole('textbox', { name: '“Why?” step 2' }).press('Enter');
      await frame.getByRole('button', { name: 'Remove “why?” step 2' }).click();
      await expect.poll(() => frame.getByRole('textbox', { name: /^“Why\?” step/ }).count()).toBe(1);
    });

    it('is built right to left: each new stage goes before the first one', async () => {
      const addEarlier = frame.getByRole('button', { name: 'Add the stage before' });
      await addStageWith(page, addEarlier, 'Where to stay');
      await addStageWith(page, addEarlier, 'How to get there');
      await addStageWith(page, addEarlier, 'Tickets');
      expect(await stageTitles(frame)).toEqual(['Tickets', 'How to get there', 'Where to stay']);
      await fitToScreen(page);
      await saveScreenshot(page, 'journey-reverse-building');
    });

    it('reads as a forward map', async () => {
      await frame.getByRole('button', { name: 'View as forward map' }).click();
      await expect
        .poll(() => frame.locator('.jm-forward-summary').textContent())
        .toContain('Tickets → How to get there → Where to stay → Photo on the Baikal ice');
      await frame.getByRole('button', { name: 'View as forward map' }).click();
    });

    it('moves a stage right from the keyboard in its options menu, focus staying on the stage', async () => {
      await frame.getByRole('button', { name: 'Stage options: Tickets' }).click();
      const menu = frame.getByRole('menu', { name: 'Stage options: Tickets' });
      await menu.getByRole('menuitem', { name: 'Move stage right' }).focus();
      await page.keyboard.press('Enter');
      expect(await stageTitles(frame)).toEqual(['How to get there', 'Tickets', 'Where to stay']);
      await expect
        .poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""'))
        .toBe('Stage options: Tickets');
    });

    it('moves a stage dragged by its grip onto the left half of the first stage', async () => {
      const header = (title: string) =>
        frame.locator('.jm-stage-header', {
          has: page.getByRole('button', { name: `Stage options: ${title}` }),
        });
      await header('Where to stay')
        .locator('.jm-grip')
        .dragTo(header('How to get there'), { targetPosition: { x: 8, y: 30 } });
      await expect.poll(() => stageTitles(frame)).toEqual(['Where to stay', 'How to get there', 'Tickets']);
    });

    it('asks before deleting a stage with content; undo brings it back with its card', async () => {
      await frame.getByRole('button', { name: 'Add card: Tickets · Customer steps' }).click();
      await frame.getByRole('textbox', { name: 'Card text' }).fill('Compares flights');
      await frame.getByRole('textbox', { name: 'Card text' }).press('Enter');
      await frame.getByRole('button', { name: 'Stage options: Tickets' }).click();
      await frame.getByRole('menuitem', { name: 'Delete stage' }).click();
      const confirm = frame.getByRole('alertdialog');
      await expect.poll(() => confirm.textContent()).toContain('Cards: 1');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect
        .poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""'))
        .toBe('Stage options: Tickets');
      expect(await stageTitles(frame)).toContain('Tickets');
      await frame.getByRole('button', { name: 'Stage options: Tickets' }).click();
      await frame.getByRole('menuitem', { name: 'Delete stage' }).click();
      await frame.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      expect(await stageTitles(frame)).toEqual(['Where to stay', 'How to get there']);
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect.poll(() => stageTitles(frame)).toEqual(['Where to stay', 'How to get there', 'Tickets']);
      await frame.locator('[data-card-id]', { hasText: 'Compares flights' }).waitFor();
    });

    it('deletes an empty stage at once (undo is the safety net)', async () => {
      await frame.getByRole('button', { name: 'Stage options: How to get there' }).click();
      await frame.getByRole('menuitem', { name: 'Delete stage' }).click();
      expect(await stageTitles(frame)).toEqual(['Where to stay', 'Tickets']);
    });

    it('shows no page or console errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe.sequential('lanes, a persona, a card and the Russian UI', () => {
    let page: Page;
    let problems: PageProblems;
    let frame: Locator;

    it('starts as a light CJM with its two lanes', async () => {
      ({ page, problems } = await app.open('', {
        viewport: { width: 1600, height: 1000 },
      }));
      await newBoard(page);
      await page.getByRole('button', { name: 'Journey map', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Light CJM: steps + barriers and pains' }).click();
      frame = page.getByRole('region', { name: 'CJM: Customer journey (light)' });
      await frame.waitFor();
      await fitToScreen(page);
      expect(await laneNames(frame)).toEqual(['Customer steps', 'Barriers and pains']);
    });

    it('adds a typed lane, renames it and moves it up from its options menu', async () => {
      await frame.getByRole('button', { name: 'Add lane' }).click();
      await frame
        .getByRole('menu', { name: 'Lane type' })
        .getByRole('menuitem', { name: 'Touchpoints / channels' })
        .click();
      expect(await laneNames(frame)).toEqual([
        'Customer steps',
        'Barriers and pains',
        'Touchpoints / channels',
      ]);
      const newLane = frame.getByRole('textbox', { name: 'Lane title: Touchpoints / channels' });
      await newLane.fill('Channels');
      await newLane.press('Enter');
      await frame.getByRole('button', { name: 'Lane options: Channels' }).click();
      await frame.getByRole('menuitem', { name: 'Move lane up' }).click();
      expect(await laneNames(frame)).toEqual(['Customer steps', 'Channels', 'Barriers and pains']);
    });

    it('moves a lane dragged by its grip below another', async () => {
      const laneHeader = (title: string) =>
        frame.locator('.jm-lane-header', {
          has: page.getByRole('button', { name: `Lane options: ${title}` }),
        });
      const target = laneHeader('Barriers and pains');
      const box = (await target.boundingBox())!;
      await laneHeader('Customer steps')
        .locator('.jm-grip')
        .dragTo(target, { targetPosition: { x: 40, y: box.height - 6 } });
      await expect.poll(() => laneNames(frame)).toEqual(['Channels', 'Barriers and pains', 'Customer steps']);
    });

    it('deletes a lane, always after a confirmation', async () => {
      await frame.getByRole('button', { name: 'Lane options: Channels' }).click();
      await frame.getByRole('menuitem', { name: 'Delete lane' }).click();
      await frame.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      expect(await laneNames(frame)).toEqual(['Barriers and pains', 'Customer steps']);
    });

    it('creates a persona from the header and shows it chosen', async () => {
      await frame.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'New persona…' });
      await frame.getByRole('textbox', { name: 'New persona name' }).fill('Anna, 34');
      await frame.getByRole('button', { name: 'Create persona' }).click();
      const persona = frame.getByRole('combobox', { name: 'Persona' });
      await expect.poll(async () => persona.locator('option:checked').textContent()).toBe('Anna, 34');
    });

    it('edits a card in place and through its options (text, colour, tags, evidence, cell), then deletes it', async () => {
      await frame.getByRole('button', { name: 'Add card: Awareness · Customer steps' }).click();
      await frame.getByRole('textbox', { name: 'Card text' }).fill('Sees an ad');
      await frame.getByRole('textbox', { name: 'Card text' }).press('Enter');
      await frame.getByRole('button', { name: 'Sees an ad', exact: true }).click();
      const text = frame.getByRole('textbox', { name: 'Card text' });
      await text.press('End');
      await text.pressSequentially(' on the metro');
      await text.press('Enter');
      await frame.getByRole('button', { name: 'Card options: Sees an ad on the metro' }).click();
      const editor = frame.getByRole('dialog', { name: 'Card' });
      await editor.getByRole('radio', { name: 'Green' }).check();
      await editor.getByRole('textbox', { name: 'Tags' }).fill('ads, metro, ads');
      await editor.getByRole('textbox', { name: 'Tags' }).press('Enter');
      await editor.getByRole('textbox', { name: 'Source / evidence' }).fill('Interview 7');
      await editor.getByRole('textbox', { name: 'Source / evidence' }).press('Enter');
      await editor.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Decision' });
      await editor.getByRole('button', { name: 'Close' }).click();
      const card = frame.locator('[data-card-id]', { hasText: 'Sees an ad on the metro' });
      expect(await card.getAttribute('class')).toContain('jm-c-green');
      expect(await card.locator('.jm-card-tags').textContent()).toBe('#ads #metro');
      await card.getByRole('img', { name: 'Has a source note' }).waitFor();
      await frame
        .getByRole('list', { name: 'Decision · Customer steps', exact: true })
        .getByRole('button', { name: 'Sees an ad on the metro', exact: true })
        .waitFor();
      await frame.getByRole('button', { name: 'Card options: Sees an ad on the metro' }).click();
      await frame.getByRole('dialog', { name: 'Card' }).getByRole('button', { name: 'Delete card' }).click();
      await card.waitFor({ state: 'detached' });
    });

    it('renames the frame’s controls when the UI switches to Russian', async () => {
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
      await frame.page().getByRole('region', { name: 'CJM: Customer journey (light)' }).waitFor();
      await frame.getByRole('button', { name: 'Добавить этап', exact: true }).waitFor();
      await frame.getByRole('button', { name: 'Добавить дорожку' }).waitFor();
      await frame.getByRole('textbox', { name: 'Название дорожки: Барьеры и боли' }).waitFor();
      expect(await frame.getByRole('combobox', { name: 'Персона' }).isVisible()).toBe(true);
      await saveScreenshot(page, 'journey-light-ru');
    });

    it('shows no page or console errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });
});
