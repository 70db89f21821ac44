import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserApp,
  fitToScreen,
  localChangesSaved,
  newBoard,
  type PageProblems,
  saveScreenshot,
  untranslatedKeys,
} from './support';

/**
 * Personas, employee journey maps and the CX maturity self-assessment, as a facilitator uses
 * them in the built web app: a persona card filled in and chosen by two maps (shown in both
 * headers), an employee journey map that speaks of the employee, a maturity card set per
 * area, all kept after a reload, and the same board in Russian.
 */

const app = browserApp();

/** Fills an in-place field and commits it with Enter (Tab for multi-line fields). */
async function fillField(field: Locator, text: string, multiline = false): Promise<void> {
  await field.fill(text);
  await field.press(multiline ? 'Tab' : 'Enter');
}

const ANNA = {
  name: 'Anna Petrova, 67',
  segment: 'Pensioners',
  goals: 'Get the pension card without visiting the branch',
  jtbd: 'Receive money safely every month',
  personalisation: 'Calls me by name',
  speed: 'Same day',
  simplicity: 'Large buttons',
  quote: 'I am afraid to press the wrong button',
};

/** Lane names of a journey frame, top to bottom (the type's name is the placeholder). */
async function laneNames(frame: Locator): Promise<string[]> {
  const fields = await frame.getByRole('textbox', { name: /^Lane title: |^Название дорожки: / }).all();
  return Promise.all(
    fields.map(
      async (field) => (await field.inputValue()) || ((await field.getAttribute('placeholder')) ?? ''),
    ),
  );
}

/** The option chosen in a map header's persona select. */
async function chosenPersona(frame: Locator, label = 'Persona'): Promise<string> {
  return (await frame.getByRole('combobox', { name: label }).locator('option:checked').textContent()) ?? '';
}

