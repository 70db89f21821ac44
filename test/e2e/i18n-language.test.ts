import { describe, expect, it } from 'vitest';
import { canvas, htmlLang, saveScreenshot, untranslatedKeys, browserApp } from './support';

const app = browserApp();

describe('UI language', () => {
  it('starts in the browser language, switches completely, and remembers the choice', async () => {
    const { page, problems } = await app.open('', { locale: 'ru-RU' });

    // Russian from navigator.languages.
    await page.getByRole('heading', { name: 'Новая доска' }).waitFor();
    expect(await htmlLang(page)).toBe('ru');
    expect(await untranslatedKeys(page)).toEqual([]);

    // Switch to English on the start screen.
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await page.getByRole('heading', { name: 'New board' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    // A board in English: tools and history controls are named in English.
    await page.getByRole('button', { name: /^Blank board/ }).click();
    await canvas(page).waitFor();
    const tools = page.getByRole('toolbar', { name: 'Tools' });
    await tools.getByRole('button', { name: 'Sticky note' }).waitFor();
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
    expect(await untranslatedKeys(page)).toEqual([]);

    // Switch to Russian inside the board: visible labels and accessible names change at once.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    const toolsRu = page.getByRole('toolbar', { name: 'Инструменты' });
    await toolsRu.getByRole('button', { name: 'Стикер' }).waitFor();
    expect(await toolsRu.getByRole('button', { name: 'Sticky note' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Отменить' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Приблизить' }).count()).toBe(1);
    expect(await page.getByRole('application', { name: 'Холст доски' }).count()).toBe(1);
    expect(await htmlLang(page)).toBe('ru');

    // New content gets Russian names too.
    await toolsRu.getByRole('button', { name: 'Стикер' }).click();
    await page.getByRole('application', { name: 'Холст доски' }).click({ position: { x: 400, y: 300 } });
    await page.getByRole('textbox', { name: 'Текст стикера' }).fill('Привет');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Стикер: Привет' }).waitFor();
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreenshot(page, 'i18n-board-ru');

    // The choice is remembered over the browser's own language (which is Russian here too,
    // so check with an English browser on the same storage).
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await page.reload();
    await page.getByRole('toolbar', { name: 'Tools' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.reload();
    await page.getByRole('toolbar', { name: 'Инструменты' }).waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('uses English for a browser language the app does not have', async () => {
    const { page } = await app.open('', { locale: 'de-DE' });
    await page.getByRole('heading', { name: 'New board' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
  });
});
