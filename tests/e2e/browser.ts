// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else the system's /usr/bin/chromium,
// else a browser Playwright installed itself. Without any, a clear message instead of a stack.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  // Root in containers needs no sandbox; the rest keeps Chromium off the (closed) network.
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGL without a GPU, through SwiftShader.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROMIUM_PATH is set to "${fromEnv}", but there is no file there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined;
  fail(
    'No Chromium found for the end-to-end tests.\n' +
      '  Install one:  sudo apt-get install chromium   (Debian/Ubuntu: /usr/bin/chromium)\n' +
      '  or point to one:  CHROMIUM_PATH=/path/to/chrome npm test\n' +
      '  or let Playwright fetch its own:  npx playwright install chromium',
  );
}

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}
