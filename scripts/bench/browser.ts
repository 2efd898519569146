// Browser benchmarks, in the Chromium the end-to-end tests use, against the production build:
// bytes downloaded, load times on a throttled profile (cold and warm), frame times on a large
// fresco beside an empty one, and memory over many moves.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { loadLibrary } from '../content';
import { validateLevel } from '../../src/core/validate';
import { fullBoard, generatedLevelFile, saveText } from './generate';

export type Kind = 'js' | 'css' | 'fonts' | 'images' | 'sounds' | 'html' | 'other';
export type Bytes = Record<Kind, { raw: number; gzip: number }>;

export interface BrowserFigures {
  download: { home: Bytes; board: Bytes };
  /** Medians of `runs` loads each, and every run's figure. */
  load: { homeColdMs: number; boardColdMs: number; homeWarmMs: number; boardWarmMs: number; runs: Record<'homeCold' | 'boardCold' | 'homeWarm' | 'boardWarm', number[]> };
  frames: {
    empty: FrameStats;
    full: FrameStats;
    emptyPan: FrameStats;
    fullPan: FrameStats;
  };
  memory: { afterLoadMb: number; afterWarmupMb: number; warmup: number; afterCyclesMb: number; cycles: number };
}

export interface FrameStats {
  median: number;
  p95: number;
  max: number;
  frames: number;
  histogram?: Record<string, number>;
}

/** The DevTools "slow 4G" profile as Lighthouse defines it, and a CPU four times slower. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const LEVEL_FOR_LOAD = 'qui-elit-qui';

function kindOf(url: string): Kind {
  const path = new URL(url).pathname;
  if (/\.(m?js)$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  if (/\.(png|svg|jpe?g|webp|ico)$/.test(path)) return 'images';
  if (/\.(webm|mp3|ogg|wav)$/.test(path)) return 'sounds';
  if (path === '/' || /\.html$/.test(path)) return 'html';
  return 'other';
}

function emptyBytes(): Bytes {
  return { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, fonts: { raw: 0, gzip: 0 }, images: { raw: 0, gzip: 0 }, sounds: { raw: 0, gzip: 0 }, html: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 } };
}

async function homeUsable(page: Page): Promise<void> {
  await page.waitForSelector('[data-level-list] > li [data-action="open-level"]');
}

async function boardInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const snap = window.fresque?.snapshot();
    return snap?.screen === 'board' && snap.board.rect.width > 0 && snap.board.zoom !== null && snap.cards.some((card) => card.location === 'hand');
  });
}

/**
 * Bytes fetched for what was asked before the home screen was usable, then between the click on a
 * level and the first board being interactive (what is asked later, like the sounds after the
 * first click, is not counted).
 */
async function measureDownload(browser: Browser, base: string): Promise<BrowserFigures['download']> {
  const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
  const page = await context.newPage();
  const buckets = { home: emptyBytes(), board: emptyBytes() };
  let phase: keyof typeof buckets | null = 'home';
  const bucketOf = new Map<Request, keyof typeof buckets>();
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    if (phase) bucketOf.set(request, phase);
  });
  page.on('response', (response) => {
    // Pictures the page makes itself (blob: and data: addresses) are not downloaded.
    const bucket = bucketOf.get(response.request());
    if (!bucket || !/^https?:/.test(response.url())) return;
    const target = buckets[bucket];
    pending.push(
      response
        .body()
        .then((body) => {
          const kind = kindOf(response.url());
          target[kind].raw += body.length;
          target[kind].gzip += gzipSync(body, { level: 9 }).length;
        })
        .catch(() => undefined),
    );
  });
  await page.goto('/?lang=fr');
  await homeUsable(page);
  phase = null;
  await page.waitForLoadState('networkidle');
  phase = 'board';
  await page.click(`[data-level-id="${LEVEL_FOR_LOAD}"] [data-action="open-level"]`);
  await boardInteractive(page);
  phase = null;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending.splice(0));
  await context.close();
  return buckets;
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/**
 * What "usable" and "interactive" mean, checked in the page itself: the home screen's level list
 * can be clicked; the board (an address with a level) is drawn with its view set and the hand dealt.
 */
