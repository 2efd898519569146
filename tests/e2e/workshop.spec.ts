import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dragCard, dragPath, drawLink, plain, plannedPositions, snapshot, waitForBoard } from './helpers';
import { suggestedPlan } from '../../src/core/workshop';
import { levelData, requiredLinks, firstRelation } from './levelData';

const PIN = '2468';

async function workshopOf(page: Page) {
  return (await snapshot(page)).workshop;
}

async function enterPin(page: Page, first: boolean): Promise<void> {
  await page.fill('#pin', PIN);
  if (first) await page.fill('#pin-confirm', PIN);
  await page.click(first ? '[data-action="set-pin"]' : '[data-action="enter-pin"]');
}

test('a whole short workshop: PIN, deal, timer, lock, hint, reveal, notes, debrief, export, reloads', async ({ context, page }) => {
  test.setTimeout(150_000);
  const level = levelData('qui-elit-qui');

  // The facilitator opens the mode with the level chosen, sets a PIN, starts the workshop.
  await page.goto('/?mode=facilitator&level=qui-elit-qui&lang=fr&fresh=1');
  await enterPin(page, true);
  await expect(page.locator('input[data-level-id="qui-elit-qui"]')).toBeChecked();
  await page.click('[data-action="start-workshop"]');
  await waitForBoard(page);
  expect(await workshopOf(page)).toMatchObject({ phase: 'introduction', batch: 1, locked: false, revealed: 0, timer: { running: false } });

  // The projector view opens in a second window and shows the group's fresco.
  const [projector] = await Promise.all([context.waitForEvent('page'), page.click('[data-action="open-projector"]')]);
  await waitForBoard(projector);
  expect((await snapshot(projector)).screen).toBe('projector');
  await expect(projector.locator('[data-facilitator-panel]')).toHaveCount(0);
  await expect(projector.locator('[data-action="next-batch"]')).toHaveCount(0);
  await expect(projector.locator('[data-action="check"]')).toHaveCount(0);

  // Timer: start, run, pause, add time; the group sees the same clock.
  await page.click('[data-action="timer-start"]');
  await expect.poll(async () => (await workshopOf(projector))?.timer.running).toBe(true);
  await page.waitForTimeout(1200);
  await page.click('[data-action="timer-pause"]');
  const paused = (await workshopOf(page))!.timer.remainingMs;
  // The introduction lasts its share of the level's stated duration; a little of it has run.
  const introduction = suggestedPlan({ durationMinutes: level.durationMinutes ?? null }).introduction * 60_000;
  expect(paused).toBeLessThan(introduction);
  expect(paused).toBeGreaterThan(introduction - 30_000);
  await page.click('[data-action="timer-add"]');
  await expect.poll(async () => (await workshopOf(page))?.timer.remainingMs).toBe(paused + 60_000);
  const shown = (ms: number) => String(Math.floor(ms / 60_000)).padStart(2, '0');
  await expect(projector.locator('[data-timer]')).toHaveText(new RegExp(`^(${shown(paused)}|${shown(paused + 60_000)}):\\d\\d$`));

  // Reflection: the group places its first batch on the projector; the facilitator sees it.
  await page.click('[data-action="next-phase"]');
  await expect.poll(async () => (await workshopOf(projector))?.phase).toBe('reflection');
  let positions = plannedPositions(await snapshot(projector), {});
  for (const card of (await snapshot(projector)).cards.filter((c) => c.location === 'hand')) await dragCard(projector, card.id, positions.get(card.id)!);
  await expect.poll(async () => (await snapshot(page)).cards.filter((c) => c.location === 'board').length).toBe(level.batches![0]!.cards.length);

  // Only the facilitator deals.
  await page.click('[data-action="next-batch"]');
  await expect.poll(async () => (await snapshot(projector)).cards.filter((c) => c.location === 'hand').length).toBe(level.batches![1]!.cards.length);
  positions = plannedPositions(await snapshot(projector), {});
  for (const card of (await snapshot(projector)).cards.filter((c) => c.location === 'hand')) await dragCard(projector, card.id, positions.get(card.id)!);

  // Locked, the board refuses the group's moves; unlocked, it accepts them again.
  await page.click('[data-action="lock-board"]');
  await expect.poll(async () => (await workshopOf(projector))?.locked).toBe(true);
  const citoyens = (await snapshot(projector)).cards.find((c) => c.id === 'citoyens')!;
  const board = (await snapshot(projector)).board.rect;
  await dragPath(projector, { x: citoyens.rect.x + 40, y: citoyens.rect.y + 40 }, { x: board.x + board.width - 150, y: board.y + board.height - 100 });
  expect((await snapshot(projector)).cards.find((c) => c.id === 'citoyens')!.rect).toEqual(citoyens.rect);
  await page.click('[data-action="lock-board"]');
  await expect.poll(async () => (await workshopOf(projector))?.locked).toBe(false);

  const wrong = level.misconceptions![0]!;
  await drawLink(projector, wrong.from, wrong.to, firstRelation(wrong.relation));
  const first = requiredLinks(level)[0]!;
  await drawLink(projector, first.from, first.to, firstRelation(first.relation));
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(2);

  // Before the reveal, nothing of the correction is on the projector.
  const explanations = level.solution.links.map((link) => (link as { explanation?: { fr: string } }).explanation?.fr).filter(Boolean) as string[];
  const projectorText = plain((await projector.locator('body').innerText()) ?? '');
  for (const text of explanations) expect(projectorText).not.toContain(text.slice(0, 40));
  expect(projectorText).not.toContain(plain(wrong.explanation.fr).slice(0, 40));

  // A hint points at a missing link without drawing it.
  await page.click('[data-action="hint"]');
  await expect(projector.locator('.caption-hint')).toContainText('il manque une flèche entre');
  expect((await workshopOf(projector))?.hint).toMatchObject({ kind: 'link' });
  expect((await snapshot(projector)).links).toHaveLength(2);

  // Correction: link by link with its explanation and source, then everything.
  await page.click('[data-action="next-phase"]');
  await page.click('[data-action="reveal-next"]');
  await expect.poll(async () => (await workshopOf(projector))?.revealed).toBe(1);
  await expect(projector.locator('.caption-revealed')).toBeVisible();
  await page.click('[data-action="reveal-all"]');
  await expect.poll(async () => (await workshopOf(projector))?.revealed).toBe(level.solution.links.length);
  await expect(projector.locator('.caption-wrong')).toBeVisible();
  expect(plain(await projector.locator('.caption-wrong').innerText())).toContain(plain(wrong.explanation.fr).slice(0, 30));

  // Creative phase: the group names its fresco and adds a note.
  await page.click('[data-action="next-phase"]');
  await page.fill('[data-fresco-name]', 'Notre République');
  await page.fill('[data-note-input]', 'Et le vote blanc ?');
  await page.click('[data-action="add-note"]');
  await expect(projector.locator('.projector-title')).toHaveText('Notre République');
  await expect.poll(async () => (await workshopOf(projector))?.notes.map((n) => n.text)).toEqual(['Et le vote blanc ?']);

  // Debrief: questions one by one, with what the group says and commits to.
  await page.click('[data-action="next-phase"]');
  await expect(page.locator('[data-question]')).toHaveText(/surpris/);
  await page.fill('[data-debrief-answer]', 'Que le maire ne soit pas élu directement.');
  await page.click('[data-action="debrief-next"]');
  await page.fill('[data-debrief-answer]', 'Pour représenter les territoires.');
  await page.fill('[data-commitments]', 'Aller voter aux prochaines municipales.');
  await expect.poll(async () => (await workshopOf(page))?.debriefIndex).toBe(1);

  // Both windows survive a reload: the projector resumes at once, the facilitator after the PIN.
  await projector.reload();
  await waitForBoard(projector);
  expect(await workshopOf(projector)).toMatchObject({ phase: 'debrief', frescoName: 'Notre République' });
  await page.reload();
  await enterPin(page, false);
  await waitForBoard(page);
  expect(await workshopOf(page)).toMatchObject({ phase: 'debrief', debriefIndex: 1 });
  await expect(page.locator('[data-commitments]')).toHaveValue('Aller voter aux prochaines municipales.');

  // Export: the report, its data, and the fresco as an image.
  const [report] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-report"]')]);
  const markdown = readFileSync((await report.path())!, 'utf8');
  expect(report.suggestedFilename()).toMatch(/\.md$/);
  expect(markdown).toContain('Notre République');
  expect(markdown).toContain('Qui élit qui');
  expect(markdown).toContain('Que le maire ne soit pas élu directement.');
  expect(markdown).toContain('Aller voter aux prochaines municipales.');
  expect(markdown).toContain('Et le vote blanc ?');
  const [data] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-data"]')]);
  const json = JSON.parse(readFileSync((await data.path())!, 'utf8'));
  expect(json).toMatchObject({ format: 'fresque-workshop-report', level: { id: 'qui-elit-qui' }, frescoName: 'Notre République', revealed: { count: level.solution.links.length } });
  expect(json.misconceptions).toHaveLength(1);
  expect(json.debrief[1].answer).toBe('Pour représenter les territoires.');
  const [image] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-image"]')]);
  const png = readFileSync((await image.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(800);
});

test('a wrong PIN keeps the panel closed', async ({ page }) => {
  await page.goto('/?mode=facilitator&lang=fr&fresh=1');
  await enterPin(page, true);
  await expect(page.locator('[data-action="start-workshop"]')).toBeVisible();
  await page.reload();
  await page.fill('#pin', '1111');
  await page.click('[data-action="enter-pin"]');
  await expect(page.locator('[data-pin-error]')).toHaveText('Ce code n’est pas le bon.');
  await expect(page.locator('[data-action="start-workshop"]')).toHaveCount(0);
  await enterPin(page, false);
  await expect(page.locator('[data-action="start-workshop"]')).toBeVisible();
});

test('the projector waits for a workshop, then follows it when it starts', async ({ context, page }) => {
  await page.goto('/?view=projector&lang=fr&fresh=1');
  await expect(page.locator('[data-waiting]')).toBeVisible();
  const facilitator = await context.newPage();
  await facilitator.goto('/?mode=facilitator&level=trois-pouvoirs&lang=fr');
  await enterPin(facilitator, true);
  await facilitator.click('[data-action="start-workshop"]');
  await waitForBoard(page);
  const snap = await snapshot(page);
  expect(snap.levelId).toBe('trois-pouvoirs');
  expect(snap.workshop).toMatchObject({ phase: 'introduction', batch: 1 });
  expect(snap.cards.filter((c) => c.location === 'hand').length).toBe(4);
});
