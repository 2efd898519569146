// The browser's link to its session (src/session/link.ts), against a real server: after a
// graceful restart (an update, SIGTERM) it comes back by itself, although Colyseus closes every
// client then with the code the server also uses for "replaced"; a table opened elsewhere is
// still told it was replaced, and stops.
import type { Room } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession, joinSession } from '../../../src/session/api';
import { SessionLink } from '../../../src/session/link';
import { PLAN, startServer, tempDataDir, until } from './harness';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const dataDir = tempDataDir();
let server: Awaited<ReturnType<typeof startServer>> | null = null;
const links: SessionLink[] = [];

afterAll(async () => {
  for (const link of links) link.stop();
  await server?.close();
});

function tableLink(code: string, identity: () => { id: string; secret: string } | null) {
  const events = { opened: 0, lost: [] as { reason: string; final: boolean }[], welcome: null as { table: { id: string; secret?: string } } | null };
  const link = new SessionLink(
    () => {
      if (!server) return Promise.reject(new Error('server down'));
      const table = identity();
      return joinSession(server.base, code, { role: 'table', lang: 'fr', ...(table ? { table } : {}) });
    },
    {
      opened: (room: Room) => {
        events.opened += 1;
        room.onMessage('welcome', (message: { table: { id: string; secret?: string } }) => (events.welcome = message));
        room.onMessage('*', () => undefined);
        room.send('hello', {});
      },
      lost: (reason, final) => events.lost.push({ reason, final }),
      refused: () => true,
    },
  );
  links.push(link);
  link.start();
  return events;
}

describe('a session link', () => {
  it('comes back by itself after a graceful restart, and stops when its table is opened elsewhere', async () => {
    server = await startServer(dataDir);
    const { code } = await createSession(server.base, { levelId: 'qui-elit-qui', plan: PLAN });
    let identity: { id: string; secret: string } | null = null;
    const first = tableLink(code, () => identity);
    expect(await until(() => first.welcome !== null)).toBe(true);
    identity = { id: first.welcome!.table.id, secret: first.welcome!.table.secret! };

    // A graceful restart: every client is closed with SERVER_SHUTDOWN (4001).
    const running = server;
    server = null;
    await running.close();
    server = await startServer(dataDir);
    expect(await until(() => first.opened === 2, 15_000)).toBe(true);
    expect(first.lost[0]).toMatchObject({ final: false });

    // The same table opened on another device: the first one is replaced, and stays closed.
    const second = tableLink(code, () => identity);
    expect(await until(() => second.opened === 1 && first.lost.length === 2)).toBe(true);
    expect(first.lost[1]).toEqual({ reason: 'replaced', final: true });
    await new Promise((done) => setTimeout(done, 1500));
    expect(first.opened).toBe(2);
  }, 40_000);
});