const READY_CHECK = `(() => {
  if (!location.search.includes('level=')) return document.querySelector('[data-level-list] > li [data-action="open-level"]') !== null;
  if (!window.fresque || !document.querySelector('[data-board-ready]') || !document.querySelector('[data-hand] [data-card-id]')) return false;
  const snap = window.fresque.snapshot();
  return snap.screen === 'board' && snap.board.rect.width > 0 && snap.board.zoom !== null && snap.cards.some((card) => card.location === 'hand');
})()`;

/**
 * Watches, from the first moment of every page of the context, for the page to be ready, and
 * notes when the frame that shows it has been made (performance.now(): milliseconds since the
 * navigation began). Playwright's own waiting polls every half second after its first tries,
 * which would add up to 500 ms to a figure; the page sees the moment itself.
 */
async function watchReady(context: BrowserContext): Promise<void> {
  await context.addInitScript(`(() => {
    window.__readyAt = null;
    let seen = false;
    const check = () => {
      if (seen) return;
      let ok = false;
      try { ok = ${READY_CHECK}; } catch { ok = false; }
      // Nearly there (the board says it is ready): looked at again at the next frame.
      if (!ok && document.querySelector('[data-board-ready]')) requestAnimationFrame(check);
      if (!ok) return;
      seen = true;
      // After the next frame: what was made ready has then been laid out and drawn.
      requestAnimationFrame(() => setTimeout(() => { window.__readyAt = performance.now(); }, 0));
    };
    // Looked for at every change of the page (the check reads the whole game only once the board
    // says it is ready, not to slow down the very load it measures).
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributeFilter: ['data-board-ready'] });
  })()`);
}

/** Loads `path` and returns the page's own count of milliseconds until it was ready. */
async function loadTime(page: Page, path: string): Promise<number> {
  await page.goto(path);
  const handle = await page.waitForFunction(() => (window as unknown as { __readyAt: number | null }).__readyAt, undefined, { timeout: 60_000 });
  return Math.round((await handle.jsonValue()) as number);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Each load `runs` times, the four kinds taking turns; the median is what the budget holds to (one
 * load on a shared machine moves by a few hundred milliseconds with the neighbours' work).
 */
async function measureLoad(browser: Browser, base: string, runs: number): Promise<BrowserFigures['load']> {
  const all = { homeCold: [] as number[], boardCold: [] as number[], homeWarm: [] as number[], boardWarm: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const once = await loadOnce(browser, base);
    all.homeCold.push(once.homeColdMs);
    all.boardCold.push(once.boardColdMs);
    all.homeWarm.push(once.homeWarmMs);
    all.boardWarm.push(once.boardWarmMs);
  }
  return { homeColdMs: median(all.homeCold), boardColdMs: median(all.boardCold), homeWarmMs: median(all.homeWarm), boardWarmMs: median(all.boardWarm), runs: all };
}

async function loadOnce(browser: Browser, base: string): Promise<Omit<BrowserFigures['load'], 'runs'>> {
  // Cold: a new browser profile each time, nothing cached, no service worker.
  const cold = async (path: string) => {
    const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
    await watchReady(context);
    const page = await context.newPage();
    await throttle(context, page);
    const ms = await loadTime(page, path);
    await context.close();
    return ms;
  };
  const homeColdMs = await cold('/?lang=fr');
  const boardColdMs = await cold(`/?level=${LEVEL_FOR_LOAD}&lang=fr&fresh=1`);

  const { homeWarmMs, boardWarmMs } = await warmOnce(browser, base);
  return { homeColdMs, boardColdMs, homeWarmMs, boardWarmMs };
}

/** Warm: a second visit, served by the service worker and the cache. */
export async function warmOnce(browser: Browser, base: string): Promise<{ homeWarmMs: number; boardWarmMs: number }> {
  const context = await browser.newContext({ baseURL: base });
  await watchReady(context);
  const page = await context.newPage();
  await page.goto('/?lang=fr');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'), undefined, { timeout: 30_000 });
  for (let i = 0; i < 60; i++) {
    const entries = await page.evaluate(async () => {
      let total = 0;
      for (const name of await caches.keys()) total += (await (await caches.open(name)).keys()).length;
      return total;
    });
    if (entries > 20) break;
    await page.waitForTimeout(250);
  }
  // A return visit: the files come from the service worker, and the browser has kept the code it
  // compiled at an earlier visit (Chrome keeps it from the second time a script runs: two visits
  // of each page first).
  for (let visit = 0; visit < 2; visit++) {
    await loadTime(page, '/?lang=fr');
    await loadTime(page, `/?level=${LEVEL_FOR_LOAD}&lang=fr&fresh=1`);
  }
  await throttle(context, page);
  const homeWarmMs = await loadTime(page, '/?lang=fr');
  const boardWarmMs = await loadTime(page, `/?level=${LEVEL_FOR_LOAD}&lang=fr&fresh=1`);
  await context.close();
  return { homeWarmMs, boardWarmMs };
}

function stats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  // How many frames lasted one display refresh (60 Hz), two, three...: the shape behind the figures.
  const histogram: Record<string, number> = {};
  for (const delta of sorted) {
    const refreshes = String(Math.max(1, Math.round(delta / (1000 / 60))));
    histogram[refreshes] = (histogram[refreshes] ?? 0) + 1;
  }
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, frames: sorted.length, histogram };
}

