// Development helper: screenshots of the facilitator console and the projector view.
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { dragCard, drawLink, plannedPositions, snapshot, waitForBoard } from '../../tests/e2e/helpers';
import { firstRelation, levelData, requiredLinks } from '../../tests/e2e/levelData';

const [base = 'http://localhost:4179', out = '/tmp/screens'] = process.argv.slice(2);
const id = process.env.LEVEL ?? 'trois-pouvoirs';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: base });
const page = await context.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`/?mode=facilitator&level=${id}&lang=fr&fresh=1`);
await page.fill('#pin', '2468');
await page.fill('#pin-confirm', '2468');
await page.click('[data-action="set-pin"]');
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/facilitator-setup.png` });
await page.click('[data-action="start-workshop"]');
await waitForBoard(page);
const [projector] = await Promise.all([context.waitForEvent('page'), page.click('[data-action="open-projector"]')]);
await waitForBoard(projector);
await page.click('[data-action="next-phase"]');
await page.click('[data-action="timer-start"]');
const level = levelData(id);
for (let i = 0; i < (level.batches?.length ?? 1); i++) {
  const positions = plannedPositions(await snapshot(projector), level.solution.placements ?? {});
  for (const card of (await snapshot(projector)).cards.filter((c) => c.location === 'hand')) await dragCard(projector, card.id, positions.get(card.id)!);
  if (i < (level.batches?.length ?? 1) - 1) await page.click('[data-action="next-batch"]');
}
for (const link of requiredLinks(level).slice(0, 5)) await drawLink(projector, link.from, link.to, firstRelation(link.relation));
const wrong = level.misconceptions?.[0];
if (wrong) await drawLink(projector, wrong.from, wrong.to, firstRelation(wrong.relation));
await page.click('[data-action="hint"]');
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/facilitator-console.png` });
await projector.screenshot({ path: `${out}/projector-reflection.png` });
await page.click('[data-action="next-phase"]');
await page.click('[data-action="reveal-next"]');
await page.click('[data-action="reveal-next"]');
await page.click('[data-action="show-misconceptions"]');
await page.waitForTimeout(500);
await projector.screenshot({ path: `${out}/projector-correction.png` });
await page.screenshot({ path: `${out}/facilitator-correction.png` });
await browser.close();
console.log('done');
