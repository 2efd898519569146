// The browser's localStorage, made safe: it can be missing (private modes, locked-down school
// computers), full, or hold anything. Every read and write goes through here.

const PREFIX = 'fresque:';

export const keys = {
  settings: `${PREFIX}settings`,
  imported: `${PREFIX}imported`,
  pin: `${PREFIX}facilitator-pin`,
  workshop: `${PREFIX}workshop`,
  /** The session this device opened as its facilitator (code and token). */
  sessionFacilitator: `${PREFIX}session-facilitator`,
  /** What this device draws WebGL with: `hardware` or `software` (board/glContext.ts). */
  renderer: `${PREFIX}renderer`,
  save: (levelId: string) => `${PREFIX}save:${levelId}`,
  setAside: (what: string, at: Date) => `${PREFIX}set-aside:${what}:${at.toISOString()}`,
};

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function storageAvailable(): boolean {
  const s = store();
  if (!s) return false;
  try {
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

export function readItem(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** False when the value could not be written (no storage, or storage full). */
export function writeItem(key: string, value: string): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeItem(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // Nothing to do: the item stays, which loses nothing.
  }
}

export function keysWithPrefix(prefix: string): string[] {
  const s = store();
  if (!s) return [];
  const found: string[] = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(prefix)) found.push(key);
    }
  } catch {
    return found;
  }
  return found;
}

/** Moves a value that cannot be used aside instead of deleting a person's data. */
export function setAside(key: string, what: string, now: Date): void {
  const value = readItem(key);
  if (value !== null) writeItem(keys.setAside(what, now), value);
  removeItem(key);
}

/**
 * Forgets every saved game and workshop (`?fresh=1`, for tests and shared computers). Settings,
 * the facilitator's PIN and imported levels stay.
 */
export function forgetSaves(): void {
  for (const key of keysWithPrefix(`${PREFIX}save:`)) removeItem(key);
  removeItem(keys.workshop);
  for (const key of keysWithPrefix(`${PREFIX}session-`)) removeItem(key);
}
