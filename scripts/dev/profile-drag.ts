// Development helper: where the main thread's time goes while the benchmark drags a card on the
// full fresco (CPU profile, by function, self and total; against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { dragFrames, openGenerated, panZoomFrames } from '../bench/browser';

const gesture = process.argv[2] === 'pan' ? panZoomFrames : dragFrames;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const { page, context } = await openGenerated(browser, 'http://localhost:4199', 150, 250, 150);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await gesture(page);
const { profile } = (await cdp.send('Profiler.stop')) as any;
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
profile.samples.forEach((id: number, i: number) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at));
    if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt);
    seen.add(k);
  }
});
const show = (map: Map<string, number>, n: number) => [...map].filter(([k]) => !/^\((idle|root|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)}ms ${k}`).join('\n');
console.log('--- self\n' + show(self, 25));
// FOCUS=name: the call paths that end in that function, with their time.
if (process.env.FOCUS) {
  const paths = new Map<string, number>();
  profile.samples.forEach((id: number, i: number) => {
    if (!name(byId.get(id)).startsWith(process.env.FOCUS!)) return;
    const chain: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at).callFrame.functionName || '(anon)');
    const key = chain.slice(0, 22).join(' < ');
    paths.set(key, (paths.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, v] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`${v.toFixed(1)}ms ${k}`);
}
console.log('--- total\n' + show(total, 35));
await browser.close();
