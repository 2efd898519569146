// Development helper: which WebGL calls the board makes while panning / dragging the full fresco
// vs the almost empty one (against a server on :4199).
import { chromium } from '@playwright/test';
import { openGenerated } from '../bench/browser';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';

const mode = process.argv[2] ?? 'pan';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const COUNT = `(() => {
  window.__gl = {};
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || typeof d.value !== 'function') continue;
      const f = d.value;
      proto[name] = function (...args) {
        const e = (window.__gl[name] ??= { n: 0, px: 0 });
        e.n++;
        if (name === 'drawArrays') e.px += args[2];
        if (name === 'drawElements') e.px += args[1];
        if (name === 'texImage2D' || name === 'texSubImage2D') e.px += (args[3] * args[4]) || 0;
        if (name === 'clear') e.px += 1;
        return f.apply(this, args);
      };
    }
  }
})()`;
async function run(arrows: number, placed: number) {
  const { page, context } = await openGenerated(browser, 'http://localhost:4199', 150, arrows, placed);
  await page.evaluate(COUNT);
  await page.click('[data-action="zoom-fit"]');
  await page.waitForTimeout(800);
  const snap: any = await page.evaluate(() => window.fresque.snapshot());
  const card = snap.cards.find((c: any) => c.location === 'board' && c.rect.x > snap.board.rect.x && c.rect.y > snap.board.rect.y);
  await page.evaluate(() => { (window as any).__gl = {}; });
  const b = snap.board.rect;
  if (mode === 'drag') {
    await page.mouse.move(card.rect.x + 20, card.rect.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(card.rect.x + 20 + (i % 40) * 4, card.rect.y + 30 + Math.sin(i / 6) * 40);
    await page.mouse.up();
  } else {
    await page.mouse.move(b.x + 10, b.y + b.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(b.x + 10 + (i % 40) * 5, b.y + b.height / 2);
    await page.mouse.up();
  }
  const gl = await page.evaluate(() => (window as any).__gl);
  console.log(`--- ${mode} arrows=${arrows} placed=${placed}`);
  for (const [k, v] of Object.entries(gl as Record<string, { n: number; px: number }>).sort((a, b) => b[1].n - a[1].n).slice(0, 25)) console.log(`${String(v.n).padStart(6)} ${String(v.px).padStart(10)} ${k}`);
  await context.close();
}
await run(250, 150);
await run(0, 1);
await browser.close();
