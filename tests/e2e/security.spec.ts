// The game under its Content Security Policy, in a real Chromium: every page of a workshop (home,
// board, print, facilitator console, projector, a table of a session, exports, the service
// worker) runs without one violation. And what people type or open cannot take the page over:
// a level file too large is refused before it is read, a workshop report shows HTML as text, a
// table removed by the facilitator is told so in words.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { dragCard, drawLink, plannedPositions, snapshot, waitForBoard } from './helpers';

const PIN = '2468';

/** Records every CSP violation of every page of the context (popups and reloads included). */
async function watchCsp(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  const messages: string[] = [];
  const listen = (page: Page) => page.on('console', (message) => /Content Security Policy|Refused to (load|execute|apply|connect|create|frame)/i.test(message.text()) && messages.push(`${page.url()}: ${message.text()}`));
  context.pages().forEach(listen);
  context.on('page', listen);
  return async () => {
    const reported: string[] = [];
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      reported.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])).map((entry) => `${page.url()}: ${entry}`));
    }
    return [...messages, ...reported];
  };
}

async function startWorkshop(page: Page): Promise<void> {
  await page.goto('/?mode=facilitator&level=qui-elit-qui&lang=fr&fresh=1');
  await page.fill('#pin', PIN);
  await page.fill('#pin-confirm', PIN);
  await page.click('[data-action="set-pin"]');
  await page.click('[data-action="start-workshop"]');
  await waitForBoard(page);
}

test('home, board, print and the service worker run under the CSP without one violation', async ({ context, page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(context);
  const answer = await page.goto('/?lang=fr&fresh=1');
  const csp = answer!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');
  await expect(page.locator('li[data-level-id="qui-elit-qui"]')).toBeVisible();

  await page.click('[data-level-id="qui-elit-qui"] [data-action="open-level"]');
  await waitForBoard(page);
  const positions = plannedPositions(await snapshot(page), {});
  for (const card of (await snapshot(page)).cards.filter((c) => c.location === 'hand')) await dragCard(page, card.id, positions.get(card.id)!);
  await drawLink(page, 'citoyens', 'president-republique', 'elit');
  await page.click('[data-action="check"]');
  await expect.poll(async () => (await snapshot(page)).score).not.toBeNull();

  // The PDF is made in the page (fonts, QR codes as images) and downloaded as a blob.
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-action="print-cards"]')]);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // The service worker registers when the page is idle, and takes the page.
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active !== null))).toBe(true);
  await page.reload();
  await waitForBoard(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await violations()).toEqual([]);
});

test('a session under the CSP: console, projector, a table, exports; the facilitator removes the table and its device is told', async ({ browser }) => {
  test.setTimeout(150_000);
  const facilitatorContext = await browser.newContext();
  const facilitatorViolations = await watchCsp(facilitatorContext);
  const facilitator = await facilitatorContext.newPage();
  await startWorkshop(facilitator);
  await facilitator.click('[data-action="create-session"]');
  await expect.poll(async () => (await snapshot(facilitator)).session?.connected).toBe(true);
  const code = (await snapshot(facilitator)).session!.code;

  // The projector the console opens on the laptop shows the token: its place is the facilitator's.
  const [projector] = await Promise.all([facilitatorContext.waitForEvent('page'), facilitator.click('[data-action="open-projector"]')]);
  await expect.poll(async () => (await snapshot(projector)).session?.connected, { timeout: 20_000 }).toBe(true);

  const tableContext = await browser.newContext();
  const tableViolations = await watchCsp(tableContext);
  const table = await tableContext.newPage();
  await table.goto(`/?code=${code}&lang=fr`);
  await waitForBoard(table);
  await expect.poll(async () => (await snapshot(table)).session?.connected).toBe(true);
  const snap = await snapshot(table);
  const card = snap.cards.find((c) => c.location === 'hand')!;
  await dragCard(table, card.id, plannedPositions(snap, {}).get(card.id)!);
  await expect.poll(async () => (await snapshot(facilitator)).session?.tables.map((t) => t.placed)).toEqual([1]);

  // The exports: the session's report, its data, the fresco as an image.
  for (const action of ['export-session-report', 'export-session-data', 'export-image']) {
    const [file] = await Promise.all([facilitator.waitForEvent('download'), facilitator.click(`[data-action="${action}"]`)]);
    expect(readFileSync((await file.path())!).length).toBeGreaterThan(100);
  }

  // The dashboard's button asks first; cancelled, nothing happens.
  const { id, name } = (await snapshot(facilitator)).session!.tables[0]!;
  const remove = facilitator.locator(`[data-action="remove-table"][data-table-id="${id}"]`);
  await expect(remove).toHaveAccessibleName(`Retirer : ${name}`);
  await facilitator.setViewportSize({ width: 1024, height: 768 });
  await facilitator.screenshot({ path: '/tmp/security-dashboard-1024.png' });
  await facilitator.setViewportSize({ width: 1366, height: 768 });
  await facilitator.screenshot({ path: '/tmp/security-dashboard-1366.png' });
  let asked = '';
  facilitator.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await remove.click();
  await expect.poll(() => asked).toContain(name);
  await facilitator.waitForTimeout(500);
  expect((await snapshot(facilitator)).session!.tables).toHaveLength(1);
  expect((await snapshot(table)).session?.connected).toBe(true);

  facilitator.once('dialog', (dialog) => void dialog.accept());
  await remove.click();
  await expect.poll(async () => (await snapshot(facilitator)).session!.tables).toEqual([]);
  await expect(facilitator.locator(`[data-table-id="${id}"]`)).toHaveCount(0);
  await expect.poll(async () => (await snapshot(table)).errors.join(' ')).toContain('L’animateur a retiré cette table de la séance');
  expect((await snapshot(table)).session?.connected).toBe(false);
  await expect(table.locator('[data-connection]')).toHaveText('Retirée de la séance');
  await expect(table.locator('[data-action="retry"]')).toBeHidden();
  // Not even the network coming back brings it back.
  await tableContext.setOffline(true);
  await tableContext.setOffline(false);
  await table.waitForTimeout(1500);
  expect((await snapshot(table)).session?.connected).toBe(false);
  expect((await snapshot(facilitator)).session!.tables).toEqual([]);
  await table.screenshot({ path: '/tmp/security-removed-1366.png' });
  await table.setViewportSize({ width: 1024, height: 768 });
  await table.screenshot({ path: '/tmp/security-removed-1024.png' });

  expect([...(await facilitatorViolations()), ...(await tableViolations())]).toEqual([]);
  await Promise.all([facilitatorContext.close(), tableContext.close()]);
});

