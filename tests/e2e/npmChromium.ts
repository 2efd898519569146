// The Chromium that `npm install` brings, for a machine with no browser of its own: the
// @sparticuz/chromium package (a devDependency) ships it compressed, with SwiftShader for WebGL,
// the NSS libraries it links to and one font (Open Sans). It is unpacked at first use into the
// temporary folder, once per user and version (about 225 MB), with the DejaVu fonts of the
// dejavu-fonts-ttf package (the ones CI's Debian installs with its Chromium: the game's own
// typefaces lack signs it shows, ✓ ✗ ○ ●), and run through a small script that points it at
// those libraries and fonts, and at no others: it shows the same on every machine.
//
// The package's own unpacking (its executablePath()) is not used: it writes to a fixed /tmp/chromium
// that the first user to run it owns, and another process that sees that file half-written would
// start it. Here each process unpacks into a folder of its own and renames it into place, so a
// folder under the final name is always complete, whoever won.
import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extractTar } from './tarball';

export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';
export const NPM_FONTS_PACKAGE = 'dejavu-fonts-ttf';
/** The DejaVu faces Debian's fonts-dejavu-core has. */
const DEJAVU_FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf'];
/** Changed whenever what is unpacked, or how, changes: a folder made otherwise is not reused. */
const LAYOUT = 1;

/** What the unpacked folder holds once complete: the script to start, the browser, WebGL's library. */
const LAUNCHER = 'chrome';
const COMPLETE = [LAUNCHER, 'chromium', 'libGLESv2.so', 'lib/libnss3.so', 'fonts.conf', `fonts/dejavu/${DEJAVU_FACES[0]}`];
/** A folder left half-made by a process that was killed is removed after this long. */
const STALE_MS = 60 * 60 * 1000;

export interface NpmChromiumPackage {
  /** The package's `bin` folder, with the compressed files. */
  binDir: string;
  version: string;
  /** The fonts package's folder of TrueType files, and its version. */
  fontsDir: string;
  fontsVersion: string;
}

