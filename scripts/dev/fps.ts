import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { dragCard, openLevel, plannedPositions, snapshot, dealAll, showWholeFresco } from '../../tests/e2e/helpers';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, baseURL: 'http://localhost:4179' });
await openLevel(page, process.env.LEVEL ?? 'trois-pouvoirs', 'fr');
await dealAll(page);
await showWholeFresco(page);
const positions = plannedPositions(await snapshot(page), {});
for (const card of (await snapshot(page)).cards.slice(0, Number(process.env.N ?? 9))) await dragCard(page, card.id, positions.get(card.id)!);
const measure = async () => page.evaluate(`(async () => {
  const times = [];
  let last = performance.now();
  await new Promise((resolve) => {
    const tick = (now) => { times.push(now - last); last = now; if (times.length < 60) requestAnimationFrame(tick); else resolve(); };
    requestAnimationFrame(tick);
  });
  times.sort((a, b) => a - b);
  return { median: times[30], p95: times[57] };
})()`);
await page.click('[data-action="zoom-in"]');
console.log('awake frames', await measure());
await page.waitForTimeout(1500);
console.log('asleep frames', await measure());
await browser.close();
