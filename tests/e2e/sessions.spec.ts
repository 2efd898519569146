// A workshop session across tables, in separate browsers: a facilitator opens it, three tables
// join (one through the home screen's form), the facilitator deals and the dashboard follows
// the tables' moves; one table reloads, one goes offline and comes back, the server crashes and
// restarts mid-session — and no card is lost.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { dragCard, plannedPositions, snapshot, waitForBoard, type Snapshot } from './helpers';
import { OwnServer } from './sessionServer';

const PIN = '2468';
// Not 4190: browsers and fetch refuse that port (ManageSieve, on the Fetch standard's bad ports).
const port = (Number(process.env.E2E_PORT) || 4179) + 13;

type Session = NonNullable<Snapshot['session']>;

async function sessionOf(page: Page): Promise<Session | null> {
  return (await snapshot(page)).session;
}

async function placed(page: Page): Promise<string[]> {
  return (await snapshot(page)).cards.filter((card) => card.location === 'board').map((card) => card.id);
}

/** Places the first card of the hand somewhere free on the fresco. */
async function placeOne(page: Page): Promise<string> {
  const snap = await snapshot(page);
  const card = snap.cards.find((c) => c.location === 'hand');
  if (!card) throw new Error('no card in hand');
  const positions = plannedPositions(snap, {});
  await dragCard(page, card.id, positions.get(card.id)!);
  return card.id;
}

async function newTable(browser: Browser, base: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base });
  return { context, page: await context.newPage() };
}

