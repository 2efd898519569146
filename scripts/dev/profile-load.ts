// Development helper: a CPU profile of a page load (home or board, cold or warm through the service
// worker), self time by function, CPU ×4 (against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { returnVisitPage } from './returnVisit';
const path = process.argv[2] ?? '/?lang=fr';
const warm = process.argv[3] === 'warm';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = warm ? await returnVisitPage(browser, path) : await (await browser.newContext({ baseURL: 'http://localhost:4199', serviceWorkers: 'block' })).newPage();
const context = page.context();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(path);
if (path.includes('level=')) await page.waitForFunction(() => { const s = window.fresque?.snapshot(); return s?.screen === 'board' && s.board.zoom !== null && s.cards.some((c) => c.location === 'hand'); }, undefined, { polling: 'raf' });
else await page.waitForSelector('[data-level-list] > li [data-action="open-level"]');
const ready = await page.evaluate(() => performance.now());
console.log('ready at', Math.round(ready), 'ms (page clock)');
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const total = new Map<string, number>();
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
profile.samples.forEach((id: number, i: number) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
});
const byFile = new Map<string, number>();
profile.samples.forEach((id: number, i: number) => {
  const n = byId.get(id);
  const file = n.callFrame.url ? n.callFrame.url.split('/').pop() : n.callFrame.functionName;
  byFile.set(file, (byFile.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
console.log('--- self by file');
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(1).padStart(7)}ms ${k}`).join('\n'));
console.log('--- self');
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(7)}ms ${k}`).join('\n'));
console.log('--- total');
console.log([...total].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)}ms ${k}`).join('\n'));
await browser.close();
