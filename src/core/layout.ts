// The fresco's world: its size and where the level's zones lie. The format names zones without
// geometry, so they are laid out here, the same way on every screen, from the level alone.
import type { Point } from './fresco';
import type { Level } from './level';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Cards keep their size on the board (the board zooms, not the card). World units. */
export const CARD_WIDTH = 208;
export const CARD_HEIGHT = 136;
/** A note the group puts on its fresco (creative phase). */
export const NOTE_WIDTH = 180;
export const NOTE_HEIGHT = 110;
/** Room a card needs around it for arrows and their labels. */
const CELL_WIDTH = CARD_WIDTH + 88;
const CELL_HEIGHT = CARD_HEIGHT + 72;
const ZONE_GAP = 32;
const ZONE_LABEL_HEIGHT = 64;

export interface FrescoLayout {
  world: Rect;
  zones: { id: string; rect: Rect }[];
}

export function cardRect(center: Point): Rect {
  return { x: center.x - CARD_WIDTH / 2, y: center.y - CARD_HEIGHT / 2, width: CARD_WIDTH, height: CARD_HEIGHT };
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** Whether `inner` lies wholly inside `outer`. */
export function encloses(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The shape of the screen the fresco is laid out for: a landscape board beside a top bar and a hand. */
const TARGET_ASPECT = 2.3;

/** How well a world of this size fits a landscape board: the zoom it would be shown at. */
const fitness = (width: number, height: number) => Math.min(TARGET_ASPECT / width, 1 / height);

/**
 * Zones in one to three rows, each a grid of cells large enough for the cards expected in it
 * (from the solution's placements, else an even share), each cell leaving room around its card
 * for arrows and labels. Of the possible arrangements, the one that fits a landscape screen best
 * (the largest zoom) is kept, so that the whole fresco is readable at once.
 */
export function layoutFresco(level: Level): FrescoLayout {
  const cardCount = level.cards.length;
  if (level.zones.length === 0) {
    let best = { columns: 3, rows: Math.max(2, Math.ceil(cardCount / 3)) };
    for (let columns = 3; columns <= Math.max(3, cardCount); columns++) {
      const rows = Math.max(2, Math.ceil(cardCount / columns));
      if (fitness(columns * CELL_WIDTH, rows * CELL_HEIGHT) > fitness(best.columns * CELL_WIDTH, best.rows * CELL_HEIGHT)) best = { columns, rows };
    }
    return { world: { x: 0, y: 0, width: best.columns * CELL_WIDTH + ZONE_GAP * 2, height: best.rows * CELL_HEIGHT + ZONE_GAP * 2 }, zones: [] };
  }
  const zoneCount = level.zones.length;
  const expected = new Map<string, number>(level.zones.map((zone) => [zone.id, 0]));
  for (const zoneId of Object.values(level.placements)) expected.set(zoneId, (expected.get(zoneId) ?? 0) + 1);
  const capacity = Math.max(Math.ceil(cardCount / zoneCount), ...expected.values());

  let best: { rowCount: number; perRow: number; width: number; height: number; world: Rect } | null = null;
  for (let rowCount = 1; rowCount <= Math.min(3, zoneCount); rowCount++) {
    const perRow = Math.ceil(zoneCount / rowCount);
    for (let columnsPerZone = 1; columnsPerZone <= 4; columnsPerZone++) {
      const rowsPerZone = Math.max(2, Math.ceil(capacity / columnsPerZone));
      const width = columnsPerZone * CELL_WIDTH + ZONE_GAP;
      const height = rowsPerZone * CELL_HEIGHT + ZONE_LABEL_HEIGHT;
      const world = { x: 0, y: 0, width: perRow * (width + ZONE_GAP) + ZONE_GAP, height: rowCount * (height + ZONE_GAP) + ZONE_GAP };
      if (!best || fitness(world.width, world.height) > fitness(best.world.width, best.world.height)) best = { rowCount, perRow, width, height, world };
    }
  }
  const { perRow, width, height, world } = best!;
  const zones = level.zones.map((zone, i) => ({
    id: zone.id,
    rect: {
      x: ZONE_GAP + (i % perRow) * (width + ZONE_GAP),
      y: ZONE_GAP + Math.floor(i / perRow) * (height + ZONE_GAP),
      width,
      height,
    },
  }));
  return { world, zones };
}

/** The zone under a card's centre, if any. */
export function zoneAt(layout: FrescoLayout, point: Point): string | null {
  return layout.zones.find((zone) => contains(zone.rect, point))?.id ?? null;
}

/**
 * Where to put a card dropped at `wanted` so that it does not cover another card: the wanted
 * point if free, else the nearest free point on a spiral around it. Cards that overlap hide
 * arrows and labels, and the fresco stops being readable.
 */
export function freeSpot(wanted: Point, others: readonly Point[], margin = 30): Point {
  const clear = (p: Point) => {
    const rect = cardRect(p);
    const padded = { x: rect.x - margin, y: rect.y - margin, width: rect.width + margin * 2, height: rect.height + margin * 2 };
    return others.every((other) => !overlaps(padded, cardRect(other)));
  };
  if (clear(wanted)) return wanted;
  const step = 24;
  for (let ring = 1; ring <= 40; ring++) {
    const candidates: Point[] = [];
    const samples = ring * 8;
    for (let i = 0; i < samples; i++) {
      const angle = (i / samples) * Math.PI * 2;
      candidates.push({ x: wanted.x + Math.cos(angle) * ring * step * 1.6, y: wanted.y + Math.sin(angle) * ring * step });
    }
    const free = candidates.filter(clear);
    if (free.length > 0) {
      free.sort((a, b) => Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y));
      const best = free[0];
      if (best) return { x: Math.round(best.x), y: Math.round(best.y) };
    }
  }
  return wanted;
}