const readVersion = (root: string) => (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The installed packages, or undefined when `npm install` did not bring them (`--omit=dev`). */
export function installedPackage(): NpmChromiumPackage | undefined {
  const require = createRequire(import.meta.url);
  let entry: string;
  let fonts: string;
  try {
    entry = require.resolve(NPM_CHROMIUM_PACKAGE);
    fonts = require.resolve(`${NPM_FONTS_PACKAGE}/package.json`);
  } catch {
    return undefined;
  }
  // Its entry is build/index.js; package.json and bin/ are beside build/.
  const root = dirname(dirname(entry));
  return { binDir: join(root, 'bin'), version: readVersion(root), fontsDir: join(dirname(fonts), 'ttf'), fontsVersion: readVersion(dirname(fonts)) };
}

/** Its browser is a Linux x64 build. */
export function platformSupported(): boolean {
  return process.platform === 'linux' && process.arch === 'x64';
}

function userId(): number {
  return process.getuid?.() ?? 0;
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;
const xmlText = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function launcherScript(folder: string, version: string): string {
  return [
    '#!/bin/sh',
    `# ${NPM_CHROMIUM_PACKAGE} ${version}, with the libraries and the fonts it ships (made by tests/e2e/npmChromium.ts).`,
    `LD_LIBRARY_PATH=${shellQuote(join(folder, 'lib'))}\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}`,
    `FONTCONFIG_FILE=${shellQuote(join(folder, 'fonts.conf'))}`,
    'export LD_LIBRARY_PATH FONTCONFIG_FILE',
    `exec ${shellQuote(join(folder, 'chromium'))} "$@"`,
    '',
  ].join('\n');
}

/** Only the fonts unpacked beside it, the generic families standing for DejaVu's as on Debian. */
function fontsConfig(folder: string): string {
  const alias = (generic: string, family: string) => `  <alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xmlText(join(folder, 'fonts'))}</dir>`,
    `  <cachedir>${xmlText(join(folder, 'fonts-cache'))}</cachedir>`,
    alias('sans-serif', 'DejaVu Sans'),
    alias('serif', 'DejaVu Serif'),
    alias('monospace', 'DejaVu Sans Mono'),
    '</fontconfig>',
    '',
  ].join('\n');
}

function unpackInto(folder: string, finalFolder: string, pkg: NpmChromiumPackage): void {
  const inflate = (file: string) => brotliDecompressSync(readFileSync(join(pkg.binDir, file)));
  writeFileSync(join(folder, 'chromium'), inflate('chromium.br'), { mode: 0o755 });
  // Chromium looks for SwiftShader's libraries beside itself.
  extractTar(inflate('swiftshader.tar.br'), folder);
  extractTar(inflate('fonts.tar.br'), folder);
  // NSS, which the browser links to (the package made them for Amazon Linux; they need only libc).
  extractTar(inflate('al2023.tar.br'), folder);
  // Copied, not pointed to: the folder is shared by every clone of the game this user has.
  mkdirSync(join(folder, 'fonts', 'dejavu'), { recursive: true });
  for (const face of DEJAVU_FACES) copyFileSync(join(pkg.fontsDir, face), join(folder, 'fonts', 'dejavu', face));
  // In place of the package's, which names the folders of Amazon's Lambda.
  writeFileSync(join(folder, 'fonts.conf'), fontsConfig(finalFolder));
  writeFileSync(join(folder, LAUNCHER), launcherScript(finalFolder, pkg.version), { mode: 0o755 });
}

/**
 * A folder of ours: a real folder (not a link), owned by this user, that nobody else can write
 * to. In a temporary folder shared by every user, another one could have made it first.
 */
function checkOwnership(folder: string): void {
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.uid !== userId() || (stat.mode & 0o022) !== 0) {
    throw new Error(
      `${folder} is not a folder of this user's that only this user can change, so the Chromium in it is not started.\n` +
        '  Remove it, or set TMPDIR to a folder of your own.',
    );
  }
}

const complete = (folder: string) => COMPLETE.every((file) => existsSync(join(folder, file)));

function removeStaleAttempts(root: string, prefix: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(root, name);
    try {
      const stat = lstatSync(path);
      if (stat.uid === userId() && Date.now() - stat.mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it, or renamed it into place.
    }
  }
}

/**
 * The path of the script that starts the npm package's Chromium, unpacking it first if this user
 * has not yet (a few seconds). `cacheRoot` defaults to the temporary folder (TMPDIR).
 */
export function npmChromium(pkg: NpmChromiumPackage, cacheRoot: string = tmpdir()): string {
  const key = createHash('sha256').update(`${pkg.version} ${pkg.fontsVersion} ${LAYOUT}`).digest('hex').slice(0, 8);
  const name = `fresque-chromium-${pkg.version}-${key}-${userId()}`;
  const folder = join(cacheRoot, name);
  if (existsSync(folder)) {
    checkOwnership(folder);
    if (complete(folder)) return join(folder, LAUNCHER);
    // Partly removed since (by a cleaner of old temporary files): made again.
    rmSync(folder, { recursive: true, force: true });
  }
  const prefix = `${name}.partial-`;
  removeStaleAttempts(cacheRoot, prefix);
  const attempt = mkdtempSync(join(cacheRoot, prefix));
  try {
    unpackInto(attempt, folder, pkg);
    try {
      renameSync(attempt, folder);
    } catch (error) {
      // Another process put its own in place first: that one is as good.
      if (!existsSync(folder)) throw error;
      rmSync(attempt, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(attempt, { recursive: true, force: true });
    throw new Error(`Could not unpack the Chromium of ${NPM_CHROMIUM_PACKAGE} ${pkg.version} into ${folder}: ${(error as Error).message}`);
  }
  checkOwnership(folder);
  return join(folder, LAUNCHER);
}
