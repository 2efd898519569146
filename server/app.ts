// The session server: Colyseus with the session room, the session requests, and the built game
// as static files, on one port. Without REDIS_URL everything lives in this process (one laptop,
// no database); with it, sessions are spread over every process that shares the Redis. Every
// answer carries the game's CSP and security headers; /api/ and the WebSockets answer only the
// game's own pages (and ALLOWED_ORIGINS): see headers.ts.
import compression from 'compression';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express, { type Application } from 'express';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../src/core/sessionProtocol';
import { OriginPolicy, securityHeaders } from './headers';
import { loadShippedLevels } from './levels';
import { mountSessionRoutes } from './routes';
import { configureSessions, SessionRoom } from './sessionRoom';
import { SessionStore } from './sessionStore';

export interface SessionServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  levelsDir: string;
  /** The built game to serve (dist/), if any. */
  distDir?: string | null;
  redisUrl?: string | null;
  /** How browsers reach this very process, when several serve one event (e.g. "10.0.0.5:4174"). */
  publicAddress?: string;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (and the page's host from X-Forwarded-Host). */
  trustProxy?: boolean;
  /** Origins besides the game's own whose pages may call /api/ (a dev server, a proxy that rewrites Host). */
  allowedOrigins?: string[];
  /** Leave the process's signal handling to the caller (tests). */
  embedded?: boolean;
  /** Sessions untouched for longer are forgotten at start (default 30 days). */
  keepDays?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  store: SessionStore;
  close(): Promise<void>;
}

function serveGame(app: Application, distDir: string): void {
  // Compressed, the game's first download is a third of its size: it matters on a school's wifi.
  app.use(compression());
  app.use(
    express.static(distDir, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res, path) => {
        // Hashed file names never change content: cached for a year. The page and the service
        // worker are always checked, so that a new version is found.
        if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else if (path.endsWith('.html') || /sw\.js$|workbox-[^/\\]*\.js$|manifest\.webmanifest$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  // Every other page address is the game (?code=…, ?mode=facilitator…).
  app.get(/^\/(?!api\/|matchmake\/).*/, (_req, res) => res.sendFile(join(distDir, 'index.html')));
}

export async function startSessionServer(options: SessionServerOptions): Promise<RunningServer> {
  // Colyseus's client and reconnection expect a global WebSocket, which Node has only from 22 on.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  // Sessions are only created and joined through /api/sessions (checked, rate-limited).
  matchMaker.controller.exposedMethods = [];
  // Colyseus answers every request and preflight with CORS headers of its own (any origin, with
  // credentials): only the listed origins get any. Same-origin pages need none.
  const origins = new OriginPolicy(options.allowedOrigins ?? [], options.trustProxy === true);
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {};
  matchMaker.controller.getCorsHeaders = (headers: Headers) => origins.corsHeaders(headers);

  const store = new SessionStore(options.dataDir);
  await store.sweep((options.keepDays ?? 30) * 24 * 3600 * 1000);
  const deps = { store, levels: loadShippedLevels(options.levelsDir) };
  configureSessions(deps);

  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (options.redisUrl) {
    const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
    presence = new RedisPresence(options.redisUrl);
    driver = new RedisDriver(options.redisUrl);
  }

  const server = new Server({
    transport: new WebSocketTransport({
      maxPayload: MAX_MESSAGE_BYTES,
      pingInterval: 3000,
      pingMaxRetries: 2,
      // A WebSocket opened by another site's page is refused before its handshake.
      beforeUpgrade: (_request, context) => (origins.verdict(context.headers) === 'foreign' ? new Response(null, { status: 403 }) : undefined),
    }),
    ...(presence ? { presence } : {}),
    ...(driver ? { driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: !options.embedded,
    express: (app) => {
      app.disable('x-powered-by');
      app.set('trust proxy', options.trustProxy === true);
      app.use(securityHeaders);
      app.use('/api', origins.guard());
      mountSessionRoutes(app, deps);
      if (options.distDir && existsSync(join(options.distDir, 'index.html'))) serveGame(app, options.distDir);
    },
  });
  server.define('session', SessionRoom);
  await server.listen(options.port, options.host);
  const address = server.transport.server?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    store,
    close: () => server.gracefullyShutdown(false),
  };
}
