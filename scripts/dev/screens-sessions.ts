// Development helper: screenshots of a workshop session's projector (code and QR code, then the
// summary after the reveal) and of a table gone offline. Needs a running `npm start`; the
// facilitator is played by the SDK from here.
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { createSession, joinSession } from '../../src/session/api';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const [base = 'http://localhost:4173', out = '/tmp/screens'] = process.argv.slice(2);

async function main(): Promise<void> {
  const { code, token } = await createSession(base, { levelId: 'qui-elit-qui', plan: { introduction: 2, reflection: 10, correction: 3, creative: 2, debrief: 3 } });
  const facilitator = await joinSession(base, code, { role: 'facilitator', token });
  facilitator.onMessage('*', () => undefined);
  facilitator.send('hello', {});
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const projector = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await projector.goto(`${base}/?view=projector&code=${code}&lang=fr`);
  const tableContext = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const table = await tableContext.newPage();
  await table.goto(`${base}/?code=${code}&lang=fr`);
  await table.waitForFunction(() => window.fresque?.snapshot().session?.connected === true, null, { timeout: 30_000 });
  await projector.waitForTimeout(1500);
  await projector.screenshot({ path: `${out}/session-projector-join.png` });
  await tableContext.setOffline(true);
  await table.waitForFunction(() => window.fresque?.snapshot().session?.connected === false, null, { timeout: 30_000 });
  await table.screenshot({ path: `${out}/session-table-offline.png` });
  await tableContext.setOffline(false);
  facilitator.send('act', { target: 'all', action: { type: 'timer-start' } });
  facilitator.send('act', { target: 'all', action: { type: 'reveal-all' } });
  await projector.waitForTimeout(2000);
  await projector.screenshot({ path: `${out}/session-projector-summary.png` });
  await browser.close();
  await facilitator.leave(true);
}

void main().then(
  () => process.exit(0),
  (cause: unknown) => {
    console.error(cause);
    process.exit(1);
  },
);
