// Development helper: where the main thread spends its time until a board is interactive (CPU
// profile, self time by function; against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ baseURL: 'http://localhost:4199', serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto('/?lang=fr');
await page.waitForSelector('[data-level-list] > li [data-action="open-level"]');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.click('[data-level-id="qui-elit-qui"] [data-action="open-level"]');
await page.waitForFunction(() => {
  const s = window.fresque?.snapshot();
  return s?.screen === 'board' && s.board.zoom !== null && s.cards.some((c) => c.location === 'hand');
});
console.log('interactive', Date.now() - t0, 'ms');
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close();
