// The projector's window in a session (?view=projector&code=): the code and QR code while tables
// join, the phase and the timer, and after the reveal the summary across tables. It sees no
// table's fresco and no score before the facilitator reveals the correction.
import type { Room } from '@colyseus/sdk';
import { startProgress } from '../core/progress';
import type { SessionSummary } from '../core/sessionSummary';
import { getState, store, type SessionView } from '../state/store';
import { joinSession } from './api';
import { loadSessionLevel, notifyError, onLocalClock, serverBase, type Master } from './common';
import { keptSession } from './facilitator';
import { SessionLink } from './link';


let link: SessionLink | null = null;

function setView(patch: Partial<SessionView>): void {
  const view = getState().session;
  if (view) store.setState({ session: { ...view, ...patch } });
}

function showMaster(master: Master): void {
  const { game } = getState();
  const progress = startProgress();
  store.setState({
    workshop: onLocalClock(master.workshop, master.now),
    ...(game ? { game: { ...game, progress: { ...progress, history: { ...progress.history, present: { ...progress.history.present, dealt: master.dealt } } } } } : {}),
  });
  setView({ joiningLocked: master.joiningLocked, ...(master.tableCount !== undefined ? { tableCount: master.tableCount } : {}) });
}

function listen(room: Room): void {
  room.onMessage('welcome', (message: Master & { levelId: string; tableCount: number; summary: SessionSummary | null }) => {
    void loadSessionLevel(message.levelId).then((level) => {
      if (!level) return;
      store.setState({ game: { level, source: 'shipped', progress: startProgress() } });
      showMaster(message);
      setView({ connected: true, tableCount: message.tableCount, summary: message.summary });
    });
  });
  room.onMessage('master', (master: Master) => showMaster(master));
  room.onMessage('count', ({ tableCount }: { tableCount: number }) => setView({ tableCount }));
  room.onMessage('summary', (summary: SessionSummary) => setView({ summary }));
  room.onMessage('error', (error: { error: string; detail?: string }) => notifyError(error));
  room.send('hello', {});
}

export function startProjector(code: string): void {
  link?.stop();
  store.setState({
    role: 'projector',
    session: { code, role: 'projector', connected: false, table: null, joiningLocked: false, tables: [], tableCount: 0, summary: null, target: 'all', watching: null, pending: 0 },
  });
  // The projector window the console opens on the facilitator's laptop shows the token: its place
  // is the facilitator's, which projectors and tables joining with the code cannot take.
  const kept = keptSession();
  let token = kept?.code === code ? kept.token : undefined;
  link = new SessionLink(() => joinSession(serverBase(), code, { role: 'projector', ...(token ? { token } : {}) }), {
    opened: listen,
    lost: () => setView({ connected: false }),
    refused: (error) => {
      if (error.error === 'offline' || error.error === 'server' || error.error === 'busy') return true;
      if (error.error === 'bad-token' && token) {
        // A token this device kept from an older session: join with the code alone.
        token = undefined;
        setTimeout(() => link?.retryNow(), 0);
        return false;
      }
      notifyError(error);
      return false;
    },
  });
  link.start();
}

export function stopProjector(): void {
  link?.stop();
  link = null;
}
