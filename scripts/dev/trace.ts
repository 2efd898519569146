// Development helper: which threads are busy while dragging / panning the full fresco vs the empty one
// (Chrome trace, top-level event time per thread; against a server on :4199).
import { chromium } from '@playwright/test';
import { openGenerated } from '../bench/browser';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';

const mode = process.argv[2] ?? 'drag';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

async function run(arrows: number, placed: number) {
  const { page, context } = await openGenerated(browser, 'http://localhost:4199', 150, arrows, placed);
  await page.click('[data-action="zoom-fit"]');
  await page.waitForTimeout(500);
  const snap: any = await page.evaluate(() => window.fresque.snapshot());
  const card = snap.cards.find((c: any) => c.location === 'board' && c.rect.x > snap.board.rect.x && c.rect.y > snap.board.rect.y);
  const path = join(tmpdir(), `fresque-trace-${mode}-${arrows}.json`);
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'gpu', 'viz', 'cc', 'toplevel', 'disabled-by-default-devtools.timeline.frame'] });
  const t0 = Date.now();
  if (mode === 'drag') {
    await page.mouse.move(card.rect.x + 20, card.rect.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 80; i++) await page.mouse.move(card.rect.x + 20 + (i % 40) * 4, card.rect.y + 30 + Math.sin(i / 6) * 40);
    await page.mouse.up();
  } else if (mode === 'wheel') {
    const b = snap.board.rect;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
  } else {
    const b = snap.board.rect;
    await page.mouse.move(b.x + 10, b.y + b.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 80; i++) await page.mouse.move(b.x + 10 + (i % 40) * 5, b.y + b.height / 2);
    await page.mouse.up();
  }
  const elapsed = Date.now() - t0;
  await browser.stopTracing();
  await context.close();
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const events = trace.traceEvents as any[];
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const busy = new Map<string, number>();
  const top = new Map<string, number>();
  // Top-level complete events only (depth by nesting per thread).
  const byThread = new Map<string, any[]>();
  for (const e of events) if (e.ph === 'X' && e.dur) { const k = `${e.pid}:${e.tid}`; (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e); }
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    let end = 0;
    for (const e of list) {
      if (e.ts >= end) { busy.set(k, (busy.get(k) ?? 0) + e.dur); end = e.ts + e.dur; const n = `${names.get(k)} ${e.name}`; top.set(n, (top.get(n) ?? 0) + e.dur); }
    }
  }
  console.log(`--- ${mode} arrows=${arrows} placed=${placed} elapsed ${elapsed} ms board ${JSON.stringify(snap.board.rect)} zoom ${snap.board.zoom}`);
  for (const [k, v] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${(v / 1000).toFixed(0).padStart(6)} ms ${names.get(k) ?? k}`);
  for (const [k, v] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`   ${(v / 1000).toFixed(0).padStart(6)} ms ${k}`);
}
await run(250, 150);
await run(0, 1);
await browser.close();
