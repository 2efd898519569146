// The service worker: once the game has been opened, it plays with no network (a classroom's
// wifi fails, a tablet leaves the school). A new version is installed in the background and
// used when the player accepts it (or at the next visit): a game in progress is never cut off.
import { whenIdle } from './idle';
import { notify, store } from './state/store';

let update: ((reload?: boolean) => Promise<void>) | null = null;

/** Installs the new version and reloads (the game in progress is saved and resumes). */
export function applyUpdate(): void {
  void update?.(true);
}

export function startOffline(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // Registered once the page has loaded and has nothing else to do, so that it never delays the
  // first screen (an address with a level loads the board after the page's load event).
  window.addEventListener('load', () => whenIdle(register, 5000));
}

function register(): void {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    update = registerSW({
      immediate: true,
      onNeedRefresh: () => notify('info', 'offline.updateReady'),
      // Not on the classroom's projected screen, where nobody can dismiss it.
      onOfflineReady: () => store.getState().role !== 'projector' && notify('info', 'offline.ready'),
      onRegisterError: () => undefined,
    });
  });
}
