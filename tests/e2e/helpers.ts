// Playing the game the way a person does: real mouse moves and clicks at the places the game
// reports in window.fresque.snapshot(). Nothing here calls into the game to act.
import { expect, type Page } from '@playwright/test';
import type { Snapshot } from '../../src/snapshot';

export type { Snapshot };
type Rect = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };

export async function snapshot(page: Page): Promise<Snapshot> {
  // A window just opened may not have started the game yet.
  await page.waitForFunction(() => window.fresque !== undefined);
  return page.evaluate(() => window.fresque.snapshot());
}

const centerOf = (rect: Rect): Point => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

/** Opens a level with a clean slate and waits until the fresco can be played. */
export async function openLevel(page: Page, id: string, lang: 'fr' | 'en' = 'fr'): Promise<Snapshot> {
  await page.goto(`/?level=${id}&lang=${lang}&fresh=1`);
  return waitForBoard(page);
}

export async function waitForBoard(page: Page): Promise<Snapshot> {
  await expect.poll(async () => (await snapshot(page)).board.rect.width, { timeout: 20_000 }).toBeGreaterThan(100);
  await expect.poll(async () => ['board', 'facilitator', 'projector', 'table'].includes((await snapshot(page)).screen)).toBe(true);
  return snapshot(page);
}

export async function dragPath(page: Page, from: Point, to: Point, steps = 3): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Drags a card (from the hand or the board) and drops it at a page point. */
export async function dragCard(page: Page, cardId: string, to: Point): Promise<void> {
  const card = (await snapshot(page)).cards.find((c) => c.id === cardId);
  if (!card || card.rect.width === 0) throw new Error(`card ${cardId} is not visible`);
  await dragPath(page, centerOf(card.rect), to);
  await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === cardId)?.location).toBe('board');
}

/** Deals every batch, so that every card of the level is in the hand or on the board. */
export async function dealAll(page: Page): Promise<void> {
  for (;;) {
    const snap = await snapshot(page);
    if (!snap.batch || snap.batch.dealt >= snap.batch.total) return;
    await page.click('[data-action="next-batch"]');
    await expect.poll(async () => (await snapshot(page)).batch?.dealt).toBe(snap.batch.dealt + 1);
  }
}

/**
 * Where each card goes: in its zone when the level says where (a grid inside the zone), else on
 * a grid over the visible fresco. Page coordinates.
 */
export function plannedPositions(snap: Snapshot, placements: Record<string, string>): Map<string, Point> {
  const positions = new Map<string, Point>();
  const zoom = snap.board.zoom ?? 1;
  const cardW = 208 * zoom;
  const cardH = 136 * zoom;
  const byZone = new Map<string, string[]>();
  const free: string[] = [];
  for (const card of snap.cards) {
    const zone = placements[card.id];
    if (zone && snap.zones.some((z) => z.id === zone)) byZone.set(zone, [...(byZone.get(zone) ?? []), card.id]);
    else free.push(card.id);
  }
  for (const zone of snap.zones) {
    const ids = byZone.get(zone.id) ?? [];
    const columns = Math.max(1, Math.floor(zone.rect.width / (cardW * 1.3)));
    const rows = Math.max(1, Math.ceil(ids.length / columns));
    const top = zone.rect.y + 56 * zoom;
    const rowHeight = (zone.rect.y + zone.rect.height - top) / rows;
    ids.forEach((id, i) => {
      const column = i % columns;
      const row = Math.floor(i / columns);
      positions.set(id, { x: zone.rect.x + (zone.rect.width / columns) * (column + 0.5), y: top + rowHeight * (row + 0.5) });
    });
  }
  // Cards without a zone go on a grid over the fresco's area (or what is visible of it), with
  // as many columns as keeps the cells most roomy.
  const area = snap.zones.length === 0 && snap.board.world ? intersect(snap.board.world, snap.board.rect) : snap.board.rect;
  let columns = 1;
  let roomiest = -Infinity;
  for (let c = 1; c <= Math.max(1, free.length); c++) {
    const rows = Math.ceil(free.length / c);
    const room = Math.min(area.width / c - cardW, area.height / rows - cardH);
    if (room > roomiest) {
      roomiest = room;
      columns = c;
    }
  }
  const rows = Math.max(1, Math.ceil(free.length / columns));
  free.forEach((id, i) => {
    positions.set(id, { x: area.x + (area.width / columns) * ((i % columns) + 0.5), y: area.y + (area.height / rows) * (Math.floor(i / columns) + 0.5) });
  });
  return positions;
}

function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

/** Shows the whole fresco (the fit button), so that every card and zone can be reached. */
export async function showWholeFresco(page: Page): Promise<void> {
  await page.click('[data-action="zoom-fit"]');
  await expect
    .poll(async () => {
      const { board } = await snapshot(page);
      const world = board.world!;
      return world.x >= board.rect.x - 1 && world.y >= board.rect.y - 1 && world.x + world.width <= board.rect.x + board.rect.width + 1 && world.y + world.height <= board.rect.y + board.rect.height + 1;
    })
    .toBe(true);
}

/** Draws an arrow from a card's handle to another card and picks the relation. */
export async function drawLink(page: Page, from: string, to: string, relation: string): Promise<void> {
  const snap = await snapshot(page);
  const source = snap.cards.find((c) => c.id === from);
  const target = snap.cards.find((c) => c.id === to);
  if (!source?.handle || !target) throw new Error(`cannot link ${from} → ${to}`);
  const before = snap.links.length;
  await dragPath(page, source.handle, centerOf(target.rect));
  const choice = page.locator(`[data-picker] [data-relation="${relation}"]`);
  await expect(choice).toBeVisible();
  await choice.click();
  await expect.poll(async () => (await snapshot(page)).links.filter((l) => l.relation !== null).length).toBe(before + 1);
}

export async function check(page: Page): Promise<Snapshot> {
  await page.click('[data-action="check"]');
  await expect.poll(async () => (await snapshot(page)).score).not.toBeNull();
  return snapshot(page);
}

/** Text as a test compares it: typographic spaces and apostrophes made plain. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");
}
