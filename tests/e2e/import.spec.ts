import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { check, dragCard, drawLink, plannedPositions, snapshot, waitForBoard } from './helpers';

/** A level written by someone else: inline cards and relations, shipped deck cards, no batches. */
const OUTSIDE_LEVEL = {
  formatVersion: 1,
  id: 'conseil-des-jeunes',
  title: { fr: 'Le conseil municipal des jeunes', en: 'The youth council' },
  description: { fr: 'Un niveau écrit par une association.' },
  difficulty: 1,
  durationMinutes: 10,
  deck: 'institutions-fr',
  cards: [
    'maire',
    { id: 'jeunes-du-quartier', kind: 'actor', title: { fr: 'Jeunes du quartier' }, summary: { fr: 'Collégiens de la commune.' } },
    { id: 'conseil-des-jeunes-local', kind: 'institution', title: { fr: 'Conseil municipal des jeunes' }, summary: { fr: '<b>Pas</b> de HTML ici.' } },
  ],
  relations: ['elit', { id: 'ecoute', label: { fr: 'écoute', en: 'listens to' } }],
  solution: {
    links: [
      { from: 'jeunes-du-quartier', to: 'conseil-des-jeunes-local', relation: 'elit' },
      { from: 'maire', to: 'conseil-des-jeunes-local', relation: 'ecoute' },
    ],
  },
};

async function importText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-level"]');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a level file written by someone else is opened, played to 100 % and kept in the list', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  await importText(page, 'conseil-des-jeunes.json', JSON.stringify(OUTSIDE_LEVEL));
  await waitForBoard(page);
  expect((await snapshot(page)).levelId).toBe('conseil-des-jeunes');
  // Content is text, never HTML.
  await expect(page.locator('.hand [data-card-id="conseil-des-jeunes-local"] .card-summary')).toHaveText('<b>Pas</b> de HTML ici.');
  expect(await page.locator('.hand b').count()).toBe(0);

  const positions = plannedPositions(await snapshot(page), {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  await drawLink(page, 'jeunes-du-quartier', 'conseil-des-jeunes-local', 'elit');
  await drawLink(page, 'maire', 'conseil-des-jeunes-local', 'ecoute');
  expect((await check(page)).score?.percent).toBe(100);

  await page.goto('/?lang=fr');
  await expect(page.locator('[data-level-id="conseil-des-jeunes"] h3')).toHaveText('Le conseil municipal des jeunes');
  await expect(page.locator('[data-level-id="conseil-des-jeunes"] .tag').first()).toHaveText('Importé');
  await page.goto('/?level=conseil-des-jeunes&lang=fr');
  await waitForBoard(page);
  expect((await snapshot(page)).score?.percent).toBe(100);
});

test('an invalid level file shows its errors with path and suggestion; the shipped levels still play', async ({ page }) => {
  const broken = structuredClone(OUTSIDE_LEVEL) as typeof OUTSIDE_LEVEL & { solution: { links: { to: string }[] } };
  broken.solution.links[0]!.to = 'conseil-des-jeune-local';
  (broken as Record<string, unknown>).difficulty = 9;
  await page.goto('/?lang=en&fresh=1');
  await importText(page, 'broken.json', JSON.stringify(broken));
  await expect.poll(async () => (await snapshot(page)).screen).toBe('error');
  const errors = page.locator('[data-level-errors] li');
  await expect(errors).toHaveText([
    'difficulty: value 9 is too large (maximum 5)',
  ]);
  broken.difficulty = 1 as never;
  await page.click('[data-action="back"]');
  await importText(page, 'broken.json', JSON.stringify(broken));
  await expect(errors).toHaveText([
    'solution.links[0].to: card "conseil-des-jeune-local" is not one of the level\'s cards ("cards") (did you mean "conseil-des-jeunes-local"?)',
  ]);
  const snap = await snapshot(page);
  expect(snap.errors.join('\n')).toContain('conseil-des-jeune-local');

  await page.click('[data-action="back"]');
  await expect(page.locator('[data-level-id="conseil-des-jeunes"]')).toHaveCount(0);
  await page.click('[data-level-id="qui-elit-qui"] [data-action="open-level"]');
  await waitForBoard(page);
});

test('a file that is not JSON, or dropped on the page, is handled too', async ({ page }) => {
  await page.goto('/?lang=en&fresh=1');
  await importText(page, 'notes.json', '{ "formatVersion": 1, ');
  await expect(page.locator('[data-level-errors] li').first()).toContainText('this file is not valid JSON');

  // Dropping a file on the page (the browser's drop event, as the OS sends it).
  await page.goto('/?lang=fr&fresh=1');
  const text = readFileSync(resolve(import.meta.dirname, '../../levels/qui-elit-qui.json'), 'utf8').replace('"id": "qui-elit-qui"', '"id": "qui-elit-qui-copie"');
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'copie.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  }, text);
  await waitForBoard(page);
  expect((await snapshot(page)).levelId).toBe('qui-elit-qui-copie');
});
