import { expect, test } from '@playwright/test';
import { check, dealAll, dragCard, drawLink, openLevel, plain, plannedPositions, snapshot } from './helpers';
import { firstRelation, levelData, requiredLinks } from './levelData';

test('a level is played to 100 % with the mouse, then the debrief is shown', async ({ page }) => {
  const level = levelData('qui-elit-qui');
  await openLevel(page, level.id, 'fr');
  await dealAll(page);
  const positions = plannedPositions(await snapshot(page), level.solution.placements ?? {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  expect((await snapshot(page)).cards.every((card) => card.location === 'board')).toBe(true);

  // A first check with part of the solution: counted, not revealed.
  const required = requiredLinks(level);
  for (const link of required.slice(0, 2)) await drawLink(page, link.from, link.to, firstRelation(link.relation));
  let snap = await check(page);
  expect(snap.score).toEqual({ correct: 2, wrong: 0, missing: required.length - 2, total: required.length, percent: Math.floor((200 / required.length)), notAsked: 0 });
  expect(snap.phase).toBe('checked');

  for (const link of required.slice(2)) await drawLink(page, link.from, link.to, firstRelation(link.relation));
  snap = await check(page);
  expect(snap.score).toEqual({ correct: required.length, wrong: 0, missing: 0, total: required.length, percent: 100, notAsked: 0 });
  expect(snap.phase).toBe('complete');
  const completion = page.locator('[data-completion]');
  await expect(completion).toBeVisible();
  const questions = await completion.locator('[data-debrief] li').allTextContents();
  expect(questions.map(plain)).toEqual(level.debrief!.map((q) => q.fr));
});

test('a misconception drawn and checked shows its explanation', async ({ page }) => {
  const level = levelData('qui-elit-qui');
  const wrong = level.misconceptions![0]!;
  await openLevel(page, level.id, 'fr');
  await dealAll(page);
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, wrong.from, positions.get(wrong.from)!);
  await dragCard(page, wrong.to, positions.get(wrong.to)!);
  await drawLink(page, wrong.from, wrong.to, firstRelation(wrong.relation));
  const snap = await check(page);
  expect(snap.score).toMatchObject({ correct: 0, wrong: 1, percent: 0 });
  const panel = page.locator('[data-panel="results"]');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.result-item.is-wrong .result-explanation')).toContainText('Le maire n’est pas élu directement');
});