test('a level file too large is refused before it is read', async ({ page }) => {
  // Every way a page reads a file, counted.
  await page.addInitScript(() => {
    const reads = { count: 0 };
    (window as unknown as { __reads: typeof reads }).__reads = reads;
    for (const method of ['text', 'arrayBuffer', 'stream', 'bytes'] as const) {
      const original = (Blob.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
      if (!original) continue;
      (Blob.prototype as unknown as Record<string, unknown>)[method] = function (this: Blob, ...args: unknown[]) {
        reads.count++;
        return original.apply(this, args);
      };
    }
    for (const method of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString'] as const) {
      const original = FileReader.prototype[method] as (...args: unknown[]) => void;
      (FileReader.prototype as unknown as Record<string, unknown>)[method] = function (this: FileReader, ...args: unknown[]) {
        reads.count++;
        return original.apply(this, args);
      };
    }
  });
  const reads = () => page.evaluate(() => (window as unknown as { __reads: { count: number } }).__reads.count);
  await page.goto('/?lang=fr&fresh=1');
  await expect(page.locator('li[data-level-id="qui-elit-qui"]')).toBeVisible();
  const choose = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.click('[data-action="import-level"]');
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  };
  const huge = Buffer.alloc(30 * 1024 * 1024, ' ');
  await choose('enorme.json', huge);
  await expect(page.locator('[data-notice="error"]')).toContainText('« enorme.json » est trop gros (30720 Ko, maximum 1024 Ko)');
  expect(await reads()).toBe(0);
  // A file of a reasonable size is read (the count above is not blind).
  await choose('petit.json', Buffer.from('{"formatVersion": 1}'));
  await expect.poll(reads).toBeGreaterThan(0);
});

test('the workshop report shows what people typed as text, never as HTML or links', async ({ page }) => {
  test.setTimeout(120_000);
  await startWorkshop(page);
  for (let phase = 0; phase < 3; phase++) await page.click('[data-action="next-phase"]');
  await expect.poll(async () => (await snapshot(page)).workshop?.phase).toBe('creative');
  await page.fill('[data-fresco-name]', '<img src=x onerror=alert(1)>Notre fresque');
  await page.fill('[data-note-input]', '[un lien](https://example.org) <script>alert(1)</script>');
  await page.click('[data-action="add-note"]');
  await page.click('[data-action="next-phase"]');
  await page.fill('[data-debrief-answer]', '# Titre\n<iframe src="https://example.org"></iframe>\n- **gras**');
  await page.fill('[data-commitments]', '<a href="https://example.org">voter</a> | |');
  await expect.poll(async () => (await snapshot(page)).workshop?.frescoName).toContain('Notre fresque');
  await page.waitForTimeout(300);
  const [report] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-report"]')]);
  const markdown = readFileSync((await report.path())!, 'utf8');
  expect(markdown).toContain('Notre fresque');
  expect(markdown).toContain('un lien');
  expect(markdown).not.toMatch(/(?<!\\)</);
  expect(markdown).not.toMatch(/(?<!\\)\[un lien/);
  expect(markdown).not.toMatch(/^# Titre/m);
  expect(markdown).not.toMatch(/(?<!\\)\*\*gras/);
});
