// The address of one card of a level, as printed in the QR code of a paper card: it opens the
// level and shows that card's back. Written by the print and read by the game from this one
// module, so that what is printed is what the game understands.
import { cardOf, type Level } from './level';

/** Where the game is served: `window.location`'s origin and path in the browser. */
export interface GameAddress {
  origin: string;
  pathname: string;
}

export function cardUrl(game: GameAddress, levelId: string, cardId: string): string {
  const params = new URLSearchParams({ level: levelId, card: cardId });
  return `${game.origin}${game.pathname}?${params.toString()}`;
}

/**
 * The card to show after the level opened from a `?card=` address, or null: a card the level
 * does not have (a typo, a card removed since the paper was printed) is ignored.
 */
export function cardToRead(level: Level, cardId: string | null): string | null {
  return cardId !== null && cardOf(level, cardId) ? cardId : null;
}
