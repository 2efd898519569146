// A session server that comes back from an older copy of a session (a restored backup, a disk
// that lied), with moves a tablet no longer has: the table is told in words and takes the
// server's fresco, the facilitator's dashboard says how many moves that table lost, and both
// play on. Nothing freezes silently.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dragCard, plannedPositions, snapshot, waitForBoard } from './helpers';
import { OwnServer } from './sessionServer';

const PIN = '2468';
// sessions.spec.ts takes E2E_PORT + 13.
const port = (Number(process.env.E2E_PORT) || 4179) + 15;

async function placed(page: Page): Promise<number> {
  return (await snapshot(page)).cards.filter((card) => card.location === 'board').length;
}

async function placeOne(page: Page): Promise<void> {
  const snap = await snapshot(page);
  const card = snap.cards.find((c) => c.location === 'hand');
  if (!card) throw new Error('no card in hand');
  await dragCard(page, card.id, plannedPositions(snap, {}).get(card.id)!);
}

/** What the table keeps on its device for the session (read only, except where a test says it changes it). */
const recordKey = (code: string) => `fresque:session-table:${code}`;
async function pendingMoves(page: Page, code: string): Promise<number> {
  return page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{"pending":[]}') as { pending: unknown[] }).pending.length, recordKey(code));
}

test('a server back from an older copy: the moves a table no longer has are said to it and to the facilitator, and both play on', async ({ browser }) => {
  test.setTimeout(150_000);
  const server = new OwnServer(port);
  await server.start();
  try {
    const facilitatorContext = await browser.newContext({ baseURL: server.base });
    const facilitator = await facilitatorContext.newPage();
    await facilitator.goto('/?mode=facilitator&level=qui-elit-qui&lang=fr&fresh=1');
    await facilitator.fill('#pin', PIN);
    await facilitator.fill('#pin-confirm', PIN);
    await facilitator.click('[data-action="set-pin"]');
    await facilitator.click('[data-action="start-workshop"]');
    await waitForBoard(facilitator);
    await facilitator.click('[data-action="create-session"]');
    await expect.poll(async () => (await snapshot(facilitator)).session?.connected).toBe(true);
    const code = (await snapshot(facilitator)).session!.code;

    const tableContext = await browser.newContext({ baseURL: server.base });
    let table = await tableContext.newPage();
    await table.goto(`/?code=${code}&lang=fr`);
    await waitForBoard(table);
    await expect.poll(async () => (await snapshot(table)).session?.connected).toBe(true);
    await placeOne(table);
    await expect.poll(() => pendingMoves(table, code)).toBe(0);

    // A copy of the session as the server has it now.
    await server.stop();
    const older = mkdtempSync(join(tmpdir(), 'fresque-e2e-older-'));
    cpSync(join(server.dataDir, 'sessions'), older, { recursive: true });
    await server.start();
    await expect.poll(async () => (await snapshot(table)).session?.connected, { timeout: 20_000 }).toBe(true);
    await placeOne(table);
    await placeOne(table);
    await expect.poll(() => pendingMoves(table, code)).toBe(0);
    expect(await placed(table)).toBe(3);

    // The server comes back from the older copy; this tablet no longer has the two moves since
    // (they were acknowledged, and a tablet keeps only its last ones): it is switched off, and
    // opened again without them once the server is back. (Reloaded while the server is down, the
    // page could only come from the service worker, which may not be ready yet: the reload then
    // never ends.)
    await server.kill();
    rmSync(join(server.dataDir, 'sessions'), { recursive: true });
    cpSync(older, join(server.dataDir, 'sessions'), { recursive: true });
    await table.close();
    await tableContext.addInitScript((key) => {
      const raw = localStorage.getItem(key);
      if (raw === null || sessionStorage.getItem('kept-dropped')) return;
      localStorage.setItem(key, JSON.stringify({ ...(JSON.parse(raw) as object), kept: [] }));
      sessionStorage.setItem('kept-dropped', '1');
    }, recordKey(code));
    await server.start();
    table = await tableContext.newPage();
    await table.goto(`/?code=${code}&lang=fr`);
    await waitForBoard(table);

    // The table is told, in words, and shows the server's fresco.
    await expect(table.locator('[data-notice="error"]')).toContainText('le serveur a perdu 2 de vos coups', { timeout: 30_000 });
    await expect.poll(() => placed(table)).toBe(1);
    await expect.poll(async () => (await snapshot(table)).session?.connected).toBe(true);
    // The facilitator is told in words, and its dashboard keeps saying how many moves that table lost.
    await expect(facilitator.locator('[data-lost-moves]')).toHaveText('2 coups perdus (incident)', { timeout: 30_000 });
    await expect(facilitator.locator('[data-notice="error"]')).toContainText('2 coups perdus après un incident du serveur');
    for (const [name, page] of [['table', table], ['facilitator', facilitator]] as const) {
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        await page.screenshot({ path: join(tmpdir(), `fresque-incident-${name}-${width}.png`) });
      }
    }

    // Both play on: the table's next move is applied and acknowledged, the dashboard follows.
    await placeOne(table);
    await expect.poll(() => pendingMoves(table, code)).toBe(0);
    await expect.poll(async () => (await snapshot(facilitator)).session!.tables[0]?.placed, { timeout: 15_000 }).toBe(2);

    for (const context of [facilitatorContext, tableContext]) await context.close();
  } finally {
    await server.stop();
  }
});
