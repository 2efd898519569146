// The Chromium the end-to-end tests (and the benchmark, and the scripts in scripts/dev) drive,
// chosen as chromiumChoice.ts says: CHROMIUM_PATH, else the machine's, else the one `npm install`
// brought. Without any, a clear message instead of a stack.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium, SYSTEM_CHROMIUM_PATHS, type FoundChromium } from './chromiumChoice';
import { installedPackage, npmChromium, NPM_CHROMIUM_PACKAGE, platformSupported } from './npmChromium';

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

let found: FoundChromium | undefined;

function npmPath(): string | undefined {
  const pkg = installedPackage();
  return pkg && platformSupported() ? npmChromium(pkg) : undefined;
}

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The chosen browser (looked for once per process). */
export function chosenChromium(): FoundChromium {
  if (found) return found;
  try {
    found = findChromium(process.env, { system: SYSTEM_CHROMIUM_PATHS, playwright: playwrightPath, npm: npmPath });
  } catch (error) {
    // No browser (NoChromium), or the npm one could not be unpacked: said plainly.
    if (error instanceof Error) fail(error.message);
    throw error;
  }
  return found;
}

export function chromiumPath(): string {
  return chosenChromium().path;
}

const SOURCES: Record<FoundChromium['source'], string> = {
  CHROMIUM_PATH: 'from CHROMIUM_PATH',
  system: "the machine's",
  playwright: 'downloaded by `npx playwright install`',
  npm: `from the npm package ${NPM_CHROMIUM_PACKAGE}`,
};

/** One line that says which browser a run uses: its version, where it is and how it was chosen. */
export function describeChromium(): string {
  const { path, source } = chosenChromium();
  let version = 'version unknown';
  try {
    version = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch {
    // Said as unknown: the tests themselves will say whether it starts.
  }
  const npm = source === 'npm' ? ` ${installedPackage()?.version ?? ''}`.trimEnd() : '';
  return `Browser: ${version}, ${SOURCES[source]}${npm} (${path})`;
}

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}
