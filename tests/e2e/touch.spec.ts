// Tablets and interactive whiteboards: a finger drags cards and draws arrows, two fingers pinch
// to zoom and pan, a long press opens a card's menu; from 1024×768 to 4K, landscape and portrait.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { openLevel, plannedPositions, snapshot } from './helpers';

test.use({ hasTouch: true, isMobile: false });

type Point = { x: number; y: number };

async function touch(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

async function fingerDrag(cdp: CDPSession, from: Point, to: Point, steps = 4): Promise<void> {
  const at = (i: number) => [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps, id: 1 }];
  // The finger sets off at once, as a finger does: sent together, the press and the first move
  // reach the page without the wait of a round trip, which on a loaded machine drawing a 4K
  // screen could outlast the long press (550 ms) and open the card's menu instead.
  await Promise.all([
    cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] }),
    cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(1) }),
  ]);
  for (let i = 2; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function twoFingers(cdp: CDPSession, a: [Point, Point], b: [Point, Point], steps = 4): Promise<void> {
  const at = (i: number) => [
    { x: a[0].x + ((a[1].x - a[0].x) * i) / steps, y: a[0].y + ((a[1].y - a[0].y) * i) / steps, id: 1 },
    { x: b[0].x + ((b[1].x - b[0].x) * i) / steps, y: b[0].y + ((b[1].y - b[0].y) * i) / steps, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const center = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

test('a finger places cards and draws an arrow; two fingers zoom and pan; a long press opens the menu', async ({ page }) => {
  await openLevel(page, 'qui-elit-qui', 'fr');
  const cdp = await touch(page);
  const positions = plannedPositions(await snapshot(page), {});
  for (const id of ['citoyens', 'president-republique']) {
    const card = (await snapshot(page)).cards.find((c) => c.id === id)!;
    await fingerDrag(cdp, center(card.rect), positions.get(id)!);
    await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === id)?.location).toBe('board');
  }
  const snap = await snapshot(page);
  const from = snap.cards.find((c) => c.id === 'citoyens')!;
  const to = snap.cards.find((c) => c.id === 'president-republique')!;
  await fingerDrag(cdp, from.handle!, center(to.rect));
  await page.locator('[data-picker] [data-relation="elit"]').tap();
  await expect.poll(async () => (await snapshot(page)).links.map((l) => l.relation)).toEqual(['elit']);

  // Pinch: two fingers moving apart zoom in around them.
  const board = (await snapshot(page)).board;
  const mid = { x: board.rect.x + board.rect.width / 2, y: board.rect.y + board.rect.height / 2 };
  await twoFingers(cdp, [{ x: mid.x - 60, y: mid.y }, { x: mid.x - 150, y: mid.y }], [{ x: mid.x + 60, y: mid.y }, { x: mid.x + 150, y: mid.y }]);
  await expect.poll(async () => (await snapshot(page)).board.zoom!).toBeGreaterThan(board.zoom! * 2);

  // Two fingers moving together pan the fresco.
  const before = (await snapshot(page)).cards.find((c) => c.id === 'citoyens')!.rect;
  await twoFingers(cdp, [{ x: mid.x - 50, y: mid.y }, { x: mid.x + 50, y: mid.y + 80 }], [{ x: mid.x + 50, y: mid.y }, { x: mid.x + 150, y: mid.y + 80 }]);
  const after = (await snapshot(page)).cards.find((c) => c.id === 'citoyens')!.rect;
  expect(after.x - before.x).toBeCloseTo(100, -1);
  expect(after.y - before.y).toBeCloseTo(80, -1);

  // A long press on a card opens its menu.
  await page.click('[data-action="zoom-fit"]');
  const card = (await snapshot(page)).cards.find((c) => c.id === 'president-republique')!;
  const point = center(card.rect);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x - 20, y: point.y, id: 1 }] });
  await page.waitForTimeout(800);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.locator('[data-card-menu]')).toBeVisible();
  await expect(page.locator('#card-menu-title')).toHaveText('Président de la République');
  expect((await snapshot(page)).cards.find((c) => c.id === 'president-republique')?.faceUp).toBe(true);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 3840, height: 2160 },
]) {
  test(`the board works at ${viewport.width}×${viewport.height}, with touch targets of at least 44 px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openLevel(page, 'trois-pouvoirs', 'fr');
    // Every control of the top bar is on screen and large enough for a finger.
    const controls = await page.locator('.topbar button, .hand-card').evaluateAll((elements) =>
      elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => {
        const r = element.getBoundingClientRect();
        return { name: element.getAttribute('data-action') ?? element.getAttribute('data-card-id'), width: r.width, height: r.height, right: r.right, bottom: r.bottom };
      }),
    );
    for (const control of controls) {
      expect(control.width, `${control.name} width`).toBeGreaterThanOrEqual(44);
      expect(control.height, `${control.name} height`).toBeGreaterThanOrEqual(44);
      expect(control.right, `${control.name} on screen`).toBeLessThanOrEqual(viewport.width);
      expect(control.bottom, `${control.name} on screen`).toBeLessThanOrEqual(viewport.height);
    }
    const cdp = await touch(page);
    const card = (await snapshot(page)).cards.find((c) => c.id === 'citoyens')!;
    const board = (await snapshot(page)).board.rect;
    await fingerDrag(cdp, center(card.rect), { x: board.x + board.width / 2, y: board.y + board.height / 2 });
    await expect.poll(async () => (await snapshot(page)).cards.find((c) => c.id === 'citoyens')?.location).toBe('board');
  });
}
