// What a board needs, asked for the moment a level starts opening: the board's code (Phaser) and
// the typefaces it draws with. On a slow network, fetched side by side with the game's code and
// the level rather than after them, they save a second before the first board (npm run bench).
import { fontFamily } from './palette';

/** The typefaces the board draws its text with, asked for (or found already there). */
export function loadBoardFonts(): Promise<unknown>[] {
  return ['400 16px', '700 16px', 'italic 400 16px'].map((spec) => document.fonts?.load(`${spec} ${fontFamily()}`) ?? Promise.resolve());
}

export function prefetchBoardFonts(): void {
  for (const load of loadBoardFonts()) void load.catch(() => undefined);
}

export function prefetchBoard(): void {
  prefetchBoardFonts();
  // A failure here is told by the board itself when it mounts (and waits for the network).
  void import('./createBoard').then((board) => board.prepareContext()).catch(() => undefined);
}
