// Development helper: screenshots of the main screens, to look at what we build.
// npx tsx scripts/dev/screens.ts [baseURL] [outDir]
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { check, dealAll, dragCard, drawLink, openLevel, plannedPositions, snapshot } from '../../tests/e2e/helpers';
import { firstRelation, levelData, requiredLinks } from '../../tests/e2e/levelData';

const [base = 'http://localhost:4179', out = '/tmp/screens'] = process.argv.slice(2);
const sizes = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'tablet', width: 1024, height: 768 },
];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const size of sizes) {
  const page: Page = await browser.newPage({ viewport: { width: size.width, height: size.height }, baseURL: base });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('/?lang=fr&fresh=1');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${size.name}-home.png` });
  const id = process.env.LEVEL ?? 'trois-pouvoirs';
  const level = levelData(id);
  await openLevel(page, id, 'fr');
  await dealAll(page);
  const positions = plannedPositions(await snapshot(page), level.solution.placements ?? {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  const links = requiredLinks(level);
  for (const link of links.slice(0, Math.ceil(links.length / 2))) await drawLink(page, link.from, link.to, firstRelation(link.relation));
  const wrong = level.misconceptions?.[0];
  if (wrong) await drawLink(page, wrong.from, wrong.to, firstRelation(wrong.relation));
  await page.mouse.click(5, 400);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${size.name}-midgame.png` });
  await check(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${size.name}-checked.png` });
  await page.close();
}
await browser.close();
console.log('screenshots in', out);
