// Where printed cards go on A4 sheets, in millimetres: a grid centred on the page, the back page
// mirrored for long-edge double-sided printing so that each back lands behind its front, and the
// cut marks in the margins. Pure, so that tests can check the geometry without drawing a PDF.

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** A straight line from (x1, y1) to (x2, y2). */
export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const A4: Size = { width: 210, height: 297 };

export interface SheetSpec {
  page: Size;
  card: Size;
  /** Space between two cards: a double-sided print shifts by a millimetre or two, a gutter hides it. */
  gap: number;
  /** Nothing is drawn closer to the paper's edge than this: most printers cannot print there. */
  safeMargin: number;
  /** The cut marks start this far from the card edges, so that none shows on a card. */
  markOffset: number;
  markLength: number;
}

/**
 * The cards' size: the board's card proportions (208 × 136) at a size that holds the longest
 * explanation of the shipped deck at a readable size, two across and four down on A4.
 */
export const CARD_SHEET: SheetSpec = {
  page: A4,
  card: { width: 90, height: 62 },
  gap: 4,
  safeMargin: 6,
  markOffset: 1.5,
  markLength: 4,
};

export interface SheetGrid {
  spec: SheetSpec;
  columns: number;
  rows: number;
  /** Top left corner of the grid. */
  origin: { x: number; y: number };
}

export function sheetGrid(spec: SheetSpec = CARD_SHEET): SheetGrid {
  // Room is left around the grid for the cut marks between the safe margin and the cards.
  const margin = spec.safeMargin + spec.markLength + spec.markOffset;
  const fit = (room: number, size: number) => Math.max(1, Math.floor((room - 2 * margin + spec.gap) / (size + spec.gap)));
  const columns = fit(spec.page.width, spec.card.width);
  const rows = fit(spec.page.height, spec.card.height);
  const gridWidth = columns * spec.card.width + (columns - 1) * spec.gap;
  const gridHeight = rows * spec.card.height + (rows - 1) * spec.gap;
  return { spec, columns, rows, origin: { x: (spec.page.width - gridWidth) / 2, y: (spec.page.height - gridHeight) / 2 } };
}

export function cardsPerPage(grid: SheetGrid): number {
  return grid.columns * grid.rows;
}

/** The places of the cards on a front page, row by row, left to right. */
export function frontSlots(grid: SheetGrid): Rect[] {
  const { card, gap } = grid.spec;
  return Array.from({ length: cardsPerPage(grid) }, (_, i) => ({
    x: grid.origin.x + (i % grid.columns) * (card.width + gap),
    y: grid.origin.y + Math.floor(i / grid.columns) * (card.height + gap),
    width: card.width,
    height: card.height,
  }));
}

/**
 * A front place seen from the back of the sheet after a long-edge flip: the same height, the
 * other side of the page. The columns come in the mirrored order.
 */
export function behind(page: Size, slot: Rect): Rect {
  return { ...slot, x: page.width - slot.x - slot.width };
}

export function backSlots(grid: SheetGrid): Rect[] {
  return frontSlots(grid).map((slot) => behind(grid.spec.page, slot));
}

/**
 * Short lines in the margins that continue the card edges, for a guillotine or a ruler: vertical
 * ones above and below the grid, horizontal ones left and right of it. None crosses a card.
 */
export function cutMarks(grid: SheetGrid): Line[] {
  const slots = frontSlots(grid);
  const { page, markOffset, markLength } = grid.spec;
  const xs = [...new Set(slots.flatMap((slot) => [slot.x, slot.x + slot.width]))].sort((a, b) => a - b);
  const ys = [...new Set(slots.flatMap((slot) => [slot.y, slot.y + slot.height]))].sort((a, b) => a - b);
  const top = grid.origin.y;
  const bottom = page.height - grid.origin.y;
  const left = grid.origin.x;
  const right = page.width - grid.origin.x;
  return [
    ...xs.flatMap((x) => [
      { x1: x, y1: top - markOffset - markLength, x2: x, y2: top - markOffset },
      { x1: x, y1: bottom + markOffset, x2: x, y2: bottom + markOffset + markLength },
    ]),
    ...ys.flatMap((y) => [
      { x1: left - markOffset - markLength, y1: y, x2: left - markOffset, y2: y },
      { x1: right + markOffset, y1: y, x2: right + markOffset + markLength, y2: y },
    ]),
  ];
}

export interface CardPage<T> {
  side: 'front' | 'back';
  /** 1 for the first sheet of cards. */
  sheet: number;
  cards: { card: T; slot: Rect }[];
}

/**
 * The card pages in print order: the front of a sheet, then its back, so that a printer set to
 * double-sided (long-edge) prints each sheet on both sides. A back holds the same cards as the
 * front before it, each behind its front.
 */
export function cardPages<T>(cards: readonly T[], grid: SheetGrid = sheetGrid()): CardPage<T>[] {
  const perPage = cardsPerPage(grid);
  const fronts = frontSlots(grid);
  const pages: CardPage<T>[] = [];
  for (let start = 0, sheet = 1; start < cards.length; start += perPage, sheet++) {
    const batch = cards.slice(start, start + perPage);
    pages.push({ side: 'front', sheet, cards: batch.map((card, i) => ({ card, slot: fronts[i]! })) });
    pages.push({ side: 'back', sheet, cards: batch.map((card, i) => ({ card, slot: behind(grid.spec.page, fronts[i]!) })) });
  }
  return pages;
}
