import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserApp, type PageProblems, saveScreenshot, viewportSettled, viewportTransform } from './support';

/**
 * Metrics on a journey's stages, as a CX analyst adds them in the Russian UI: a metric from the
 * catalogue, its value computed from raw data (NPS from a 0–10 distribution, LTV by Jeffery's
 * formula), shown as a chip in the stage's Metrics lane, and seen live by a second person.
 */

const app = browserApp();

type Opened = Awaited<ReturnType<typeof app.open>>;

async function showAll(page: Page): Promise<void> {
  const before = await viewportTransform(page);
  await page.getByRole('button', { name: 'Показать всё' }).click();
  await viewportSettled(page, before);
}

/** Adds a metric of the kind whose radio name starts with `kind` to a stage; returns its details dialog. */
async function addMetric(
  page: Page,
  frame: Locator,
  stage: string,
  kind: RegExp,
  title: string,
): Promise<Locator> {
  await frame.getByRole('button', { name: `Добавить метрику на этап ${stage}` }).click();
  const add = page.getByRole('dialog', { name: `Метрика для этапа ${stage}` });
  await add.getByRole('radio', { name: kind }).check();
  await add.getByRole('button', { name: 'Добавить метрику' }).click();
  const details = page.getByRole('dialog', { name: title });
  await details.waitFor();
  return details;
}

