// The URL is part of the interface: ?level=<id> opens a level (teachers bookmark it), &card=<id>
// then shows that card's back (a printed card's QR code), the back button returns to the list.
// See the README's URL parameters.
import { showMenu } from './state/catalog';
import { openLevelSoon } from './state/lazyGame';

export interface UrlRequest {
  level: string | null;
  /** A card of that level to read once it is open (see core/cardLink.ts). */
  card: string | null;
  lang: string | null;
  mode: string | null;
  view: string | null;
  page: string | null;
  /** A workshop session's join code (`?code=XXXXXX`). */
  code: string | null;
  fresh: boolean;
}

export function readUrl(location: Location = window.location): UrlRequest {
  const params = new URLSearchParams(location.search);
  return {
    level: params.get('level'),
    card: params.get('card'),
    lang: params.get('lang'),
    mode: params.get('mode'),
    view: params.get('view'),
    page: params.get('page'),
    code: params.get('code'),
    fresh: params.get('fresh') === '1',
  };
}

function urlWith(changes: Record<string, string | null>): string {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url.pathname + url.search + url.hash;
}

/**
 * `?fresh=1` is done once it has cleared the saves: it leaves the address so that a reload
 * resumes the game started since.
 */
export function consumeFresh(): void {
  window.history.replaceState(window.history.state, '', urlWith({ fresh: null }));
}

/**
 * `?card=` is read once, when the level opens: it leaves the address so that it does not follow
 * the player to the next level (the address keeps its other parameters when a level is chosen).
 */
export function consumeCard(): void {
  window.history.replaceState(window.history.state, '', urlWith({ card: null }));
}

export function goToLevel(id: string): void {
  window.history.pushState({ level: id }, '', urlWith({ level: id }));
  void openLevelSoon(id);
}

export function goToMenu(): void {
  if (readUrl().level !== null) window.history.pushState({}, '', urlWith({ level: null }));
  showMenu();
}

/** The address after an unknown level id: the list, without the bad id. */
export function dropLevelFromUrl(): void {
  window.history.replaceState({}, '', urlWith({ level: null }));
}

/** Facilitator mode is a page of its own (?mode=facilitator), optionally with a level chosen. */
export function facilitatorUrl(level?: string): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('mode', 'facilitator');
  if (level) url.searchParams.set('level', level);
  return url.toString();
}

export function listenToHistory(): void {
  window.addEventListener('popstate', () => {
    if (readUrl().mode === 'facilitator' || readUrl().view === 'projector') return;
    const { level } = readUrl();
    if (level) void openLevelSoon(level);
    else showMenu();
  });
}
