// The card sheets' geometry: how many cards a page holds, where they go, the back page that
// lands behind the front after a long-edge flip, and the cut marks in the margins.
import { describe, expect, it } from 'vitest';
import { A4, backSlots, behind, CARD_SHEET, cardPages, cardsPerPage, cutMarks, frontSlots, sheetGrid, type Rect } from '../../../src/print/layout';

const grid = sheetGrid();
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('card sheet', () => {
  it('holds eight cards on A4, two across and four down', () => {
    expect(grid.columns).toBe(2);
    expect(grid.rows).toBe(4);
    expect(cardsPerPage(grid)).toBe(8);
  });

  it('puts every card on the page, inside the safe margin, without overlaps, in reading order', () => {
    const slots = frontSlots(grid);
    const { safeMargin } = CARD_SHEET;
    for (const slot of slots) {
      expect(slot.width).toBe(CARD_SHEET.card.width);
      expect(slot.height).toBe(CARD_SHEET.card.height);
      expect(slot.x).toBeGreaterThanOrEqual(safeMargin);
      expect(slot.y).toBeGreaterThanOrEqual(safeMargin);
      expect(slot.x + slot.width).toBeLessThanOrEqual(A4.width - safeMargin);
      expect(slot.y + slot.height).toBeLessThanOrEqual(A4.height - safeMargin);
    }
    slots.forEach((a, i) => slots.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    expect(slots[0]).toMatchObject({ x: grid.origin.x, y: grid.origin.y });
    expect(slots[1]!.x).toBeGreaterThan(slots[0]!.x);
    expect(slots[1]!.y).toBe(slots[0]!.y);
    expect(slots[2]!.y).toBeGreaterThan(slots[0]!.y);
    // The grid is centred, so a page printed a little off centre loses the same on each side.
    const last = slots[slots.length - 1]!;
    expect(close(A4.width - (last.x + last.width), slots[0]!.x)).toBe(true);
    expect(close(A4.height - (last.y + last.height), slots[0]!.y)).toBe(true);
  });

  it('mirrors the columns on the back page: each back is behind its front (long-edge flip)', () => {
    const fronts = frontSlots(grid);
    const backs = backSlots(grid);
    fronts.forEach((front, i) => {
      const back = backs[i]!;
      // Turned over on its long (vertical) edge, a point at x on the front is at width - x.
      expect(close(back.x, A4.width - front.x - front.width)).toBe(true);
      expect(back.y).toBe(front.y);
      expect(back.width).toBe(front.width);
    });
    // First row: the first card's back is in the right column, the second's in the left one.
    expect(backs[0]!.x).toBe(fronts[1]!.x);
    expect(backs[1]!.x).toBe(fronts[0]!.x);
    // Behind is its own inverse.
    expect(behind(A4, behind(A4, fronts[3]!))).toEqual(fronts[3]);
  });

  it('mirrors an off-centre grid too', () => {
    const slot = { x: 20, y: 30, width: 90, height: 62 };
    expect(behind(A4, slot)).toEqual({ x: 100, y: 30, width: 90, height: 62 });
  });

  it('draws the cut marks in the margins, on the card edges, crossing no card', () => {
    const marks = cutMarks(grid);
    const slots = frontSlots(grid);
    const { safeMargin } = CARD_SHEET;
    const xs = new Set(slots.flatMap((slot) => [slot.x, slot.x + slot.width]));
    const ys = new Set(slots.flatMap((slot) => [slot.y, slot.y + slot.height]));
    // Two marks (top and bottom) per vertical edge, two (left and right) per horizontal edge.
    expect(marks).toHaveLength(2 * xs.size + 2 * ys.size);
    for (const mark of marks) {
      for (const value of [mark.x1, mark.x2]) expect(value).toBeGreaterThanOrEqual(safeMargin);
      for (const value of [mark.x1, mark.x2]) expect(value).toBeLessThanOrEqual(A4.width - safeMargin);
      for (const value of [mark.y1, mark.y2]) expect(value).toBeGreaterThanOrEqual(safeMargin);
      for (const value of [mark.y1, mark.y2]) expect(value).toBeLessThanOrEqual(A4.height - safeMargin);
      const vertical = mark.x1 === mark.x2;
      if (vertical) expect(xs.has(mark.x1)).toBe(true);
      else expect(ys.has(mark.y1)).toBe(true);
      const box = { x: Math.min(mark.x1, mark.x2), y: Math.min(mark.y1, mark.y2), width: Math.abs(mark.x2 - mark.x1) || 1e-6, height: Math.abs(mark.y2 - mark.y1) || 1e-6 };
      // Outside the grid: in the margin band, so it shows on no card.
      const inGrid = overlaps(box, { x: grid.origin.x, y: grid.origin.y, width: A4.width - 2 * grid.origin.x, height: A4.height - 2 * grid.origin.y });
      expect(inGrid).toBe(false);
      expect(Math.hypot(mark.x2 - mark.x1, mark.y2 - mark.y1)).toBeCloseTo(CARD_SHEET.markLength);
    }
  });

  it('fits fewer, larger cards when asked', () => {
    const big = sheetGrid({ ...CARD_SHEET, card: { width: 120, height: 80 } });
    expect(big.columns).toBe(1);
    expect(big.rows).toBe(3);
  });
});

describe('card pages', () => {
  const ids = Array.from({ length: 19 }, (_, i) => `card-${i}`);
  const pages = cardPages(ids, grid);

  it('gives each sheet a front page then its back page', () => {
    expect(pages).toHaveLength(6);
    expect(pages.map((page) => `${page.sheet}${page.side}`)).toEqual(['1front', '1back', '2front', '2back', '3front', '3back']);
    expect(pages.map((page) => page.cards.length)).toEqual([8, 8, 8, 8, 3, 3]);
    expect(pages.filter((page) => page.side === 'front').flatMap((page) => page.cards.map((entry) => entry.card))).toEqual(ids);
  });

  it('puts each back behind its front', () => {
    for (let i = 0; i < pages.length; i += 2) {
      const front = pages[i]!;
      const back = pages[i + 1]!;
      expect(back.cards.map((entry) => entry.card)).toEqual(front.cards.map((entry) => entry.card));
      front.cards.forEach((entry, j) => expect(back.cards[j]!.slot).toEqual(behind(A4, entry.slot)));
    }
    // A lone card on the last sheet: front on the left, back on the right.
    const lone = cardPages(['only'], grid);
    expect(lone[0]!.cards[0]!.slot.x).toBeLessThan(A4.width / 2);
    expect(lone[1]!.cards[0]!.slot.x).toBeGreaterThan(A4.width / 2);
  });

  it('has no page for no card', () => {
    expect(cardPages([], grid)).toEqual([]);
  });
});
