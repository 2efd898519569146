// Development helper: the main thread's long tasks while the home screen (or a board) loads on the
// throttled profile, cold or warm, with the moment it became usable (against a server on :4199).
// npx tsx scripts/dev/trace-home.ts [path] [warm]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const tracePath = join(tmpdir(), 'fresque-load-trace.json');
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { returnVisitPage } from './returnVisit';
const path = process.argv[2] ?? '/?lang=fr';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
// `warm`: a return visit, served by the service worker.
const warm = process.argv[3] === 'warm';
const page = warm ? await returnVisitPage(browser, path) : await (await browser.newContext({ baseURL: 'http://localhost:4199', serviceWorkers: 'block' })).newPage();
const context = page.context();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'toplevel', 'loading', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
const t0 = Date.now();
await page.goto(path);
if (path.includes('level=')) await page.waitForFunction(() => { const s = window.fresque?.snapshot(); return s?.screen === 'board' && s.board.zoom !== null && s.cards.some((c) => c.location === 'hand'); });
else await page.waitForSelector('[data-level-list] > li [data-action="open-level"]');
const usable = Date.now() - t0;
console.log('page clock', Math.round(await page.evaluate(() => performance.now())), JSON.stringify(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))));
await page.waitForTimeout(300);
await browser.stopTracing();
const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents as any[];
const names = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const main = events.filter((e) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur > 8000).sort((a, b) => a.ts - b.ts);
const origin = main[0]?.ts ?? 0;
console.log('usable', usable, 'ms');
for (const task of main) {
  const inner = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.ph === 'X' && e !== task && e.dur > 3000);
  const what = inner.map((e) => `${e.name}${e.args?.data?.url ? ' ' + String(e.args.data.url).split('/').pop() : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}:${(e.dur / 1000).toFixed(0)}`).slice(0, 6).join(', ');
  console.log(`${((task.ts - origin) / 1000).toFixed(0).padStart(6)} +${(task.dur / 1000).toFixed(0).padStart(4)} ${what}`);
}
const marks = events.filter((e) => ['firstContentfulPaint', 'firstPaint', 'domContentLoadedEventEnd', 'loadEventEnd', 'MarkDOMContent', 'MarkLoad', 'firstMeaningfulPaint'].includes(e.name));
for (const m of marks) console.log('mark', m.name, ((m.ts - origin) / 1000).toFixed(0));
const reqs = events.filter((e) => e.name === 'ResourceSendRequest').map((e) => `${String(e.args.data.url).split('/').pop()?.slice(0, 30)}@${((e.ts - origin) / 1000).toFixed(0)}`);
console.log(reqs.join(' '));
await browser.close();
