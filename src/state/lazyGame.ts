// The game's rules, saves and board screens load when a level opens, not with the level list:
// the home screen of a school laptop on a slow network needs none of them.
import { showMenu } from './catalog';
import { notify, store } from './store';

export function loadGame(): Promise<typeof import('./game')> {
  return import('./game');
}

function failed(id: string, cause: unknown): void {
  showMenu();
  notify('error', 'errors.loadFailed', { id, detail: cause instanceof Error ? cause.message : String(cause) });
}

/**
 * A shipped level's file, asked for with the game's code rather than after it (the module is
 * kept: game.ts's openLevel then finds it loaded).
 */
function prefetchLevel(id: string): void {
  if (store.getState().catalog.find((entry) => entry.id === id)?.source !== 'shipped') return;
  void import('./levelSource').then((source) => source.loadShippedLevel(id)).catch(() => undefined);
}

/** The level's file on its way, and the loading screen (which asks for the board's code). */
function startOpening(id: string): void {
  prefetchLevel(id);
  if (store.getState().screen === 'menu') store.setState({ screen: 'loading' });
}

/** Opens a level by id (see game.ts's openLevel), loading the game's code first. */
export function openLevelSoon(id: string): Promise<void> {
  startOpening(id);
  return loadGame()
    .then((game) => game.openLevel(id))
    .catch((cause: unknown) => failed(id, cause));
}

/** Opens a level, then the back of one of its cards (a printed card's QR code). */
export function openCardSoon(levelId: string, cardId: string): Promise<void> {
  startOpening(levelId);
  return loadGame()
    .then(async (game) => {
      await game.openLevel(levelId);
      game.readCard(levelId, cardId);
    })
    .catch((cause: unknown) => failed(levelId, cause));
}
