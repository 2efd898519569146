// The two requests a browser makes before its WebSocket: create a session (the facilitator) and
// join one (everyone, with the code). Both answer with a clear error code; joining counts wrong
// codes per address, and a session kept on disk but not running (after a restart) is resumed here.
import { networkInterfaces } from 'node:os';
import { matchMaker } from '@colyseus/core';
import express, { type Application, type Request, type Response } from 'express';
import { normalizeJoinCode } from '../src/core/joinCode';
import { CreateOptionsSchema, firstProblem, MAX_MESSAGE_BYTES, type SessionError } from '../src/core/sessionProtocol';
import { countAttempt, attemptsSoFar, SESSIONS_PER_MINUTE, WRONG_CODES_PER_MINUTE } from './attempts';
import { hashSecret, newJoinCode, newSecret } from './secrets';
import type { Admission, CreateRoomOptions, SessionDeps } from './sessionRoom';

const STATUS: Record<SessionError, number> = {
  'bad-message': 400,
  'bad-code': 400,
  'wrong-code': 404,
  'unknown-level': 404,
  'not-allowed': 403,
  'unknown-table': 403,
  'bad-token': 403,
  'joining-locked': 403,
  'session-full': 403,
  'too-many-attempts': 429,
  'too-many-pending': 429,
  'too-many-notes': 403,
  'session-damaged': 503,
  server: 500,
};

function fail(res: Response, error: SessionError, detail?: string): void {
  res.status(STATUS[error]).json({ error, ...(detail ? { detail } : {}) });
}

function address(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The running room of a code, resumed from disk when the session is known but not running. */
async function findOrResume(code: string, deps: SessionDeps): Promise<boolean> {
  if ((await matchMaker.query({ roomId: code })).length > 0) return true;
  if (!(await deps.store.exists(code))) return false;
  try {
    await resumeOnce(code);
  } catch (cause) {
    // Another process may have resumed it at the same moment: that one is as good.
    if ((await matchMaker.query({ roomId: code })).length === 0) throw cause;
  }
  return true;
}

const resuming = new Map<string, Promise<void>>();

/**
 * Resumes a session from disk once, however many join requests ask at the same moment (a whole
 * class coming back after a restart): two rooms of one session would both write its folder. The
 * requests of this process share one resume; those of other processes wait for the room, through
 * a counter in the presence (shared with Redis), which expires if its process dies meanwhile.
 */
function resumeOnce(code: string): Promise<void> {
  const known = resuming.get(code);
  if (known) return known;
  const key = `fresque:resuming:${code}`;
  const run = (async () => {
    for (let attempt = 0; attempt < 150; attempt++) {
      if ((await matchMaker.query({ roomId: code })).length > 0) return;
      if ((await matchMaker.presence.incr(key)) === 1) {
        await matchMaker.presence.expire(key, 15);
        try {
          await matchMaker.createRoom('session', { code } satisfies CreateRoomOptions);
        } finally {
          await matchMaker.presence.del(key);
        }
        return;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`session ${code} is being resumed elsewhere`);
  })().finally(() => resuming.delete(code));
  resuming.set(code, run);
  return run;
}

/**
 * Asks the session's room (in this process or another) whether these options let a client in.
 * A room listed for a process that died without a goodbye does not answer: Colyseus's health
 * check then drops that process's rooms, and the session is resumed from disk here.
 */
async function admission(code: string, body: unknown, deps: SessionDeps): Promise<Admission | null> {
  for (let attempt = 0; ; attempt++) {
    if (!(await findOrResume(code, deps))) return null;
    const [room] = await matchMaker.query({ roomId: code });
    try {
      return (await matchMaker.remoteRoomCall(code, 'admit', [body])) as Admission;
    } catch (cause) {
      if (attempt > 0 || !room || (await matchMaker.healthCheckProcessId(room.processId))) throw cause;
    }
  }
}

async function createSessionRequest(req: Request, res: Response, deps: SessionDeps): Promise<void> {
  if ((await countAttempt(matchMaker.presence, 'create', address(req))) > SESSIONS_PER_MINUTE) return fail(res, 'too-many-attempts');
  const parsed = CreateOptionsSchema.safeParse(req.body);
  if (!parsed.success) return fail(res, 'bad-message', firstProblem(parsed.error));
  if (!deps.levels.has(parsed.data.levelId)) return fail(res, 'unknown-level', parsed.data.levelId);
  let code = newJoinCode();
  for (let tries = 0; (await matchMaker.query({ roomId: code })).length > 0 || (await deps.store.exists(code)); tries++) {
    if (tries > 20) return fail(res, 'server', 'no free code');
    code = newJoinCode();
  }
  const token = newSecret();
  await matchMaker.createRoom('session', { code, create: { ...parsed.data, tokenHash: hashSecret(token) } } satisfies CreateRoomOptions);
  res.status(201).json({ code, token });
}

async function joinSessionRequest(req: Request, res: Response, deps: SessionDeps): Promise<void> {
  const from = address(req);
  if ((await attemptsSoFar(matchMaker.presence, 'wrong-code', from)) >= WRONG_CODES_PER_MINUTE) return fail(res, 'too-many-attempts');
  const checked = normalizeJoinCode(String(req.params.code ?? ''));
  if (!checked.ok) return fail(res, 'bad-code', checked.problem);
  const { code } = checked;
  const admitted = await admission(code, req.body, deps).catch((cause: unknown): Admission => {
    // Every copy of the session on disk is damaged (set aside for inspection): said as such, not as a server error to retry.
    if (cause instanceof Error && cause.message === 'session-damaged') return { ok: false, error: 'session-damaged' };
    throw cause;
  });
  if (!admitted) {
    await countAttempt(matchMaker.presence, 'wrong-code', from);
    return fail(res, 'wrong-code');
  }
  if (!admitted.ok) {
    // A wrong secret or token is a guess too.
    if (admitted.error === 'bad-token' || admitted.error === 'unknown-table') await countAttempt(matchMaker.presence, 'wrong-code', from);
    return fail(res, admitted.error, admitted.detail);
  }
  const reservation = await matchMaker.joinById(code, req.body as Record<string, unknown>);
  res.json({ reservation });
}

/** Mounts the session requests; errors become `{ error: 'server' }` without their details (they may quote secrets). */
export function mountSessionRoutes(app: Application, deps: SessionDeps): void {
  const json = express.json({ limit: MAX_MESSAGE_BYTES });
  const guard = (handler: (req: Request, res: Response, deps: SessionDeps) => Promise<void>) => (req: Request, res: Response) => {
    handler(req, res, deps).catch((cause: unknown) => {
      const message = cause instanceof Error ? cause.message : String(cause);
      console.error(`${req.method} ${req.path}: ${message.replace(/"(token|secret)":"[^"]*"/g, '"$1":"…"')}`);
      if (!res.headersSent) fail(res, 'server');
    });
  };
  // The laptop's addresses on the local network: a console opened on "localhost" shows the tables
  // an address they can reach.
  app.get('/api/addresses', (_req, res) => {
    const addresses = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .filter((entry) => entry.family === 'IPv4' && !entry.internal)
      .map((entry) => entry.address);
    res.json({ addresses });
  });
  app.post('/api/sessions', json, guard(createSessionRequest));
  app.post('/api/sessions/:code/join', json, guard(joinSessionRequest));
  // A body too large or not JSON is a bad message, said as such.
  app.use('/api', (error: unknown, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (!error) return next();
    const type = (error as { type?: string }).type;
    fail(res, 'bad-message', type === 'entity.too.large' ? `larger than ${MAX_MESSAGE_BYTES} bytes` : 'not JSON');
  });
}
