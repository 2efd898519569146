// Development helper: frame times of the benchmark's gestures on the full and the almost empty
// fresco, one round, with the long frames in the order they came (against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { dragFrames, openGenerated, panZoomFrames } from '../bench/browser';

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [arrows, placed] of [[250, 150], [0, 1]] as const) {
  const { page, context } = await openGenerated(browser, 'http://localhost:4199', 150, arrows, placed);
  for (const [name, gesture] of [['drag', dragFrames], ['pan', panZoomFrames]] as const) {
    const deltas = await gesture(page);
    const sorted = [...deltas].sort((a, b) => a - b);
    const long = deltas.map((d, i) => [i, Math.round(d)]).filter(([, d]) => d! > 90);
    console.log(`${placed} cards ${name}: ${deltas.length} frames, median ${Math.round(sorted[sorted.length >> 1]!)}, p95 ${Math.round(sorted[Math.floor(sorted.length * 0.95)]!)}; long: ${long.map(([i, d]) => `#${i}:${d}`).join(' ')}`);
  }
  await context.close();
}
await browser.close();
