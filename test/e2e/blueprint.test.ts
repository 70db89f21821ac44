import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { bringToMiddle, browserApp, fitToScreen, type PageProblems, press, saveScreenshot } from './support';

/**
 * A service blueprint laid under a journey map, the way a facilitator builds one in the
 * Russian UI, with a colleague watching in a second browser: the blueprint follows the map's
 * stages live (add, reorder, delete with the choice about its process cards) and everything
 * is still there after a reload. Controls are found by role and accessible name.
 */

const ROOM = 'blueprint-story-3c9e1f7a';
const VIEW = { width: 1800, height: 1100 };
const app = browserApp();

type Opened = { page: Page; problems: PageProblems; context: { close(): Promise<void> } };

async function openBoard(): Promise<Opened> {
  const opened = await app.open(`#/board/${ROOM}?server=${encodeURIComponent(app.syncUrl)}`, {
    viewport: VIEW,
    locale: 'ru-RU',
  });
  await ruCanvas(opened.page).waitFor();
  await opened.page.getByRole('button', { name: 'Соединение: В сети' }).waitFor();
  return opened;
}

/** The board canvas, named in Russian. */
const ruCanvas = (page: Page) => page.getByRole('application', { name: 'Холст доски' });
const journeyOf = (page: Page) => page.getByRole('region', { name: /^CJM: / });
const blueprintOf = (page: Page) => page.getByRole('region', { name: /^Блюпринт сервиса: / });

/** Stage ids of the journey, left to right (as drawn). */
async function stageIds(page: Page): Promise<string[]> {
  const ids = await journeyOf(page)
    .locator('.jm-stage-header[data-stage-id]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-stage-id') ?? '', el.getBoundingClientRect().x] as const),
    );
  return ids.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** Column ids of the blueprint, left to right (as drawn). */
async function columnIds(page: Page): Promise<string[]> {
  const ids = await blueprintOf(page)
    .locator('.bp-column-header[data-column-id]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-column-id') ?? '', el.getBoundingClientRect().x] as const),
    );
  return ids.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** Left edge and width of each stage column and of the blueprint column with the same id, on screen. */
async function alignment(page: Page): Promise<{ stage: number[]; column: number[] }[]> {
  const rows = [];
  for (const id of await stageIds(page)) {
    const stage = await journeyOf(page).locator(`.jm-stage-header[data-stage-id="${id}"]`).boundingBox();
    const column = await blueprintOf(page).locator(`.bp-column-header[data-column-id="${id}"]`).boundingBox();
    rows.push({
      stage: [Math.round(stage!.x), Math.round(stage!.width)],
      column: [Math.round(column?.x ?? -1), Math.round(column?.width ?? -1)],
    });
  }
  return rows;
}

/** The stage titles, left to right. */
async function stageTitles(page: Page): Promise<string[]> {
  const titles = [];
  for (const id of await stageIds(page))
    titles.push(await journeyOf(page).locator(`.jm-stage-header[data-stage-id="${id}"] input`).inputValue());
  return titles;
}

/** Adds a process card to a cell and fills it in its editor: process, actor, owner, system, one pro, one con. */
async function addProcessCard(
  page: Page,
  cell: { lane: string; stage: string },
  card: { text: string; actor: string; owner: string; system: string; pro: string; con: string },
): Promise<void> {
  const bp = blueprintOf(page);
  await press(
    page,
    bp.getByRole('button', { name: `Добавить карточку процесса: ${cell.lane}, ${cell.stage}` }),
  );
  const editor = bp.getByRole('dialog', { name: 'Карточка процесса' });
  await editor.waitFor();
  const text = editor.getByRole('textbox', { name: 'Процесс' });
  await text.fill(card.text);
  await text.press('Enter');
  await editor.getByRole('radio', { name: card.actor }).check();
  for (const [name, value] of [
    ['Владелец', card.owner],
    ['Система', card.system],
    ['Новый плюс', card.pro],
    ['Новый минус', card.con],
  ] as const) {
    const field = editor.getByRole('textbox', { name, exact: true });
    await field.fill(value);
    await field.press('Enter');
  }
  await editor.getByRole('textbox', { name: 'Плюс 1' }).waitFor();
  await editor.getByRole('textbox', { name: 'Минус 1' }).waitFor();
  // Escape closes the editor from the keyboard (the editor may reach past the window's edge).
  await editor.getByRole('textbox', { name: 'Новый минус', exact: true }).press('Escape');
  await editor.waitFor({ state: 'detached' });
}

