// The two requests a browser makes before its WebSocket: create a session (the facilitator) and
// join one (everyone, with the code). Both answer with a clear error code; joining counts wrong
// codes per address (attempts.ts), and a session kept on disk but not running (after a restart)
// is resumed here. Past the wrong-code limit, an address is told nothing about codes it does not
// know — except that the facilitator's token and a table's secret still open their session.
import { networkInterfaces } from 'node:os';
import { matchMaker } from '@colyseus/core';
import express, { type Application, type Request, type Response } from 'express';
import { normalizeJoinCode } from '../src/core/joinCode';
import { CreateOptionsSchema, firstProblem, JoinOptionsSchema, MAX_MESSAGE_BYTES, type SessionError } from '../src/core/sessionProtocol';
import { countAttempt, knowsCode, rememberCode, SESSIONS_PER_MINUTE, takeAttempt, WRONG_CODES_PER_MINUTE } from './attempts';
import { hashSecret, newJoinCode, newSecret } from './secrets';
import type { Admission, CreateRoomOptions, ReservedOptions, SessionDeps } from './sessionRoom';

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
  'too-many-tables': 429,
  'too-many-messages': 429,
  busy: 503,
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

/** Sessions being resumed by this process: requests arriving together wait for the same room. */
const resuming = new Map<string, Promise<boolean>>();

/** The running room of a code, resumed from disk when the session is known but not running. */
async function findOrResume(code: string, deps: SessionDeps): Promise<boolean> {
  if ((await matchMaker.query({ roomId: code })).length > 0) return true;
  let resumed = resuming.get(code);
  if (!resumed) {
    resumed = resume(code, deps).finally(() => resuming.delete(code));
    resuming.set(code, resumed);
  }
  return resumed;
}

async function resume(code: string, deps: SessionDeps): Promise<boolean> {
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

/**
 * Resumes a session from disk once, however many join requests ask at the same moment (a whole
 * class coming back after a restart): two rooms of one session would both write its folder. The
 * requests of this process share one resume (findOrResume); those of other processes wait for the
 * room, through a counter in the presence (shared with Redis), which expires if its process dies
 * meanwhile.
 */
async function resumeOnce(code: string): Promise<void> {
  const key = `fresque:resuming:${code}`;
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
}

/**
 * Asks the session's room (in this process or another) whether these options let a client in;
 * the room then holds a place for it (places.ts). A room listed for a process that died without
 * a goodbye does not answer: Colyseus's health check then drops that process's rooms, and the
 * session is resumed from disk here.
 */
async function admission(code: string, body: unknown, from: string, deps: SessionDeps): Promise<Admission | null> {
  for (let attempt = 0; ; attempt++) {
    if (!(await findOrResume(code, deps))) return null;
    const [room] = await matchMaker.query({ roomId: code });
    try {
      return (await matchMaker.remoteRoomCall(code, 'admit', [body, from])) as Admission;
    } catch (cause) {
      if (attempt > 0 || !room || (await matchMaker.healthCheckProcessId(room.processId))) throw cause;
    }
  }
}

async function createSessionRequest(req: Request, res: Response, deps: SessionDeps): Promise<void> {
  const from = address(req);
  if (!(await takeAttempt(matchMaker.presence, 'create', from, SESSIONS_PER_MINUTE)).allowed) return fail(res, 'too-many-attempts');
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
  await rememberCode(matchMaker.presence, from, code);
  res.status(201).json({ code, token });
}

/**
 * Past the limit, a request that shows a token or a secret is still worked through, and
 * answered only at this time after it arrived, whatever the outcome: an answer that came sooner
 * for a code that does not exist would tell a guesser which ones do.
 */
const PROOF_ANSWER_MS = 2000;
/** Such requests of one address on their way at once; more are refused at once (which tells nothing). */
const PROOFS_AT_ONCE = 20;
const proofsOnTheirWay = new Map<string, number>();

/** Whether the join options carry what only a right client has: the facilitator's token, a table's secret. */
function showsProof(body: unknown): boolean {
  const parsed = JoinOptionsSchema.safeParse(body);
  if (!parsed.success) return false;
  const options = parsed.data;
  return options.role === 'table' ? options.table !== undefined : options.token !== undefined;
}

type JoinAnswer = { status: number; body: unknown; wrong: boolean; proved: boolean; admitted: boolean };

async function answerJoin(code: string, body: unknown, from: string, deps: SessionDeps): Promise<JoinAnswer> {
  const refusal = (error: SessionError, detail?: string, wrong = false): JoinAnswer => ({ status: STATUS[error], body: { error, ...(detail ? { detail } : {}) }, wrong, proved: false, admitted: false });
  const admitted = await admission(code, body, from, deps).catch((cause: unknown): Admission => {
    // Every copy of the session on disk is damaged (set aside for inspection): said as such, not as a server error to retry.
    if (cause instanceof Error && cause.message === 'session-damaged') return { ok: false, error: 'session-damaged' };
    throw cause;
  });
  if (!admitted) return refusal('wrong-code', undefined, true);
  // A wrong secret or token is a guess too.
  if (!admitted.ok) return refusal(admitted.error, admitted.detail, admitted.error === 'bad-token' || admitted.error === 'unknown-table');
  const reservation = await matchMaker.joinById(code, { hold: admitted.hold, lang: admitted.lang } satisfies ReservedOptions);
  return { status: 200, body: { reservation }, wrong: false, proved: admitted.proved, admitted: true };
}

async function joinSessionRequest(req: Request, res: Response, deps: SessionDeps): Promise<void> {
  const from = address(req);
  const checked = normalizeJoinCode(String(req.params.code ?? ''));
  if (!checked.ok) return fail(res, 'bad-code', checked.problem);
  const { code } = checked;
  const presence = matchMaker.presence;
  const attempt = await takeAttempt(presence, 'wrong-code', from, WRONG_CODES_PER_MINUTE);
  if (attempt.allowed) {
    const answer = await answerJoin(code, req.body, from, deps).catch(async (cause: unknown) => {
      await attempt.refund();
      throw cause;
    });
    if (!answer.wrong) await attempt.refund();
    if (answer.admitted) await rememberCode(presence, from, code);
    res.status(answer.status).json(answer.body);
    return;
  }
  // Past the limit. A code this address already joined tells it nothing new: it stays open.
  if (await knowsCode(presence, from, code)) {
    const answer = await answerJoin(code, req.body, from, deps);
    if (answer.wrong) await countAttempt(presence, 'wrong-code', from);
    if (answer.admitted) await rememberCode(presence, from, code);
    res.status(answer.status).json(answer.body);
    return;
  }
  const onTheirWay = proofsOnTheirWay.get(from) ?? 0;
  if (!showsProof(req.body) || onTheirWay >= PROOFS_AT_ONCE) return fail(res, 'too-many-attempts');
  proofsOnTheirWay.set(from, onTheirWay + 1);
  const arrived = Date.now();
  try {
    const answer = await answerJoin(code, req.body, from, deps).catch(() => null);
    if (answer?.wrong) await countAttempt(presence, 'wrong-code', from);
    await new Promise((done) => setTimeout(done, Math.max(0, arrived + PROOF_ANSWER_MS - Date.now())));
    if (!answer?.admitted || !answer.proved) return fail(res, 'too-many-attempts');
    await rememberCode(presence, from, code);
    res.status(answer.status).json(answer.body);
  } finally {
    const left = (proofsOnTheirWay.get(from) ?? 1) - 1;
    if (left > 0) proofsOnTheirWay.set(from, left);
    else proofsOnTheirWay.delete(from);
  }
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
