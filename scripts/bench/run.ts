// `npm run bench`: the performance budget, measured. Builds the game, serves the production
// build, measures in Chromium and in Node, prints a table against the budget and writes
// bench-results/bench.json. Not a test: figures vary with the machine; ratios are what compare.
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { describeChromium } from '../../tests/e2e/browser';
import { browserBench, type Bytes } from './browser';
import { engineBench } from './engine';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.BENCH_PORT) || 4199;
const base = `http://localhost:${port}`;
const cycles = Number(process.env.BENCH_CYCLES) || 500;
const loadRuns = Number(process.env.BENCH_LOAD_RUNS) || 5;
const frameRounds = Number(process.env.BENCH_FRAME_ROUNDS) || 3;

const kb = (bytes: number) => bytes / 1024;
const total = (bytes: Bytes, field: 'raw' | 'gzip') => Object.values(bytes).reduce((sum, kind) => sum + kind[field], 0);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server on ${base}`);
}

async function main(): Promise<void> {
  // The Chromium measured in, chosen as for the end-to-end tests (README, "Test").
  const browserUsed = describeChromium();
  console.log(browserUsed);
  if (!process.env.BENCH_NO_BUILD) execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
  // Served as `npm start` serves it (compressed, with the session server), sessions kept aside.
  const dataDir = mkdtempSync(join(tmpdir(), 'fresque-bench-'));
  const server = spawn(process.execPath, [resolve(root, 'dist-server/main.js')], { cwd: root, stdio: 'ignore', env: { ...process.env, PORT: String(port), DATA_DIR: dataDir } });
  try {
    await waitForServer();
    const engine = engineBench();
    const browser = await browserBench(base, { cycles, loadRuns, frameRounds, ...(process.env.BENCH_ONLY ? { only: process.env.BENCH_ONLY } : {}) });
    const spread = (runs: number[]) => (runs.length > 1 ? ` (median of ${runs.length}: ${Math.min(...runs)}–${Math.max(...runs)})` : '');
    const homeGzip = total(browser.download.home, 'gzip');
    const boardJsGzip = browser.download.home.js.gzip + browser.download.board.js.gzip;
    const dragRatio = browser.frames.full.p95 / Math.max(1, browser.frames.empty.p95);
    const panRatio = browser.frames.fullPan.p95 / Math.max(1, browser.frames.emptyPan.p95);
    const growth = browser.memory.afterCyclesMb - browser.memory.afterWarmupMb;
    const warmupGrowth = browser.memory.afterWarmupMb - browser.memory.afterLoadMb;
    const rows: [string, string, string, boolean][] = [
      ['Download before the home screen is usable (gzip, all)', `${kb(homeGzip).toFixed(1)} KB`, '≤ 150 KB', kb(homeGzip) <= 150],
      ['JavaScript before the first board is interactive (gzip)', `${kb(boardJsGzip).toFixed(1)} KB`, '≤ 300 KB', kb(boardJsGzip) <= 300],
      ['Home screen usable, cold (slow 4G, CPU ×4)', `${browser.load.homeColdMs} ms${spread(browser.load.runs.homeCold)}`, '≤ 1500 ms', browser.load.homeColdMs <= 1500],
      ['Board interactive, cold (slow 4G, CPU ×4)', `${browser.load.boardColdMs} ms${spread(browser.load.runs.boardCold)}`, '≤ 3000 ms', browser.load.boardColdMs <= 3000],
      ['Home screen usable, warm (service worker, CPU ×4)', `${browser.load.homeWarmMs} ms${spread(browser.load.runs.homeWarm)}`, '≤ 1000 ms', browser.load.homeWarmMs <= 1000],
      ['Board interactive, warm (service worker, CPU ×4)', `${browser.load.boardWarmMs} ms${spread(browser.load.runs.boardWarm)}`, '≤ 1000 ms', browser.load.boardWarmMs <= 1000],
      [
        `Drag, 150 cards + 250 arrows vs empty: p95 frame ratio (${frameRounds} rounds pooled)`,
        `${dragRatio.toFixed(2)} (${browser.frames.full.p95.toFixed(1)} / ${browser.frames.empty.p95.toFixed(1)} ms)`,
        '≤ 1.3',
        dragRatio <= 1.3,
      ],
      ['Pan and zoom, same fresco vs empty: p95 frame ratio', `${panRatio.toFixed(2)} (${browser.frames.fullPan.p95.toFixed(1)} / ${browser.frames.emptyPan.p95.toFixed(1)} ms)`, '≤ 1.3', panRatio <= 1.3],
      ['JS heap after loading the largest level', `${browser.memory.afterLoadMb.toFixed(1)} MB`, '—', true],
      [`JS heap over the first ${browser.memory.warmup} drag-and-link cycles (undo history filling up)`, `+${warmupGrowth.toFixed(2)} MB`, '—', true],
      [`JS heap growth over the next ${browser.memory.cycles - browser.memory.warmup} cycles (a leak would keep growing)`, `${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB`, '≤ 1 MB (noise)', growth <= 1],
      ['Validate + check a 500-card, 2,000-link level', `${engine.totalMs.toFixed(1)} ms (${engine.validateMs.toFixed(1)} + ${engine.checkMs.toFixed(1)})`, '≤ 50 ms', engine.totalMs <= 50],
    ];
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`;
    console.log(`\nFresque de la démocratie — performance budget (${new Date().toISOString().slice(0, 10)}, ${machine})\n${browserUsed}\n`);
    console.log('| measure | value | budget | |\n|---|---|---|---|');
    for (const [name, value, budget, ok] of rows) console.log(`| ${name} | ${value} | ${budget} | ${ok ? 'ok' : '**over**'} |`);
    console.log('\nBytes by kind (gzip): home', Object.fromEntries(Object.entries(browser.download.home).map(([k, v]) => [k, `${kb(v.gzip).toFixed(1)} KB`])));
    console.log('Bytes by kind (gzip): board', Object.fromEntries(Object.entries(browser.download.board).map(([k, v]) => [k, `${kb(v.gzip).toFixed(1)} KB`])));
    console.log('Frames (ms):', JSON.stringify(browser.frames));
    mkdirSync(resolve(root, 'bench-results'), { recursive: true });
    writeFileSync(resolve(root, 'bench-results/bench.json'), JSON.stringify({ date: new Date().toISOString(), machine, browserUsed, engine, browser, rows }, null, 2));
    console.log('\nwritten to bench-results/bench.json');
    process.exitCode = rows.every(([, , , ok]) => ok) ? 0 : 1;
  } finally {
    server.kill();
  }
}

await main();