describe.sequential('metrics in the Metrics lane (Russian UI, two people)', () => {
  let anna: Opened;
  let boris: Opened;
  let annaFrame: Locator;
  let borisFrame: Locator;
  let problems: PageProblems;

  afterAll(async () => {
    await anna?.context.close();
    await boris?.context.close();
  });

  it('Anna shares a board with a full CJM; Boris opens the link and sees the map', async () => {
    anna = await app.open('', { locale: 'ru-RU', viewport: { width: 1800, height: 1100 } });
    problems = anna.problems;
    await anna.page.getByRole('heading', { name: 'Новая доска' }).waitFor();
    await anna.page.getByRole('button', { name: /^Пустая доска/ }).click();
    await anna.page.getByRole('application').waitFor();
    await anna.page.waitForURL(/#\/board\/[0-9A-Za-z_-]+$/);
    await anna.page.getByRole('button', { name: 'Поделиться / подключиться' }).click();
    const live = anna.page.getByRole('dialog', { name: 'Общая доска' });
    const link = await live.getByRole('textbox', { name: 'Ссылка на эту общую доску' }).inputValue();
    await live.getByRole('button', { name: 'Закрыть' }).first().click();
    await live.waitFor({ state: 'detached' });

    await anna.page.getByRole('button', { name: 'Карта пути', exact: true }).click();
    await anna.page.getByRole('menuitem', { name: 'Полная CJM (все дорожки)' }).click();
    annaFrame = anna.page.getByRole('region', { name: 'CJM: Карта пути клиента' });
    await annaFrame.waitFor();
    await showAll(anna.page);

    boris = await app.open(link, { locale: 'ru-RU', viewport: { width: 1800, height: 1100 } });
    borisFrame = boris.page.getByRole('region', { name: 'CJM: Карта пути клиента' });
    await borisFrame.waitFor();
    await showAll(boris.page);
  });

  it('adds NPS from a 0–10 distribution of 60 promoters, 25 passives, 15 detractors: the chip shows 45, and Boris sees it within a second', async () => {
    const details = await addMetric(anna.page, annaFrame, 'Осведомлённость', /^NPS/, 'Метрика: NPS');
    // The formula is written next to the form.
    await details.getByText('NPS = % промоутеров (9–10) − % критиков (0–6)').first().waitFor();
    // A bad entry is named, nothing is offered to store.
    await details.getByRole('textbox', { name: 'Ответили 0' }).fill('пятнадцать');
    await details.getByText('Ответили 0: «пятнадцать» — не число.').waitFor();
    expect(await details.getByRole('button', { name: /^Сделать .* текущим значением$/ }).count()).toBe(0);
    await details.getByRole('textbox', { name: 'Ответили 0' }).fill('15');
    await details.getByRole('textbox', { name: 'Ответили 7' }).fill('25');
    await details.getByRole('textbox', { name: 'Ответили 10' }).fill('60');
    await details.getByText('Результат: 45').waitFor();
    await details.getByRole('button', { name: 'Сделать 45 текущим значением' }).click();
    // Anna's chip, then Boris's within a second of the same change.
    await annaFrame.getByRole('button', { name: /^NPS: 45 п\./ }).waitFor();
    await borisFrame.getByRole('button', { name: /^NPS: 45 п\./ }).waitFor({ timeout: 1000 });
    // The details say the value comes from kept raw data.
    await details.getByText(/Рассчитано по исходным данным ниже/).waitFor();
    await details.getByRole('button', { name: 'Закрыть' }).click();
    await details.waitFor({ state: 'detached' });
  });

  it('sets a target and a task: the chip names its status by the written rule, and the task hint goes away', async () => {
    await annaFrame.getByRole('button', { name: /^NPS: 45/ }).click();
    const details = anna.page.getByRole('dialog', { name: 'Метрика: NPS' });
    await details
      .getByText('Какую задачу решает эта метрика? Каждая метрика должна на это отвечать.')
      .waitFor();
    await details.getByText(/NPS — единственная метрика мнения клиентов/).waitFor();
    await details.getByRole('textbox', { name: 'Цель', exact: true }).fill('50');
    await details
      .getByRole('textbox', { name: 'Какую задачу решает?' })
      .fill('Рекомендуют ли нас после знакомства');
    await details.getByRole('button', { name: 'Сохранить' }).click();
    await details.getByText('Сохранено.').waitFor();
    await details
      .getByText('Какую задачу решает эта метрика?', { exact: false })
      .waitFor({ state: 'detached' });
    await details.getByRole('button', { name: 'Закрыть' }).click();
    // 45 against 50: within 10 NPS points, so close to target (amber).
    const chip = annaFrame.getByRole('button', {
      name: /^NPS: 45 при цели 50 п\., близко к цели, Измеряют клиенты/,
    });
    await chip.waitFor();
    expect(await chip.getAttribute('class')).toContain('is-close');
    await borisFrame.getByRole('button', { name: /^NPS: 45 при цели 50/ }).waitFor({ timeout: 1000 });
  });

  it('computes LTV by Jeffery’s formula (AC 500 000, M 1 200 000, C 600 000, p 0,5, T 3, r 0) → 25 000, with the lesson', async () => {
    const details = await addMetric(anna.page, annaFrame, 'Покупка', /^LTV/, 'Метрика: LTV');
    await details.getByRole('textbox', { name: 'AC, стоимость привлечения' }).fill('500 000');
    await details.getByRole('textbox', { name: 'M, маржа за период' }).fill('1 200 000');
    await details
      .getByRole('textbox', { name: 'C, затраты на маркетинг и обслуживание за период' })
      .fill('600 000');
    await details.getByRole('textbox', { name: 'p, удержание за период (0–1)' }).fill('0,5');
    await details.getByRole('textbox', { name: 'T, периодов' }).fill('3');
    await details.getByText(/^Результат: 25\s000$/).waitFor();
    // The working period by period, and what a 10 % cost cut and a 10-point retention gain do.
    await details.getByRole('table', { name: 'LTV по периодам' }).waitFor();
    await details.getByText(/Снизить затраты C на 10 %: LTV 77\s500 \(\+52\s500\)/).waitFor();
    await details.getByText(/Поднять удержание p на 10 пунктов: LTV 205\s600 \(\+180\s600\)/).waitFor();
    await details.getByRole('textbox', { name: 'p, удержание за период (0–1)' }).fill('1,5');
    await details.getByText('p, удержание за период (0–1): должно быть от 0 до 1 (введено 1.5).').waitFor();
    await details.getByRole('textbox', { name: 'p, удержание за период (0–1)' }).fill('0,5');
    await details.getByRole('button', { name: /^Сделать 25\s000 текущим значением$/ }).click();
    await saveScreenshot(anna.page, 'metrics-ltv-dialog');
    await details.getByRole('button', { name: 'Закрыть' }).click();
    await annaFrame.getByRole('button', { name: /^LTV: 25\s000 ₽/ }).waitFor();
    await borisFrame.getByRole('button', { name: /^LTV: 25\s000 ₽/ }).waitFor({ timeout: 1000 });
    await saveScreenshot(anna.page, 'metrics-lane-chips');
    expect(problems.errors).toEqual([]);
    expect(boris.problems.errors).toEqual([]);
  });
});
