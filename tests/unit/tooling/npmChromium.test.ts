// The Chromium `npm install` brings: unpacked once per user into a folder of its own, whole or not
// at all when several processes start together, refused when someone else could have changed it;
// and the real one starts, draws WebGL through SwiftShader and has fonts for the game's signs.
import { execFileSync, spawn } from 'node:child_process';
import { brotliCompressSync as brotli, constants } from 'node:zlib';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../e2e/browser';
import { installedPackage, npmChromium, type NpmChromiumPackage } from '../../e2e/npmChromium';

const ROOT = resolve(import.meta.dirname, '../../..');
// Everything made here goes away at the end (the real browser's folder stays: the next run uses it).
const made: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `fresque-npmchromium-${name}-`));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A package laid out as @sparticuz/chromium's, small: its "browser" is a script that says its version. */
function smallPackage(paddingMb = 0): NpmChromiumPackage {
  const root = temp('package');
  const bin = join(root, 'bin');
  const fonts = join(root, 'ttf');
  mkdirSync(bin);
  mkdirSync(fonts);
  const brotliCompressSync = (data: string | Buffer) => brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  const tarBr = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(root, 'tar-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return brotliCompressSync(execFileSync('tar', ['-c', '-f', '-', '-C', dir, '.']));
  };
  // Padded to some megabytes if asked, so that writing it takes a while another process could see.
  const script = `#!/bin/sh\necho "Chromium 1.2.3 fonts=$FONTCONFIG_FILE libs=$LD_LIBRARY_PATH"\nexit 0\n${'#'.repeat(paddingMb * 1024 * 1024)}\n`;
  writeFileSync(join(bin, 'chromium.br'), brotliCompressSync(script));
  writeFileSync(join(bin, 'swiftshader.tar.br'), tarBr({ 'libGLESv2.so': 'gl' }));
  writeFileSync(join(bin, 'fonts.tar.br'), tarBr({ 'fonts.conf': '<fontconfig/>', 'fonts/Open_Sans/OpenSans-Regular.ttf': 'font' }));
  writeFileSync(join(bin, 'al2023.tar.br'), tarBr({ 'lib/libnss3.so': 'nss' }));
  for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf']) writeFileSync(join(fonts, face), face);
  return { binDir: bin, version: '1.2.3', fontsDir: fonts, fontsVersion: '9.9' };
}

/**
 * Unpacks in a process of its own (as another user, `as`), from `startAt` on; resolves to the
 * launcher's path, after that process ran it.
 */
function unpackElsewhere(pkg: NpmChromiumPackage, cacheRoot: string, startAt: number, as: string[] = []): Promise<string> {
  const command = [...as, process.execPath, '--import', 'tsx', join(ROOT, 'tests/unit/tooling/unpackChild.ts'), JSON.stringify(pkg), cacheRoot, String(startAt)];
  return new Promise((done, fail) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, TMPDIR: cacheRoot }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      const [launcher = '', said = ''] = out.split('\n');
      if (code === 0 && said.startsWith('Chromium 1.2.3 ')) done(launcher);
      else fail(new Error(`unpacking, then starting the browser, exited with ${code}: ${out} ${err}`));
    });
  });
}

describe('npmChromium', () => {
  it('unpacks once per user, and the script it gives starts the browser with its libraries and fonts', () => {
    const pkg = smallPackage();
    const cache = temp('cache');
    const launcher = npmChromium(pkg, cache);
    const folder = join(launcher, '..');
    expect(execFileSync(launcher, { encoding: 'utf8' }).trim()).toBe(`Chromium 1.2.3 fonts=${join(folder, 'fonts.conf')} libs=${join(folder, 'lib')}`);
    expect(readdirSync(cache)).toEqual([folder.slice(cache.length + 1)]);
    expect(folder.endsWith(`-${process.getuid!()}`)).toBe(true);
    // The second time, the same folder as it is.
    writeFileSync(join(folder, 'marque'), '');
    expect(npmChromium(pkg, cache)).toBe(launcher);
    expect(existsSync(join(folder, 'marque'))).toBe(true);
    // Another version of the fonts makes another folder.
    expect(npmChromium({ ...pkg, fontsVersion: '10.0' }, cache)).not.toBe(launcher);
  });

  it('makes the folder again when part of it was removed (a cleaner of old temporary files)', () => {
    const pkg = smallPackage();
    const cache = temp('cache');
    const launcher = npmChromium(pkg, cache);
    rmSync(join(launcher, '..', 'chromium'));
    expect(npmChromium(pkg, cache)).toBe(launcher);
    expect(execFileSync(launcher, { encoding: 'utf8' })).toMatch(/^Chromium 1\.2\.3 /);
  });

  it('refuses a folder of that name that others can write to', () => {
    const pkg = smallPackage();
    const cache = temp('cache');
    const folder = join(npmChromium(pkg, cache), '..');
    chmodSync(folder, 0o777);
    expect(() => npmChromium(pkg, cache)).toThrow(`${folder} is not a folder of this user's that only this user can change`);
  });

  it('gives every process that starts together the same whole folder, and leaves no half-made one', async () => {
    const pkg = smallPackage(10);
    const cache = temp('cache');
    // Together, and a few milliseconds apart: some find no folder, some find one being made.
    const startAt = Date.now() + 4000;
    const paths = await Promise.all(Array.from({ length: 4 }, (_, i) => unpackElsewhere(pkg, cache, startAt + i * 10)));
    expect(new Set(paths).size).toBe(1);
    expect(readdirSync(cache).filter((name) => name.startsWith('fresque-chromium-'))).toEqual([join(paths[0]!, '..').slice(cache.length + 1)]);
    expect(execFileSync(paths[0]!, { encoding: 'utf8' })).toMatch(/^Chromium 1\.2\.3 /);
  }, 60_000);

  it('works for a user who is not root, beside a folder root made first', async () => {
    const pkg = smallPackage();
    // Like /tmp: everyone may make folders there, and remove only their own.
    const cache = temp('shared');
    chmodSync(cache, 0o1777);
    chmodSync(join(pkg.binDir, '..'), 0o755);
    const first = await unpackElsewhere(pkg, cache, 0);
    // As root, the second run is as "nobody"; as anyone else, it is already not root.
    const asOther = process.getuid!() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const second = await unpackElsewhere(pkg, cache, 0, asOther);
    expect(second.endsWith(`-${process.getuid!() === 0 ? 65534 : process.getuid!()}/chrome`)).toBe(true);
    if (asOther.length > 0) expect(second).not.toBe(first);
  }, 60_000);
});

describe('the npm package\'s Chromium', () => {
  it('starts, draws WebGL through SwiftShader, and shows ✓ ✗ ○ ● in DejaVu Sans', async () => {
    const pkg = installedPackage();
    expect(pkg, 'npm install brings @sparticuz/chromium and dejavu-fonts-ttf').toBeDefined();
    const launcher = npmChromium(pkg!);
    expect(execFileSync(launcher, ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^Chromium ${pkg!.version.split('.')[0]}\\.`));
    const browser = await chromium.launch({ executablePath: launcher, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<canvas></canvas><p id="signs" style="font-family: sans-serif">✓ ✗ ○ ●</p>');
      const renderer = await page.evaluate(() => {
        const gl = document.querySelector('canvas')!.getContext('webgl2');
        const info = gl?.getExtension('WEBGL_debug_renderer_info');
        return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL 2';
      });
      expect(renderer).toMatch(/SwiftShader/);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#signs' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.map((font) => font.familyName)).toEqual(['DejaVu Sans']);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