const CARDS = [
  {
    cell: { lane: 'Фронт-офис', stage: 'Осведомлённость' },
    card: {
      text: 'Чат-бот встречает',
      actor: 'Бот',
      owner: 'Digital',
      system: 'Bot Builder',
      pro: 'Круглосуточно',
      con: 'Шаблонные ответы',
    },
  },
  {
    cell: { lane: 'Бэк-офис', stage: 'Решение' },
    card: {
      text: 'Оператор готовит предложение',
      actor: 'Сотрудник с копилотом',
      owner: 'Продажи',
      system: 'amoCRM',
      pro: 'Быстро',
      con: 'Нужна проверка',
    },
  },
  {
    cell: { lane: 'Поддерживающие процессы и системы', stage: 'Покупка' },
    card: {
      text: 'Платёжный шлюз',
      actor: 'Система',
      owner: 'ИТ',
      system: 'ЮKassa',
      pro: 'Надёжно',
      con: 'Комиссия',
    },
  },
];

/** The accessible name of a filled process card. */
const cardName = (c: (typeof CARDS)[number]['card']) => `Карточка процесса: ${c.text} (${c.actor})`;

describe.sequential('a service blueprint under a journey map (Russian UI)', () => {
  let anna: Opened;
  let boris: Opened;
  let a: Page;
  let b: Page;

  afterAll(async () => {
    await anna?.context.close();
    await boris?.context.close();
  });

  it('Anna makes a journey map with five stages', async () => {
    anna = await openBoard();
    a = anna.page;
    await a.getByRole('button', { name: 'Карта пути', exact: true }).click();
    await a.getByRole('menuitem', { name: 'Полная CJM (все дорожки)' }).click();
    await journeyOf(a).waitFor();
    expect(await stageTitles(a)).toEqual([
      'Осведомлённость',
      'Решение',
      'Покупка',
      'Использование',
      'Повторная покупка',
    ]);
  });

  it('adds a blueprint under it from the map’s menu: right below, each column under its stage', async () => {
    await press(a, journeyOf(a).getByRole('button', { name: 'Настройки карты' }));
    await a.getByRole('menuitem', { name: 'Добавить блюпринт сервиса под картой' }).click();
    await blueprintOf(a).waitFor();
    expect(await columnIds(a)).toEqual(await stageIds(a));
    for (const row of await alignment(a)) expect(row.column).toEqual(row.stage);
    const map = (await journeyOf(a).boundingBox())!;
    const bp = (await blueprintOf(a).boundingBox())!;
    expect(Math.round(bp.x)).toBe(Math.round(map.x));
    expect(bp.y).toBeGreaterThan(map.y + map.height);
    expect(bp.y - (map.y + map.height)).toBeLessThan(60);
    // The five lanes and the three lines, labelled.
    for (const lane of [
      'Материальные свидетельства',
      'Действия клиента',
      'Фронт-офис',
      'Бэк-офис',
      'Поддерживающие процессы и системы',
    ])
      await blueprintOf(a).getByText(lane, { exact: true }).waitFor();
    for (const line of ['Линия взаимодействия', 'Линия видимости', 'Линия внутреннего взаимодействия'])
      await blueprintOf(a).getByText(line, { exact: true }).waitFor();
  });

  it('Boris opens the same board in his browser and sees the blueprint under the map', async () => {
    boris = await openBoard();
    b = boris.page;
    await blueprintOf(b).waitFor();
    expect(await columnIds(b)).toEqual(await stageIds(a));
  });

  it('Anna fills process cards in three lanes (actor, owner, system, pros, cons) and a handoff', async () => {
    for (const { cell, card } of CARDS) await addProcessCard(a, cell, card);
    for (const { card } of CARDS) {
      await blueprintOf(a)
        .getByRole('button', { name: cardName(card) })
        .waitFor();
      await blueprintOf(b)
        .getByRole('button', { name: cardName(card) })
        .waitFor();
    }
    // The bot hands the customer over to the operator.
    await press(a, blueprintOf(a).getByRole('button', { name: cardName(CARDS[0]!.card) }));
    const editor = blueprintOf(a).getByRole('dialog', { name: 'Карточка процесса' });
    await editor.getByRole('combobox', { name: 'Передать' }).selectOption({ label: CARDS[1]!.card.text });
    await editor.getByRole('button', { name: `Убрать передачу в «${CARDS[1]!.card.text}»` }).waitFor();
    await editor.getByRole('button', { name: 'Закрыть' }).click();
    await editor.waitFor({ state: 'detached' });
    await blueprintOf(b)
      .getByRole('img', { name: `Передача: ${CARDS[0]!.card.text} → ${CARDS[1]!.card.text}` })
      .waitFor();
    // Owner, system and the pros and cons counts show on the card.
    const card = blueprintOf(b).getByRole('button', { name: cardName(CARDS[1]!.card) });
    await expect.poll(() => card.textContent()).toContain('Продажи · amoCRM');
    await expect.poll(() => card.textContent()).toContain('плюсов 1 · минусов 1');
    await saveScreenshot(a, 'blueprint-filled');
  });

  it('a stage added to the map gives the blueprint its column at once, for both', async () => {
    await press(a, journeyOf(a).getByRole('button', { name: 'Добавить этап', exact: true }));
    await a.keyboard.type('Поддержка');
    await a.keyboard.press('Enter');
    await expect.poll(() => columnIds(a)).toHaveLength(6);
    expect(await columnIds(a)).toEqual(await stageIds(a));
    for (const row of await alignment(a)) expect(row.column).toEqual(row.stage);
    await expect.poll(() => columnIds(b)).toEqual(await stageIds(a));
  });

  it('a stage moved on the map moves its blueprint column, with its process cards', async () => {
    await press(a, journeyOf(a).getByRole('button', { name: 'Действия с этапом: Осведомлённость' }));
    await a.getByRole('menuitem', { name: 'Переместить этап вправо' }).click();
    await expect
      .poll(() => stageTitles(a))
      .toEqual(['Решение', 'Осведомлённость', 'Покупка', 'Использование', 'Повторная покупка', 'Поддержка']);
    expect(await columnIds(a)).toEqual(await stageIds(a));
    for (const row of await alignment(a)) expect(row.column).toEqual(row.stage);
    // The bot's card moved with its column: it sits under the second stage now.
    const stage = (await journeyOf(a)
      .locator(`.jm-stage-header[data-stage-id="${(await stageIds(a))[1]}"]`)
      .boundingBox())!;
    const card = (await blueprintOf(a)
      .getByRole('button', { name: cardName(CARDS[0]!.card) })
      .boundingBox())!;
    expect(card.x).toBeGreaterThan(stage.x);
    expect(card.x + card.width).toBeLessThan(stage.x + stage.width);
    await expect.poll(() => columnIds(b)).toEqual(await stageIds(a));
  });

  it('deleting a stage asks what to do with its process cards; kept, they stay in a column of their own', async () => {
    await press(a, journeyOf(a).getByRole('button', { name: 'Действия с этапом: Решение' }));
    await a.getByRole('menuitem', { name: 'Удалить этап' }).click();
    const confirm = a.getByRole('alertdialog');
    await confirm.waitFor();
    const choice = confirm.getByRole('group', { name: 'Карточки процессов блюпринта' });
    expect(await choice.getByRole('radio', { name: 'Оставить отдельной колонкой' }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: 'Удалить их' }).waitFor();
    await confirm.getByRole('button', { name: 'Удалить', exact: true }).click();
    await expect.poll(() => stageIds(a)).toHaveLength(5);
    const columns = await columnIds(a);
    expect(columns.slice(0, 5)).toEqual(await stageIds(a));
    expect(columns).toHaveLength(6);
    const kept = blueprintOf(a).locator(`.bp-column-header[data-column-id="${columns[5]}"]`);
    await kept.getByText('сохранена от удалённого этапа').waitFor();
    expect(await kept.getByRole('textbox', { name: 'Название колонки' }).inputValue()).toBe('Решение');
    // The operator's card stayed, in the kept column, for both.
    await blueprintOf(a)
      .getByRole('button', { name: cardName(CARDS[1]!.card) })
      .waitFor();
    await expect.poll(() => columnIds(b)).toEqual(columns);
    await blueprintOf(b)
      .getByRole('button', { name: cardName(CARDS[1]!.card) })
      .waitFor();
  });

  it('after a reload everything is still there', async () => {
    const columns = await columnIds(a);
    await a.reload();
    await ruCanvas(a).waitFor();
    await blueprintOf(a).waitFor();
    await fitToScreen(a, 'Показать всё');
    expect(await columnIds(a)).toEqual(columns);
    for (const { card } of CARDS)
      await blueprintOf(a)
        .getByRole('button', { name: cardName(card) })
        .waitFor();
    await bringToMiddle(a, blueprintOf(a).getByRole('button', { name: cardName(CARDS[2]!.card) }));
    await blueprintOf(a)
      .getByRole('button', { name: cardName(CARDS[2]!.card) })
      .click();
    const editor = blueprintOf(a).getByRole('dialog', { name: 'Карточка процесса' });
    expect(await editor.getByRole('textbox', { name: 'Владелец' }).inputValue()).toBe('ИТ');
    expect(await editor.getByRole('textbox', { name: 'Система' }).inputValue()).toBe('ЮKassa');
    expect(await editor.getByRole('textbox', { name: 'Плюс 1' }).inputValue()).toBe('Надёжно');
    expect(await editor.getByRole('textbox', { name: 'Минус 1' }).inputValue()).toBe('Комиссия');
    expect(await editor.getByRole('radio', { name: 'Система' }).isChecked()).toBe(true);
    await saveScreenshot(a, 'blueprint-after-reload');
  });

  it('no errors on either page', () => {
    expect(anna.problems.errors).toEqual([]);
    expect(boris.problems.errors).toEqual([]);
  });
});
