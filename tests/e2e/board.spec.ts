import { expect, test, type Page } from '@playwright/test';
import { dealAll, dragCard, dragPath, drawLink, openLevel, plain, plannedPositions, snapshot, waitForBoard } from './helpers';
import { deckCard } from './levelData';

const center = (rect: { x: number; y: number; width: number; height: number }) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

async function placeTwo(page: Page): Promise<void> {
  await openLevel(page, 'qui-elit-qui', 'fr');
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'president-republique', positions.get('assemblee-nationale')!);
}

test('a card is flipped with a click to read its explanation and source, and back', async ({ page }) => {
  await placeTwo(page);
  const card = (await snapshot(page)).cards.find((c) => c.id === 'president-republique')!;
  expect(card.faceUp).toBe(true);
  await page.mouse.click(center(card.rect).x - 20, center(card.rect).y);
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'president-republique')?.faceUp).toBe(false);
  const reader = page.locator('[data-panel="reader"]');
  await expect(reader).toBeVisible();
  const back = deckCard('president-republique');
  const text = plain(await reader.innerText());
  expect(text).toContain(plain(back.explanation!.fr).slice(0, 40));
  expect(text).toContain(back.source!);
  const again = (await snapshot(page)).cards.find((c) => c.id === 'president-republique')!;
  await page.mouse.click(center(again.rect).x - 20, center(again.rect).y);
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'president-republique')?.faceUp).toBe(true);
  await expect(reader).toBeHidden();
});

test('an arrow is selected, relabelled and deleted; undo and redo replay every step', async ({ page }) => {
  await placeTwo(page);
  await drawLink(page, 'citoyens', 'president-republique', 'nomme');
  expect((await snapshot(page)).links.map((l) => l.relation)).toEqual(['nomme']);

  // Select it by clicking its label.
  const label = (await snapshot(page)).links[0]!.label!;
  await page.mouse.click(label.x, label.y);
  await expect(page.locator('[data-link-bar]')).toBeVisible();
  await expect(page.locator('[data-link-bar] .link-sentence')).toHaveText('Citoyens / électeurs — nomme — Président de la République');

  await page.click('[data-action="relabel-link"]');
  await page.click('[data-picker] [data-relation="elit"]');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit']);

  await page.click('[data-action="delete-link"]');
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(0);

  await page.click('[data-action="undo"]');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit']);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['nomme']);
  await page.click('[data-action="undo"]');
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(0);
  await page.click('[data-action="undo"]');
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'president-republique')?.location).toBe('hand');
  await page.click('[data-action="redo"]');
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['nomme']);
});

test('the Delete key removes the selected arrow; Escape cancels the relation picker', async ({ page }) => {
  await placeTwo(page);
  const snap = await snapshot(page);
  const source = snap.cards.find((c) => c.id === 'citoyens')!;
  const target = snap.cards.find((c) => c.id === 'president-republique')!;
  await dragPath(page, source.handle!, center(target.rect));
  await expect(page.locator('[data-picker]')).toBeVisible();
  expect((await snapshot(page)).links).toMatchObject([{ id: 'pending', from: 'citoyens', to: 'president-republique', relation: null }]);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-picker]')).toBeHidden();
  expect((await snapshot(page)).links).toEqual([]);

  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  const label = (await snapshot(page)).links[0]!.label!;
  await page.mouse.click(label.x, label.y);
  await expect.poll(async () => (await snapshot(page)).selectedLink).not.toBeNull();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(0);
});