const START_FRAMES = `(() => {
  window.__frames = [];
  let last = performance.now();
  window.__recording = true;
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames.slice(2); })()`;

/** Opens a generated level (as an imported level) with a saved fresco of `cards` cards and `arrows` arrows. */
export async function openGenerated(browser: Browser, base: string, cards: number, arrows: number, placed: number, initScript?: string): Promise<{ page: Page; context: BrowserContext }> {
  const { library } = loadLibrary(new URL('../../levels', import.meta.url).pathname);
  // With fewer cards placed, take them from the middle of the grid, where the view opens.
  const middle = Math.max(0, Math.floor((cards - placed) / 2));
  const keptIds = Array.from({ length: placed }, (_, i) => `carte-${middle + i + 1}`);
  // The placed cards are the only ones dealt, and one more card waits in a small batch to deal:
  // the full and the almost empty fresco then show the same screen, an empty hand keeping one row
  // for the next batch (with the other cards in hand, the tray would take a third of the board's
  // height, and fewer pixels drawn would flatter the empty fresco).
  const file = generatedLevelFile(`bench-${cards}`, cards, Math.max(arrows, 10), 5, { firstBatch: keptIds, extraCards: 1, batchSize: 5 });
  const level = validateLevel(file, library).value;
  if (!level) throw new Error('generated level is invalid');
  const board = fullBoard(level, arrows);
  const kept = Object.fromEntries(Object.entries(board.placed).filter(([id]) => keptIds.includes(id)));
  const save = saveText(level, { ...board, dealt: 1, placed: kept, links: board.links.filter((link) => Object.hasOwn(kept, link.from) && Object.hasOwn(kept, link.to)) });
  const imported = [{ id: level.id, fileName: `${level.id}.json`, text: JSON.stringify(file), importedAt: new Date().toISOString(), title: level.title, description: null, difficulty: 5, durationMinutes: 120, cardCount: level.cards.length, batchCount: level.batches.length }];
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  await context.addInitScript(
    ([entries, key, text]) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem('fresque:imported', entries);
        localStorage.setItem(key, text);
        sessionStorage.setItem('bench-seeded', '1');
      }
    },
    [JSON.stringify(imported), `fresque:save:${level.id}`, save] as const,
  );
  // Development helpers watch the page from its first moment.
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`/?level=${level.id}&lang=fr`);
  await page.waitForFunction(() => (window.fresque?.snapshot().board.rect.width ?? 0) > 0);
  await page.waitForTimeout(1500);
  return { page, context };
}

