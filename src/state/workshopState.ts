// The facilitated workshop on this device: started by the facilitator's window, followed by the
// projector window (and back: the group plays on the projector). Every change is written to
// storage (so that either window can be reloaded or opened mid-session) and sent on a
// BroadcastChannel; each window keeps the newest revision.
import { startProgress } from '../core/progress';
import { applyWorkshopAction, startWorkshop, type PhaseId, type WorkshopAction } from '../core/workshop';
import { isNewer, RECORD_VERSION, type WorkshopRecord } from '../core/workshopRevision';
import { playSound } from './effects';
import { sessionRelay } from './sessionRelay';
import { getState, idleUi, notify, store, type CatalogEntry } from './store';
import { keys, readItem, removeItem, setAside, writeItem } from './storage';

const CHANNEL = 'fresque-workshop';
/** This window, to break ties between two changes made at the same revision. */
const origin = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

let channel: BroadcastChannel | null = null;
let current: Pick<WorkshopRecord, 'rev' | 'origin'> | null = null;

function record(): WorkshopRecord | null {
  const { game, workshop } = getState();
  if (!game || !workshop || !current) return null;
  return { version: RECORD_VERSION, rev: current.rev, origin: current.origin, levelId: game.level.id, source: game.source, progress: game.progress, workshop };
}

/** Sends this window's state to the others and keeps it on the device. */
export function publishWorkshop(): void {
  current = { rev: (current?.rev ?? 0) + 1, origin };
  const next = record();
  if (!next) return;
  if (!writeItem(keys.workshop, JSON.stringify(next))) notify('error', 'errors.saveFailed');
  channel?.postMessage({ type: 'state', record: next });
}

async function loadLevel(entry: CatalogEntry) {
  const source = await import('./levelSource');
  if (entry.source === 'shipped') return source.loadShippedLevel(entry.id);
  const { readImported } = await import('./imported');
  return source.loadLevelText(readImported().find((level) => level.id === entry.id)?.text ?? '');
}

/** Shows a workshop record in this window (the level is loaded if it is another one). */
async function adopt(incoming: WorkshopRecord): Promise<boolean> {
  const state = getState();
  let level = state.game?.level.id === incoming.levelId ? state.game.level : null;
  if (!level) {
    const entry = state.catalog.find((candidate) => candidate.id === incoming.levelId);
    if (!entry) {
      notify('error', 'errors.unknownLevel', { id: incoming.levelId });
      return false;
    }
    level = (await loadLevel(entry)).level;
    if (!level) {
      notify('error', 'errors.loadFailed', { id: incoming.levelId, detail: 'invalid level' });
      return false;
    }
  }
  if (current && !isNewer(incoming, current)) return false;
  current = { rev: incoming.rev, origin: incoming.origin };
  const sameLevel = state.game?.level === level;
  store.setState({
    game: { level, source: incoming.source, progress: incoming.progress },
    workshop: incoming.workshop,
    ...(sameLevel ? {} : { ui: idleUi }),
  });
  return true;
}

/** The schema that checks a record read from storage or another window (with zod, on demand). */
function loadRecordSchema(): Promise<typeof import('../core/workshopRecord')> {
  return import('../core/workshopRecord');
}

/** The workshop kept on this device, if any (for a window opened or reloaded mid-session). */
export async function resumeWorkshop(): Promise<boolean> {
  const text = readItem(keys.workshop);
  if (text === null) return false;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const { parseRecord } = await loadRecordSchema();
  const checked = parseRecord(raw);
  if (!checked.ok) {
    setAside(keys.workshop, 'workshop', new Date());
    notify('error', 'workshop.recordSetAside', { detail: checked.problem });
    return false;
  }
  current = null;
  return adopt(checked.record);
}

/** Follows the other windows of this device. */
export function listenToWorkshop(): void {
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CHANNEL);
  // Messages are handled one after the other, in the order they came, once the schema is here.
  let queue: Promise<unknown> = Promise.resolve();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data as { type?: unknown; record?: unknown } | null;
    queue = queue
      .then(loadRecordSchema)
      .then(({ parseRecord }) => {
        if (message?.type === 'ended') {
          current = null;
          store.setState({ workshop: null, game: null });
          return;
        }
        if (message?.type !== 'state') return;
        const checked = parseRecord(message.record);
        if (checked.ok && isNewer(checked.record, current)) return adopt(checked.record);
        return undefined;
      })
      .catch(() => undefined);
  };
}

export async function beginWorkshop(entry: CatalogEntry, plan: Record<PhaseId, number>): Promise<boolean> {
  const level = (await loadLevel(entry)).level;
  if (!level) {
    notify('error', 'errors.loadFailed', { id: entry.id, detail: 'invalid level' });
    return false;
  }
  store.setState({ game: { level, source: entry.source, progress: startProgress() }, workshop: startWorkshop(level, plan, Date.now()), ui: idleUi });
  publishWorkshop();
  return true;
}

/** A facilitator's action on the workshop (timer, phases, lock, hints, reveal, notes…). */
export function workshopAct(action: WorkshopAction): void {
  if (sessionRelay()?.act?.(action)) return;
  const { game, workshop } = getState();
  if (!game || !workshop) return;
  const next = applyWorkshopAction(game.level, workshop, game.progress.history.present, action, Date.now());
  if (next === workshop) return;
  store.setState({ workshop: next });
  if (action.type === 'reveal-next' || action.type === 'reveal-batch' || action.type === 'reveal-all') playSound('link');
  publishWorkshop();
}

/** Forgets the workshop on this device (after its report has been exported). */
export function closeWorkshop(): void {
  removeItem(keys.workshop);
  current = null;
  channel?.postMessage({ type: 'ended' });
  store.setState({ workshop: null, game: null, ui: idleUi });
}
