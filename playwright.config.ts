import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS, describeChromium } from './tests/e2e/browser';

const port = Number(process.env.E2E_PORT) || 4179;
const executablePath = chromiumPath();
// Said once, at the start of the run (each worker process reads this file again).
if (!process.env.TEST_WORKER_INDEX) console.log(describeChromium());

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  // What `npm start` runs: the built game and the session server on one port.
  webServer: {
    command: `npx vite build --logLevel warn && npm run build:server && node dist-server/main.js`,
    env: { PORT: String(port), DATA_DIR: join(tmpdir(), `fresque-e2e-sessions-${port}`) },
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI && existsSync('dist/index.html') && process.env.E2E_REUSE === '1',
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