export async function dragFrames(page: Page): Promise<number[]> {
  // The same view in both runs: the whole fresco.
  await page.click('[data-action="zoom-fit"]');
  await page.waitForTimeout(300);
  const snap = await page.evaluate(() => window.fresque.snapshot());
  const card = snap.cards.find((c) => c.location === 'board' && c.rect.x > snap.board.rect.x && c.rect.y > snap.board.rect.y && c.rect.x + c.rect.width < snap.board.rect.x + snap.board.rect.width);
  if (!card) throw new Error(`no card on screen to drag: ${snap.screen} ${snap.errors.join(' ')} board ${JSON.stringify(snap.board)} cards ${snap.cards.filter((c) => c.location === 'board').length}`);
  const from = { x: card.rect.x + card.rect.width * 0.4, y: card.rect.y + card.rect.height * 0.6 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  // A drag of a few seconds: the 95th percentile then speaks of the whole gesture, not of its
  // first frame alone.
  for (let i = 1; i <= 160; i++) await page.mouse.move(from.x + (i % 80) * 3, from.y + Math.sin(i / 6) * 40);
  const deltas = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.mouse.up();
  return deltas;
}

export async function panZoomFrames(page: Page): Promise<number[]> {
  const board = (await page.evaluate(() => window.fresque.snapshot())).board.rect;
  const center = { x: board.x + board.width / 2, y: board.y + board.height / 2 };
  await page.evaluate(START_FRAMES);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
  // Pan: the background between the cards (the left margin of the fresco).
  await page.mouse.move(board.x + 12, center.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) await page.mouse.move(board.x + 12 + (i % 60) * 6, center.y + Math.sin(i / 5) * 30);
  await page.mouse.up();
  return (await page.evaluate(STOP_FRAMES)) as number[];
}

export async function frameExperiment(base: string, cards: number, arrows: number, placed: number): Promise<{ drag: FrameStats; pan: FrameStats }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const { page } = await openGenerated(browser, base, cards, arrows, placed);
    return { drag: stats(await dragFrames(page)), pan: stats(await panZoomFrames(page)) };
  } finally {
    await browser.close();
  }
}

/**
 * The full and the almost empty fresco take turns, `rounds` times, and each one's frames are
 * pooled: on a shared machine whose load changes from minute to minute, one run of each would
 * compare two moments as much as two frescos.
 */
async function measureFrames(browser: Browser, base: string, rounds: number): Promise<BrowserFigures['frames']> {
  const pooled = { full: [] as number[], fullPan: [] as number[], empty: [] as number[], emptyPan: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const full = await openGenerated(browser, base, 150, 250, 150);
    pooled.full.push(...(await dragFrames(full.page)));
    pooled.fullPan.push(...(await panZoomFrames(full.page)));
    await full.context.close();
    const empty = await openGenerated(browser, base, 150, 0, 1);
    pooled.empty.push(...(await dragFrames(empty.page)));
    pooled.emptyPan.push(...(await panZoomFrames(empty.page)));
    await empty.context.close();
  }
  return { empty: stats(pooled.empty), full: stats(pooled.full), emptyPan: stats(pooled.emptyPan), fullPan: stats(pooled.fullPan) };
}

async function heapMb(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / (1024 * 1024);
}

