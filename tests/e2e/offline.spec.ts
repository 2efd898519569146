// No internet in the classroom: after one visit the whole game plays with the network off.
import { expect, test } from '@playwright/test';
import { check, dragCard, drawLink, plannedPositions, snapshot, waitForBoard } from './helpers';

test('after one visit, the game (levels, board, sounds, fonts) works offline', async ({ context, page }) => {
  await page.goto('/?lang=fr&fresh=1');
  // The service worker installs and caches the whole game in the background.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (registration?.active?.state !== 'activated') return 0;
          let entries = 0;
          for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
          return entries;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(20);

  // The next visit is served by the service worker; then the network goes.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-level-list] > li').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await page.click('[data-level-id="trois-pouvoirs"] [data-action="open-level"]');
  await waitForBoard(page);
  const positions = plannedPositions(await snapshot(page), {});
  await dragCard(page, 'citoyens', positions.get('citoyens')!);
  await dragCard(page, 'assemblee-nationale', positions.get('assemblee-nationale')!);
  await drawLink(page, 'citoyens', 'assemblee-nationale', 'elit');
  expect((await check(page)).score?.correct).toBe(1);
  // Another level, never opened before, comes from the cache too.
  await page.click('[data-action="back"]');
  await page.click('[data-level-id="grande-fresque"] [data-action="open-level"]');
  await waitForBoard(page);
  expect((await snapshot(page)).levelId).toBe('grande-fresque');
  // The typeface came from the cache: text is drawn with it.
  expect(await page.evaluate(() => document.fonts.check('700 16px "Atkinson Hyperlegible"'))).toBe(true);
});

test('a fresco whose code did not arrive (wifi dropped on the first visit) loads when the network is back', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let blocked = true;
  // The same file under any address (a retry asks for it as createBoard-….js?retry=1).
  await page.route(/createBoard-[^/?]*\.js(\?[^/]*)?$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/?level=qui-elit-qui&lang=fr&fresh=1');
  await expect(page.locator('.board-loading')).toHaveText('La fresque se chargera au retour du réseau…');
  await context.setOffline(true);
  // The hand is there meanwhile, and no error is shown while the tablet is offline.
  await expect(page.locator('.hand [data-card-id]').first()).toBeVisible();
  expect((await snapshot(page)).errors).toEqual([]);
  blocked = false;
  await context.setOffline(false);
  await expect.poll(async () => (await snapshot(page)).board.zoom).not.toBeNull();
  await expect(page.locator('.board-loading')).toHaveCount(0);
  await context.close();
});
