// Development helper: screenshots of the running game (npx tsx scripts/dev/shot.ts URL OUT [w h]).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';

const [url = 'http://localhost:4179/', out = '/tmp/shot.png', w = '1366', h = '768'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
console.log(JSON.stringify(await page.evaluate(() => (window as any).fresque?.snapshot()), null, 0).slice(0, 1500));
await browser.close();
