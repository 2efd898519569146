// Development helper: what a warm board load (return visit, service worker, CPU ×4) fetches and
// when, beside the long tasks, in the page's own clock (against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { returnVisitPage } from './returnVisit';

const path = process.argv[2] ?? '/?level=qui-elit-qui&lang=fr&fresh=1';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await returnVisitPage(browser, path);
await page.context().addInitScript(`(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!window.__boardAt && document.querySelector('[data-board-ready]')) window.__boardAt = Math.round(performance.now());
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-board-ready'] });
})()`);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
for (let run = 0; run < 2; run++) {
  await page.goto(path);
  await page.waitForFunction(() => (window as any).__boardAt, undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const info = await page.evaluate(() => ({
    nav: (() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return { responseEnd: Math.round(n.responseEnd), domInteractive: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd) }; })(),
    resources: performance.getEntriesByType('resource').map((e) => `${(e as PerformanceResourceTiming).name.split('/').pop()!.slice(0, 30)} ${Math.round(e.startTime)}→${Math.round((e as PerformanceResourceTiming).responseEnd)}`),
    marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
    long: (window as any).__long,
    boardAt: (window as any).__boardAt,
  }));
  console.log(JSON.stringify(info, null, 1));
}
await browser.close();
