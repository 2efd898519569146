// The whole game with the keyboard alone: no mouse event at all in these tests.
import { expect, test, type Page } from '@playwright/test';
import { snapshot, waitForBoard } from './helpers';
import { firstRelation, levelData, requiredLinks } from './levelData';

/** Presses Tab until the focused element matches `selector` (as a keyboard user would). */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element ? `${element.tagName.toLowerCase()}[${element.dataset.action ?? element.dataset.cardProxy ?? element.dataset.cardId ?? ''}]` : '';
  });
}

async function placeHand(page: Page): Promise<void> {
  for (;;) {
    const inHand = (await snapshot(page)).cards.filter((c) => c.location === 'hand');
    const card = inHand[0];
    if (!card) return;
    await tabTo(page, `.hand [data-card-id="${card.id}"]`);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-card-menu]')).toBeVisible();
    expect(await focused(page)).toBe('button[place-in-view]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === card.id)?.location).toBe('board');
  }
}

async function linkWithKeyboard(page: Page, from: string, to: string, relation: string): Promise<void> {
  const before = (await snapshot(page)).links.length;
  await tabTo(page, `[data-card-proxy="${from}"]`);
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-card-menu] [data-action="menu-link"]');
  await page.keyboard.press('Enter');
  await tabTo(page, `[data-card-menu] [data-target-card="${to}"]`);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-picker]')).toBeVisible();
  await tabTo(page, `[data-picker] [data-relation="${relation}"]`);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(before + 1);
}

test('a level is played to 100 % with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  const level = levelData('qui-elit-qui');
  await page.goto('/?level=qui-elit-qui&lang=fr&fresh=1');
  await waitForBoard(page);
  await placeHand(page);
  await tabTo(page, '[data-action="next-batch"]');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).batch?.dealt).toBe(2);
  await placeHand(page);
  for (const link of requiredLinks(level)) await linkWithKeyboard(page, link.from, link.to, firstRelation(link.relation));
  await tabTo(page, '[data-action="check"]');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).score?.percent).toBe(100);
  // The completion dialog takes the focus; Escape closes it and the results stay.
  await expect(page.locator('[data-completion]')).toBeVisible();
  expect(await focused(page)).toBe('button[close-completion]');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-completion]')).toBeHidden();
});

test('with the keyboard: move a card, turn it over, delete and relabel an arrow, undo', async ({ page }) => {
  await page.goto('/?level=trois-pouvoirs&lang=fr&fresh=1');
  await waitForBoard(page);
  await placeHand(page);
  await linkWithKeyboard(page, 'citoyens', 'assemblee-nationale', 'nomme');

  // Arrow keys move the focused card; F turns it over.
  await tabTo(page, '[data-card-proxy="senat"]');
  const before = (await snapshot(page)).cards.find((c) => c.id === 'senat')!.rect;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'senat')!.rect.x).toBeGreaterThan(before.x);
  expect(await focused(page)).toBe('button[senat]');
  await page.keyboard.press('f');
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'senat')?.faceUp).toBe(false);
  await expect(page.locator('[data-panel="reader"]')).toBeVisible();

  // The card's menu lists its arrows: change the verb, then delete.
  await tabTo(page, '[data-card-proxy="citoyens"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-card-menu] [data-action="menu-relabel"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-picker] [data-relation="elit"]');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit']);
  await tabTo(page, '[data-card-proxy="citoyens"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-card-menu] [data-action="menu-delete"]');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).links).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit']);

  // Placed in a chosen zone from the hand.
  await tabTo(page, '[data-action="next-batch"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '.hand [data-card-id="president-republique"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-card-menu] [data-zone="executif"]');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'president-republique')?.zone).toBe('executif');
});

test('the fresco can be read as text, with every card and arrow', async ({ page }) => {
  await page.goto('/?level=qui-elit-qui&lang=fr&fresh=1');
  await waitForBoard(page);
  await placeHand(page);
  await linkWithKeyboard(page, 'citoyens', 'president-republique', 'elit');
  await tabTo(page, '[data-action="fresco-text"]');
  await page.keyboard.press('Enter');
  const panel = page.locator('[data-panel="text"]');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.text-arrows li p')).toHaveText(['Citoyens / électeurs — élit — Président de la République']);
  expect(await panel.locator('.text-card').count()).toBe(levelData('qui-elit-qui').batches![0]!.cards.length);
});
