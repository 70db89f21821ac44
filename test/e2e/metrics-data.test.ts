import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc, serializeBoardFile } from '../../shared/board';
import { browserApp, canvas, saveScreenshot, waitForStartScreen } from './support';

/**
 * A CX analyst's metric data, as a user clicks: the board's metrics overview, a metric's
 * history imported from a CSV file (a bad row is named and nothing is imported until the file
 * is fixed), and the journey's CX index on its header following a metric's current value.
 * The board (a journey with two weighed metrics) is imported as a .cxboard file.
 */

const app = browserApp();
let dir: string;
let boardFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cx-metrics-data-'));
  const board = BoardDoc.create({ title: 'Support metrics' });
  const journey = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    title: 'Support',
    stageTitles: ['Ask', 'Resolve'],
  });
  const [ask, resolve] = board.snapshot().journeys[journey]!.stages.map((s) => s.id) as [string, string];
  const csat = board.addMetric({
    journeyId: journey,
    stageId: ask,
    kind: 'csat',
    name: 'Support CSAT',
    current: 60,
    target: 80,
  });
  const nps = board.addMetric({
    journeyId: journey,
    stageId: resolve,
    kind: 'nps',
    name: 'Support NPS',
    current: 0,
    target: 50,
  });
  board.setCxWeight(journey, csat, 1);
  board.setCxWeight(journey, nps, 1);
  boardFile = join(dir, 'support.cxboard');
  writeFileSync(boardFile, serializeBoardFile(board));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The journey header's CX index button. */
function cxBadge(page: Page): Locator {
  return page.getByRole('button', { name: /^CX index .*: open its metrics and weights$/ });
}

describe('metric history, CX index and the overview', () => {
  let page: Page;

  it('opens the imported board with the CX index of its two metrics on the journey header', async () => {
    ({ page } = await app.open());
    await waitForStartScreen(page);
    await page.getByLabel('Import a .cxboard file').setInputFiles(boardFile);
    await canvas(page).waitFor();
    // CSAT 60 of 80 → 75, NPS 0 of 50 (read from −100) → 66.7; equal weights → 70.8.
    await expect
      .poll(() => cxBadge(page).getAttribute('aria-label'))
      .toBe('CX index 71: open its metrics and weights');
  });

  it('lists every metric in the overview, off target first', async () => {
    await page.getByRole('button', { name: 'Metrics', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Metrics of the board' });
    await dialog.waitFor();
    const rows = dialog.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    // Both are off target; NPS (66.7 of 100 against its target) is further than CSAT (75).
    expect(await rows.nth(1).textContent()).toContain('Support NPS');
    expect(await rows.nth(2).textContent()).toContain('Support CSAT');
  });

  it('names the bad row of a CSV file and imports nothing until the file is fixed', async () => {
    const overview = page.getByRole('dialog', { name: 'Metrics of the board' });
    await overview.getByRole('button', { name: 'History of Support NPS, Resolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'History: Support NPS' });
    await dialog.getByText('No readings yet.').waitFor();
    const bad = csv('nps-bad.csv', 'Date;NPS\n31.01.2026;10\n31.02.2026;12\n31.03.2026;17,5\n');
    await dialog.getByLabel('Import a file (CSV or XLSX)').setInputFiles(bad);
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Row 3: “31.02.2026” is not a date');
    expect(await alert.textContent()).toContain('Nothing has been imported');
    const importButton = dialog.getByRole('button', { name: 'Import 2 readings' });
    expect(await importButton.isDisabled()).toBe(true);
    // Nothing reached the board: the list is still empty and the chart says so.
    expect(await dialog.getByText('No readings yet.').count()).toBe(1);
    expect(await dialog.getByRole('img', { name: /^History chart: no readings yet/ }).count()).toBe(1);

    const fixed = csv('nps-fixed.csv', 'Date;NPS\n31.01.2026;10\n28.02.2026;12\n31.03.2026;17,5\n');
    await dialog.getByLabel('Import a file (CSV or XLSX)').setInputFiles(fixed);
    await dialog.getByRole('button', { name: 'Import 3 readings' }).click();
    await dialog
      .getByRole('img', { name: /^History chart: 3 readings from 2026-01-31 to 2026-03-31, last 17\.5/ })
      .waitFor();
    const table = dialog.getByRole('table', { name: 'Readings, oldest first' });
    expect(await table.getByRole('row').count()).toBe(4);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await saveScreenshot(page, 'metrics-history-import');
  });

  it('moves the CX index on the header when a metric’s current value changes', async () => {
    // The newest imported NPS reading (17.5) became its current value: 117.5 / 150 → 78.3; with CSAT 75 → 76.7.
    await page.getByRole('button', { name: 'Back to all metrics' }).click();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect
      .poll(() => cxBadge(page).getAttribute('aria-label'))
      .toBe('CX index 77: open its metrics and weights');

    // A reading typed by hand, newer than the rest, becomes CSAT's current value: 80 of 80 → 100.
    await page.getByRole('button', { name: 'Metrics', exact: true }).click();
    await page.getByRole('button', { name: 'History of Support CSAT, Ask' }).click();
    const dialog = page.getByRole('dialog', { name: 'History: Support CSAT' });
    const form = dialog.getByRole('form', { name: 'Add a reading' });
    await form.getByLabel('Date').fill('2026-04-30');
    await form.getByLabel('Value').fill('80');
    await form.getByRole('button', { name: 'Add reading' }).click();
    await dialog.getByRole('img', { name: /^History chart: 1 reading from/ }).waitFor();
    await page.getByRole('button', { name: 'Back to all metrics' }).click();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect
      .poll(() => cxBadge(page).getAttribute('aria-label'))
      .toBe('CX index 89: open its metrics and weights');
  });

  it('shows the index’s parts and rule, and takes a metric out of the index', async () => {
    await cxBadge(page).click();
    const dialog = page.getByRole('dialog', { name: 'CX index: Support' });
    await dialog.getByText('How the index is calculated').click();
    expect(await dialog.getByText(/Each metric scores 0–100 against its target/).isVisible()).toBe(true);
    await dialog
      .getByRole('checkbox', { name: 'Include Support NPS (stage 2 Resolve) in the CX index' })
      .uncheck();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('CX index: 100 of 100');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect
      .poll(() => cxBadge(page).getAttribute('aria-label'))
      .toBe('CX index 100: open its metrics and weights');
  });
});
