// Development helper: load times of the home screen and a board with the network and the CPU
// throttled apart and together (against a server on :4199, e.g. one started by npm run bench).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
const base = 'http://localhost:4199';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [label, net, cpu] of [['both', true, 4], ['net only', true, 1], ['cpu only', false, 4], ['none', false, 1]] as const) {
  for (const path of ['/?lang=fr', '/?level=qui-elit-qui&lang=fr&fresh=1']) {
    const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (net) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const t0 = Date.now();
    await page.goto(path);
    if (path.includes('level')) await page.waitForFunction(() => { const s = (window as any).fresque?.snapshot(); return s?.screen === 'board' && s.board.zoom !== null && s.cards.some((c: any) => c.location === 'hand'); });
    else await page.waitForSelector('[data-level-list] > li [data-action="open-level"]');
    const ms = Date.now() - t0;
    const timing = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('resource').map((e: any) => [e.name.split('/').pop().slice(0, 24), Math.round(e.startTime), Math.round(e.responseEnd)])));
    console.log(label, path.slice(0, 12), ms, 'ms', label === 'both' ? timing : '');
    await context.close();
  }
}
await browser.close();
