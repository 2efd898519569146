// Mounts the board (Phaser, downloaded only when a level opens) into its place on the page and
// keeps a handle on it for the interface, the snapshot and the hand's drag and drop.
import { arrivedBoardCode, loadBoardCode, prefetchBoardFonts } from './board/prefetch';
import type { BoardHandle } from './board/types';

let current: BoardHandle | null = null;
let mounting: Promise<BoardHandle> | null = null;

export function currentBoard(): BoardHandle | null {
  return current;
}

export async function mountBoard(parent: HTMLElement): Promise<BoardHandle> {
  unmountBoard();
  // The board draws its text once the typefaces are there (createBoard.ts waits for them): they
  // are fetched while its code downloads, not after.
  prefetchBoardFonts();
  // With its code already there, the board is made at once, before the new screen is painted:
  // its first questions to the graphics process then do not wait behind that painting (a tenth
  // of a second on a laptop without a graphics card).
  const code = arrivedBoardCode();
  const attempt = code ? code.createBoard(parent) : loadBoardCode().then(({ createBoard }) => createBoard(parent));
  mounting = attempt;
  const handle = await attempt;
  if (mounting !== attempt) {
    // Unmounted (or mounted again elsewhere) while Phaser was loading.
    handle.destroy();
    throw new Error('board unmounted while loading');
  }
  current = handle;
  return handle;
}

export function unmountBoard(): void {
  mounting = null;
  current?.destroy();
  current = null;
}
