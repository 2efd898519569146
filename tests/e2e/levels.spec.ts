// Every shipped level can be played to 100 % with the mouse: all its cards dealt and placed, its
// required links drawn from the handles, checked.
import { expect, test } from '@playwright/test';
import { check, dragCard, drawLink, openLevel, plannedPositions, showWholeFresco, snapshot } from './helpers';
import { firstRelation, levelData, requiredLinks, shippedLevelIds } from './levelData';

for (const id of shippedLevelIds()) {
  test(`level ${id} is solved with the mouse to 100 %`, async ({ page }) => {
    const level = levelData(id);
    test.setTimeout(60_000 + level.cards.length * 4_000 + level.solution.links.length * 3_000);
    await openLevel(page, id, 'fr');
    await showWholeFresco(page);
    // Batch by batch, as a group plays: place the hand, then deal the next batch.
    const positions = plannedPositions(await snapshot(page), level.solution.placements ?? {});
    for (;;) {
      for (const card of (await snapshot(page)).cards.filter((c) => c.location === 'hand')) await dragCard(page, card.id, positions.get(card.id)!);
      const { batch } = await snapshot(page);
      if (!batch || batch.dealt >= batch.total) break;
      await page.click('[data-action="next-batch"]');
    }
    await showWholeFresco(page);
    const required = requiredLinks(level);
    for (const link of required) await drawLink(page, link.from, link.to, firstRelation(link.relation));
    const snap = await check(page);
    expect(snap.score).toEqual({ correct: required.length, wrong: 0, missing: 0, total: required.length, percent: 100, notAsked: 0 });
    expect(snap.phase).toBe('complete');
    await expect(page.locator('[data-completion]')).toBeVisible();
  });
}
