// The unpacker of the npm Chromium's archives, on archives made by the system's tar.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTar } from '../../e2e/tarball';

const made: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `fresque-tar-${name}-`));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tarOf(dir: string, ...extra: string[]): Buffer {
  return execFileSync('tar', ['-c', '-f', '-', ...extra, '-C', dir, '.']);
}

describe('extractTar', () => {
  it('unpacks files, folders, modes and names longer than a tar header holds', () => {
    const source = temp('source');
    const long = 'un-dossier-au-nom-assez-long-pour-depasser-les-cent-caracteres-d-un-en-tete/et-encore-un-niveau-pour-etre-sur';
    mkdirSync(join(source, long), { recursive: true });
    writeFileSync(join(source, long, 'fichier.txt'), 'contenu é');
    writeFileSync(join(source, 'programme'), '#!/bin/sh\necho ok\n');
    chmodSync(join(source, 'programme'), 0o755);
    writeFileSync(join(source, 'lu-seulement'), 'x');
    chmodSync(join(source, 'lu-seulement'), 0o644);
    mkdirSync(join(source, 'vide'));
    for (const format of ['gnu', 'pax']) {
      const into = temp(`into-${format}`);
      extractTar(tarOf(source, `--format=${format}`), into);
      expect(readFileSync(join(into, long, 'fichier.txt'), 'utf8')).toBe('contenu é');
      expect(statSync(join(into, 'programme')).mode & 0o777).toBe(0o755);
      expect(statSync(join(into, 'lu-seulement')).mode & 0o777).toBe(0o644);
      expect(statSync(join(into, 'vide')).isDirectory()).toBe(true);
      expect(execFileSync(join(into, 'programme'), { encoding: 'utf8' })).toBe('ok\n');
    }
  });

  it('refuses an entry that climbs out of the folder, and a cut archive', () => {
    const source = temp('evil');
    mkdirSync(join(source, 'a'));
    writeFileSync(join(source, 'a', 'x'), 'x');
    const archive = execFileSync('tar', ['-c', '-f', '-', '-C', join(source, 'a'), '--transform', 's,^,../../,', '-P', 'x']);
    const into = join(temp('into-evil'), 'deep');
    mkdirSync(into);
    expect(() => extractTar(archive, into)).toThrow(/points outside the folder/);
    expect(existsSync(join(into, '..', '..', 'x'))).toBe(false);

    const big = temp('big');
    writeFileSync(join(big, 'gros'), Buffer.alloc(5000, 1));
    const whole = tarOf(big);
    // Headers of "./" and "./gros", then 5000 bytes of data: cut inside the data, then inside a header.
    expect(() => extractTar(whole.subarray(0, 3000), temp('into-cut'))).toThrow(/"\.\/gros" is cut short \(1976 of 5000 bytes\)/);
    expect(() => extractTar(whole.subarray(0, 700), temp('into-cut'))).toThrow(/ends without its closing blocks/);
  });
});