async function measureMemory(browser: Browser, base: string, cycles: number): Promise<BrowserFigures['memory']> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/?level=grande-fresque&lang=fr&fresh=1');
  await boardInteractive(page);
  // Two cards on the fresco to move and link again and again.
  const snapshot = () => page.evaluate(() => window.fresque.snapshot());
  const board = (await snapshot()).board.rect;
  const spots = [
    { x: board.x + board.width * 0.3, y: board.y + board.height * 0.4 },
    { x: board.x + board.width * 0.65, y: board.y + board.height * 0.45 },
  ];
  const hand = (await snapshot()).cards.filter((c) => c.location === 'hand').slice(0, 2);
  for (const [i, { id }] of hand.entries()) {
    // The hand reflows after each card leaves it: read where the next one is now.
    const card = (await snapshot()).cards.find((c) => c.id === id)!;
    await page.mouse.move(card.rect.x + 40, card.rect.y + 40);
    await page.mouse.down();
    await page.mouse.move(spots[i]!.x, spots[i]!.y, { steps: 3 });
    await page.mouse.up();
  }
  await page.waitForTimeout(500);
  const afterLoadMb = await heapMb(page, context);
  const [a, b] = hand.map((card) => card.id);
  let failures = 0;
  // The first cycles fill what is meant to fill (the undo history, 100 steps; caches of label
  // pictures; compiled code): the heap is read again once they are done, and growth is counted
  // from there. A leak keeps growing after it.
  const warmup = Math.min(150, Math.floor(cycles / 3));
  let afterWarmupMb = afterLoadMb;
  for (let i = 0; i < cycles; i++) {
    if (i === warmup) afterWarmupMb = await heapMb(page, context);
    const snap = await snapshot();
    const from = snap.cards.find((c) => c.id === a)!;
    // Drag the first card a little, back and forth.
    const start = { x: from.rect.x + from.rect.width * 0.4, y: from.rect.y + from.rect.height * 0.6 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + (i % 2 === 0 ? 30 : -30), start.y + (i % 2 === 0 ? 10 : -10), { steps: 2 });
    await page.mouse.up();
    // Draw an arrow, choose a verb, delete it.
    const after = await snapshot();
    const moved = after.cards.find((c) => c.id === a)!;
    const target = after.cards.find((c) => c.id === b)!;
    if (!moved.handle || target.location !== 'board') {
      if (process.env.BENCH_DEBUG) {
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        console.log('cycle', i, JSON.stringify({ moved, target, links: after.links }));
      }
      throw new Error(`cycle ${i}: a card left the fresco`);
    }
    await page.mouse.move(moved.handle!.x, moved.handle!.y);
    await page.mouse.down();
    await page.mouse.move(moved.handle!.x + 10, moved.handle!.y + 10);
    await page.mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2, { steps: 2 });
    await page.mouse.up();
    const choice = page.locator('[data-picker] [data-relation]:not([disabled])').first();
    if (!(await choice.isVisible())) {
      if (failures === 0 && process.env.BENCH_DEBUG) {
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        console.log(JSON.stringify({ moved, target }));
      }
      failures++;
      continue;
    }
    await choice.click();
    const link = (await snapshot()).links[0];
    if (link?.label) {
      await page.mouse.click(link.label.x, link.label.y);
      await page.keyboard.press('Delete');
    }
  }
  await page.waitForTimeout(500);
  const afterCyclesMb = await heapMb(page, context);
  await context.close();
  if (failures > cycles / 10) throw new Error(`${failures} of ${cycles} cycles could not draw their arrow`);
  return { afterLoadMb, afterWarmupMb, warmup, afterCyclesMb, cycles };
}

export async function browserBench(base: string, options: { cycles: number; frameRounds: number; loadRuns: number; only?: string }): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const wanted = (part: string) => !options.only || options.only.split(',').includes(part);
  const none: FrameStats = { median: 0, p95: 0, max: 0, frames: 0 };
  try {
    const download = wanted('download') ? await measureDownload(browser, base) : { home: emptyBytes(), board: emptyBytes() };
    const load = wanted('load') ? await measureLoad(browser, base, options.loadRuns) : { homeColdMs: 0, boardColdMs: 0, homeWarmMs: 0, boardWarmMs: 0, runs: { homeCold: [], boardCold: [], homeWarm: [], boardWarm: [] } };
    const frames = wanted('frames') ? await measureFrames(browser, base, options.frameRounds) : { empty: none, full: none, emptyPan: none, fullPan: none };
    const memory = wanted('memory') ? await measureMemory(browser, base, options.cycles) : { afterLoadMb: 0, afterWarmupMb: 0, warmup: 0, afterCyclesMb: 0, cycles: 0 };
    return { download, load, frames, memory };
  } finally {
    await browser.close();
  }
}
