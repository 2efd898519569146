// Which Chromium the end-to-end tests and the benchmark drive, in this order:
// 1. CHROMIUM_PATH, when set (a missing file there is an error, not a reason to look further);
// 2. a browser installed on the machine: the system's (/usr/bin/chromium and the other usual
//    places), else one that `npx playwright install` downloaded;
// 3. the one `npm install` brought (the @sparticuz/chromium package, see npmChromium.ts).
// FRESQUE_NO_SYSTEM_CHROMIUM=1 passes over step 2, to run as a machine with no browser would.
import { existsSync } from 'node:fs';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright' | 'npm';

export interface FoundChromium {
  path: string;
  source: ChromiumSource;
}

/** Where a system's Chromium or Chrome usually is (Debian and Ubuntu packages, Google's, macOS). */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface Places {
  system: string[];
  /** The browser Playwright downloaded, where it would be (whether it is there or not). */
  playwright: () => string | undefined;
  /** The npm package's browser, unpacked if need be; undefined when the package is not installed. */
  npm: () => string | undefined;
}

export class NoChromium extends Error {}

export function systemHidden(env: NodeJS.ProcessEnv): boolean {
  const value = env.FRESQUE_NO_SYSTEM_CHROMIUM;
  return value !== undefined && value !== '' && value !== '0';
}

export function findChromium(env: NodeJS.ProcessEnv, places: Places): FoundChromium {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new NoChromium(`CHROMIUM_PATH is set to "${fromEnv}", but there is no file there.`);
  }
  if (!systemHidden(env)) {
    const system = places.system.find((path) => existsSync(path));
    if (system) return { path: system, source: 'system' };
    const downloaded = places.playwright();
    if (downloaded && existsSync(downloaded)) return { path: downloaded, source: 'playwright' };
  }
  const npm = places.npm();
  if (npm) return { path: npm, source: 'npm' };
  throw new NoChromium(
    'No Chromium found for the end-to-end tests' + (systemHidden(env) ? ' (FRESQUE_NO_SYSTEM_CHROMIUM is set: the machine\'s browsers are passed over)' : '') + '.\n' +
      '  `npm install` brings one on Linux x64 (the devDependency @sparticuz/chromium): run it again if it was left out (--omit=dev),\n' +
      '  or install one:  sudo apt-get install chromium   (Debian/Ubuntu: /usr/bin/chromium)\n' +
      '  or point to one:  CHROMIUM_PATH=/path/to/chrome npm test',
  );
}