test('a facilitator and three tables: join, deal, play, reload, offline, server crash — nothing lost', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = new OwnServer(port);
  await server.start();
  try {
    // The facilitator prepares the workshop as on one device, then opens it to several tables.
    const facilitatorContext = await browser.newContext({ baseURL: server.base });
    const facilitator = await facilitatorContext.newPage();
    await facilitator.goto('/?mode=facilitator&level=qui-elit-qui&lang=fr&fresh=1');
    await facilitator.fill('#pin', PIN);
    await facilitator.fill('#pin-confirm', PIN);
    await facilitator.click('[data-action="set-pin"]');
    await facilitator.click('[data-action="start-workshop"]');
    await waitForBoard(facilitator);
    await facilitator.click('[data-action="create-session"]');
    await expect.poll(async () => (await sessionOf(facilitator))?.connected).toBe(true);
    const code = (await sessionOf(facilitator))!.code;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expect(facilitator.locator('[data-session-code-big]')).toHaveText(code);
    // The QR code carries the laptop's address on the network (tablets cannot reach "localhost").
    await expect(facilitator.locator('canvas[data-qr]')).toHaveAttribute('data-qr', new RegExp(`^http://[\\w.-]+:${port}/\\?code=${code}$`));

    // Three tables: two by the address, one by the home screen's field.
    const tables = [await newTable(browser, server.base), await newTable(browser, server.base), await newTable(browser, server.base)];
    await tables[0]!.page.goto(`/?code=${code}&lang=fr`);
    await tables[1]!.page.goto(`/?code=${code.toLowerCase()}&lang=en`);
    await tables[2]!.page.goto('/?lang=fr');
    await tables[2]!.page.fill('[data-join-code]', `${code.slice(0, 3)} ${code.slice(3)}`);
    await tables[2]!.page.click('[data-action="join-session"]');
    for (const { page } of tables) {
      await waitForBoard(page);
      await expect.poll(async () => (await sessionOf(page))?.connected).toBe(true);
      expect((await sessionOf(page))!).toMatchObject({ role: 'table', code, tables: [] });
    }
    await expect.poll(async () => (await sessionOf(facilitator))?.tables.filter((t) => t.connected).length).toBe(3);
    const names = (await sessionOf(facilitator))!.tables.map((t) => t.name);
    expect(new Set(names).size).toBe(3);

    // Only the facilitator deals: every table gets the second batch.
    expect((await snapshot(tables[0]!.page)).batch?.dealt).toBe(1);
    await facilitator.click('[data-action="next-batch"]');
    for (const { page } of tables) await expect.poll(async () => (await snapshot(page)).batch?.dealt).toBe(2);

    // Each table places cards; the dashboard follows.
    for (const [index, { page }] of tables.entries()) for (let i = 0; i <= index; i++) await placeOne(page);
    await tables[0]!.page.screenshot({ path: '/tmp/table.png' });
    await facilitator.screenshot({ path: '/tmp/fac.png' });
    await expect.poll(async () => (await sessionOf(facilitator))!.tables.map((t) => t.placed).sort()).toEqual([1, 2, 3]);

    // A reload puts the table back in its session with its fresco.
    const before = await placed(tables[1]!.page);
    await tables[1]!.page.reload();
    await waitForBoard(tables[1]!.page);
    await expect.poll(async () => (await sessionOf(tables[1]!.page))?.connected).toBe(true);
    expect((await placed(tables[1]!.page)).sort()).toEqual(before.sort());
    await expect.poll(async () => (await sessionOf(facilitator))!.tables.length).toBe(3);

    // A table loses the network, keeps playing, and catches up when it returns.
    const offline = tables[2]!;
    await offline.context.setOffline(true);
    await expect.poll(async () => (await sessionOf(offline.page))?.connected, { timeout: 20_000 }).toBe(false);
    const whileOffline = await placeOne(offline.page);
    await expect(offline.page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'offline');
    await offline.context.setOffline(false);
    await expect.poll(async () => (await sessionOf(offline.page))?.connected, { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await sessionOf(facilitator))!.tables.map((t) => t.placed).sort()).toEqual([1, 2, 4]);

    // The server crashes mid-session; a table plays on; the server comes back and so does everyone.
    await server.kill();
    await expect.poll(async () => (await sessionOf(tables[0]!.page))?.connected, { timeout: 20_000 }).toBe(false);
    const duringCrash = await placeOne(tables[0]!.page);
    await server.start();
    for (const { page } of tables) await expect.poll(async () => (await sessionOf(page))?.connected, { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await sessionOf(facilitator))?.connected, { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await sessionOf(facilitator))!.tables.map((t) => t.placed).sort(), { timeout: 15_000 }).toEqual([2, 2, 4]);
    expect(await placed(tables[0]!.page)).toContain(duringCrash);
    expect(await placed(offline.page)).toContain(whileOffline);

    // The facilitator opens a table's fresco (read-only) and goes back to the dashboard.
    const first = (await sessionOf(facilitator))!.tables[0]!;
    await facilitator.click(`[data-action="open-table"][data-table-id="${first.id}"]`);
    await expect.poll(async () => (await placed(facilitator)).length).toBe(first.placed);
    await facilitator.click('[data-action="show-dashboard"]');

    // Lock the boards and reveal the correction to every table; close joining.
    await facilitator.click('[data-action="lock-board"]');
    for (const { page } of tables) await expect.poll(async () => (await snapshot(page)).workshop?.locked).toBe(true);
    await facilitator.click('[data-action="reveal-all"]');
    for (const { page } of tables) await expect.poll(async () => (await snapshot(page)).workshop?.revealed).toBeGreaterThan(0);
    await expect(facilitator.locator('[data-session-summary]')).toBeVisible();
    await facilitator.click('[data-action="lock-joining"]');
    const late = await newTable(browser, server.base);
    await late.page.goto(`/?code=${code}&lang=fr`);
    await expect.poll(async () => (await snapshot(late.page)).errors.join(' ')).toContain('fermé les arrivées');

    // One report for every table.
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.click('[data-action="export-session-csv"]')]);
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(4);
    for (const name of names) expect(csv).toContain(name);

    for (const context of [facilitatorContext, late.context, ...tables.map((t) => t.context)]) await context.close();
  } finally {
    await server.stop();
  }
});
