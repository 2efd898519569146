// Development helper: the benchmark's warm loads alone, `N` times (default 7), to compare two builds
// (against a server on :4199, or the address given after the count).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { warmOnce } from '../bench/browser';

const runs = Number(process.argv[2] ?? 7);
const base = process.argv[3] ?? 'http://localhost:4199';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const home: number[] = [];
const board: number[] = [];
for (let i = 0; i < runs; i++) {
  const once = await warmOnce(browser, base);
  home.push(once.homeWarmMs);
  board.push(once.boardWarmMs);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`home warm median ${median(home)} (${home.join(' ')}); board warm median ${median(board)} (${board.join(' ')})`);
await browser.close();
