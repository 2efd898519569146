import { expect, test } from '@playwright/test';
import { plain, snapshot } from './helpers';
import { levelData, shippedLevelIds } from './levelData';

test('the home screen lists every shipped level with its difficulty, duration and description', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  const ids = shippedLevelIds();
  const items = page.locator('[data-level-list] > li');
  await expect(items).toHaveCount(ids.length);
  for (const id of ids) {
    const level = levelData(id) as ReturnType<typeof levelData> & { durationMinutes?: number; difficulty?: number; description?: { fr: string } };
    const item = page.locator(`[data-level-list] > li[data-level-id="${id}"]`);
    expect(plain((await item.locator('h3').textContent()) ?? '')).toBe(level.title.fr);
    if (level.description) expect(plain((await item.locator('.level-description').textContent()) ?? '')).toBe(level.description.fr);
    if (level.durationMinutes) await expect(item).toContainText(`${level.durationMinutes} min`);
    if (level.difficulty) await expect(item.locator('.difficulty')).toHaveAttribute('aria-label', `Difficulté ${level.difficulty} sur 5`);
  }
  // Listed from the easiest to the hardest, the shortest first among equals: a class's path.
  const listed = await items.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-level-id') ?? ''));
  const rank = (id: string) => {
    const level = levelData(id) as { difficulty?: number; durationMinutes?: number };
    return (level.difficulty ?? 99) * 1000 + (level.durationMinutes ?? 999);
  };
  expect(listed.map(rank)).toEqual(listed.map(rank).sort((a, b) => a - b));
  expect(listed[0]).toMatch(/^qui-elit-qui/);
  expect(listed.at(-1)).toBe('grande-fresque');
});

test('the language switch changes the interface and the level texts, and is remembered', async ({ page }) => {
  await page.goto('/?fresh=1');
  await page.click('[data-action="lang-fr"]');
  await expect(page.locator('h1')).toHaveText('Fresque de la démocratie');
  await expect(page.locator('#levels-heading')).toHaveText('Niveaux');
  await page.click('[data-action="lang-en"]');
  await expect(page.locator('#levels-heading')).toHaveText('Levels');
  await expect(page.locator('[data-level-id="qui-elit-qui"] h3')).toHaveText(levelData('qui-elit-qui').title.en!);
  expect((await snapshot(page)).lang).toBe('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.locator('#levels-heading')).toHaveText('Levels');
});

test('the sound switch is remembered', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  const sound = page.locator('[data-action="toggle-sound"]');
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  expect((await snapshot(page)).sound.muted).toBe(true);
  await page.reload();
  await expect(page.locator('[data-action="toggle-sound"]')).toHaveAttribute('aria-pressed', 'false');
});

test('an unknown level id shows a clear message and the level list', async ({ page }) => {
  await page.goto('/?level=niveau-inconnu&lang=fr');
  await expect(page.locator('[data-notice="error"]')).toContainText('Aucun niveau ne s’appelle « niveau-inconnu »');
  await expect(page.locator('[data-level-list] > li').first()).toBeVisible();
  const snap = await snapshot(page);
  expect(snap.screen).toBe('menu');
  expect(snap.errors.join(' ')).toContain('niveau-inconnu');
});

test('an unknown language shows a message and the game in a language it speaks', async ({ page }) => {
  await page.goto('/?lang=tlh');
  await expect(page.locator('[data-notice="error"]')).toContainText('tlh');
  expect(['fr', 'en']).toContain((await snapshot(page)).lang);
});