/** Types into an in-place field from the keyboard and commits it with Enter. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Chooses the stage an area of a maturity card stands at, from the keyboard. */
async function chooseStage(page: Page, card: Locator, area: string, stage: string): Promise<void> {
  const radio = card.getByRole('group', { name: `Stage of ${area}` }).getByRole('radio', { name: stage });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** Each area of a maturity card with the stage chosen for it (null: not assessed). */
async function stagesOf(card: Locator): Promise<Record<string, string | null>> {
  const result: Record<string, string | null> = {};
  for (const group of await card.getByRole('group', { name: /^Stage of |^Этап: / }).all()) {
    const name = ((await group.locator('legend').textContent()) ?? '').replace(/^Stage of |^Этап: /, '');
    const checked = group.locator('label:has(input:checked)');
    result[name] = (await checked.count()) ? ((await checked.textContent()) ?? '') : null;
  }
  return result;
}

describe('personas, employee journeys and CX maturity', () => {
  describe.sequential('a facilitator', () => {
    let page: Page;
    let problems: PageProblems;
    let persona: Locator;
    let cjm: Locator;
    let ejm: Locator;
    let maturity: Locator;

    it('adds a persona card from the toolbar and fills it in', async () => {
      ({ page, problems } = await app.open('', { viewport: { width: 1600, height: 1000 } }));
      await newBoard(page);
      await page.getByRole('button', { name: 'Persona', exact: true }).click();
      persona = page.getByRole('region', { name: 'Persona', exact: true });
      await persona.waitFor();
      await fillField(persona.getByRole('textbox', { name: 'Persona name' }), ANNA.name);
      persona = page.getByRole('region', { name: `Persona: ${ANNA.name}` });
      await persona.waitFor();
      await fillField(persona.getByRole('textbox', { name: 'Segment' }), ANNA.segment);
      await fillField(persona.getByRole('textbox', { name: 'Goals' }), ANNA.goals, true);
      await fillField(persona.getByRole('textbox', { name: 'Jobs to be done' }), ANNA.jtbd, true);
      const expectations = persona.getByRole('group', { name: 'Expectations' });
      await fillField(expectations.getByRole('textbox', { name: 'Personalisation' }), ANNA.personalisation);
      await fillField(expectations.getByRole('textbox', { name: 'Speed' }), ANNA.speed);
      await fillField(expectations.getByRole('textbox', { name: 'Simplicity' }), ANNA.simplicity);
      await fillField(persona.getByRole('textbox', { name: 'Quote' }), ANNA.quote, true);
      // The photo placeholder shows the initials.
      expect(await persona.locator('.pc-avatar').textContent()).toBe('AP');
      expect(await persona.locator('.pc-maps').textContent()).toContain('none yet');
    });

    it('links the persona to two maps: both headers show it, the card lists both maps', async () => {
      await page.getByRole('button', { name: 'Journey map', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Full CJM (all lanes)' }).click();
      cjm = page.getByRole('region', { name: 'CJM: Customer journey map' });
      await cjm.waitFor();
      await page.getByRole('button', { name: 'Journey map', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Employee journey map (EJM)' }).click();
      ejm = page.getByRole('region', { name: 'EJM: Employee journey map' });
      await ejm.waitFor();
      await fitToScreen(page);
      for (const frame of [cjm, ejm]) {
        await frame.getByRole('combobox', { name: 'Persona' }).selectOption({ label: ANNA.name });
        await expect.poll(() => chosenPersona(frame)).toBe(ANNA.name);
        expect(await frame.locator('.jm-persona-avatar').textContent()).toBe('AP');
      }
      await expect
        .poll(() => persona.locator('.pc-maps').textContent())
        .toBe('Maps: Customer journey map, Employee journey map');
      // Renaming the persona on its card renames it in both headers at once.
      await fillField(persona.getByRole('textbox', { name: 'Persona name' }), 'Anna P., 67');
      persona = page.getByRole('region', { name: 'Persona: Anna P., 67' });
      await expect.poll(() => chosenPersona(cjm)).toBe('Anna P., 67');
      await expect.poll(() => chosenPersona(ejm)).toBe('Anna P., 67');
      await saveScreenshot(page, 'personas-two-maps');
    });

    it('sees an employee journey map speak of the employee, a CJM of the customer', async () => {
      const ejmLanes = await laneNames(ejm);
      expect(ejmLanes).toContain('Employee steps');
      expect(ejmLanes).toContain('Employee barriers and pains');
      expect(ejmLanes).not.toContain('Customer steps');
      expect(await ejm.getByRole('textbox', { name: 'Scenario goal' }).getAttribute('placeholder')).toBe(
        'What the employee wants to get done',
      );
      expect(await laneNames(cjm)).toContain('Customer steps');
      expect(await cjm.getByRole('textbox', { name: 'Scenario goal' }).getAttribute('placeholder')).toBe(
        'What the customer wants to get done',
      );
      // Lanes added to an EJM are offered with employee names too.
      await ejm.getByRole('button', { name: 'Add lane' }).click();
      // From the keyboard: the menu may open below the visible part of the canvas.
      const menu = ejm.getByRole('menu', { name: 'Lane type' });
      expect(await menu.getByRole('menuitem', { name: 'Customer quotes' }).count()).toBe(0);
      await menu.getByRole('menuitem', { name: 'Employee quotes' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => laneNames(ejm)).toContain('Employee quotes');
    });

    it('sets a CX maturity card: a stage per area, an own area added', async () => {
      await page.getByRole('button', { name: 'CX maturity', exact: true }).click();
      maturity = page.getByRole('region', { name: 'CX maturity', exact: true });
      await maturity.waitFor();
      // The card may sit outside the visible part of the canvas: work it from the keyboard.
      await typeInto(page, maturity.getByRole('textbox', { name: 'Maturity card title' }), 'Where we stand');
      maturity = page.getByRole('region', { name: 'CX maturity: Where we stand' });
      await maturity.waitFor();
      // The typical metrics of each stage are listed.
      expect(
        await maturity.getByRole('list', { name: 'Metrics typical of Monetisation' }).textContent(),
      ).toContain('LTV');
      await chooseStage(page, maturity, 'Service', 'Proactive orientation');
      await chooseStage(page, maturity, 'IT', 'Reactive service');
      await maturity.getByRole('button', { name: 'Add area' }).focus();
      await page.keyboard.press('Enter');
      await maturity
        .getByRole('menu', { name: 'Add area' })
        .getByRole('menuitem', { name: 'Own area' })
        .focus();
      await page.keyboard.press('Enter');
      await typeInto(page, maturity.getByRole('textbox', { name: 'Area name: Own area' }), 'Branches');
      await chooseStage(page, maturity, 'Branches', 'Customer-centric');
      await maturity.getByRole('button', { name: 'Remove area Marketing' }).focus();
      await page.keyboard.press('Enter');
      expect(await stagesOf(maturity)).toEqual({
        Service: 'Proactive orientation',
        Sales: null,
        Product: null,
        IT: 'Reactive service',
        Branches: 'Customer-centric',
      });
    });

    it('finds everything again after a reload', async () => {
      await localChangesSaved(page);
      await page.reload();
      persona = page.getByRole('region', { name: 'Persona: Anna P., 67' });
      await persona.waitFor();
      cjm = page.getByRole('region', { name: 'CJM: Customer journey map' });
      ejm = page.getByRole('region', { name: 'EJM: Employee journey map' });
      await fitToScreen(page);
      expect(await persona.getByRole('textbox', { name: 'Quote' }).inputValue()).toBe(ANNA.quote);
      expect(await persona.getByRole('textbox', { name: 'Speed' }).inputValue()).toBe(ANNA.speed);
      expect(await persona.getByRole('textbox', { name: 'Jobs to be done' }).inputValue()).toBe(ANNA.jtbd);
      expect(await chosenPersona(cjm)).toBe('Anna P., 67');
      expect(await chosenPersona(ejm)).toBe('Anna P., 67');
      expect(await laneNames(ejm)).toContain('Employee quotes');
      maturity = page.getByRole('region', { name: 'CX maturity: Where we stand' });
      expect(await stagesOf(maturity)).toEqual({
        Service: 'Proactive orientation',
        Sales: null,
        Product: null,
        IT: 'Reactive service',
        Branches: 'Customer-centric',
      });
    });

    it('reads the same board in Russian', async () => {
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
      const personaRu = page.getByRole('region', { name: 'Персона: Anna P., 67' });
      await personaRu.waitFor();
      expect(await personaRu.getByRole('textbox', { name: 'Цитата' }).inputValue()).toBe(ANNA.quote);
      expect(await personaRu.getByRole('group', { name: 'Ожидания' }).getByRole('textbox').count()).toBe(3);
      expect(await personaRu.getByRole('textbox', { name: 'Скорость' }).inputValue()).toBe(ANNA.speed);
      expect(await personaRu.locator('.pc-maps').textContent()).toBe(
        'Карты: Customer journey map, Employee journey map',
      );
      // Map titles are content (kept as typed); the kind badge, lanes and header are Russian.
      ejm = page.getByRole('region', { name: 'EJM: Employee journey map' });
      expect(await laneNames(ejm)).toContain('Шаги сотрудника');
      expect(await laneNames(ejm)).toContain('Барьеры и боли сотрудника');
      expect(await chosenPersona(ejm, 'Персона')).toBe('Anna P., 67');
      expect(await ejm.getByRole('textbox', { name: 'Цель сценария' }).getAttribute('placeholder')).toBe(
        'Что сотрудник хочет сделать',
      );
      const card = page.getByRole('region', { name: 'CX-зрелость: Where we stand' });
      expect(await stagesOf(card)).toEqual({
        Сервис: 'Проактивность, клиентоориентированность',
        Продажи: null,
        Продукт: null,
        ИТ: 'Реактивный сервис',
        Branches: 'Клиентоцентричность',
      });
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreenshot(page, 'personas-russian');
    });

    it('met no page errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });
});
