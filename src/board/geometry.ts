// Arrow geometry on the fresco: curved arrows from card edge to card edge, where their labels go
// so that they stay readable, and what lies under a pointer. Pure functions of world coordinates.
import type { Point } from '../core/fresco';
import type { Rect } from '../core/layout';

export interface ArrowPath {
  start: Point;
  control: Point;
  end: Point;
}

/** Gap between a card's edge and an arrow's ends, so arrowheads do not touch the card. */
const EDGE_GAP = 6;

export function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Where the ray from the rect's centre towards `toward` leaves the rect, pushed out by `gap`. */
export function exitPoint(rect: Rect, toward: Point, gap = EDGE_GAP): Point {
  const c = center(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const halfW = rect.width / 2 + gap;
  const halfH = rect.height / 2 + gap;
  const scale = Math.min(dx === 0 ? Infinity : halfW / Math.abs(dx), dy === 0 ? Infinity : halfH / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * A quadratic curve between two cards. `bend` is the control point's offset from the chord's
 * middle, as a share of the distance between the card centres, to the left of the direction of
 * travel: arrows A→B and B→A with the same bend take opposite sides.
 */
export function arrowPath(from: Rect, to: Rect, bend: number): ArrowPath {
  const a = center(from);
  const b = center(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const control = { x: (a.x + b.x) / 2 + (dy / length) * bend * length, y: (a.y + b.y) / 2 - (dx / length) * bend * length };
  return { start: exitPoint(from, control), control, end: exitPoint(to, control) };
}

export function pointOnCurve(path: ArrowPath, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * path.start.x + 2 * u * t * path.control.x + t * t * path.end.x,
    y: u * u * path.start.y + 2 * u * t * path.control.y + t * t * path.end.y,
  };
}

/** Direction of travel at the end of the curve, in radians, for the arrowhead. */
export function endAngle(path: ArrowPath): number {
  const from = path.control.x === path.end.x && path.control.y === path.end.y ? path.start : path.control;
  return Math.atan2(path.end.y - from.y, path.end.x - from.x);
}

/**
 * Bends for the arrows between one pair of cards (either direction): a single arrow curves
 * gently, several fan out so that none lies on another.
 */
export function bendsFor(count: number): number[] {
  const base = 0.14;
  const step = 0.2;
  return Array.from({ length: count }, (_, i) => base + step * i);
}

function inside(rect: Rect, point: Point, margin: number): boolean {
  return point.x > rect.x - margin && point.x < rect.x + rect.width + margin && point.y > rect.y - margin && point.y < rect.y + rect.height + margin;
}

/** Bends tried, in order of preference, when the natural curve would pass under a card. */
const DETOURS = [0, 0.3, -0.45, 0.6, -0.75, 0.9, -1.05];
const ROUTE_SAMPLES = 20;

/**
 * The arrow between two cards, bent further (to one side, then the other) when its natural
 * curve would run under another card: an arrow must not look as if it ended on the wrong card.
 */
export function routeArrow(from: Rect, to: Rect, obstacles: readonly Rect[], bend: number): ArrowPath {
  const a = center(from);
  const b = center(to);
  const reach = Math.hypot(b.x - a.x, b.y - a.y) * 0.6 + 40;
  const box = { x: Math.min(a.x, b.x) - reach, y: Math.min(a.y, b.y) - reach, width: Math.abs(a.x - b.x) + reach * 2, height: Math.abs(a.y - b.y) + reach * 2 };
  const near = obstacles.filter((rect) => rect.x < box.x + box.width && rect.x + rect.width > box.x && rect.y < box.y + box.height && rect.y + rect.height > box.y);
  let best = arrowPath(from, to, bend);
  if (near.length === 0) return best;
  let bestCost = Infinity;
  for (const [rank, detour] of DETOURS.entries()) {
    const path = rank === 0 ? best : arrowPath(from, to, bend + detour);
    let cost = rank * 0.5;
    for (let i = 1; i < ROUTE_SAMPLES; i++) {
      const point = pointOnCurve(path, i / ROUTE_SAMPLES);
      for (const rect of near) if (inside(rect, point, 10)) cost += 10;
    }
    if (cost < bestCost) {
      best = path;
      bestCost = cost;
    }
    if (cost === rank * 0.5) break;
  }
  return best;
}

export function distanceToCurve(path: ArrowPath, point: Point, samples = 24): number {
  let best = Infinity;
  let previous = path.start;
  for (let i = 1; i <= samples; i++) {
    const next = pointOnCurve(path, i / samples);
    best = Math.min(best, distanceToSegment(point, previous, next));
    previous = next;
  }
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export interface LabelRequest {
  id: string;
  path: ArrowPath;
  width: number;
  height: number;
}

/** Positions along the curve tried for a label, best first. */
const LABEL_STOPS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];
/** Then beside the curve (short arrows between close cards leave no room on the line). */
const LABEL_SIDES = [1, -1];

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places each arrow's label (a pill of the given size) on its curve where it overlaps the fewest
 * other labels and cards: labels are placed in order, each avoiding those already placed.
 * `fixed` are labels that stay where they are (those not being re-laid out).
 */
export function placeLabels(requests: readonly LabelRequest[], cards: readonly Rect[], fixed: readonly Rect[] = []): Map<string, Rect> {
  const placed = new Map<string, Rect>();
  const taken: Rect[] = [...fixed];
  for (const request of requests) {
    let best: Rect | null = null;
    let bestCost = Infinity;
    const candidates: { at: Point; rank: number }[] = LABEL_STOPS.map((t, rank) => ({ at: pointOnCurve(request.path, t), rank }));
    const middle = pointOnCurve(request.path, 0.5);
    const before = pointOnCurve(request.path, 0.45);
    const after = pointOnCurve(request.path, 0.55);
    const length = Math.hypot(after.x - before.x, after.y - before.y) || 1;
    const normal = { x: -(after.y - before.y) / length, y: (after.x - before.x) / length };
    const offset = Math.abs(normal.x) * (request.width / 2 + 6) + Math.abs(normal.y) * (request.height / 2 + 6);
    for (const side of LABEL_SIDES) {
      candidates.push({ at: { x: middle.x + normal.x * offset * side, y: middle.y + normal.y * offset * side }, rank: LABEL_STOPS.length + 2 });
    }
    for (const { at, rank } of candidates) {
      const rect = { x: at.x - request.width / 2, y: at.y - request.height / 2, width: request.width, height: request.height };
      let cost = rank * 40;
      for (const other of taken) cost += overlapArea(rect, other) * 4;
      for (const card of cards) cost += overlapArea(rect, card);
      if (cost < bestCost) {
        best = rect;
        bestCost = cost;
      }
      if (cost === 0) break;
    }
    if (best) {
      placed.set(request.id, best);
      taken.push(best);
    }
  }
  return placed;
}
