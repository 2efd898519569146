// `npm start`: the game and its session server on one port (PORT, default 4173). See the
// README's "Workshop sessions" for DATA_DIR, REDIS_URL, PUBLIC_ADDRESS, TRUST_PROXY and ALLOWED_ORIGINS.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSessionServer } from './app';
import { parseAllowedOrigins } from './headers';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const port = Number(process.env.PORT) || 4173;

const running = await startSessionServer({
  port,
  host: process.env.HOST || undefined,
  dataDir: resolve(process.env.DATA_DIR || resolve(root, 'data')),
  levelsDir: resolve(process.env.LEVELS_DIR || resolve(root, 'levels')),
  distDir: resolve(process.env.DIST_DIR || resolve(root, 'dist')),
  redisUrl: process.env.REDIS_URL || null,
  ...(process.env.PUBLIC_ADDRESS ? { publicAddress: process.env.PUBLIC_ADDRESS } : {}),
  trustProxy: process.env.TRUST_PROXY === '1',
  allowedOrigins: parseAllowedOrigins(process.env.ALLOWED_ORIGINS),
  keepDays: Number(process.env.KEEP_DAYS) || 30,
});
console.log(`Fresque de la démocratie: http://localhost:${running.port}/ (sessions kept in ${running.store.dir}${process.env.REDIS_URL ? ', shared through Redis' : ''})`);
