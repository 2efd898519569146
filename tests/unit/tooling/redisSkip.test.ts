// Without a redis-server, the scale-out test is counted as skipped and the run says why in one
// line with the command that installs it; under CI, where .ci/run installs it, the run fails.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function runScaleOutTest(env: Record<string, string>): { status: number | null; out: string } {
  // The child is a run of its own, not a part of this one.
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'CI'));
  const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/unit/server/redis.test.ts', '--reporter=verbose'], {
    cwd: ROOT,
    env: { ...base, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('the scale-out test without redis-server', () => {
  const missing = '/nowhere/redis-server';
  const line = `no ${missing} found, so the scale-out test (two processes behind Redis) is skipped; install it: sudo apt-get install redis-server`;

  it('is skipped, with one line saying so and how to install it', () => {
    const { status, out } = runScaleOutTest({ REDIS_SERVER: missing });
    expect(status).toBe(0);
    expect(out.split('\n').filter((text) => text.startsWith(`Skipped: ${line}`))).toHaveLength(1);
    expect(out).toMatch(/↓ .*two processes behind Redis > serves one event from two processes.*\[no \/nowhere\/redis-server found/);
    expect(out).toMatch(/Tests\s+1 skipped \(1\)/);
  }, 100_000);

  it('fails the run under CI', () => {
    const { status, out } = runScaleOutTest({ REDIS_SERVER: missing, CI: '1' });
    expect(status).not.toBe(0);
    expect(out).toContain(`no ${missing} found: under CI the scale-out test must run (.ci/run installs redis-server)`);
  }, 100_000);
});
