// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on every screen of the game.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { check, dragCard, drawLink, openLevel, plannedPositions, snapshot, waitForBoard } from './helpers';

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(found).toEqual([]);
}

test('home, level list and import section', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  await expect(page.locator('[data-level-list] > li').first()).toBeVisible();
  await expectNoViolations(page, 'home');
});

test('the board: hand, card menu, relation picker, results, completion', async ({ page }) => {
  await openLevel(page, 'qui-elit-qui', 'fr');
  await expectNoViolations(page, 'board');
  await page.locator('.hand [data-card-id="citoyens"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-card-menu]')).toBeVisible();
  await expectNoViolations(page, 'hand card menu');
  await page.keyboard.press('Escape');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'president-republique', positions.get('president-republique')!);
  const snap = await snapshot(page);
  const source = snap.cards.find((c) => c.id === 'citoyens')!;
  const target = snap.cards.find((c) => c.id === 'president-republique')!;
  await page.mouse.move(source.handle!.x, source.handle!.y);
  await page.mouse.down();
  await page.mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect(page.locator('[data-picker]')).toBeVisible();
  await expectNoViolations(page, 'relation picker');
  await page.click('[data-picker] [data-relation="elit"]');
  await check(page);
  await expectNoViolations(page, 'results panel');
  await page.click('[data-action="fresco-text"]');
  await expectNoViolations(page, 'fresco as text');
  await page.click('[data-action="hint"]');
  await expectNoViolations(page, 'hints');
});

test('the completion dialog', async ({ page }) => {
  await page.goto('/?level=qui-elit-qui-junior&lang=en&fresh=1');
  await waitForBoard(page);
  // A level with its solution drawn, quickly: the junior level is small.
  const level = (await import('./levelData')).levelData('qui-elit-qui-junior');
  for (;;) {
    const positions = plannedPositions(await snapshot(page), {});
    for (const card of (await snapshot(page)).cards.filter((c) => c.location === 'hand')) await dragCard(page, card.id, positions.get(card.id)!);
    const { batch } = await snapshot(page);
    if (!batch || batch.dealt >= batch.total) break;
    await page.click('[data-action="next-batch"]');
  }
  for (const link of level.solution.links.filter((l) => !l.optional)) await drawLink(page, link.from, link.to, Array.isArray(link.relation) ? link.relation[0]! : link.relation);
  await check(page);
  await expect(page.locator('[data-completion]')).toBeVisible();
  await expectNoViolations(page, 'completion');
});

test('error screen of an invalid level', async ({ page }) => {
  await page.goto('/?lang=en&fresh=1');
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-level"]');
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1, "id": "x"}') });
  await expect(page.locator('[data-level-errors]')).toBeVisible();
  await expectNoViolations(page, 'error screen');
});

test('facilitator mode: PIN, preparation, console; projector view', async ({ context, page }) => {
  await page.goto('/?mode=facilitator&lang=fr&fresh=1');
  await expect(page.locator('[data-pin-form]')).toBeVisible();
  await expectNoViolations(page, 'PIN');
  await page.fill('#pin', '1357');
  await page.fill('#pin-confirm', '1357');
  await page.click('[data-action="set-pin"]');
  await expect(page.locator('[data-action="start-workshop"]')).toBeVisible();
  await expectNoViolations(page, 'workshop preparation');
  await page.click('[data-action="start-workshop"]');
  await waitForBoard(page);
  await page.click('[data-guide] summary');
  await expectNoViolations(page, 'facilitator console');
  const [projector] = await Promise.all([context.waitForEvent('page'), page.click('[data-action="open-projector"]')]);
  await waitForBoard(projector);
  await page.click('[data-action="next-phase"]');
  await page.click('[data-action="next-phase"]');
  await page.click('[data-action="reveal-next"]');
  await expect(projector.locator('.caption-revealed')).toBeVisible();
  await expectNoViolations(projector, 'projector');
});

test('the accessibility statement', async ({ page }) => {
  await page.goto('/?page=accessibility&lang=fr');
  await expect(page.locator('h1')).toContainText('accessibilité');
  await expectNoViolations(page, 'accessibility statement');
});

test('the check itself finds problems when there are some', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze();
  expect(results.violations.map((v) => v.id)).toContain('image-alt');
});

test('the display settings: dyslexia-friendly typeface and high contrast, on every screen kind', async ({ page }) => {
  await page.goto('/?lang=fr&fresh=1');
  await page.click('[data-action="open-settings"]');
  await page.click('[data-action="toggle-contrast"]');
  await page.click('[data-action="toggle-dyslexia-font"]');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'dyslexia');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('OpenDyslexic');
  await expectNoViolations(page, 'home, high contrast');
  await openLevel(page, 'trois-pouvoirs', 'fr');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expectNoViolations(page, 'board, high contrast');
});
