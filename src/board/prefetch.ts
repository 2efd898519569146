// What a board needs, asked for the moment a level starts opening: the board's code (Phaser) and
// the typefaces it draws with. On a slow network, fetched side by side with the game's code and
// the level rather than after them, they save a second before the first board (npm run bench).
import { fontFamily } from './palette';

/** The weights and styles of the typeface the board draws its text with. */
const FONT_SPECS = ['400 16px', '700 16px', 'italic 400 16px'];

/** The board's typefaces, asked for (or found already there). */
export function loadBoardFonts(): Promise<unknown>[] {
  return FONT_SPECS.map((spec) => document.fonts?.load(`${spec} ${fontFamily()}`) ?? Promise.resolve());
}

export function prefetchBoardFonts(): void {
  for (const load of loadBoardFonts()) void load.catch(() => undefined);
}

/** Whether the board's typefaces are all there already (then it need not wait for them). */
export function boardFontsLoaded(): boolean {
  try {
    return FONT_SPECS.every((spec) => document.fonts?.check(`${spec} ${fontFamily()}`) ?? true);
  } catch {
    return false;
  }
}

type BoardCode = typeof import('./createBoard');
let boardCode: BoardCode | null = null;

/** The board's code once it has arrived (a board then mounts without waiting a turn for it). */
export function arrivedBoardCode(): BoardCode | null {
  return boardCode;
}

let failedUrl: string | null = null;
let retries = 0;

/**
 * The board's code. A download that failed (a tablet's wifi dropping on its first visit) is asked
 * for again by the next call; browsers that keep a failed module failed for the page's life
 * (Chromium before 156, others still: whatwg/html#10327) are given the same file under another
 * address, taken from their error, which names it.
 */
export function loadBoardCode(): Promise<BoardCode> {
  const load: Promise<BoardCode> = failedUrl ? import(/* @vite-ignore */ `${failedUrl}?retry=${++retries}`) : import('./createBoard');
  return load.then(
    (code) => (boardCode = code),
    (cause: unknown) => {
      const named = cause instanceof Error ? /(?:https?:)?\/\/\S+?\.js\b|\/\S+?\.js\b/.exec(cause.message)?.[0] : undefined;
      if (named) failedUrl = named;
      throw cause;
    },
  );
}

export function prefetchBoard(): void {
  prefetchBoardFonts();
  // A failure here is told by the board itself when it mounts (and waits for the network).
  void loadBoardCode()
    .then((board) => board.prepareContext())
    .catch(() => undefined);
}
