import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content';
import { levelsPlugin } from '../../scripts/vite-plugin-levels';

const ROOT = resolve(import.meta.dirname, '../..');

/** A copy of levels/ with a broken level added beside the shipped ones. */
function levelsWithABrokenOne(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'fresque-levels-')), 'levels');
  cpSync(join(ROOT, 'levels'), dir, { recursive: true });
  const level = JSON.parse(readFileSync(join(dir, 'qui-elit-qui.json'), 'utf8'));
  level.id = 'cassé';
  level.solution.links[0].to = 'president-republiqe';
  writeFileSync(join(dir, 'casse.json'), JSON.stringify(level));
  writeFileSync(join(dir, 'pas-du-json.json'), '{ oops');
  return dir;
}

function runCheck(args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/levels-check.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, out };
  } catch (failure) {
    const error = failure as { status: number; stdout: string; stderr: string };
    return { status: error.status, out: error.stdout + error.stderr };
  }
}

describe('levels:check', () => {
  it('passes on the shipped content', () => {
    const { status, out } = runCheck([]);
    expect(out).toMatch(/0 error\(s\)/);
    expect(status).toBe(0);
  });

  it('prints one line per error with file, JSON path and problem, and exits 1', () => {
    const dir = levelsWithABrokenOne();
    const { status, out } = runCheck([join(dir, 'casse.json'), join(dir, 'pas-du-json.json')]);
    expect(status).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines.some((line) => /casse\.json: id: invalid id "cassé"/.test(line))).toBe(true);
    expect(lines.some((line) => /pas-du-json\.json: this file is not valid JSON/.test(line))).toBe(true);
  });

  it('reports a missing file', () => {
    const { status, out } = runCheck(['levels/nope.json']);
    expect(status).toBe(1);
    expect(out).toContain('levels/nope.json: no such file');
  });
});

describe('every level file in levels/ is picked up without code changes', () => {
  it('is listed with its problems, while the other levels stay valid', () => {
    const dir = levelsWithABrokenOne();
    const content = loadContent(dir);
    const byFile = new Map(content.levels.map((level) => [level.file.split('/').pop(), level]));
    expect(byFile.get('qui-elit-qui.json')?.level).not.toBeNull();
    expect(byFile.get('casse.json')?.level).toBeNull();
    expect(byFile.get('casse.json')?.issues.map((issue) => issue.path)).toContain('id');
    expect(byFile.get('pas-du-json.json')?.id).toBe('pas-du-json');
  });

  it('reaches the game through the virtual module, errors included', async () => {
    const dir = levelsWithABrokenOne();
    const plugin = levelsPlugin(dir);
    const resolveId = plugin.resolveId as (id: string) => string;
    const load = plugin.load as (this: { addWatchFile(path: string): void }, id: string) => string;
    const code = load.call({ addWatchFile() {} }, resolveId('virtual:levels'));
    const catalog = JSON.parse(/export const catalog = (.*);\n/.exec(code)![1]!) as { id: string; issues: unknown[] }[];
    expect(catalog.map((entry) => entry.id)).toEqual(expect.arrayContaining(['qui-elit-qui', 'trois-pouvoirs', 'cassé', 'pas-du-json']));
    expect(catalog.find((entry) => entry.id === 'qui-elit-qui')?.issues).toEqual([]);
    expect(catalog.find((entry) => entry.id === 'cassé')?.issues.length).toBeGreaterThan(0);
    expect(code).toContain('"qui-elit-qui": () => import(');
  });
});