test('a card that moves keeps its arrows; zoom and pan keep cards and arrows attached', async ({ page }) => {
  await placeTwo(page);
  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  const before = (await snapshot(page)).cards.find((c) => c.id === 'president-republique')!.rect;
  const board = (await snapshot(page)).board.rect;
  await dragCard(page, 'president-republique', { x: board.x + board.width * 0.7, y: board.y + board.height * 0.7 });
  const moved = (await snapshot(page)).cards.find((c) => c.id === 'president-republique')!.rect;
  expect(Math.abs(moved.x - before.x) + Math.abs(moved.y - before.y)).toBeGreaterThan(50);
  expect((await snapshot(page)).links).toMatchObject([{ id: 'l1', from: 'citoyens', to: 'president-republique', relation: 'elit' }]);

  // Zoom in with the button and the wheel: cards grow on screen, the arrow still starts from its handle.
  const zoom = (await snapshot(page)).board.zoom!;
  await page.click('[data-action="zoom-in"]');
  await expect.poll(async () => (await snapshot(page)).board.zoom).toBeCloseTo(zoom * 1.25, 5);
  const bigger = (await snapshot(page)).cards.find((c) => c.id === 'citoyens')!.rect;
  expect(bigger.width).toBeCloseTo(208 * zoom * 1.25, 0);
  await page.mouse.move(board.x + board.width / 2, board.y + board.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await snapshot(page)).board.zoom).toBeLessThan(zoom * 1.25);

  // Pan by dragging the background: every card moves by the same amount.
  const cardsBefore = (await snapshot(page)).cards.filter((c) => c.location === 'board');
  const empty = { x: board.x + 30, y: board.y + board.height - 30 };
  await dragPath(page, empty, { x: empty.x + 120, y: empty.y - 60 });
  const cardsAfter = (await snapshot(page)).cards.filter((c) => c.location === 'board');
  for (const card of cardsBefore) {
    const now = cardsAfter.find((c) => c.id === card.id)!;
    expect(now.rect.x - card.rect.x).toBeCloseTo(120, 0);
    expect(now.rect.y - card.rect.y).toBeCloseTo(-60, 0);
  }
  // The arrow is still drawn from the handle after zoom and pan: draw a second one.
  await drawLink(page, 'president-republique', 'citoyens', 'represente');
  expect((await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit', 'represente']);
});

test('a card dragged back onto the hand returns there with its arrows removed', async ({ page }) => {
  await placeTwo(page);
  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  const card = (await snapshot(page)).cards.find((c) => c.id === 'citoyens')!;
  const hand = await page.locator('[data-hand]').boundingBox();
  await dragPath(page, center(card.rect), { x: hand!.x + hand!.width / 2, y: hand!.y + hand!.height / 2 });
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'citoyens')?.location).toBe('hand');
  expect((await snapshot(page)).links).toEqual([]);
});

test('without dragging: tap a hand card then the fresco to place it, tap a handle then a card to link', async ({ page }) => {
  await openLevel(page, 'qui-elit-qui', 'fr');
  const snap = await snapshot(page);
  const board = snap.board.rect;
  for (const [id, fx] of [['citoyens', 0.25], ['assemblee-nationale', 0.7]] as const) {
    const card = (await snapshot(page)).cards.find((c) => c.id === id)!;
    await page.mouse.click(center(card.rect).x, center(card.rect).y);
    await page.mouse.click(board.x + board.width * fx, board.y + board.height * 0.4);
    await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === id)?.location).toBe('board');
  }
  const placed = await snapshot(page);
  const from = placed.cards.find((c) => c.id === 'citoyens')!;
  const to = placed.cards.find((c) => c.id === 'assemblee-nationale')!;
  await page.mouse.click(from.handle!.x, from.handle!.y);
  await page.mouse.click(center(to.rect).x, center(to.rect).y);
  await page.click('[data-picker] [data-relation="elit"]');
  await expect.poll(async () => (await snapshot(page)).links.map((l) => `${l.from}>${l.to}:${l.relation}`)).toEqual(['citoyens>assemblee-nationale:elit']);
});

test('batches are dealt in order, hints come one at a time, and reset starts again', async ({ page }) => {
  await openLevel(page, 'trois-pouvoirs', 'fr');
  let snap = await snapshot(page);
  expect(snap.batch).toEqual({ dealt: 1, total: 3 });
  expect(snap.cards.filter((c) => c.location === 'hand').map((c) => c.id)).toEqual(['citoyens', 'assemblee-nationale', 'senat', 'loi']);
  expect(snap.cards.filter((c) => c.location === 'undealt')).toHaveLength(6);
  await dealAll(page);
  await expect(page.locator('[data-action="next-batch"]')).toBeDisabled();

  await page.click('[data-action="hint"]');
  await expect(page.locator('[data-panel="hints"] .hint-list li')).toHaveCount(1);
  await page.click('[data-action="hint"]');
  await expect(page.locator('[data-panel="hints"] .hint-list li')).toHaveCount(2);
  expect((await snapshot(page)).hints).toEqual({ shown: 2, total: 3 });

  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('[data-action="reset"]');
  await expect.poll(async () => (await snapshot(page)).batch).toEqual({ dealt: 1, total: 3 });
  snap = await snapshot(page);
  expect(snap.cards.every((c) => c.location !== 'board')).toBe(true);
  expect(snap.hints).toEqual({ shown: 0, total: 3 });
});

test('sounds: none before the first gesture, effects of moves after it, none when muted', async ({ page }) => {
  await page.goto('/?level=qui-elit-qui&lang=fr&fresh=1');
  // The fresco must be up before the first drag (on a busy machine it takes a few seconds).
  await waitForBoard(page);
  expect((await snapshot(page)).sound.played).toEqual([]);
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'president-republique', positions.get('assemblee-nationale')!);
  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  await page.click('[data-action="check"]');
  await expect.poll(async () => (await snapshot(page)).sound.played).toEqual(['pick', 'drop', 'pick', 'drop', 'link', 'correct']);

  await page.click('[data-action="toggle-sound"]');
  await page.click('[data-action="undo"]');
  await page.click('[data-action="redo"]');
  await page.click('[data-action="check"]');
  expect((await snapshot(page)).sound.played).toHaveLength(6);
});
