// The order in which the end-to-end tests choose their Chromium, on real files standing for the
// browsers a machine may have.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, NoChromium, type Places } from '../../e2e/chromiumChoice';

const dir = mkdtempSync(join(tmpdir(), 'fresque-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, '');
  return path;
};
const fromEnv = file('from-env');
const system = file('system-chromium');
const playwright = file('playwright-chromium');
const npm = file('npm-chromium');
const absent = join(dir, 'absent');

const machine = (over: Partial<Places> = {}): Places => ({ system: [absent, system], playwright: () => playwright, npm: () => npm, ...over });

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even with the machine\'s browsers hidden', () => {
    expect(findChromium({ CHROMIUM_PATH: fromEnv }, machine())).toEqual({ path: fromEnv, source: 'CHROMIUM_PATH' });
    expect(findChromium({ CHROMIUM_PATH: fromEnv, FRESQUE_NO_SYSTEM_CHROMIUM: '1' }, machine())).toEqual({ path: fromEnv, source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH names no file, rather than taking another browser', () => {
    expect(() => findChromium({ CHROMIUM_PATH: absent }, machine())).toThrow(new NoChromium(`CHROMIUM_PATH is set to "${absent}", but there is no file there.`));
  });

  it('then the first system path that exists, then the browser Playwright downloaded, then the npm one', () => {
    expect(findChromium({}, machine())).toEqual({ path: system, source: 'system' });
    expect(findChromium({}, machine({ system: [absent] }))).toEqual({ path: playwright, source: 'playwright' });
    expect(findChromium({}, machine({ system: [absent], playwright: () => absent }))).toEqual({ path: npm, source: 'npm' });
    expect(findChromium({}, machine({ system: [absent], playwright: () => undefined }))).toEqual({ path: npm, source: 'npm' });
  });

  it('passes over the machine\'s browsers with FRESQUE_NO_SYSTEM_CHROMIUM=1, not with 0 or empty', () => {
    expect(findChromium({ FRESQUE_NO_SYSTEM_CHROMIUM: '1' }, machine())).toEqual({ path: npm, source: 'npm' });
    expect(findChromium({ FRESQUE_NO_SYSTEM_CHROMIUM: '0' }, machine())).toEqual({ path: system, source: 'system' });
    expect(findChromium({ FRESQUE_NO_SYSTEM_CHROMIUM: '' }, machine())).toEqual({ path: system, source: 'system' });
  });

  it('without any browser, says how to get one', () => {
    const none = machine({ system: [absent], playwright: () => undefined, npm: () => undefined });
    expect(() => findChromium({}, none)).toThrow(NoChromium);
    expect(() => findChromium({}, none)).toThrow(/npm install.*@sparticuz\/chromium[\s\S]*apt-get install chromium[\s\S]*CHROMIUM_PATH=/);
    expect(() => findChromium({ FRESQUE_NO_SYSTEM_CHROMIUM: '1' }, none)).toThrow(/FRESQUE_NO_SYSTEM_CHROMIUM is set/);
  });
});
