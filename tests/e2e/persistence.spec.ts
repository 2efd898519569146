import { expect, test } from '@playwright/test';
import { dragCard, drawLink, openLevel, plannedPositions, snapshot, waitForBoard } from './helpers';
import { levelData } from './levelData';

test('after a reload the fresco is as it was: cards, positions, arrows, batches, check', async ({ page }) => {
  await openLevel(page, 'trois-pouvoirs', 'fr');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'assemblee-nationale', positions.get('senat')!);
  await drawLink(page, 'citoyens', 'assemblee-nationale', 'elit');
  await page.click('[data-action="next-batch"]');
  await page.click('[data-action="check"]');
  await expect.poll(async () => (await snapshot(page)).score?.correct).toBe(1);
  // The results panel narrows the fresco; closed, the fresco takes the width it has after a reload.
  await page.click('[data-action="close-panel"]');
  const before = await snapshot(page);

  await page.reload();
  const after = await waitForBoard(page);
  expect(after.levelId).toBe('trois-pouvoirs');
  expect(after.batch).toEqual(before.batch);
  expect(after.links.map(({ from, to, relation }) => ({ from, to, relation }))).toEqual(before.links.map(({ from, to, relation }) => ({ from, to, relation })));
  expect(after.score).toEqual(before.score);
  // Cards keep their places on the fresco: the same offsets from one another, and the view
  // frames them again within a pixel or two (the tray's height is measured anew after a reload).
  const anchorBefore = before.cards.find((c) => c.location === 'board')!.rect;
  const anchorAfter = after.cards.find((c) => c.id === before.cards.find((b) => b.location === 'board')!.id)!.rect;
  expect(Math.abs(anchorAfter.x - anchorBefore.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(anchorAfter.y - anchorBefore.y)).toBeLessThanOrEqual(2);
  for (const card of before.cards) {
    const now = after.cards.find((c) => c.id === card.id)!;
    expect(now.location).toBe(card.location);
    if (card.location === 'board') {
      expect(now.rect.x - anchorAfter.x).toBeCloseTo(card.rect.x - anchorBefore.x, 0);
      expect(now.rect.y - anchorAfter.y).toBeCloseTo(card.rect.y - anchorBefore.y, 0);
    }
  }
  // Undo still works after the reload.
  await page.click('[data-action="undo"]');
  await expect.poll(async () => (await snapshot(page)).batch?.dealt).toBe(1);
});

test('progress of each level is kept apart, shown in the list, and ?fresh=1 starts clean', async ({ page }) => {
  await openLevel(page, 'qui-elit-qui', 'fr');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await page.click('[data-action="back"]');
  await expect(page.locator('[data-level-id="qui-elit-qui"] .level-progress')).toContainText('1 carte posée, 0 flèche');
  await expect(page.locator('[data-level-id="trois-pouvoirs"] .level-progress')).toHaveCount(0);
  await page.click('[data-level-id="qui-elit-qui"] [data-action="open-level"]');
  await waitForBoard(page);
  expect((await snapshot(page)).cards.find((c) => c.id === 'citoyens')?.location).toBe('board');

  await page.goto('/?level=qui-elit-qui&fresh=1');
  await waitForBoard(page);
  expect((await snapshot(page)).cards.every((c) => c.location !== 'board')).toBe(true);
  expect(page.url()).not.toContain('fresh');
});

test('a corrupted save is set aside with a message; the level starts clean and the others still play', async ({ page }) => {
  await page.goto('/?fresh=1&lang=fr');
  await page.evaluate(() => {
    localStorage.setItem('fresque:save:qui-elit-qui', '{"saveVersion":1,"progress":{"history":');
    localStorage.setItem('fresque:save:trois-pouvoirs', JSON.stringify({ saveVersion: 99, levelId: 'trois-pouvoirs' }));
  });
  await page.goto('/?level=qui-elit-qui&lang=fr');
  await waitForBoard(page);
  await expect(page.locator('[data-notice="error"]')).toContainText('fichier abîmé');
  expect((await snapshot(page)).cards.filter((c) => c.location === 'hand')).toHaveLength(levelData('qui-elit-qui').batches![0]!.cards.length);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('fresque:set-aside:save:qui-elit-qui')));
  expect(kept).toHaveLength(1);

  await page.goto('/?level=trois-pouvoirs&lang=fr');
  await waitForBoard(page);
  await expect(page.locator('[data-notice="error"]')).toContainText('version plus récente');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  expect((await snapshot(page)).cards.find((c) => c.id === 'citoyens')?.location).toBe('board');
});

test('switching language mid-game keeps the progress and translates the interface and content', async ({ page }) => {
  await openLevel(page, 'qui-elit-qui', 'fr');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'president-republique', positions.get('assemblee-nationale')!);
  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  await expect(page.locator('.level-heading')).toHaveText('Qui élit qui ?'.replace(' ?', '\u202f?'));
  await page.click('[data-action="lang-en"]');
  await expect(page.locator('.level-heading')).toHaveText('Who elects whom?');
  await expect(page.locator('[data-action="check"]')).toContainText('Check');
  await expect(page.locator('.hand [data-card-id="assemblee-nationale"] .card-title')).toHaveText('National Assembly');
  const snap = await snapshot(page);
  expect(snap.lang).toBe('en');
  expect(snap.links.map((l) => l.relation)).toEqual(['elit']);
  expect(snap.cards.filter((c) => c.location === 'board').map((c) => c.id).sort()).toEqual(['citoyens', 'president-republique']);
  // The relation picker speaks English too.
  const source = snap.cards.find((c) => c.id === 'president-republique')!;
  const target = snap.cards.find((c) => c.id === 'citoyens')!;
  await page.mouse.move(source.handle!.x, source.handle!.y);
  await page.mouse.down();
  await page.mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator('[data-picker] [data-relation="nomme"]')).toHaveText('appoints');
});
