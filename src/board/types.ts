// What the rest of the game may ask of the board (the Phaser part, loaded on demand).
import type { Point } from '../core/fresco';
import type { Rect } from '../core/layout';

export interface BoardHandle {
  /** The world point under a page point, or null when the page point is not over the fresco. */
  pageToWorld(page: Point): Point | null;
  worldToPage(world: Point): Point;
  /** Card rect and arrow handle in page pixels, for cards on the fresco. */
  cardRect(cardId: string): Rect | null;
  /**
   * Card rects in pixels from the board's top-left corner: computed without reading the page's
   * layout, so that a layer of 150 buttons can follow the cards without forcing a layout each.
   */
  cardRectsOnBoard(cardIds: Iterable<string>): Map<string, Rect>;
  handle(cardId: string): Point | null;
  /** Centre of an arrow's label (where a click selects the arrow), page pixels. */
  linkLabel(linkId: string): Point | null;
  /** The visible fresco in page pixels. */
  boardRect(): Rect;
  /** CSS pixels per world unit. */
  zoom(): number;
  zoneRects(): { id: string; rect: Rect }[];
  /** The fresco's whole area (its zones, and any card or note placed beyond them) in page pixels. */
  worldRect(): Rect | null;
  /** Where to put a card so that it lands in view and covers no other card (world units). */
  freeSpotInView(): Point;
  /**
   * Applies a change of the board's size at once (rather than at the next frame), so that what
   * is read or pointed at right after a layout change matches what will be drawn.
   */
  syncSize(): void;
  /** Called after the view moves or zooms (the DOM overlays follow the cards). */
  onViewChange(listener: () => void): () => void;
  /** The world point at the centre of a zone, or next to a card, where a card can go. */
  spotInZone(zoneId: string, cardId: string): Point | null;
  spotNextTo(targetId: string, cardId: string): Point | null;
  /** Pans, if needed, so that a card of the fresco is in view (keyboard focus follows it). */
  showCard(cardId: string): void;
  zoomBy(factor: number): void;
  fit(): void;
  destroy(): void;
}
