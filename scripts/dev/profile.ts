// Development helper: a CPU profile of dragging a card (or panning) on the generated 150-card fresco.
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { loadLibrary } from '../content';
import { validateLevel } from '../../src/core/validate';
import { fullBoard, generatedLevelFile, saveText } from '../bench/generate';

const mode = process.argv[2] ?? 'drag';
const { library } = loadLibrary(new URL('../../levels', import.meta.url).pathname);
const file = generatedLevelFile('bench-150', 150, 250, 5);
const level = validateLevel(file, library).value!;
const save = saveText(level, fullBoard(level, 250));
const imported = [{ id: level.id, fileName: 'x.json', text: JSON.stringify(file), importedAt: '', title: level.title, description: null, difficulty: 5, durationMinutes: 120, cardCount: 150, batchCount: 5 }];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ baseURL: 'http://localhost:4199', viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
await context.addInitScript(([a, k, t]) => { localStorage.setItem('fresque:imported', a); localStorage.setItem(k, t); }, [JSON.stringify(imported), `fresque:save:${level.id}`, save] as const);
const page = await context.newPage();
await page.goto(`/?level=${level.id}&lang=fr`);
await page.waitForFunction(() => (window.fresque?.snapshot().board.rect.width ?? 0) > 0);
await page.waitForTimeout(1500);
await page.click('[data-action="zoom-fit"]');
const snap: any = await page.evaluate(() => window.fresque.snapshot());
const card = snap.cards.find((c: any) => c.location === 'board' && c.rect.x > 100 && c.rect.y > snap.board.rect.y + 50);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
if (mode === 'drag') {
  await page.mouse.move(card.rect.x + 20, card.rect.y + 30);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(card.rect.x + 20 + i * 4, card.rect.y + 30);
  await page.mouse.up();
} else {
  const b = snap.board.rect;
  await page.mouse.move(b.x + 10, b.y + b.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(b.x + 10 + i * 5, b.y + b.height / 2);
  await page.mouse.up();
}
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const total = profile.samples.length;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, count] of counts) {
  const node: any = byId.get(id);
  const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  self.set(name, (self.get(name) ?? 0) + count);
}
console.log(mode, 'samples', total);
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(Math.round((count / total) * 1000) / 10).padStart(5), name);
await browser.close();
