import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  boardIdOf,
  localChangesSaved,
  MOD,
  type PageProblems,
  saveScreenshot,
  untranslatedKeys,
  viewportSettled,
  viewportTransform,
  browserApp,
} from './support';

/**
 * The AI-automation matrix, as a facilitator builds it in the Russian UI: created from a
 * journey map, filled like a spreadsheet, following a stage moved on the map, sorted by
 * priority without touching the document, exported to Excel (the downloaded workbook read
 * back), and seen live by a second person.
 */

const app = browserApp();

const STAGES = ['Осведомлённость', 'Решение', 'Покупка', 'Использование', 'Повторная покупка'];

/** The board canvas, in the Russian UI. */
function canvas(page: Page): Locator {
  return page.getByRole('application', { name: 'Холст доски' });
}

/** Creates a board from a start-screen template, in the Russian UI. */
async function newBoard(page: Page, template: string): Promise<void> {
  await page.getByRole('heading', { name: 'Новая доска' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${template}`) }).click();
  await canvas(page).waitFor();
  await page.waitForURL(/#\/board\/[0-9A-Za-z_-]+$/);
}

/** Stage titles of the matrix table, top to bottom. */
async function rowStages(matrix: Locator): Promise<string[]> {
  return matrix.locator('tbody .mx-stage-title').allInnerTexts();
}

/** A text cell of a row, by its column's Russian name and the stage. */
function cell(matrix: Locator, column: string, stage: string): Locator {
  return matrix.getByRole('textbox', { name: `${column}, этап «${stage}»`, exact: true });
}

/** Clicks "Показать всё" (fit to screen) and waits until the view has settled. */
async function showAll(page: Page): Promise<void> {
  const before = await viewportTransform(page);
  await page.getByRole('button', { name: 'Показать всё' }).click();
  await viewportSettled(page, before);
}

/** How many updates the board's local store holds (every document change is one). */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error(`cannot open ${name}`));
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction(['updates'], 'readonly').objectStore('updates').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
    `cxboard-board-${boardIdOf(page)}`,
  );
}
declare const indexedDB: {
  open(name: string): {
    result: {
      transaction(
        stores: string[],
        mode: 'readonly',
      ): { objectStore(name: string): { count(): { result: number; onsuccess: () => void } } };
      close(): void;
    };
    onsuccess: () => void;
    onerror: () => void;
  };
};

/** The accessible name of the focused element. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""') as Promise<string>;
}

type Opened = Awaited<ReturnType<typeof app.open>>;

describe('the AI matrix', () => {
  describe.sequential('from a journey map to a shared, prioritised matrix (Russian UI)', () => {
    let anna: Opened;
    let boris: Opened | undefined;
    let viewer: Opened | undefined;
    let page: Page;
    let problems: PageProblems;
    let journey: Locator;
    let matrix: Locator;

    afterAll(async () => {
      await anna?.context.close();
      await boris?.context.close();
      await viewer?.context.close();
    });

    it('is created from the journey map: beside it, one row per stage in stage order', async () => {
      anna = await app.open('', { locale: 'ru-RU', viewport: { width: 2200, height: 1300 } });
      ({ page, problems } = anna);
      await newBoard(page, 'Карта пути клиента');
      journey = page.getByRole('region', { name: /^CJM: / });
      await journey.waitFor();
      await journey.getByRole('button', { name: 'Создать матрицу ИИ' }).click();
      matrix = page.getByRole('region', { name: 'Матрица ИИ: Матрица возможностей ИИ' });
      await matrix.waitFor();
      await showAll(page);
      expect(await rowStages(matrix)).toEqual(STAGES);
      // Beside the map: to its right, top edges level.
      const [j, m] = [await journey.boundingBox(), await matrix.boundingBox()];
      expect(m!.x).toBeGreaterThan(j!.x + j!.width);
      expect(Math.abs(m!.y - j!.y)).toBeLessThan(2);
      // The six columns in the method's order, then the prioritisation.
      expect(await matrix.getByRole('columnheader').allInnerTexts()).toEqual([
        'Этап',
        'Целевой момент истины',
        'Как реализовано сейчас',
        'Что передать ИИ',
        'Какой метрикой измерить',
        'Ценность для компании',
        'Ценность для клиента',
        'Боль',
        'Деньги',
        'Уместность',
        'Нужен человек',
        'Риски',
        'Решение',
        'Приоритет',
        'Идеи',
      ]);
      await matrix.getByText(/^Приоритет = \(боль × деньги × уместность − 1\) \/ 124 × 100/).waitFor();
    });

    it('fills two rows like a spreadsheet: Tab to the next cell, Enter to the row below, hints as it goes', async () => {
      const idea = cell(matrix, 'Что передать ИИ', 'Покупка');
      await idea.click();
      await page.keyboard.type('Подсказать способ оплаты');
      // An AI idea without a metric: the method's hint appears once it is committed.
      await page.keyboard.press('Tab');
      const hints = matrix.getByRole('list', { name: 'Подсказки для этапа «Покупка»' });
      await hints.getByText(/^Сначала метрика, потом решение/).waitFor();
      // The stage has no metrics yet (the picker is off): Tab goes on to the metric in words.
      expect(await matrix.getByRole('combobox', { name: 'Метрика этапа «Покупка»' }).isDisabled()).toBe(true);
      expect(await focusedName(page)).toBe('Какой метрикой измерить, этап «Покупка»');
      await page.keyboard.type('Конверсия в оплату');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Больше оплат');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Быстрее купить');
      await page.keyboard.press('Tab');
      await hints.waitFor({ state: 'detached' });
      // Scores are typed as digits; Tab moves on.
      expect(await focusedName(page)).toBe('Боль, этап «Покупка»');
      for (const score of ['4', '5', '4']) {
        await page.keyboard.type(score);
        await page.keyboard.press('Tab');
      }
      const priority = matrix.locator('tr[data-stage-id]', { hasText: 'Покупка' }).locator('.mx-priority');
      // (4·5·4 − 1) / 124 × 100 = 63.7
      await expect.poll(() => priority.locator('strong').textContent()).toBe('64');
      await priority.getByText('4 × 5 × 4 = 80').waitFor();

      // Enter moves to the same column one row down (Использование), committing the text.
      const today = cell(matrix, 'Как реализовано сейчас', 'Покупка');
      await today.click();
      await page.keyboard.type('Оператор по телефону');
      await page.keyboard.press('Enter');
      expect(await focusedName(page)).toBe('Как реализовано сейчас, этап «Использование»');
      await expect.poll(() => today.inputValue()).toBe('Оператор по телефону');
      // Arrow up at the start of the text goes back to the row above.
      await page.keyboard.press('ArrowUp');
      expect(await focusedName(page)).toBe('Как реализовано сейчас, этап «Покупка»');

      // The second row: a human must stay (elderly customers), a typical automation picked.
      const row = (stage: string) => matrix.locator('tr[data-stage-id]', { hasText: stage });
      await row('Использование')
        .getByRole('checkbox', { name: 'Нужен человек, этап «Использование»' })
        .check();
      await matrix
        .getByRole('combobox', { name: 'Почему нужен человек, этап «Использование»' })
        .selectOption({ label: 'Пожилые клиенты' });
      await row('Использование').getByRole('checkbox', { name: 'Персональные данные' }).check();
      await matrix.getByRole('button', { name: 'Типовые автоматизации для этапа «Использование»' }).click();
      await page.getByRole('menuitem').first().waitFor();
      // Nothing is written until an idea is picked.
      expect(await cell(matrix, 'Что передать ИИ', 'Использование').inputValue()).toBe('');
      await page.getByRole('menuitem').first().click();
      await expect.poll(() => cell(matrix, 'Что передать ИИ', 'Использование').inputValue()).not.toBe('');
      for (const [name, value] of [
        ['Боль, этап «Использование»', '3'],
        ['Деньги, этап «Использование»', '3'],
        ['Уместность, этап «Использование»', '5'],
      ] as const) {
        await matrix.getByRole('textbox', { name }).fill(value);
        await matrix.getByRole('textbox', { name }).press('Tab');
      }
      // Fit 5 with a human who must stay: the hint, and the fit counted as 2.
      await row('Использование')
        .getByText(/^Нужен человек, а уместность высокая/)
        .waitFor();
      await row('Использование').getByText('3 × 3 × 2 = 18').waitFor();
      await matrix
        .getByRole('combobox', { name: 'Решение, этап «Использование»' })
        .selectOption({ label: 'Позже' });
      await saveScreenshot(page, 'matrix-filled');
    });

    it('follows the journey: a stage moved on the map moves its row, with its content', async () => {
      await journey.getByRole('button', { name: 'Действия с этапом: Покупка' }).click();
      await journey.getByRole('menuitem', { name: 'Переместить этап влево' }).click();
      await expect
        .poll(() => rowStages(matrix))
        .toEqual(['Осведомлённость', 'Покупка', 'Решение', 'Использование', 'Повторная покупка']);
      expect(await cell(matrix, 'Что передать ИИ', 'Покупка').inputValue()).toBe('Подсказать способ оплаты');
      expect(await matrix.locator('tr[data-stage-id]').nth(1).locator('.mx-stage-number').textContent()).toBe(
        '2',
      );
    });

    it('sorts by priority as a view: rows reorder, the document does not change', async () => {
      await localChangesSaved(page);
      const before = await storedUpdates(page);
      await matrix.getByRole('combobox', { name: 'Порядок строк' }).selectOption({ label: 'По приоритету' });
      await expect
        .poll(() => rowStages(matrix))
        .toEqual(['Покупка', 'Использование', 'Осведомлённость', 'Решение', 'Повторная покупка']);
      await localChangesSaved(page);
      expect(await storedUpdates(page)).toBe(before);
      // The counter sees a real change: a filter is a view too, a decision is not.
      await matrix.getByRole('combobox', { name: 'Какие решения показать' }).selectOption({ label: 'Позже' });
      await expect.poll(() => rowStages(matrix)).toEqual(['Использование']);
      await matrix
        .getByRole('combobox', { name: 'Какие решения показать' })
        .selectOption({ label: 'Все решения' });
      await matrix
        .getByRole('combobox', { name: 'Решение, этап «Покупка»' })
        .selectOption({ label: 'Сейчас' });
      await localChangesSaved(page);
      expect(await storedUpdates(page)).toBeGreaterThan(before);
    });

    it('exports the matrix to Excel: the downloaded workbook has the rows in stage order with what was typed', async () => {
      await page.getByRole('button', { name: 'Экспорт…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Экспорт' });
      await dialog.getByRole('radio', { name: 'Вся доска' }).check();
      await dialog
        .getByRole('combobox', { name: 'Формат файла' })
        .selectOption({ label: 'Excel (.xlsx): матрица ИИ' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Экспортировать' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const names = workbook.worksheets.map((w) => w.name);
      expect(names.slice(1)).toEqual(['Не делать', 'Метрики этапов']);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe('Этап');
      expect(sheet.getCell('D1').value).toBe('Что передать ИИ');
      // The export is in stage order (the priority sort is Anna's view), after the move.
      const stages = [2, 3, 4, 5, 6].map((r) => sheet.getCell(`A${r}`).value);
      expect(stages).toEqual(['Осведомлённость', 'Покупка', 'Решение', 'Использование', 'Повторная покупка']);
      expect(sheet.getCell('D3').value).toBe('Подсказать способ оплаты');
      expect(sheet.getCell('O3').value).toBe('Сейчас');
      expect(sheet.getCell('O3').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Сейчас,Позже,Не делать"'],
      });
      await page.getByText(/^Экспортировано: «.*\.xlsx»\.$/).waitFor();
    });

    it('shows the 2×2 chart and the not-to-do list as views', async () => {
      await matrix.getByRole('button', { name: 'Диаграмма 2×2' }).click();
      const points = matrix.getByRole('list', {
        name: 'Диаграмма 2×2: ценность против уместности автоматизации',
      });
      expect(await points.getByRole('listitem').allInnerTexts()).toEqual([
        'Покупка: ценность 20, уместность 4',
        'Использование: ценность 9, уместность 5',
      ]);
      await matrix.getByText('2. Покупка').waitFor();
      await saveScreenshot(page, 'matrix-chart');
      await matrix.getByRole('button', { name: /^Не делаем/ }).click();
      await matrix.getByText('Пока ни один этап не отмечен «Не делаем».').waitFor();
      await matrix.getByRole('button', { name: 'Таблица' }).click();
      await matrix
        .getByRole('combobox', { name: 'Решение, этап «Осведомлённость»' })
        .selectOption({ label: 'Не делаем' });
      await matrix.getByRole('button', { name: 'Не делаем (1)' }).click();
      await matrix.getByRole('region', { name: 'Не делаем' }).getByText('1. Осведомлённость').waitFor();
      await matrix.getByRole('button', { name: 'Таблица' }).click();
    });

    it('a second person sees the matrix and its edits live, in stage order (the sort stayed with Anna)', async () => {
      await page.getByRole('button', { name: 'Поделиться / подключиться' }).click();
      const dialog = page.getByRole('dialog', { name: 'Общая доска' });
      const link = await dialog.getByRole('textbox', { name: 'Ссылка на эту общую доску' }).inputValue();
      await dialog.getByRole('button', { name: 'Закрыть' }).click();
      boris = await app.open(link, { locale: 'ru-RU', viewport: { width: 2200, height: 1300 } });
      await canvas(boris.page).waitFor();
      const theirs = boris.page.getByRole('region', { name: 'Матрица ИИ: Матрица возможностей ИИ' });
      await theirs.waitFor();
      await showAll(boris.page);
      await expect
        .poll(() => rowStages(theirs))
        .toEqual(['Осведомлённость', 'Покупка', 'Решение', 'Использование', 'Повторная покупка']);
      expect(await cell(theirs, 'Что передать ИИ', 'Покупка').inputValue()).toBe('Подсказать способ оплаты');
      expect(await rowStages(matrix)).toEqual([
        'Покупка',
        'Использование',
        'Осведомлённость',
        'Решение',
        'Повторная покупка',
      ]);
      // Anna writes; Boris sees it without reloading.
      await cell(matrix, 'Ценность для клиента', 'Решение').fill('Понятный выбор');
      await cell(matrix, 'Ценность для клиента', 'Решение').press('Tab');
      await expect
        .poll(() => cell(theirs, 'Ценность для клиента', 'Решение').inputValue())
        .toBe('Понятный выбор');
      await saveScreenshot(boris.page, 'matrix-second-browser');
    });

    it('a viewer link shows the matrix read-only, while the views still switch', async () => {
      const token = app.server.mintToken(boardIdOf(page), 'viewer', 600);
      viewer = await app.open(
        `#/board/${boardIdOf(page)}?server=${encodeURIComponent(app.syncUrl)}&token=${token}`,
        { locale: 'ru-RU', viewport: { width: 2200, height: 1300 } },
      );
      const seen = viewer.page.getByRole('region', { name: 'Матрица ИИ: Матрица возможностей ИИ' });
      await seen.waitFor();
      await expect
        .poll(() => cell(seen, 'Ценность для клиента', 'Решение').inputValue())
        .toBe('Понятный выбор');
      expect(await cell(seen, 'Что передать ИИ', 'Покупка').isEditable()).toBe(false);
      expect(await seen.getByRole('textbox', { name: 'Боль, этап «Покупка»' }).isEditable()).toBe(false);
      expect(await seen.getByRole('combobox', { name: 'Решение, этап «Покупка»' }).isDisabled()).toBe(true);
      expect(await seen.getByRole('checkbox', { name: 'Нужен человек, этап «Покупка»' }).isDisabled()).toBe(
        true,
      );
      expect(await seen.getByRole('button', { name: /^Типовые автоматизации/ }).count()).toBe(0);
      expect(await viewer.page.getByRole('button', { name: 'Матрица ИИ', exact: true }).count()).toBe(0);
      expect(await viewer.page.getByRole('button', { name: 'Создать матрицу ИИ' }).count()).toBe(0);
      await seen.getByRole('button', { name: 'Диаграмма 2×2' }).click();
      await seen.getByText('2. Покупка').waitFor();
    });

    it('undo takes back the last edit only', async () => {
      await canvas(page).click({ position: { x: 5, y: 5 } });
      await page.keyboard.press(`${MOD}+z`);
      await expect.poll(() => cell(matrix, 'Ценность для клиента', 'Решение').inputValue()).toBe('');
    });

    it('deleting a stage on the map asks what to do with its row; a kept row is noted', async () => {
      await journey.getByRole('button', { name: 'Действия с этапом: Повторная покупка' }).click();
      await journey.getByRole('menuitem', { name: 'Удалить этап' }).click();
      await journey.getByRole('button', { name: 'Удалить, строку матрицы оставить' }).click();
      await expect.poll(() => rowStages(matrix)).not.toContain('Повторная покупка');
      await matrix.getByText('Строк удалённых этапов сохранено: 1').waitFor();
    });

    it('left no untranslated text and no error', async () => {
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(problems.errors).toEqual([]);
    });
  });
});
