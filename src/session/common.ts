// What the three kinds of session windows share: where the server is, the session strings,
// the shipped level of a session, the server's clock, and an error said in words.
import type { Level } from '../core/level';
import type { Workshop } from '../core/workshop';
import { addStrings, t } from '../i18n';
import { sessionEn, sessionFr } from '../i18n/session';
import { getState, notify } from '../state/store';
import type { SessionRequestError } from './api';

addStrings({ fr: sessionFr, en: sessionEn });

/** The session server: the page's own origin (npm start serves both), or VITE_SESSION_URL (dev). */
/** What the server sends every window of a session when the facilitator acts. */
export interface Master {
  workshop: Workshop;
  dealt: number;
  joiningLocked: boolean;
  tableCount?: number;
  now: number;
}

export function serverBase(): string {
  const configured = import.meta.env.VITE_SESSION_URL as string | undefined;
  if (configured) return configured.replace(/\/$/, '');
  return window.location.origin;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
let networkOrigin: string | null = null;

/**
 * A console opened on "localhost" is of no use to the tablets: ask the server for the laptop's
 * address on the local network, which the code's address and QR code then carry.
 */
export async function learnNetworkAddress(): Promise<void> {
  if (!LOOPBACK.test(window.location.hostname)) return;
  try {
    const answer = (await (await fetch(`${serverBase()}/api/addresses`)).json()) as { addresses?: unknown };
    const first = Array.isArray(answer.addresses) ? answer.addresses.find((address): address is string => typeof address === 'string' && /^[\d.]+$/.test(address)) : undefined;
    if (first) networkOrigin = `${window.location.protocol}//${first}${window.location.port ? `:${window.location.port}` : ''}`;
  } catch {
    // Offline or an older server: the page's own address is shown.
  }
}

/** The address tables open: the game with the code. */
export function joinUrl(code: string): string {
  const url = new URL((networkOrigin ?? window.location.origin) + window.location.pathname);
  url.searchParams.set('code', code);
  return url.toString();
}

/**
 * The workshop with its timer on this device's clock: the server's start time is its own, and
 * a tablet's clock may be minutes off.
 */
export function onLocalClock(workshop: Workshop, serverNow: number): Workshop {
  if (workshop.timer.startedAt === null) return workshop;
  const offset = Date.now() - serverNow;
  return { ...workshop, timer: { ...workshop.timer, startedAt: workshop.timer.startedAt + offset } };
}

export async function loadSessionLevel(levelId: string): Promise<Level | null> {
  const { loadShippedLevel } = await import('../state/levelSource');
  if (!getState().catalog.some((entry) => entry.id === levelId && entry.source === 'shipped')) {
    notify('error', 'session.errors.unknown-level');
    return null;
  }
  const loaded = await loadShippedLevel(levelId);
  if (!loaded.level) notify('error', 'errors.loadFailed', { id: levelId, detail: 'invalid level' });
  return loaded.level;
}

export function errorText(error: SessionRequestError | { error: string; detail?: string | null }): string {
  return t(`session.errors.${error.error}`, { detail: error.detail ?? '' });
}

export function notifyError(error: SessionRequestError | { error: string; detail?: string | null }): void {
  notify('error', `session.errors.${error.error}`, { detail: error.detail ?? '' });
}
